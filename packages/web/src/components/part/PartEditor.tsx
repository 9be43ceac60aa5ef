import type { PartDetail } from '@arshjul/domain'
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { formatClock } from '../../lib/cycle.ts'
import type { FollowUpRef } from '../../lib/cycle-api.ts'
import { ErrorSummary, type SummaryItem } from '../form/ErrorSummary.tsx'
import { ConflictDialog } from './ConflictDialog.tsx'
import { ControlFields, controlFieldTarget } from './ControlFields.tsx'
import { GoalFields, goalFieldTarget } from './GoalFields.tsx'
import { IndicatorFields, indicatorFieldTarget } from './IndicatorFields.tsx'
import {
  activityModel,
  assignmentModel,
  controlModel,
  goalModel,
  indicatorModel,
  narrativeModel,
  textModel,
} from './models.ts'
import { NarrativeFields, narrativeFieldTarget } from './NarrativeFields.tsx'
import { StatusFields, statusFieldTarget } from './StatusFields.tsx'
import { TextFields, textFieldTarget } from './TextFields.tsx'
import { type KindModel, type SaveState, useDraft } from './useDraft.ts'

interface Props {
  followUp: FollowUpRef
  part: PartDetail
  /** Every answer from the server (saved, marked ready) goes up to the page. */
  onChange: (part: PartDetail) => void
}

/** The reporting form of a part, by its kind. */
export function PartEditor({ followUp, part, onChange }: Props) {
  const common = { followUp, part, onChange }
  switch (part.kind) {
    case 'goal':
      return (
        <Editor
          {...common}
          model={goalModel}
          target={(field, value) => goalFieldTarget(field, value, part.scale)}
          fields={(value, update, errors) => (
            <GoalFields
              value={value}
              update={update}
              errors={errors}
              scale={part.scale}
              suggestion={part.suggestion}
            />
          )}
        />
      )
    case 'indicator':
      return (
        <Editor
          {...common}
          model={indicatorModel}
          target={(field) => indicatorFieldTarget(field)}
          fields={(value, update, errors) => (
            <IndicatorFields
              value={value}
              update={update}
              errors={errors}
              indicator={part.indicator}
              year={part.followUp.year}
            />
          )}
        />
      )
    case 'control':
      return (
        <Editor
          {...common}
          model={controlModel}
          target={(field, value) => controlFieldTarget(field, value, part.scale)}
          fields={(value, update, errors) => (
            <ControlFields value={value} update={update} errors={errors} scale={part.scale} />
          )}
        />
      )
    case 'narrative':
      return (
        <Editor
          {...common}
          model={narrativeModel}
          target={narrativeFieldTarget}
          fields={(value, update, errors) => (
            <NarrativeFields value={value} update={update} errors={errors} part={part} />
          )}
        />
      )
    case 'control-summary':
    case 'personnel': {
      const kind = part.kind
      return (
        <Editor
          {...common}
          model={textModel}
          target={textFieldTarget}
          fields={(value, update, errors) => (
            <TextFields kind={kind} value={value} update={update} errors={errors} />
          )}
        />
      )
    }
    default: {
      const kind = part.kind
      return (
        <Editor
          {...common}
          model={kind === 'activity' ? activityModel : assignmentModel}
          target={(field) => statusFieldTarget(field)}
          fields={(value, update, errors) => (
            <StatusFields kind={kind} value={value} update={update} errors={errors} />
          )}
        />
      )
    }
  }
}

interface EditorProps<M> extends Props {
  model: KindModel<M>
  /** The id of the element a field's error links to. */
  target: (field: string, value: M) => string
  fields: (value: M, update: (next: (previous: M) => M) => void, errors: Record<string, string>) => ReactNode
}

function Editor<M>({ followUp, part, onChange, model, target, fields }: EditorProps<M>) {
  const draft = useDraft(followUp, part, model, onChange)
  const summary = useRef<HTMLDivElement>(null)
  const [attempt, setAttempt] = useState(0)
  // Numbers that cannot be read are shown at once, before any attempt to save.
  const unreadable = model.toContent(draft.value, part).unreadable
  const errors = { ...draft.errors.fields, ...unreadable.fields }
  const items: SummaryItem[] = [
    ...Object.entries(draft.errors.fields).map(([field, message]) => ({
      fieldId: target(field, draft.value),
      message,
    })),
    ...draft.errors.general.map((message) => ({ fieldId: null, message })),
  ]

  useEffect(() => {
    if (attempt > 0) summary.current?.focus()
  }, [attempt])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const ok = await draft.markReady()
    if (!ok) setAttempt((n) => n + 1)
  }

  return (
    <>
      {items.length > 0 ? (
        <ErrorSummary ref={summary} title="Delen kan inte klarmarkeras än" items={items} />
      ) : null}
      <form
        className="form part-form"
        noValidate
        onSubmit={(e) => void submit(e)}
        onBlur={draft.saveNow}
        aria-label="Rapportering"
      >
        {fields(draft.value, draft.update, errors)}
        <div className="form__actions form__actions--bar">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={draft.readying || undefined}
          >
            Klarmarkera
          </button>
          <SaveStatus state={draft.saveState} />
          {draft.conflict && !draft.dialogOpen ? (
            <button type="button" className="button" onClick={() => draft.setDialogOpen(true)}>
              Jämför versionerna
            </button>
          ) : null}
        </div>
        <p className="field__hint">
          Ändringarna sparas automatiskt som utkast. Klarmarkera delen när den är färdig att granskas.
        </p>
      </form>
      {draft.conflict ? (
        <ConflictDialog
          open={draft.dialogOpen}
          part={part}
          mine={model.toContent(draft.conflict.mine, part).content}
          theirs={draft.conflict.theirs}
          onKeepMine={() => draft.resolve('mine')}
          onUseTheirs={() => draft.resolve('theirs')}
          onCancel={() => draft.setDialogOpen(false)}
        />
      ) : null}
    </>
  )
}

function saveText(state: SaveState): string {
  switch (state.kind) {
    case 'saving':
      return 'Sparar …'
    case 'saved':
      return `Sparat ${formatClock(state.at)}`
    case 'error':
      return state.message
    case 'conflict':
      return 'Inte sparat: någon annan har ändrat delen. Jämför versionerna och välj vilken som ska gälla.'
    default:
      return ''
  }
}

/** The autosave's state, read out politely as it changes. */
function SaveStatus({ state }: { state: SaveState }) {
  const [lastSaved, setLastSaved] = useState('')
  const text = saveText(state)
  // While typing, the time of the last save stays instead of flickering away.
  useEffect(() => {
    if (state.kind === 'saved') setLastSaved(text)
  }, [state.kind, text])
  const shown = state.kind === 'dirty' || state.kind === 'idle' ? lastSaved : text
  return (
    <p
      role="status"
      className={`save-status${state.kind === 'error' || state.kind === 'conflict' ? ' save-status--problem' : ''}`}
    >
      {shown}
    </p>
  )
}
