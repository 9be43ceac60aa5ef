import type { AmountDisplay, ImportPreview, MunicipalityDetail } from '@arshjul/domain'
import { measureLabels } from '@arshjul/domain'
import { formatDateTime } from '../../lib/cycle.ts'
import { importKindLabels, money, rowCountText } from '../../lib/economy.ts'
import { DataTable } from '../DataTable.tsx'

/**
 * What an import would change, before anything is written: amounts before and after per cost
 * centre (or project) and measure, in exact kronor so that no change hides behind rounding.
 */
export function ImportPreviewView({
  preview,
  municipality,
}: {
  preview: ImportPreview
  municipality: MunicipalityDetail | undefined
}) {
  const display: AmountDisplay = {
    unit: 'kr',
    decimals: 0,
    sign: municipality?.settings.signConvention ?? 'costs-positive',
  }
  const changed = preview.changes.filter((c) => c.before !== c.after)
  return (
    <>
      <dl className="facts facts--inline import-facts">
        <div>
          <dt>Fil</dt>
          <dd>{preview.fileName}</dd>
        </div>
        <div>
          <dt>Innehåll</dt>
          <dd>{importKindLabels[preview.kind]}</dd>
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
          ? `Importen ersätter en tidigare import: ${preview.replaces.fileName}, importerad ${formatDateTime(preview.replaces.importedAt)} (${rowCountText(preview.replaces.rowCount)}).`
          : 'Importen ersätter ingen tidigare import.'}
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

      {preview.unknownCostCentres.length > 0 ? (
        <>
          <h3>Okända ansvar</h3>
          <p>Filen har ansvar som inte finns i Årshjul:</p>
          <ul>
            {preview.unknownCostCentres.map((c) => (
              <li key={c.code}>
                {c.code}
                {c.name ? ` ${c.name}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {preview.unmappedAccounts.length > 0 ? (
        <>
          <h3>Konton utan kontogrupp</h3>
          <p>
            Dessa konton hör inte till någon kontogrupp och syns inte i tabellerna per kontogrupp:{' '}
            {preview.unmappedAccounts.join(', ')}.
          </p>
        </>
      ) : null}

      <h3>Ändringar</h3>
      {changed.length === 0 ? (
        <p>Importen ändrar inga belopp: de är desamma som redan finns.</p>
      ) : (
        <DataTable
          caption={
            <>
              Belopp som ändras per ansvar och mått ({changed.length}).{' '}
              <span className="caption-unit">Belopp i kr.</span>
            </>
          }
          className="economy-table"
        >
          <thead>
            <tr>
              <th scope="col">Ansvar</th>
              <th scope="col">Mått</th>
              <th scope="col" className="num">
                Före
              </th>
              <th scope="col" className="num">
                Efter
              </th>
            </tr>
          </thead>
          <tbody>
            {changed.map((c) => (
              <tr key={`${c.subject}-${c.measure}`}>
                <th scope="row">
                  <span className="cell-title">{c.subjectName}</span>
                  {c.subjectName !== c.subject ? <span className="cell-text">{c.subject}</span> : null}
                </th>
                <td>{measureLabels[c.measure]}</td>
                <td className="num">{money(c.before, display)}</td>
                <td className="num">{money(c.after, display)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  )
}
