import type { EconomyCommentView } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { ApiFailure } from '../../lib/api.ts'
import { formatDateTime } from '../../lib/cycle.ts'
import {
  type CommentRef,
  commentConflictOf,
  economyPaths,
  saveComment,
  useEconomySend,
} from '../../lib/economy-api.ts'
import { Dialog } from '../Dialog.tsx'
import { Field } from '../form/Field.tsx'
import { Paragraphs } from '../Paragraphs.tsx'

interface Props {
  code: string
  board: string
  subject: CommentRef
  comment: EconomyCommentView
  /** A unique id prefix for the fields of this editor. */
  idPrefix: string
  onSaved: (saved: EconomyCommentView) => void
  onCancel: () => void
}

const MAX_LENGTH = 20_000

/** Writing a deviation comment: the text, the computed draft to start from, saving and conflicts. */
export function CommentEditor({ code, board, subject, comment, idPrefix, onSaved, onCancel }: Props) {
  const send = useEconomySend()
  const client = useQueryClient()
  const field = useRef<HTMLTextAreaElement>(null)
  const [text, setText] = useState(comment.text ?? '')
  const [version, setVersion] = useState(comment.version)
  const [error, setError] = useState<string | undefined>(undefined)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState<EconomyCommentView | null>(null)
  // The dialog stays mounted while it closes, so that it can give focus back to where it was.
  const lastConflict = useRef<EconomyCommentView | null>(null)
  if (conflict) lastConflict.current = conflict
  const shown = conflict ?? lastConflict.current
  const id = `${idPrefix}-text`
  const path = economyPaths.comment(code, board, subject)

  const focusField = () => requestAnimationFrame(() => field.current?.focus())

  // The editor opens on request: the text field takes focus.
  useEffect(() => {
    field.current?.focus()
  }, [])

  const save = async (atVersion: number) => {
    if (busy) return
    const trimmed = text.trim()
    if (!trimmed) {
      setError('Skriv en kommentar')
      focusField()
      return
    }
    if (trimmed.length > MAX_LENGTH) {
      setError('Kommentaren är för lång')
      focusField()
      return
    }
    setBusy(true)
    setError(undefined)
    setFailure(null)
    try {
      const saved = await saveComment(send, code, board, subject, text, atVersion)
      client.setQueryData([path], saved)
      setConflict(null)
      onSaved(saved)
    } catch (caught) {
      const current = commentConflictOf(caught)
      if (current) {
        client.setQueryData([path], current)
        setConflict(current)
      } else if (caught instanceof ApiFailure && caught.status === 400) {
        setError(caught.message)
        focusField()
      } else {
        setFailure(
          caught instanceof ApiFailure ? caught.message : 'Kommentaren kunde inte sparas. Försök igen.',
        )
      }
    } finally {
      setBusy(false)
    }
  }

  const takeDraft = () => {
    setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${comment.draft}` : comment.draft))
    setError(undefined)
    focusField()
  }

  return (
    <form
      className="comment-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save(version)
      }}
    >
      <Field
        id={id}
        label={`Kommentar till ${comment.subjectName}`}
        hint={comment.draft ? `Förslag utifrån siffrorna: ${comment.draft}` : undefined}
        error={error}
      >
        {(control) => (
          <textarea
            {...control}
            ref={field}
            className="input"
            rows={6}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        {comment.draft ? (
          <button type="button" className="button" onClick={takeDraft}>
            Använd förslag
          </button>
        ) : null}
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          Spara
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Avbryt
        </button>
      </div>
      {failure ? (
        <div className="alert" role="alert">
          <p>{failure}</p>
        </div>
      ) : null}
      {shown ? (
        <Dialog
          open={conflict !== null}
          title="Någon annan har ändrat kommentaren"
          onCancel={() => setConflict(null)}
          initialFocus=".dialog__title"
          wide
          actions={
            <>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void save(shown.version)}
              >
                Behåll min version
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setText(shown.text ?? '')
                  setVersion(shown.version)
                  setConflict(null)
                  focusField()
                }}
              >
                Använd den sparade versionen
              </button>
              <button type="button" className="button button--quiet" onClick={() => setConflict(null)}>
                Avgör senare
              </button>
            </>
          }
        >
          <p>
            {shown.updatedBy ?? 'Någon annan'} sparade kommentaren
            {shown.updatedAt ? ` ${formatDateTime(shown.updatedAt)}` : ''}, efter att du började skriva. Din
            text är inte sparad. Välj vilken version som ska gälla. Behåller du din version ersätter den den
            sparade.
          </p>
          <div className="compare">
            <section className="compare__side" aria-labelledby={`${idPrefix}-mine`}>
              <h3 id={`${idPrefix}-mine`}>Din version</h3>
              <Paragraphs text={text} />
            </section>
            <section className="compare__side" aria-labelledby={`${idPrefix}-theirs`}>
              <h3 id={`${idPrefix}-theirs`}>
                Sparad version{' '}
                <span className="compare__who">
                  (
                  {[shown.updatedBy, shown.updatedAt ? formatDateTime(shown.updatedAt) : null]
                    .filter(Boolean)
                    .join(', ') || 'okänd tid'}
                  )
                </span>
              </h3>
              {shown.text ? <Paragraphs text={shown.text} /> : <p>Ingen text.</p>}
            </section>
          </div>
        </Dialog>
      ) : null}
    </form>
  )
}
