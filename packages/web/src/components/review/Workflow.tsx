import type { Action, FollowUpTransition } from '@arshjul/domain'
import { FollowUpCycleView, nextFollowUpStatus, parseDecisionRef } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { ApiFailure, boardPath } from '../../lib/api.ts'
import { type FollowUpRef, invalidateFollowUp, paths } from '../../lib/cycle-api.ts'
import { useSend } from '../../lib/session.ts'
import { Dialog } from '../Dialog.tsx'
import { Field } from '../form/Field.tsx'

interface Step {
  transition: FollowUpTransition
  label: string
  /** What the step does, beside its button. */
  explanation: string
  action: Action
  done: string
}

const steps: Step[] = [
  {
    transition: 'open',
    label: 'Öppna för rapportering',
    explanation: 'Delarna skapas och rapportörerna kan börja skriva.',
    action: 'manage-cycle',
    done: 'Uppföljningen är öppen för rapportering.',
  },
  {
    transition: 'close-reporting',
    label: 'Stäng rapporteringen',
    explanation: 'Rapportörerna kan inte längre ändra; delarna granskas och sammanställs.',
    action: 'manage-cycle',
    done: 'Rapporteringen är stängd och uppföljningen är under granskning.',
  },
  {
    transition: 'reopen-reporting',
    label: 'Öppna rapporteringen igen',
    explanation: 'Rapportörerna kan ändra och klarmarkera igen.',
    action: 'manage-cycle',
    done: 'Rapporteringen är öppen igen.',
  },
  {
    transition: 'approve',
    label: 'Godkänn uppföljningen',
    explanation: 'Förvaltningschefen godkänner uppföljningen när alla delar är granskade.',
    action: 'approve',
    done: 'Uppföljningen är godkänd och kan beslutas av nämnden.',
  },
]

const DECISION = 'decision-ref'
const DECISION_MESSAGE = 'Ange beslutet som organ, datum och paragraf, till exempel KS 2025-10-14 § 120.'

interface Props {
  followUp: FollowUpRef
  cycle: FollowUpCycleView
  actions: ReadonlySet<Action>
}

/** The steps of the follow-up's workflow that apply now and that the user may take. */
export function Workflow({ followUp, cycle, actions }: Props) {
  const send = useSend()
  const client = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [decisionRef, setDecisionRef] = useState('')
  const [decisionError, setDecisionError] = useState<string | undefined>()
  const [confirming, setConfirming] = useState(false)
  const decisionField = useRef<HTMLInputElement>(null)

  const possible = (t: FollowUpTransition) => nextFollowUpStatus(cycle.status, t) !== null
  const available = steps.filter((s) => possible(s.transition) && actions.has(s.action))
  const mayDecide = possible('decide') && actions.has('decide')

  const take = async (
    transition: FollowUpTransition,
    message: string,
    extra: Record<string, unknown> = {},
  ) => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    setDone(null)
    try {
      await send('POST', paths.transitions(followUp), { transition, ...extra }, FollowUpCycleView)
      setDone(message)
      await Promise.all([
        invalidateFollowUp(client, followUp),
        client.invalidateQueries({ queryKey: [boardPath(followUp.code, followUp.board)] }),
      ])
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : 'Steget kunde inte tas. Försök igen.')
    } finally {
      setBusy(false)
    }
  }

  const askToDecide = (event: FormEvent) => {
    event.preventDefault()
    if (!parseDecisionRef(decisionRef)) {
      setDecisionError(DECISION_MESSAGE)
      decisionField.current?.focus()
      return
    }
    setDecisionError(undefined)
    setConfirming(true)
  }

  return (
    <section aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">Arbetsgång</h2>
      <p role="status">{done}</p>
      {failure ? (
        <div className="alert" role="alert">
          <p>{failure}</p>
        </div>
      ) : null}
      {cycle.status === 'decided' ? (
        <p>
          Uppföljningen är beslutad{cycle.decisionRef ? ` (${cycle.decisionRef})` : ''} och låst. En rättelse
          görs som en ny version.
        </p>
      ) : null}
      {available.length === 0 && !mayDecide && cycle.status !== 'decided' ? (
        <p>Det finns inget steg i arbetsgången som du kan ta just nu.</p>
      ) : null}
      {available.length > 0 ? (
        <ul className="steps">
          {available.map((step) => (
            <li key={step.transition} className="steps__item">
              <button
                type="button"
                className={step.transition === 'reopen-reporting' ? 'button' : 'button button--primary'}
                aria-disabled={busy || undefined}
                aria-describedby={`step-${step.transition}`}
                onClick={() => void take(step.transition, step.done)}
              >
                {step.label}
              </button>
              <span id={`step-${step.transition}`} className="steps__text">
                {step.explanation}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {mayDecide ? (
        <form className="form decision" noValidate onSubmit={askToDecide}>
          <Field
            id={DECISION}
            label="Nämndens beslut"
            hint="Organ, datum och paragraf, t.ex. KS 2025-10-14 § 120"
            error={decisionError}
          >
            {(control) => (
              <input
                {...control}
                ref={decisionField}
                className="input input--medium"
                autoComplete="off"
                value={decisionRef}
                onChange={(e) => setDecisionRef(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button button--primary">
            Registrera beslut
          </button>
        </form>
      ) : null}
      <Dialog
        open={confirming}
        title="Registrera beslutet och låsa uppföljningen?"
        onCancel={() => setConfirming(false)}
        // Locking cannot be undone: focus starts on the way out.
        initialFocus="[data-cancel]"
        actions={
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setConfirming(false)
                void take('decide', `Beslutet ${decisionRef.trim()} är registrerat. Uppföljningen är låst.`, {
                  decisionRef: decisionRef.trim(),
                })
              }}
            >
              Registrera och lås
            </button>
            <button type="button" className="button" data-cancel onClick={() => setConfirming(false)}>
              Avbryt
            </button>
          </>
        }
      >
        <p>
          Beslutet <strong>{decisionRef.trim()}</strong> registreras för {cycle.title}. De godkända delarna
          förs in som nämndens bedömningar och uppföljningen låses: den kan inte ändras efter det. En rättelse
          görs som en ny, länkad version.
        </p>
      </Dialog>
    </section>
  )
}
