import { type ReactNode, useId } from 'react'

interface Props {
  caption: ReactNode
  children: ReactNode
  className?: string
  /** Only as wide as its content (up to the available width), instead of the full width. */
  fit?: boolean
}

/**
 * A table in a horizontally scrollable, keyboard-focusable region named by its caption, so that
 * wide tables never make the page scroll sideways at 320 px (WCAG 1.4.10).
 */
export function DataTable({ caption, children, className, fit = false }: Props) {
  const captionId = useId()
  return (
    <section
      className={fit ? 'table-scroll table-scroll--fit' : 'table-scroll'}
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
      tabIndex={0}
    >
      <table className={className}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </section>
  )
}
