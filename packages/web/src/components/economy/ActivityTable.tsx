import type { ActivityEconomyView } from '@arshjul/domain'
import { operatingColumns, unitCaption } from '../../lib/economy.ts'
import { DataTable } from '../DataTable.tsx'
import { FigureCells, FigureHeadings } from './FiguresCells.tsx'

/** "Driftredovisning per verksamhet": per SCB activity code, with the total the server computed. */
export function ActivityTable({ view }: { view: ActivityEconomyView }) {
  const columns = operatingColumns([...view.rows.map((r) => r.figures), view.total], 12)
  return (
    <DataTable
      caption={
        <>
          Driftredovisning per verksamhet, helåret {view.year}.{' '}
          <span className="caption-unit">{unitCaption(view.display)}.</span>
        </>
      }
      className="economy-table"
    >
      <thead>
        <tr>
          <th scope="col">Verksamhet</th>
          <FigureHeadings columns={columns} context={{ year: view.year, throughMonth: 12 }} />
        </tr>
      </thead>
      <tbody>
        {view.rows.map((row) => (
          <tr key={row.code}>
            <th scope="row">
              <span className="cell-title">{row.label}</span>
              <span className="cell-text">Verksamhet {row.code}</span>
            </th>
            <FigureCells figures={row.figures} columns={columns} display={view.display} throughMonth={12} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Summa</th>
          <FigureCells figures={view.total} columns={columns} display={view.display} throughMonth={12} />
        </tr>
      </tfoot>
    </DataTable>
  )
}
