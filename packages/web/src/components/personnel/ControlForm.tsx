import type { InternalControlView } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { newKey } from '../../lib/personnel.ts'
import { invalidateInternalControl, saveControl } from '../../lib/personnel-api.ts'
import { useSend } from '../../lib/session.ts'
import { ErrorSummary } from '../form/ErrorSummary.tsx'
import { Field } from '../form/Field.tsx'
import { type FieldErrors, failureText, optional, serverFieldErrors } from './form.ts'

type ControlField = 'title' | 'risk' | 'method' | 'responsible' | 'unit' | 'frequency' | 'mandatory'
const FIELDS: readonly ControlField[] = [
  'title',
  'risk',
  'unit',
  'method',
  'responsible',
  'frequency',
  'mandatory',
]

interface Props {
  code: string
  board: string
  view: InternalControlView
  /** The risk to start from, e.g. the one just registered. */
  initialRisk?: string | null | undefined
  onSaved: (message: string) => void
  onCancel: () => void
}

const id = (field: ControlField) => `control-${field}`

/** Adding a control to the year's plan: what is checked, against which risk, how, by whom, how often. */
export function ControlForm({ code, board, view, initialRisk, onSaved, onCancel }: Props) {
  const send = useSend()
  const client = useQueryClient()
  const [title, setTitle] = useState('')
  const [risk, setRisk] = useState(initialRisk ?? '')
  const [method, setMethod] = useState('')
  const [responsible, setResponsible] = useState('')
  const [unit, setUnit] = useState('')
  const [frequency, setFrequency] = useState('')
  const [mandatory, setMandatory] = useState(false)
  const [errors, setErrors] = useState<FieldErrors<ControlField>>({})
  const [summary, setSummary] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
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

  const showErrors = (problems: FieldErrors<ControlField>, heading: string) => {
    setErrors(problems)
    setSummary(heading)
    setFocusSummary(true)
  }

  const save = async () => {
    if (busy) return
    if (!title.trim()) {
      showErrors({ title: 'Ange kontrollmomentet' }, 'Kontrollmomentet kan inte sparas')
      return
    }
    const key = newKey(
      [board, view.year, 'ik'],
      title,
      view.controls.map((c) => c.key),
    )
    setBusy(true)
    setErrors({})
    setSummary(null)
    setFailure(null)
    try {
      await saveControl(send, code, board, key, {
        year: view.year,
        title: title.trim(),
        risk: risk || null,
        method: optional(method),
        responsible: optional(responsible),
        unit: unit || null,
        frequency: optional(frequency),
        mandatory,
        // The form adds new controls only (its key is fresh), so the version read is 0.
        version: 0,
      })
      await invalidateInternalControl(client, code, board)
      onSaved(`Kontrollmomentet ${title.trim()} är tillagt i planen för ${view.year}.`)
    } catch (error) {
      const fieldProblems = serverFieldErrors(error, FIELDS)
      if (Object.keys(fieldProblems).length > 0) {
        showErrors(fieldProblems, failureText(error, 'Kontrollmomentet kan inte sparas'))
      } else {
        setFailure(failureText(error, 'Kontrollmomentet kunde inte sparas. Försök igen.'))
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
      aria-labelledby="control-form-title"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <h3 id="control-form-title">Lägg till kontrollmoment i planen för {view.year}</h3>
      {summary && summaryItems.length > 0 ? (
        <ErrorSummary ref={summaryRef} title={summary} items={summaryItems} />
      ) : null}
      <Field
        id={id('title')}
        label="Kontrollmoment"
        hint="Vad som kontrolleras, till exempel Attest av leverantörsfakturor."
        error={errors.title}
      >
        {(control) => (
          <input
            {...control}
            ref={first}
            className="input"
            autoComplete="off"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field id={id('risk')} label="Risk" hint="Risken som kontrollen ska möta." error={errors.risk}>
        {(control) => (
          <select
            {...control}
            className="input input--auto"
            value={risk}
            onChange={(event) => setRisk(event.target.value)}
          >
            <option value="">Ingen särskild risk</option>
            {view.risks.map((r) => (
              <option key={r.key} value={r.key}>
                {r.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={id('unit')}
        label="Enhet som följer upp"
        hint="Enheten rapporterar uppföljningen i uppföljningens arbetsflöde. Utan enhet gör förvaltningen det."
        error={errors.unit}
      >
        {(control) => (
          <select
            {...control}
            className="input input--auto"
            value={unit}
            onChange={(event) => setUnit(event.target.value)}
          >
            <option value="">Förvaltningen</option>
            {view.units.map((u) => (
              <option key={u.key} value={u.key}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={id('method')}
        label="Metod (valfri)"
        hint="Hur kontrollen görs, till exempel Stickprov."
        error={errors.method}
      >
        {(control) => (
          <input
            {...control}
            className="input input--medium"
            autoComplete="off"
            value={method}
            onChange={(event) => setMethod(event.target.value)}
          />
        )}
      </Field>
      <Field id={id('responsible')} label="Ansvarig (valfri)" error={errors.responsible}>
        {(control) => (
          <input
            {...control}
            className="input input--medium"
            autoComplete="off"
            value={responsible}
            onChange={(event) => setResponsible(event.target.value)}
          />
        )}
      </Field>
      <Field
        id={id('frequency')}
        label="Frekvens (valfri)"
        hint="Hur ofta, till exempel En gång per tertial."
        error={errors.frequency}
      >
        {(control) => (
          <input
            {...control}
            className="input input--medium"
            autoComplete="off"
            value={frequency}
            onChange={(event) => setFrequency(event.target.value)}
          />
        )}
      </Field>
      <div className="field">
        <div className="choices__item checkbox">
          <input
            type="checkbox"
            id={id('mandatory')}
            checked={mandatory}
            onChange={(event) => setMandatory(event.target.checked)}
            aria-describedby={`${id('mandatory')}-hint`}
          />
          <label htmlFor={id('mandatory')}>Kommungemensamt kontrollmoment</label>
        </div>
        <p id={`${id('mandatory')}-hint`} className="field__hint">
          Ett kontrollmoment som alla nämnder ska genomföra.
        </p>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          Lägg till i planen
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
    </form>
  )
}
