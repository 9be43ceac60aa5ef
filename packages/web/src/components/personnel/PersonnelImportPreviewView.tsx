import type { PersonnelImportPreview } from '@arshjul/domain'
import { personnelMeasures } from '@arshjul/domain'
import { formatDateTime } from '../../lib/cycle.ts'
import { rowCountText } from '../../lib/economy.ts'
import { joinSwedish } from '../../lib/format.ts'
import { DataTable } from '../DataTable.tsx'

const measureLabel = (measure: string) =>
  (personnelMeasures as Record<string, { label: string } | undefined>)[measure]?.label ?? measure

/** What a personnel import would load, before anything is written: figures per unit and measure. */
export function PersonnelImportPreviewView({ preview }: { preview: PersonnelImportPreview }) {
  const figures = preview.scopes.reduce((sum, s) => sum + s.figures, 0)
  return (
    <>
      <dl className="facts facts--inline import-facts">
        <div>
          <dt>Fil</dt>
          <dd>{preview.fileName}</dd>
        </div>
        <div>
          <dt>År</dt>
          <dd>{preview.year}</dd>
        </div>
        <div>
          <dt>Rader i filen</dt>
          <dd>{rowCountText(preview.rowCount)}</dd>
        </div>
      </dl>
      <p>
        {preview.replaces
          ? `Importen ersätter en tidigare import för ${preview.year}: ${preview.replaces.fileName}, importerad ${formatDateTime(preview.replaces.importedAt)} (${rowCountText(preview.replaces.rowCount)}).`
          : `Importen ersätter ingen tidigare import för ${preview.year}.`}
      </p>

      {preview.warnings.length > 0 ? (
        <div className="notice-box">
          <h3 className="panel__title">Att observera</h3>
          <ul>
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3>Nyckeltal per enhet</h3>
      {preview.scopes.length === 0 ? (
        <p>Filen har inga nyckeltal.</p>
      ) : (
        <DataTable
          className="import-scopes"
          caption={
            <>
              Nyckeltal som importeras per enhet{' '}
              <span className="caption-unit">
                ({preview.scopes.length === 1 ? '1 enhet' : `${preview.scopes.length} enheter`},{' '}
                {figures === 1 ? '1 nyckeltal' : `${figures} nyckeltal`})
              </span>
            </>
          }
        >
          <thead>
            <tr>
              <th scope="col">Enhet</th>
              <th scope="col" className="num">
                Nyckeltal
              </th>
              <th scope="col">Mått</th>
            </tr>
          </thead>
          <tbody>
            {preview.scopes.map((scope) => (
              <tr key={scope.key}>
                <th scope="row">
                  <span className="cell-title">{scope.name}</span>
                  {scope.name !== scope.key ? <span className="cell-text">{scope.key}</span> : null}
                </th>
                <td className="num">{scope.figures}</td>
                <td>{joinSwedish(scope.measures.map(measureLabel))}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  )
}
