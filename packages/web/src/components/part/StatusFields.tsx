import {
  ActivityStatus,
  AssignmentStatus,
  activityStatusLabels,
  assignmentStatusLabels,
} from '@arshjul/domain'
import { Field } from '../form/Field.tsx'
import type { StatusModel } from './models.ts'

interface Props {
  kind: 'activity' | 'assignment'
  value: StatusModel
  update: (next: (previous: StatusModel) => StatusModel) => void
  errors: Record<string, string>
}

const fieldIds: Record<string, string> = {
  status: 'part-status',
  comment: 'part-comment',
  transferredToYear: 'part-transferred',
}

export const statusFieldTarget = (field: string) => fieldIds[field] ?? 'part-status'

/** An activity's or an assignment's status and a comment on where it stands. */
export function StatusFields({ kind, value, update, errors }: Props) {
  const options =
    kind === 'activity'
      ? ActivityStatus.options.map((s) => ({ key: s as string, label: activityStatusLabels[s] }))
      : AssignmentStatus.options.map((s) => ({ key: s as string, label: assignmentStatusLabels[s] }))
  const set = <K extends keyof StatusModel>(key: K, v: StatusModel[K]) => update((m) => ({ ...m, [key]: v }))
  return (
    <>
      <Field id={fieldIds.status ?? ''} label="Status" error={errors.status}>
        {(control) => (
          <select
            {...control}
            className="input input--auto"
            value={value.status ?? ''}
            onChange={(e) => set('status', e.target.value || null)}
          >
            <option value="">Välj status</option>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'assignment' && value.status === 'overfors' ? (
        <Field
          id={fieldIds.transferredToYear ?? ''}
          label="Överförs till år"
          hint="Året vars verksamhetsplan uppdraget förs över till."
          error={errors.transferredToYear}
        >
          {(control) => (
            <input
              {...control}
              className="input input--year"
              inputMode="numeric"
              autoComplete="off"
              value={value.transferredToYear}
              onChange={(e) => set('transferredToYear', e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field
        id={fieldIds.comment ?? ''}
        label={kind === 'assignment' ? 'Kommentar om läget' : 'Kommentar (valfri)'}
        hint={kind === 'assignment' ? 'Vad har gjorts och vad återstår?' : undefined}
        error={errors.comment}
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={5}
            value={value.comment}
            onChange={(e) => set('comment', e.target.value)}
          />
        )}
      </Field>
    </>
  )
}
