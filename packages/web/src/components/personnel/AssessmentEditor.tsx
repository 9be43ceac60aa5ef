import type { InternalControlView } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { fetchInternalControl, invalidateInternalControl, saveAssessment } from '../../lib/personnel-api.ts'
import { useSend } from '../../lib/session.ts'
import { Field } from '../form/Field.tsx'
import { Paragraphs } from '../Paragraphs.tsx'
import { ConflictDialog } from './ConflictDialog.tsx'
import { failureText, isConflict, serverFieldErrors } from './form.ts'

interface Props {
  code: string
  board: string
  view: InternalControlView
  followUp: { key: string; title: string }
  onSaved: (message: string) => void
  onCancel: () => void
}

const MAX_LENGTH = 20_000
const FIELD_ID = 'assessment-text'
type Saved = NonNullable<InternalControlView['assessment']>

/** Writing the overall assessment of the internal control in a follow-up. */
export function AssessmentEditor({ code, board, view, followUp, onSaved, onCancel }: Props) {
  const send = useSend()
  const client = useQueryClient()
  const field = useRef<HTMLTextAreaElement>(null)
  const [text, setText] = useState(view.assessment?.text ?? '')
  const [version, setVersion] = useState(view.assessment?.version ?? 0)
  const [error, setError] = useState<string | undefined>(undefined)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState<{ saved: Saved; message: string } | null>(null)

  const focusField = () => requestAnimationFrame(() => field.current?.focus())

  useEffect(() => {
    field.current?.focus()
  }, [])

  const save = async (atVersion: number) => {
    if (busy) return
    const trimmed = text.trim()
    if (!trimmed) {
      setError('Skriv en sammanfattande bedömning')
      focusField()
      return
    }
    if (trimmed.length > MAX_LENGTH) {
      setError('Bedömningen är för lång')
      focusField()
      return
    }
    setBusy(true)
    setError(undefined)
    setFailure(null)
    try {
      await saveAssessment(send, code, board, followUp.key, { text: trimmed, version: atVersion })
      setConflict(null)
      await invalidateInternalControl(client, code, board)
      onSaved('Den sammanfattande bedömningen är sparad.')
    } catch (caught) {
      if (isConflict(caught)) {
        const fresh = await fetchInternalControl(code, board, {
          year: view.year,
          followUp: followUp.key,
        }).catch(() => null)
        void invalidateInternalControl(client, code, board)
        if (fresh?.assessment) setConflict({ saved: fresh.assessment, message: failureText(caught, '') })
        else setFailure(failureText(caught, 'Bedömningen kunde inte sparas. Försök igen.'))
      } else {
        const problem = serverFieldErrors(caught, ['text'] as const).text
        if (problem) {
          setError(problem)
          focusField()
        } else {
          setFailure(failureText(caught, 'Bedömningen kunde inte sparas. Försök igen.'))
        }
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="ic-form assessment-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save(version)
      }}
    >
      <Field
        id={FIELD_ID}
        label={`Sammanfattande bedömning i ${followUp.title}`}
        hint="Hur den interna kontrollen har fungerat under perioden, och vad som behöver göras."
        error={error}
      >
        {(control) => (
          <textarea
            {...control}
            ref={field}
            className="input"
            rows={8}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          Spara bedömningen
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
      <ConflictDialog
        saved={conflict?.saved ?? null}
        title="Någon annan har ändrat bedömningen"
        idPrefix="assessment-conflict"
        message={conflict?.message ?? ''}
        mine={text.trim() ? <Paragraphs text={text} /> : <p>Ingen text.</p>}
        theirs={(saved) => <Paragraphs text={saved.text} />}
        onKeepMine={(saved) => {
          setConflict(null)
          setVersion(saved.version)
          void save(saved.version)
        }}
        onUseSaved={(saved) => {
          setText(saved.text)
          setVersion(saved.version)
          setConflict(null)
          focusField()
        }}
        onLater={() => setConflict(null)}
      />
    </form>
  )
}
