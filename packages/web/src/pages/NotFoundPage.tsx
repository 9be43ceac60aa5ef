import { Link } from '@tanstack/react-router'
import { PageHeading } from '../components/PageHeading.tsx'
import { usePageTitle } from '../lib/page.ts'

export function NotFoundPage({ message }: { message?: string }) {
  usePageTitle(['Sidan finns inte'])
  return (
    <>
      <PageHeading>Sidan finns inte</PageHeading>
      {message ? (
        <div className="alert" role="alert">
          <p>{message}</p>
        </div>
      ) : (
        <p>Adressen kan vara felstavad, eller så har sidan flyttats.</p>
      )}
      <p>
        <Link to="/">Gå till startsidan</Link>
      </p>
    </>
  )
}
