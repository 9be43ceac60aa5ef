import type { InternalControlView, RiskView } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { newKey, scaleStep } from '../../lib/personnel.ts'
import {
  fetchInternalControl,
  invalidateInternalControl,
  type RiskInput,
  saveRisk,
} from '../../lib/personnel-api.ts'
import { useSend } from '../../lib/session.ts'
import { ErrorSummary } from '../form/ErrorSummary.tsx'
import { Field } from '../form/Field.tsx'
import { ConflictDialog } from './ConflictDialog.tsx'
import { type FieldErrors, failureText, isConflict, optional, serverFieldErrors } from './form.ts'

type RiskField = 'title' | 'description' | 'probability' | 'consequence' | 'owner' | 'identifiedYear'
const FIELDS: readonly RiskField[] = [
  'title',
  'description',
  'probability',
  'consequence',
  'owner',
  'identifiedYear',
]

interface Props {
  code: string
  board: string
  view: InternalControlView
  /** The risk changed; a new one when absent. */
  risk?: RiskView | undefined
  onSaved: (message: string) => void
  onCancel: () => void
}

interface Values {
  title: string
  description: string
  probability: string
  consequence: string
  owner: string
  identifiedYear: string
}

const valuesOf = (risk: RiskView | undefined, year: number): Values => ({
  title: risk?.title ?? '',
  description: risk?.description ?? '',
  probability: risk ? String(risk.probability) : '',
  consequence: risk ? String(risk.consequence) : '',
  owner: risk?.owner ?? '',
  identifiedYear: String(risk?.identifiedYear ?? year),
})

const id = (field: RiskField) => `risk-${field}`

/** Registering a risk (or changing one): what could happen, how likely, how serious, whose it is. */
export function RiskForm({ code, board, view, risk, onSaved, onCancel }: Props) {
  const send = useSend()
  const client = useQueryClient()
  const [values, setValues] = useState<Values>(() => valuesOf(risk, view.year))
  const [version, setVersion] = useState(risk?.version ?? 0)
  const [errors, setErrors] = useState<FieldErrors<RiskField>>({})
  const [summary, setSummary] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState<{ saved: RiskView; message: string } | null>(null)
  const key = useRef(risk?.key ?? null)
  const first = useRef<HTMLInputElement>(null)
  const summaryRef = useRef<HTMLDivElement>(null)
  const [focusSummary, setFocusSummary] = useState(false)

  useEffect(() => {
    first.current?.focus()
  }, [])
  useEffect(() => {
    if (focusSummary && summaryRef.current) {
      summaryRef.current.focus()
      setFocusSummary(false)
    }
  }, [focusSummary])

  const set = (field: keyof Values, value: string) => setValues((v) => ({ ...v, [field]: value }))

  const validate = (): FieldErrors<RiskField> => {
    const problems: FieldErrors<RiskField> = {}
    if (!values.title.trim()) problems.title = 'Ange risken'
    if (!values.probability) problems.probability = 'Välj sannolikhet'
    if (!values.consequence) problems.consequence = 'Välj konsekvens'
    const year = Number(values.identifiedYear.trim())
    if (!/^\d{4}$/.test(values.identifiedYear.trim()) || year < 1990 || year > 2100)
      problems.identifiedYear = 'Ange året med fyra siffror, till exempel 2025'
    return problems
  }

  const showErrors = (problems: FieldErrors<RiskField>, title: string) => {
    setErrors(problems)
    setSummary(title)
    setFocusSummary(true)
  }

  const save = async (atVersion: number) => {
    if (busy) return
    const problems = validate()
    if (Object.keys(problems).length > 0) {
      showErrors(problems, 'Risken kan inte sparas')
      return
    }
    const riskKey =
      key.current ??
      newKey(
        [board, values.identifiedYear.trim(), 'risk'],
        values.title,
        view.risks.map((r) => r.key),
      )
    key.current = riskKey
    const input: RiskInput = {
      title: values.title.trim(),
      description: optional(values.description),
      probability: Number(values.probability),
      consequence: Number(values.consequence),
      owner: optional(values.owner),
      identifiedYear: Number(values.identifiedYear.trim()),
      version: atVersion,
    }
    setBusy(true)
    setErrors({})
    setSummary(null)
    setFailure(null)
    try {
      await saveRisk(send, code, board, riskKey, input)
      setConflict(null)
      await invalidateInternalControl(client, code, board)
      onSaved(risk ? `Risken ${input.title} är sparad.` : `Risken ${input.title} är registrerad.`)
    } catch (error) {
      if (isConflict(error)) {
        const fresh = await fetchInternalControl(code, board, {
          year: view.year,
          followUp: view.followUp?.key,
        }).catch(() => null)
        const saved = fresh?.risks.find((r) => r.key === riskKey)
        void invalidateInternalControl(client, code, board)
        if (saved) setConflict({ saved, message: failureText(error, '') })
        else setFailure(failureText(error, 'Risken kunde inte sparas. Försök igen.'))
      } else {
        const fieldProblems = serverFieldErrors(error, FIELDS)
        if (Object.keys(fieldProblems).length > 0) {
          showErrors(fieldProblems, failureText(error, 'Risken kan inte sparas'))
        } else {
          setFailure(failureText(error, 'Risken kunde inte sparas. Försök igen.'))
        }
      }
    } finally {
      setBusy(false)
    }
  }

  const summaryItems = FIELDS.filter((f) => errors[f]).map((f) => ({
    fieldId: id(f),
    message: errors[f] ?? '',
  }))

  return (
    <form
      className="form ic-form"
      noValidate
      aria-labelledby="risk-form-title"
      onSubmit={(event) => {
        event.preventDefault()
        void save(version)
      }}
    >
      <h3 id="risk-form-title">{risk ? `Ändra risken ${risk.title}` : 'Registrera risk'}</h3>
      {summary && summaryItems.length > 0 ? (
        <ErrorSummary ref={summaryRef} title={summary} items={summaryItems} />
      ) : null}
      <Field id={id('title')} label="Risk" hint="Vad kan hända? En kort mening." error={errors.title}>
        {(control) => (
          <input
            {...control}
            ref={first}
            className="input"
            autoComplete="off"
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </Field>
      <Field id={id('description')} label="Beskrivning (valfri)" error={errors.description}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={3}
            value={values.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
      </Field>
      <div className="ic-form__row">
        <Field id={id('probability')} label="Sannolikhet" error={errors.probability}>
          {(control) => (
            <select
              {...control}
              className="input input--auto"
              value={values.probability}
              onChange={(event) => set('probability', event.target.value)}
            >
              <option value="">Välj sannolikhet</option>
              {view.scale.probability.map((label, i) => (
                <option key={label} value={i + 1}>
                  {scaleStep(view.scale.probability, i + 1)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('consequence')} label="Konsekvens" error={errors.consequence}>
          {(control) => (
            <select
              {...control}
              className="input input--auto"
              value={values.consequence}
              onChange={(event) => set('consequence', event.target.value)}
            >
              <option value="">Välj konsekvens</option>
              {view.scale.consequence.map((label, i) => (
                <option key={label} value={i + 1}>
                  {scaleStep(view.scale.consequence, i + 1)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id={id('owner')}
        label="Riskägare (valfri)"
        hint="En enhet eller en roll, till exempel Förvaltningschef."
        error={errors.owner}
      >
        {(control) => (
          <input
            {...control}
            className="input input--medium"
            autoComplete="off"
            value={values.owner}
            onChange={(event) => set('owner', event.target.value)}
          />
        )}
      </Field>
      <Field
        id={id('identifiedYear')}
        label="Identifierad år"
        hint="Risken visas från och med det året."
        error={errors.identifiedYear}
      >
        {(control) => (
          <input
            {...control}
            className="input input--year"
            inputMode="numeric"
            autoComplete="off"
            value={values.identifiedYear}
            onChange={(event) => set('identifiedYear', event.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {risk ? 'Spara risken' : 'Registrera risken'}
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
        title="Någon annan har ändrat risken"
        idPrefix="risk-conflict"
        message={conflict?.message ?? ''}
        mine={
          <RiskSummary
            view={view}
            title={values.title}
            probability={Number(values.probability)}
            consequence={Number(values.consequence)}
            owner={values.owner}
          />
        }
        theirs={(saved) => (
          <RiskSummary
            view={view}
            title={saved.title}
            probability={saved.probability}
            consequence={saved.consequence}
            owner={saved.owner ?? ''}
          />
        )}
        onKeepMine={(saved) => {
          setConflict(null)
          setVersion(saved.version)
          void save(saved.version)
        }}
        onUseSaved={(saved) => {
          setValues(valuesOf(saved, view.year))
          setVersion(saved.version)
          setConflict(null)
          requestAnimationFrame(() => first.current?.focus())
        }}
        onLater={() => setConflict(null)}
      />
    </form>
  )
}

function RiskSummary({
  view,
  title,
  probability,
  consequence,
  owner,
}: {
  view: InternalControlView
  title: string
  probability: number
  consequence: number
  owner: string
}) {
  return (
    <dl className="facts facts--compact">
      <div>
        <dt>Risk</dt>
        <dd>{title || 'Ingen text.'}</dd>
      </div>
      <div>
        <dt>Sannolikhet</dt>
        <dd>{scaleStep(view.scale.probability, probability)}</dd>
      </div>
      <div>
        <dt>Konsekvens</dt>
        <dd>{scaleStep(view.scale.consequence, consequence)}</dd>
      </div>
      <div>
        <dt>Riskägare</dt>
        <dd>{owner || 'Ingen angiven'}</dd>
      </div>
    </dl>
  )
}
