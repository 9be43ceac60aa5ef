import { type AssessmentScale, levelsHighestFirst } from '@arshjul/domain'
import type { ReactNode } from 'react'
import { LevelSwatch } from '../LevelBadge.tsx'
import { describedBy, FieldError, hintId } from './Field.tsx'

interface Props {
  /** The group's id; each choice is `${id}-${level key}` (and `${id}-none` for "Ej bedömd"). */
  id: string
  legend: string
  hint: ReactNode
  scale: AssessmentScale
  value: string | null
  onChange: (level: string | null) => void
  error?: string | undefined
  /** Offer "Ej bedömd" as a choice of its own. */
  allowNone?: boolean
}

const NONE = 'none'

/** The id of the choice an error about the level links to: the chosen one, else the first. */
export function levelChoiceId(id: string, value: string | null, scale: AssessmentScale): string {
  return `${id}-${value ?? levelsHighestFirst(scale)[0]?.key ?? NONE}`
}

/** A level on the municipality's scale, as radio buttons with colour, symbol and words. */
export function LevelChoices({ id, legend, hint, scale, value, onChange, error, allowNone = false }: Props) {
  const options = [
    ...levelsHighestFirst(scale).map((level) => ({ key: level.key, level })),
    ...(allowNone ? [{ key: NONE, level: null }] : []),
  ]
  return (
    <fieldset
      className={`field fieldset${error ? ' field--error' : ''}`}
      aria-describedby={describedBy(id, true, Boolean(error))}
    >
      <legend className="field__label">{legend}</legend>
      <p id={hintId(id)} className="field__hint">
        {hint}
      </p>
      {error ? <FieldError id={id} message={error} /> : null}
      <div className="choices">
        {options.map(({ key, level }) => (
          <div key={key} className="choices__item">
            <input
              type="radio"
              id={`${id}-${key}`}
              name={id}
              value={key}
              checked={(value ?? NONE) === key}
              onChange={() => onChange(level ? level.key : null)}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-${key}`}>
              {level ? (
                <LevelSwatch colour={level.colour} />
              ) : (
                <span className="swatch swatch--none" aria-hidden="true" />
              )}
              <span aria-hidden="true" className="choices__symbol">
                {level ? level.symbol : '–'}
              </span>
              {level ? level.label : 'Ej bedömd'}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  )
}
