import type { AssessmentScale } from '@arshjul/domain'
import { Field } from '../form/Field.tsx'
import { LevelChoices, levelChoiceId } from '../form/LevelChoices.tsx'
import type { ControlModel } from './models.ts'

interface Props {
  value: ControlModel
  update: (next: (previous: ControlModel) => ControlModel) => void
  errors: Record<string, string>
  scale: AssessmentScale
}

/** The element each field's error links to from the summary. */
export function controlFieldTarget(field: string, value: ControlModel, scale: AssessmentScale): string {
  if (field === 'level') return levelChoiceId('part-level', value.level, scale)
  if (field === 'action') return 'part-action'
  if (field === 'returnsNextYear') return 'part-returns'
  return 'part-result'
}

/** A control's follow-up: what it showed, the level on the goals' scale, the action, whether it returns. */
export function ControlFields({ value, update, errors, scale }: Props) {
  const set = <K extends keyof ControlModel>(key: K, v: ControlModel[K]) =>
    update((m) => ({ ...m, [key]: v }))
  return (
    <>
      <Field
        id="part-result"
        label="Resultat"
        hint="Vad kontrollen omfattade och vad den visade, till exempel hur många stickprov och hur många brister."
        error={errors.result}
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={5}
            value={value.result}
            onChange={(e) => set('result', e.target.value)}
          />
        )}
      </Field>
      <LevelChoices
        id="part-level"
        legend="Bedömning"
        hint={`På samma skala som målen (${scale.name.toLocaleLowerCase('sv-SE')}).`}
        scale={scale}
        value={value.level}
        onChange={(level) => set('level', level)}
        error={errors.level}
      />
      <Field
        id="part-action"
        label="Åtgärd"
        hint="Krävs när kontrollen visar brister: vad som görs, av vem och när."
        error={errors.action}
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={4}
            value={value.action}
            onChange={(e) => set('action', e.target.value)}
          />
        )}
      </Field>
      <div className="field">
        <div className="choices__item checkbox">
          <input
            type="checkbox"
            id="part-returns"
            checked={value.returnsNextYear}
            onChange={(e) => set('returnsNextYear', e.target.checked)}
          />
          <label htmlFor="part-returns">Kontrollmomentet återkommer i nästa års internkontrollplan</label>
        </div>
      </div>
    </>
  )
}
