import type { SuggestionView } from '@arshjul/domain'
import { verdictLabels } from '@arshjul/domain'
import { DataTable } from '../DataTable.tsx'
import { LevelBadge } from '../LevelBadge.tsx'

const figure = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 })

function compared(i: SuggestionView['indicators'][number]): string {
  if (i.comparedWith === null) return '–'
  return `${figure.format(i.comparedWith)}${i.comparedWithLabel ? ` (${i.comparedWithLabel})` : ''}`
}

/** The level the indicators point to and how it was reached; advice beside the form, not a verdict. */
export function SuggestionPanel({ suggestion }: { suggestion: SuggestionView }) {
  return (
    <section className="panel suggestion" aria-labelledby="suggestion-heading">
      <h2 id="suggestion-heading">Förslag till bedömning</h2>
      <p className="suggestion__level">
        {suggestion.level ? (
          <>
            Indikatorerna pekar på <LevelBadge level={suggestion.level} />
          </>
        ) : (
          'Indikatorerna ger inget förslag: ingen av dem har ett utfall att jämföra med ett målvärde eller ett tidigare år.'
        )}
      </p>
      <p className="suggestion__note">
        <strong>Förslaget är ett stöd.</strong> Det är du som bedömer målet, utifrån allt du vet om arbetet.
      </p>
      {suggestion.indicators.length > 0 ? (
        <DataTable caption="Indikatorernas underlag för förslaget">
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col">Bedömning</th>
              <th scope="col" className="num">
                Utfall
              </th>
              <th scope="col">Jämfört med</th>
            </tr>
          </thead>
          <tbody>
            {suggestion.indicators.map((i) => (
              <tr key={i.key}>
                <th scope="row" className="cell-wrap">
                  {i.name}
                </th>
                <td>{verdictLabels[i.verdict]}</td>
                <td className="num">
                  {i.value === null ? '–' : figure.format(i.value)}
                  {i.valueYear !== null ? <span className="cell-text">{i.valueYear}</span> : null}
                </td>
                <td>{compared(i)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>Målet har inga indikatorer.</p>
      )}
      <h3 className="suggestion__rule-heading">Så räknas förslaget fram</h3>
      <p className="suggestion__rule">{suggestion.rule}</p>
    </section>
  )
}
