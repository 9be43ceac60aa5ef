import type { OperatingFigures, OperatingView } from '@arshjul/domain'
import { periodText } from '@arshjul/domain'
import {
  money,
  operatingColumns,
  statementAsIs,
  statementLabels,
  statementLines,
  unitCaption,
} from '../../lib/economy.ts'
import { DataTable } from '../DataTable.tsx'
import { FigureCells, FigureHeadings } from './FiguresCells.tsx'

/** Nettokostnader, kommunbidrag, finansnetto and the result, as the operating statement prints them. */
export function StatementTable({ view }: { view: OperatingView }) {
  const lines = statementLines(view.statement)
  if (lines.length === 0) return null
  const figures: OperatingFigures[] = lines.map((line) => view.statement[line])
  const columns = operatingColumns(figures, view.throughMonth)
  return (
    <DataTable
      caption={
        <>
          Nämndens resultat, {periodText(view.year, view.throughMonth)}.{' '}
          <span className="caption-unit">{unitCaption(view.display)}.</span>
        </>
      }
      className="economy-table economy-table--statement"
    >
      <thead>
        <tr>
          <th scope="col">Post</th>
          <FigureHeadings columns={columns} context={{ year: view.year, throughMonth: view.throughMonth }} />
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line} className={line === 'result' ? 'row-result' : undefined}>
            <th scope="row">{statementLabels[line]}</th>
            <FigureCells
              figures={view.statement[line]}
              columns={columns}
              display={view.display}
              throughMonth={view.throughMonth}
              withTone={line === 'result'}
              asIs={statementAsIs(line)}
            />
          </tr>
        ))}
      </tbody>
    </DataTable>
  )
}

/** Net cost per later year, from the budget decision ("plan 2026–2027"). */
export function PlanTable({ view }: { view: OperatingView }) {
  if (view.plans.length === 0) return null
  return (
    <DataTable
      caption={
        <>
          Nettokostnader enligt plan. <span className="caption-unit">{unitCaption(view.display)}.</span>
        </>
      }
      className="economy-table"
      fit
    >
      <thead>
        <tr>
          <th scope="col">År</th>
          <th scope="col" className="num">
            Nettokostnader
          </th>
        </tr>
      </thead>
      <tbody>
        {view.plans.map((plan) => (
          <tr key={plan.year}>
            <th scope="row">Plan {plan.year}</th>
            <td className="num">{money(plan.netCost, view.display)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  )
}
