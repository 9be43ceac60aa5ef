import type { Ref } from 'react'

export interface SummaryItem {
  /** The id of the field the message belongs to; null for a message about the whole form. */
  fieldId: string | null
  message: string
}

interface Props {
  title: string
  items: readonly SummaryItem[]
  ref?: Ref<HTMLDivElement>
}

/**
 * The errors of a form in one place, at the top: announced when it appears and focused by the form,
 * each message a link that moves focus to its field.
 */
export function ErrorSummary({ title, items, ref }: Props) {
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title" className="error-summary__title">
        {title}
      </h2>
      <ul>
        {items.map((item) =>
          item.fieldId ? (
            <li key={`${item.fieldId}-${item.message}`}>
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault()
                  const field = document.getElementById(item.fieldId ?? '')
                  field?.scrollIntoView({ block: 'center' })
                  field?.focus()
                }}
              >
                {item.message}
              </a>
            </li>
          ) : (
            <li key={item.message}>{item.message}</li>
          ),
        )}
      </ul>
    </div>
  )
}
