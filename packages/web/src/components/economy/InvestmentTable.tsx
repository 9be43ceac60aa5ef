import type { AmountDisplay, InvestmentRow, InvestmentView } from '@arshjul/domain'
import {
  type InvestmentColumn,
  investmentCell,
  investmentColumnLabel,
  investmentColumns,
  investmentGroups,
  unitCaption,
} from '../../lib/economy.ts'
import { DataTable } from '../DataTable.tsx'

type Totals = InvestmentView['totals']['all']

/**
 * "Investeringsredovisning": every project with its decided budget, the accumulated outcome and
 * the year's figures. Land development (exploatering, land sales) is a group of its own with its
 * own subtotal, as municipalities report it; the total of all comes last.
 */
export function InvestmentTable({ view }: { view: InvestmentView }) {
  const { ordinary, landDevelopment } = investmentGroups(view)
  const columns = investmentColumns(view.projects)
  const span = columns.length + 3
  const grouped = landDevelopment.length > 0
  return (
    <DataTable
      caption={
        <>
          Investeringsredovisning {view.year}.{' '}
          <span className="caption-unit">{unitCaption(view.display)}.</span>
        </>
      }
      className="economy-table investment-table"
    >
      <thead>
        <tr>
          <th scope="col">Projekt</th>
          <th scope="col">Kategori</th>
          <th scope="col">Status</th>
          {columns.map((column) => (
            <th key={column} scope="col" className="num">
              {investmentColumnLabel(column, view.year)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grouped ? (
          <tr className="row-group">
            <th scope="rowgroup" colSpan={span}>
              Investeringar
            </th>
          </tr>
        ) : null}
        {ordinary.map((project) => (
          <ProjectRow key={project.key} project={project} columns={columns} display={view.display} />
        ))}
        {grouped ? (
          <TotalRow
            label="Summa investeringar exklusive exploatering"
            totals={view.totals.excludingLandDevelopment}
            columns={columns}
            display={view.display}
          />
        ) : null}
      </tbody>
      {grouped ? (
        <tbody>
          <tr className="row-group">
            <th scope="rowgroup" colSpan={span}>
              Exploatering och markförsäljning
            </th>
          </tr>
          {landDevelopment.map((project) => (
            <ProjectRow key={project.key} project={project} columns={columns} display={view.display} />
          ))}
          <TotalRow
            label="Summa exploatering och markförsäljning"
            totals={view.totals.landDevelopment}
            columns={columns}
            display={view.display}
          />
        </tbody>
      ) : null}
      <tfoot>
        <TotalRow label="Summa" totals={view.totals.all} columns={columns} display={view.display} />
      </tfoot>
    </DataTable>
  )
}

function ProjectRow({
  project,
  columns,
  display,
}: {
  project: InvestmentRow
  columns: readonly InvestmentColumn[]
  display: AmountDisplay
}) {
  return (
    <tr>
      <th scope="row" className="cell-project">
        {project.name}
      </th>
      <td>{project.categoryLabel}</td>
      <td>{project.statusLabel}</td>
      {columns.map((column) => (
        <td key={column} className="num">
          {investmentCell(project, column, display)}
        </td>
      ))}
    </tr>
  )
}

function TotalRow({
  label,
  totals,
  columns,
  display,
}: {
  label: string
  totals: Totals
  columns: readonly InvestmentColumn[]
  display: AmountDisplay
}) {
  return (
    <tr className="row-subtotal">
      <th scope="row" colSpan={3}>
        {label}
      </th>
      {columns.map((column) => (
        <td key={column} className="num">
          {investmentCell(totals, column, display)}
        </td>
      ))}
    </tr>
  )
}
