import type { IndicatorView, ValueStatus } from '@arshjul/domain'
import { unitText, valueStatusLabels } from '@arshjul/domain'
import type { ValueRow } from '../../lib/part-form.ts'
import { Field } from '../form/Field.tsx'
import { valueField } from './models.ts'

interface Props {
  value: ValueRow[]
  update: (next: (previous: ValueRow[]) => ValueRow[]) => void
  errors: Record<string, string>
  indicator: IndicatorView | null
  year: number
}

const statuses: ValueStatus[] = ['final', 'preliminary', 'missing']
const VALUES_HINT = 'values-hint'

/** The element ids of a row's fields (the same as the field names, with dots as dashes). */
export const indicatorFieldTarget = (field: string) => field.replaceAll('.', '-')

/** One group of fields per breakdown for the follow-up year: value, status and comment. */
export function IndicatorFields({ value, update, errors, indicator, year }: Props) {
  const unit = indicator ? unitText(indicator) : ''
  const change = (breakdown: string, patch: Partial<ValueRow>) =>
    update((rows) => rows.map((r) => (r.breakdown === breakdown ? { ...r, ...patch } : r)))
  return (
    <>
      <p id={VALUES_HINT} className="field__hint">
        Skriv decimaler med komma, till exempel 12,5. Finns inget värde än: lämna fältet tomt och välj status
        Uppgift saknas.
      </p>
      {value.map((row) => {
        const ids = {
          value: valueField(row.breakdown, 'value'),
          status: valueField(row.breakdown, 'status'),
          comment: valueField(row.breakdown, 'comment'),
        }
        return (
          <fieldset key={row.breakdown} className="fieldset value-row">
            <legend className="field__label">
              {row.label} {year}
            </legend>
            <div className="value-row__fields">
              <Field
                id={indicatorFieldTarget(ids.value)}
                label={unit ? `Värde (${unit})` : 'Värde'}
                error={errors[ids.value]}
                className="value-row__value"
              >
                {(control) => (
                  <input
                    {...control}
                    aria-describedby={[control['aria-describedby'], VALUES_HINT].filter(Boolean).join(' ')}
                    className="input input--number"
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.valueText}
                    onChange={(e) => change(row.breakdown, { valueText: e.target.value })}
                  />
                )}
              </Field>
              <Field
                id={indicatorFieldTarget(ids.status)}
                label="Status"
                error={errors[ids.status]}
                className="value-row__status"
              >
                {(control) => (
                  <select
                    {...control}
                    className="input input--auto"
                    value={row.status}
                    onChange={(e) => change(row.breakdown, { status: e.target.value as ValueStatus })}
                  >
                    {statuses.map((s) => (
                      <option key={s} value={s}>
                        {valueStatusLabels[s]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Field
              id={indicatorFieldTarget(ids.comment)}
              label="Kommentar (valfri)"
              error={errors[ids.comment]}
            >
              {(control) => (
                <textarea
                  {...control}
                  className="input"
                  rows={2}
                  value={row.comment}
                  onChange={(e) => change(row.breakdown, { comment: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
        )
      })}
    </>
  )
}
