import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react'

interface Props {
  label: string
  /** One TanStack <Link> per choice; the selected one has aria-current="page". */
  children: ReactNode
}

type ChoiceLinkProps = { activeOptions?: { exact?: boolean }; resetScroll?: boolean }

/**
 * A set of mutually exclusive choices as links that change the URL: each choice can be
 * bookmarked, works by keyboard as any link, and the selected one is marked with aria-current.
 */
export function ChoiceLinks({ label, children }: Props) {
  const links = Children.toArray(children).filter(isValidElement) as ReactElement<ChoiceLinkProps>[]
  return (
    <fieldset className="choice">
      <legend className="choice__label">{label}</legend>
      <ul>
        {links.map((link) => (
          <li key={link.key}>
            {/* Only the selected choice is current, not every link to the same path; the page stays put. */}
            {cloneElement(link, { activeOptions: { exact: true }, resetScroll: false })}
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
