import { type ReactNode, useRef } from 'react'
import { Dialog } from '../Dialog.tsx'

interface Props<T> {
  /** What someone else saved, once read again; null while the dialog is closed. */
  saved: T | null
  title: string
  /** A unique prefix for the ids of the two sides. */
  idPrefix: string
  /** The server's message about the conflict. */
  message: string
  mine: ReactNode
  theirs: (saved: T) => ReactNode
  onKeepMine: (saved: T) => void
  onUseSaved: (saved: T) => void
  onLater: () => void
}

/**
 * A save refused because someone else saved in between (409): both versions side by side, and the
 * choice which one is kept. Nothing is overwritten until the person chooses.
 */
export function ConflictDialog<T>({
  saved,
  title,
  idPrefix,
  message,
  mine,
  theirs,
  onKeepMine,
  onUseSaved,
  onLater,
}: Props<T>) {
  // The dialog stays mounted while it closes, so that it can give focus back to where it was.
  const last = useRef<T | null>(null)
  if (saved !== null) last.current = saved
  const shown = saved ?? last.current
  if (shown === null) return null
  return (
    <Dialog
      open={saved !== null}
      title={title}
      onCancel={onLater}
      initialFocus=".dialog__title"
      wide
      actions={
        <>
          <button type="button" className="button button--primary" onClick={() => onKeepMine(shown)}>
            Behåll min version
          </button>
          <button type="button" className="button" onClick={() => onUseSaved(shown)}>
            Använd den sparade versionen
          </button>
          <button type="button" className="button button--quiet" onClick={onLater}>
            Avgör senare
          </button>
        </>
      }
    >
      <p>
        {message} Din ändring är inte sparad. Välj vilken version som ska gälla. Behåller du din version
        ersätter den den sparade.
      </p>
      <div className="compare">
        <section className="compare__side" aria-labelledby={`${idPrefix}-mine`}>
          <h3 id={`${idPrefix}-mine`}>Din version</h3>
          {mine}
        </section>
        <section className="compare__side" aria-labelledby={`${idPrefix}-theirs`}>
          <h3 id={`${idPrefix}-theirs`}>Sparad version</h3>
          {theirs(shown)}
        </section>
      </div>
    </Dialog>
  )
}
