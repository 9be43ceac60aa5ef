import type { PartDetail } from '@arshjul/domain'
import { Field } from '../form/Field.tsx'
import { Paragraphs } from '../Paragraphs.tsx'
import type { NarrativeModel } from './models.ts'

interface Props {
  value: NarrativeModel
  update: (next: (previous: NarrativeModel) => NarrativeModel) => void
  errors: Record<string, string>
  part: PartDetail
}

export const narrativeFieldTarget = () => 'part-text'

/**
 * One of the document's texts. For the summary, the draft made from the figures is offered: taking
 * it keeps the figures its numbers come from, so the check before issue can tell when they change.
 */
export function NarrativeFields({ value, update, errors, part }: Props) {
  const draft = part.draft
  return (
    <>
      {draft?.text ? (
        <section className="panel draft-panel" aria-labelledby="draft-heading">
          <h2 id="draft-heading">Förslag från siffrorna</h2>
          <div className="prose">
            <Paragraphs text={draft.text} />
          </div>
          <p>
            <button
              type="button"
              className="button"
              onClick={() => update(() => ({ text: draft.text, cites: draft.cites }))}
            >
              Använd förslaget
            </button>
          </p>
          <p className="field__hint">
            Förslaget bygger på {draft.cites.length} {draft.cites.length === 1 ? 'siffra' : 'siffror'} i
            dokumentet. Ändras de efteråt visar kontrollen före utfärdandet att texten behöver ses över.
          </p>
        </section>
      ) : null}
      <Field
        id="part-text"
        label={part.subject.title}
        hint="Texten kommer med i dokumentet när uppföljningen godkänns."
        error={errors.text}
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={12}
            value={value.text}
            onChange={(e) => update((m) => ({ ...m, text: e.target.value }))}
          />
        )}
      </Field>
    </>
  )
}
