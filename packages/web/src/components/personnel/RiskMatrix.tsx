import type { InternalControlView } from '@arshjul/domain'
import { bandRangesText, matrixRows } from '../../lib/personnel.ts'
import { DataTable } from '../DataTable.tsx'

/**
 * The heat map as a real table: probability from the highest down, consequence across. Every cell
 * says its risk value and band in words and lists its risks; the tint only repeats the band.
 */
export function RiskMatrix({ view }: { view: InternalControlView }) {
  const rows = matrixRows(view)
  return (
    <>
      <p id="risk-bands">{bandRangesText(view.matrix)}</p>
      <DataTable
        className="risk-matrix"
        caption={
          <>
            Riskmatris {view.year}{' '}
            <span className="caption-unit">(rader: sannolikhet, kolumner: konsekvens)</span>
          </>
        }
      >
        <thead>
          <tr>
            <th scope="col" className="risk-matrix__corner">
              Sannolikhet <span aria-hidden="true">↓</span> / konsekvens <span aria-hidden="true">→</span>
            </th>
            {view.scale.consequence.map((label, i) => (
              <th key={label} scope="col">
                <span className="scale-step">Konsekvens {i + 1}</span> {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.probability}>
              <th scope="row">
                <span className="scale-step">Sannolikhet {row.probability}</span> {row.label}
              </th>
              {row.cells.map((cell) => (
                <td key={cell.consequence} className={`risk-cell risk-cell--${cell.band}`}>
                  <span className="risk-cell__value">
                    <span className="visually-hidden">Riskvärde </span>
                    {cell.value}
                  </span>{' '}
                  <span className="risk-cell__band">{cell.bandLabel}</span>
                  {cell.risks.length > 0 ? (
                    <ul className="risk-cell__risks">
                      {cell.risks.map((risk) => (
                        <li key={risk.key}>{risk.title}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="visually-hidden">, inga risker</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  )
}
