import type { AssessmentScale, ControlView, InternalControlView } from '@arshjul/domain'
import { levelsHighestFirst } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import {
  type ControlFollowUpInput,
  fetchInternalControl,
  invalidateInternalControl,
  saveControlFollowUp,
} from '../../lib/personnel-api.ts'
import { useSend } from '../../lib/session.ts'
import { ErrorSummary } from '../form/ErrorSummary.tsx'
import { Field } from '../form/Field.tsx'
import { LevelChoices } from '../form/LevelChoices.tsx'
import { LevelBadge } from '../LevelBadge.tsx'
import { Paragraphs } from '../Paragraphs.tsx'
import { ConflictDialog } from './ConflictDialog.tsx'
import { type FieldErrors, failureText, isConflict, optional, serverFieldErrors } from './form.ts'

type FollowUpField = 'result' | 'level' | 'action' | 'returnsNextYear'
const FIELDS: readonly FollowUpField[] = ['result', 'level', 'action', 'returnsNextYear']
type Saved = NonNullable<ControlView['followUp']>

interface Props {
  code: string
  board: string
  view: InternalControlView
  followUp: { key: string; title: string }
  control: ControlView
  scale: AssessmentScale
  onSaved: (message: string) => void
  onCancel: () => void
}

interface Values {
  result: string
  level: string | null
  action: string
  returnsNextYear: boolean
}

const valuesOf = (saved: ControlView['followUp']): Values => ({
  result: saved?.result ?? '',
  level: saved?.level?.key ?? null,
  action: saved?.action ?? '',
  returnsNextYear: saved?.returnsNextYear ?? false,
})

/** Following up a control: what the check found, the assessment on the goals' scale, what is done next. */
export function FollowUpForm({ code, board, view, followUp, control, scale, onSaved, onCancel }: Props) {
  const send = useSend()
  const client = useQueryClient()
  const [values, setValues] = useState<Values>(() => valuesOf(control.followUp))
  const [version, setVersion] = useState(control.followUp?.version ?? 0)
  const [errors, setErrors] = useState<FieldErrors<FollowUpField>>({})
  const [summary, setSummary] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState<{ saved: Saved; message: string } | null>(null)
  const first = useRef<HTMLTextAreaElement>(null)
  const summaryRef = useRef<HTMLDivElement>(null)
  const [focusSummary, setFocusSummary] = useState(false)
  const levels = levelsHighestFirst(scale)
  const prefix = `follow-up-${control.key}`
  const fieldId = (field: FollowUpField) =>
    field === 'level' ? `${prefix}-level-${values.level ?? 'none'}` : `${prefix}-${field}`

  useEffect(() => {
    first.current?.focus()
  }, [])
  useEffect(() => {
    if (focusSummary && summaryRef.current) {
      summaryRef.current.focus()
      setFocusSummary(false)
    }
  }, [focusSummary])

  const save = async (atVersion: number) => {
    if (busy) return
    const change: ControlFollowUpInput = {
      result: optional(values.result),
      level: values.level,
      action: optional(values.action),
      returnsNextYear: values.returnsNextYear,
      version: atVersion,
    }
    setBusy(true)
    setErrors({})
    setSummary(null)
    setFailure(null)
    try {
      await saveControlFollowUp(send, code, board, control.key, followUp.key, change)
      setConflict(null)
      await invalidateInternalControl(client, code, board)
      onSaved(`Uppföljningen av ${control.title} är sparad.`)
    } catch (error) {
      if (isConflict(error)) {
        const fresh = await fetchInternalControl(code, board, {
          year: view.year,
          followUp: followUp.key,
        }).catch(() => null)
        const saved = fresh?.controls.find((c) => c.key === control.key)?.followUp
        void invalidateInternalControl(client, code, board)
        if (saved) setConflict({ saved, message: failureText(error, '') })
        else setFailure(failureText(error, 'Uppföljningen kunde inte sparas. Försök igen.'))
      } else {
        const fieldProblems = serverFieldErrors(error, FIELDS)
        if (Object.keys(fieldProblems).length > 0) {
          setErrors(fieldProblems)
          setSummary(failureText(error, 'Uppföljningen kan inte sparas'))
          setFocusSummary(true)
        } else {
          setFailure(failureText(error, 'Uppföljningen kunde inte sparas. Försök igen.'))
        }
      }
    } finally {
      setBusy(false)
    }
  }

  const summaryItems = FIELDS.filter((f) => errors[f]).map((f) => ({
    fieldId: fieldId(f),
    message: errors[f] ?? '',
  }))

  return (
    <form
      className="form ic-form"
      noValidate
      aria-labelledby={`${prefix}-title`}
      onSubmit={(event) => {
        event.preventDefault()
        void save(version)
      }}
    >
      <h4 id={`${prefix}-title`}>
        Följ upp {control.title} i {followUp.title}
      </h4>
      {summary && summaryItems.length > 0 ? (
        <ErrorSummary ref={summaryRef} title={summary} items={summaryItems} />
      ) : null}
      <Field id={`${prefix}-result`} label="Resultat" hint="Vad kontrollen visade." error={errors.result}>
        {(controlProps) => (
          <textarea
            {...controlProps}
            ref={first}
            className="input"
            rows={4}
            value={values.result}
            onChange={(event) => setValues((v) => ({ ...v, result: event.target.value }))}
          />
        )}
      </Field>
      <LevelChoices
        id={`${prefix}-level`}
        legend="Bedömning"
        hint={`På samma skala som målen (${scale.name.toLocaleLowerCase('sv-SE')}).`}
        scale={scale}
        value={values.level}
        onChange={(level) => setValues((v) => ({ ...v, level }))}
        error={errors.level}
        allowNone
      />
      <Field
        id={`${prefix}-action`}
        label="Åtgärd (valfri)"
        hint="Vad som görs med det kontrollen visade."
        error={errors.action}
      >
        {(controlProps) => (
          <textarea
            {...controlProps}
            className="input"
            rows={3}
            value={values.action}
            onChange={(event) => setValues((v) => ({ ...v, action: event.target.value }))}
          />
        )}
      </Field>
      <div className="field">
        <div className="choices__item checkbox">
          <input
            type="checkbox"
            id={`${prefix}-returnsNextYear`}
            checked={values.returnsNextYear}
            onChange={(event) => setValues((v) => ({ ...v, returnsNextYear: event.target.checked }))}
          />
          <label htmlFor={`${prefix}-returnsNextYear`}>Återkommer nästa år</label>
        </div>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          Spara uppföljningen
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
        title="Någon annan har ändrat uppföljningen"
        idPrefix={`${prefix}-conflict`}
        message={conflict?.message ?? ''}
        mine={
          <FollowUpSummary
            result={values.result}
            level={levels.find((l) => l.key === values.level) ?? null}
            action={values.action}
            returnsNextYear={values.returnsNextYear}
          />
        }
        theirs={(saved) => (
          <FollowUpSummary
            result={saved.result ?? ''}
            level={saved.level}
            action={saved.action ?? ''}
            returnsNextYear={saved.returnsNextYear}
          />
        )}
        onKeepMine={(saved) => {
          setConflict(null)
          setVersion(saved.version)
          void save(saved.version)
        }}
        onUseSaved={(saved) => {
          setValues(valuesOf(saved))
          setVersion(saved.version)
          setConflict(null)
          requestAnimationFrame(() => first.current?.focus())
        }}
        onLater={() => setConflict(null)}
      />
    </form>
  )
}

function FollowUpSummary({
  result,
  level,
  action,
  returnsNextYear,
}: {
  result: string
  level: Parameters<typeof LevelBadge>[0]['level']
  action: string
  returnsNextYear: boolean
}) {
  return (
    <dl className="facts facts--compact">
      <div>
        <dt>Bedömning</dt>
        <dd>
          <LevelBadge level={level} />
        </dd>
      </div>
      <div>
        <dt>Resultat</dt>
        <dd>{result.trim() ? <Paragraphs text={result} /> : 'Inget resultat.'}</dd>
      </div>
      <div>
        <dt>Åtgärd</dt>
        <dd>{action.trim() ? <Paragraphs text={action} /> : 'Ingen åtgärd.'}</dd>
      </div>
      <div>
        <dt>Återkommer nästa år</dt>
        <dd>{returnsNextYear ? 'Ja' : 'Nej'}</dd>
      </div>
    </dl>
  )
}
