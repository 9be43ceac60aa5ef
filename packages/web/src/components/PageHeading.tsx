import type { ReactNode } from 'react'
import { takeHeadingFocus } from '../lib/page.ts'

interface Props {
  children: ReactNode
  /** A short line above the heading, e.g. the municipality or the kind of goal. */
  eyebrow?: ReactNode
}

/** The page's one <h1>; it takes focus after a navigation (see requestHeadingFocus). */
export function PageHeading({ children, eyebrow }: Props) {
  return (
    <div className="page-heading">
      {eyebrow ? <p className="eyebrow">{eyebrow}</p> : null}
      <h1 tabIndex={-1} ref={takeHeadingFocus}>
        {children}
      </h1>
    </div>
  )
}
