import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react'

interface Props {
  /** Links to the pages above this one, outermost first (TanStack <Link> elements). */
  children: ReactNode
  /** The current page, shown last and not as a link. */
  current: string
}

type ActiveOptionsProps = { activeOptions?: { exact?: boolean } }

export function Breadcrumbs({ children, current }: Props) {
  const links = Children.toArray(children).filter(isValidElement) as ReactElement<ActiveOptionsProps>[]
  return (
    <nav aria-label="Brödsmulor" className="breadcrumbs">
      <ol>
        {links.map((link) => (
          // A crumb leads to a page above this one: never mark it current by a prefix match.
          <li key={link.key}>{cloneElement(link, { activeOptions: { exact: true } })}</li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  )
}
