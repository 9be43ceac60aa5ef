import type { PartDetail } from '@arshjul/domain'
import { partStatusLabels } from '@arshjul/domain'
import { formatDateTime } from '../../lib/cycle.ts'
import { Dialog } from '../Dialog.tsx'
import { ContentView } from './ContentView.tsx'

interface Props {
  open: boolean
  part: PartDetail
  /** What this user wrote and could not save. */
  mine: Record<string, unknown>
  /** The part as someone else saved it. */
  theirs: PartDetail
  onKeepMine: () => void
  onUseTheirs: () => void
  onCancel: () => void
}

/** Someone saved the part after this user opened it: both versions side by side, and a choice. */
export function ConflictDialog({ open, part, mine, theirs, onKeepMine, onUseTheirs, onCancel }: Props) {
  const who = theirs.updatedBy ?? 'Någon annan'
  const when = theirs.updatedAt ? ` ${formatDateTime(theirs.updatedAt)}` : ''
  const locked = !theirs.can.edit
  return (
    <Dialog
      open={open}
      title="Någon annan har ändrat delen"
      onCancel={onCancel}
      initialFocus=".dialog__title"
      wide
      actions={
        <>
          {locked ? null : (
            <button type="button" className="button button--primary" onClick={onKeepMine}>
              Behåll min version
            </button>
          )}
          <button
            type="button"
            className={locked ? 'button button--primary' : 'button'}
            onClick={onUseTheirs}
          >
            Använd den sparade versionen
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Avgör senare
          </button>
        </>
      }
    >
      <p>
        {who} sparade delen{when}, efter att du öppnade den. Din senaste ändring är inte sparad.{' '}
        {locked
          ? `Delen är nu ${partStatusLabels[theirs.status].toLowerCase()} och kan inte ändras; den sparade versionen gäller.`
          : 'Välj vilken version som ska gälla. Behåller du din version ersätter den den sparade.'}
      </p>
      <div className="compare">
        <section className="compare__side" aria-labelledby="compare-mine">
          <h3 id="compare-mine">Din version</h3>
          <ContentView part={part} content={mine} />
        </section>
        <section className="compare__side" aria-labelledby="compare-theirs">
          <h3 id="compare-theirs">
            Sparad version{' '}
            <span className="compare__who">({[who, when.trim()].filter(Boolean).join(', ')})</span>
          </h3>
          <ContentView part={theirs} />
        </section>
      </div>
    </Dialog>
  )
}
