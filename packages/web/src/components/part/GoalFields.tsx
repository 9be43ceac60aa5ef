import type { AssessmentScale, SuggestionView, Trend } from '@arshjul/domain'
import { levelsHighestFirst, trendLabels } from '@arshjul/domain'
import { useRef } from 'react'
import { describedBy, errorId, Field, FieldError, hintId } from '../form/Field.tsx'
import { LevelChoices, levelChoiceId } from '../form/LevelChoices.tsx'
import { type GoalModel, newDeviation } from './models.ts'

interface Props {
  value: GoalModel
  update: (next: (previous: GoalModel) => GoalModel) => void
  errors: Record<string, string>
  scale: AssessmentScale
  suggestion: SuggestionView | null
}

const trends: Trend[] = ['improving', 'unchanged', 'worsening']

/** The element each field's error links to from the summary. */
export function goalFieldTarget(field: string, value: GoalModel, scale: AssessmentScale): string {
  if (field === 'level') return levelChoiceId('level', value.level, scale)
  if (field === 'trend') return `trend-${value.trend ?? 'none'}`
  if (field === 'forecastLevel') return 'part-forecast'
  if (field === 'forecastText') return 'part-forecast-text'
  if (field === 'deviations')
    return value.deviations[0] ? `deviation-${value.deviations[0].id}` : 'add-deviation'
  return 'part-analysis'
}

export function GoalFields({ value, update, errors, scale, suggestion }: Props) {
  const levels = levelsHighestFirst(scale)
  const addButton = useRef<HTMLButtonElement>(null)
  const set = <K extends keyof GoalModel>(key: K, v: GoalModel[K]) => update((m) => ({ ...m, [key]: v }))

  const removeDeviation = (index: number) => {
    const rest = value.deviations.filter((_, i) => i !== index)
    update((m) => ({ ...m, deviations: m.deviations.filter((_, i) => i !== index) }))
    // Focus stays in the list: on the row that took this one's place, or on the add button.
    const next = rest[index] ?? rest[index - 1]
    requestAnimationFrame(() =>
      (next ? document.getElementById(`deviation-${next.id}`) : addButton.current)?.focus(),
    )
  }

  const addDeviation = () => {
    const added = newDeviation()
    update((m) => ({ ...m, deviations: [...m.deviations, added] }))
    requestAnimationFrame(() => document.getElementById(`deviation-${added.id}`)?.focus())
  }

  return (
    <>
      <LevelChoices
        id="level"
        legend="Bedömning av måluppfyllelse"
        hint={
          suggestion?.level
            ? `Förslag utifrån indikatorerna: ${suggestion.level.label}. Du gör bedömningen.`
            : 'Indikatorerna ger inget förslag den här gången. Du gör bedömningen.'
        }
        scale={scale}
        value={value.level}
        onChange={(level) => set('level', level)}
        error={errors.level}
      />

      {scale.usesTrend ? (
        <fieldset className="field fieldset" aria-describedby={hintId('trend')}>
          <legend className="field__label">Trend</legend>
          <p id={hintId('trend')} className="field__hint">
            Valfri. Hur utvecklingen har gått sedan förra uppföljningen.
          </p>
          <div className="choices choices--inline">
            {trends.map((trend) => (
              <div key={trend} className="choices__item">
                <input
                  type="radio"
                  id={`trend-${trend}`}
                  name="trend"
                  value={trend}
                  checked={value.trend === trend}
                  onChange={() => set('trend', trend)}
                />
                <label htmlFor={`trend-${trend}`}>
                  <span aria-hidden="true" className="choices__symbol">
                    {trendLabels[trend].symbol}
                  </span>
                  {trendLabels[trend].label}
                </label>
              </div>
            ))}
            <div className="choices__item">
              <input
                type="radio"
                id="trend-none"
                name="trend"
                value=""
                checked={value.trend === null}
                onChange={() => set('trend', null)}
              />
              <label htmlFor="trend-none">Ingen trend angiven</label>
            </div>
          </div>
        </fieldset>
      ) : null}

      <Field
        id="part-forecast"
        label="Prognos för planperioden"
        hint="Hur målet bedöms vara uppfyllt när planperioden är slut."
        error={errors.forecastLevel}
      >
        {(control) => (
          <select
            {...control}
            className="input input--auto"
            value={value.forecastLevel ?? ''}
            onChange={(e) => set('forecastLevel', e.target.value || null)}
          >
            <option value="">Ingen prognos</option>
            {levels.map((level) => (
              <option key={level.key} value={level.key}>
                {level.symbol} {level.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="part-forecast-text" label="Kommentar till prognosen (valfri)" error={errors.forecastText}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={2}
            value={value.forecastText}
            onChange={(e) => set('forecastText', e.target.value)}
          />
        )}
      </Field>

      <Field
        id="part-analysis"
        label="Analys"
        hint="Vad har gjorts, vad visar indikatorerna och varför bedöms målet så? Krävs när målet inte är helt uppfyllt eller när bedömningen skiljer sig från förslaget."
        error={errors.analysis}
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={8}
            value={value.analysis}
            onChange={(e) => set('analysis', e.target.value)}
          />
        )}
      </Field>

      <fieldset
        className={`field fieldset${errors.deviations ? ' field--error' : ''}`}
        aria-describedby={describedBy('deviations', true, Boolean(errors.deviations))}
      >
        <legend className="field__label">Avvikelser</legend>
        <p id={hintId('deviations')} className="field__hint">
          Valfritt. En avvikelse från planen per rad, som nämnden behöver känna till.
        </p>
        {errors.deviations ? <FieldError id="deviations" message={errors.deviations} /> : null}
        {value.deviations.length === 0 ? <p className="muted">Inga avvikelser är angivna.</p> : null}
        <ol className="deviations">
          {value.deviations.map((deviation, index) => (
            <li key={deviation.id} className="deviations__item">
              <label htmlFor={`deviation-${deviation.id}`} className="deviations__label">
                Avvikelse {index + 1}
              </label>
              <input
                id={`deviation-${deviation.id}`}
                className="input"
                value={deviation.text}
                aria-invalid={errors.deviations ? true : undefined}
                aria-describedby={errors.deviations ? errorId('deviations') : undefined}
                onChange={(e) =>
                  update((m) => ({
                    ...m,
                    deviations: m.deviations.map((d) =>
                      d.id === deviation.id ? { ...d, text: e.target.value } : d,
                    ),
                  }))
                }
              />
              <button type="button" className="button button--small" onClick={() => removeDeviation(index)}>
                Ta bort<span className="visually-hidden"> avvikelse {index + 1}</span>
              </button>
            </li>
          ))}
        </ol>
        <button type="button" id="add-deviation" ref={addButton} className="button" onClick={addDeviation}>
          Lägg till avvikelse
        </button>
      </fieldset>
    </>
  )
}
