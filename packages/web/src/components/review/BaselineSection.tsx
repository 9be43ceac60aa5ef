import { partKindLabels } from '@arshjul/domain'
import { changeLabel, describeValue, fieldLabel } from '../../lib/cycle.ts'
import { type FollowUpRef, useBaseline } from '../../lib/cycle-api.ts'
import { DataTable } from '../DataTable.tsx'
import { ErrorMessage, Loading } from '../QueryState.tsx'

/** "Skillnader mot antagen verksamhetsplan": goals and indicators added, removed or changed since. */
export function BaselineSection({ followUp }: { followUp: FollowUpRef }) {
  const diff = useBaseline(followUp)
  const baseline = diff.data?.baseline
  return (
    <section aria-labelledby="baseline-heading">
      <h2 id="baseline-heading">Skillnader mot antagen verksamhetsplan</h2>
      {diff.isPending ? <Loading what="jämförelsen" /> : null}
      {diff.isError ? <ErrorMessage error={diff.error} onRetry={() => diff.refetch()} /> : null}
      {diff.data && !baseline ? (
        <p>Det finns ingen antagen verksamhetsplan för året att jämföra med.</p>
      ) : null}
      {diff.data && baseline ? (
        <>
          <p>
            Jämfört med {baseline.title}
            {baseline.decisionRef ? ` (beslut ${baseline.decisionRef})` : ''}.
            {diff.data.changes.length === 0
              ? ' Inga mål, indikatorer eller målvärden har ändrats sedan planen antogs.'
              : ''}
          </p>
          {diff.data.changes.length > 0 ? (
            <DataTable caption="Ändringar sedan verksamhetsplanen antogs" className="baseline-table">
              <thead>
                <tr>
                  <th scope="col">Typ</th>
                  <th scope="col">Namn</th>
                  <th scope="col">Ändring</th>
                  <th scope="col">Vad som skiljer</th>
                </tr>
              </thead>
              <tbody>
                {diff.data.changes.map((c) => (
                  <tr key={`${c.kind}-${c.key}`}>
                    <td>{partKindLabels[c.kind]}</td>
                    <th scope="row">{c.name}</th>
                    <td>{changeLabel(c.change)}</td>
                    <td>
                      {c.fields.length === 0 ? (
                        '–'
                      ) : (
                        <ul className="plain-list change-list">
                          {c.fields.map((f) => (
                            <li key={f.field}>
                              <span className="change-list__field">{fieldLabel(f.field)}:</span>{' '}
                              <span className="visually-hidden">före </span>
                              <del>{describeValue(f.before)}</del> <span aria-hidden="true">→</span>
                              <span className="visually-hidden"> efter </span>{' '}
                              <ins>{describeValue(f.after)}</ins>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
