import { type ReactNode, useEffect, useId, useRef } from 'react'

interface Props {
  open: boolean
  title: string
  /** Called when the dialog is dismissed with Escape. */
  onCancel: () => void
  children: ReactNode
  /** Buttons at the bottom; the first one gets focus unless `initialFocus` names another. */
  actions: ReactNode
  /** A CSS selector inside the dialog for the element that gets focus on opening. */
  initialFocus?: string
  wide?: boolean
}

/**
 * A modal dialog on the native <dialog>: the page behind is inert while it is open, Escape closes
 * it, focus moves into it on opening and back to where it was on closing.
 */
export function Dialog({ open, title, onCancel, children, actions, initialFocus, wide = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const returnTo = useRef<HTMLElement | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      dialog.showModal()
      const target =
        (initialFocus ? dialog.querySelector<HTMLElement>(initialFocus) : null) ??
        dialog.querySelector<HTMLElement>('.dialog__actions button')
      target?.focus()
    } else if (!open && dialog.open) {
      dialog.close()
    }
  }, [open, initialFocus])

  useEffect(() => {
    if (open) return
    const target = returnTo.current
    returnTo.current = null
    if (target?.isConnected) target.focus()
  }, [open])

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: the parent decides what closing means; React state stays the one source of truth.
        event.preventDefault()
        onCancel()
      }}
    >
      <h2 id={titleId} className="dialog__title" tabIndex={-1}>
        {title}
      </h2>
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">{actions}</div>
    </dialog>
  )
}
