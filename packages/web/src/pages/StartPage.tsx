import { Link } from '@tanstack/react-router'
import { PageHeading } from '../components/PageHeading.tsx'
import { ErrorMessage, Loading } from '../components/QueryState.tsx'
import { useMunicipalities } from '../lib/api.ts'
import { usePageTitle } from '../lib/page.ts'

export function StartPage() {
  usePageTitle(['Kommuner'])
  const municipalities = useMunicipalities()

  return (
    <>
      <PageHeading>Årshjul</PageHeading>
      <p className="lead">
        Årshjul är ett öppet system där kommunens nämnder planerar sina mål och följer upp dem med
        bedömningar, indikatorer och uppdrag.
      </p>
      <section aria-labelledby="municipalities-heading">
        <h2 id="municipalities-heading">Kommuner</h2>
        {municipalities.isPending ? <Loading what="kommunerna" /> : null}
        {municipalities.isError ? (
          <ErrorMessage error={municipalities.error} onRetry={() => municipalities.refetch()} />
        ) : null}
        {municipalities.data?.length === 0 ? <p>Det finns inga kommuner ännu.</p> : null}
        {municipalities.data && municipalities.data.length > 0 ? (
          <ul className="card-list">
            {municipalities.data.map((municipality) => (
              <li key={municipality.code} className="card">
                <h3 className="card__title">
                  <Link to="/$code" params={{ code: municipality.code }}>
                    {municipality.name}
                  </Link>
                </h3>
                {municipality.boards.length > 0 ? (
                  <ul className="link-list" aria-label={`Nämnder i ${municipality.name}`}>
                    {municipality.boards.map((board) => (
                      <li key={board.key}>
                        <Link to="/$code/$board" params={{ code: municipality.code, board: board.key }}>
                          {board.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Inga nämnder ännu.</p>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  )
}
