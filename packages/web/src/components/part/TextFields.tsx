import type { PartKind } from '@arshjul/domain'
import { Field } from '../form/Field.tsx'
import type { TextModel } from './models.ts'

interface Props {
  kind: Extract<PartKind, 'control-summary' | 'personnel'>
  value: TextModel
  update: (next: (previous: TextModel) => TextModel) => void
  errors: Record<string, string>
}

export const textFieldTarget = () => 'part-text'

const wording = {
  'control-summary': {
    label: 'Sammanfattande bedömning',
    hint: 'Hur den interna kontrollen har fungerat under perioden: vad kontrollerna visade och vad som ska förbättras.',
  },
  personnel: {
    label: 'Kommentar till personalredovisningen',
    hint: 'Vad siffrorna visar: sjukfrånvaro, personalomsättning, kompetensförsörjning och det arbetsmiljöarbete som pågår.',
  },
} as const

/** One text of the board's in a follow-up: the overall assessment of internal control, or the personnel comment. */
export function TextFields({ kind, value, update, errors }: Props) {
  const words = wording[kind]
  return (
    <Field id="part-text" label={words.label} hint={words.hint} error={errors.text}>
      {(control) => (
        <textarea
          {...control}
          className="input"
          rows={10}
          value={value.text}
          onChange={(e) => update(() => ({ text: e.target.value }))}
        />
      )}
    </Field>
  )
}
