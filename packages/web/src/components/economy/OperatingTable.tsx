import type { OperatingView } from '@arshjul/domain'
import { periodText } from '@arshjul/domain'
import { Fragment, useState } from 'react'
import { operatingColumns, unitCaption } from '../../lib/economy.ts'
import { DataTable } from '../DataTable.tsx'
import { DrillDown } from './DrillDown.tsx'
import { FigureCells, FigureHeadings } from './FiguresCells.tsx'

interface Props {
  view: OperatingView
  code: string
  board: string
}

/**
 * "Driftredovisning per ansvar": one row per cost centre, the amounts not broken down, the total,
 * and per row a disclosure that opens the drill-down (account groups and months) right below it.
 */
export function OperatingTable({ view, code, board }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const columns = operatingColumns(
    [...view.rows.map((r) => r.figures), view.notBrokenDown, view.formerUnits?.figures ?? null, view.total],
    view.throughMonth,
  )
  const context = {
    year: view.year,
    throughMonth: view.throughMonth,
    previousFollowUp: view.previousFollowUp?.title ?? null,
  }
  const span = columns.length + 1
  const toggle = (costCentre: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(costCentre)) next.delete(costCentre)
      else next.add(costCentre)
      return next
    })

  const renderRow = (row: OperatingView['rows'][number]) => {
    const key = row.costCentre.code
    const isOpen = open.has(key)
    const drillId = `drill-${key.replace(/[^\p{L}\p{N}_-]/gu, '_')}`
    return (
      <Fragment key={key}>
        <tr className={isOpen ? 'row-open' : undefined}>
          <th scope="row" className="cell-ansvar">
            <span className="cell-title">{row.costCentre.name}</span>
            {row.restatedFrom.length > 0 ? (
              <span className="cell-note">Omräknat från {row.restatedFrom.join(', ')}</span>
            ) : null}
            <span className="cell-actions">
              {!row.costCentre.name.includes(row.costCentre.code) ? (
                <span className="cell-text">Ansvar {row.costCentre.code}</span>
              ) : null}
              <button
                type="button"
                className="disclosure"
                aria-expanded={isOpen}
                aria-controls={isOpen ? drillId : undefined}
                onClick={() => toggle(key)}
              >
                <span aria-hidden="true" className="disclosure__icon" />
                Visa detaljer<span className="visually-hidden"> för {row.costCentre.name}</span>
              </button>
            </span>
          </th>
          <FigureCells
            figures={row.figures}
            columns={columns}
            display={view.display}
            throughMonth={view.throughMonth}
          />
        </tr>
        {isOpen ? (
          <tr className="row-drill" id={drillId}>
            <td colSpan={span}>
              <DrillDown
                code={code}
                board={board}
                costCentre={row.costCentre}
                year={view.year}
                month={view.throughMonth}
                hasAccountDetail={view.hasAccountDetail}
              />
            </td>
          </tr>
        ) : null}
      </Fragment>
    )
  }

  // A board with several administrations (Linköping's KS: KLF and the internally financed VSS) gets
  // one group per administration with its own sum, as the reports print them.
  const groups =
    view.subtotals.length > 0
      ? view.subtotals.map((sub) => ({
          key: sub.administration?.key ?? '',
          name: sub.administration?.name ?? 'Ansvar utan enhet',
          figures: sub.figures,
          rows: view.rows.filter((r) => (r.administration?.key ?? '') === (sub.administration?.key ?? '')),
        }))
      : null

  return (
    <DataTable
      caption={
        <>
          Driftredovisning per ansvar, {periodText(view.year, view.throughMonth)}
          {view.structure === 'current' ? ', omräknad till dagens organisation' : ''}.{' '}
          <span className="caption-unit">{unitCaption(view.display)}.</span>
        </>
      }
      className="economy-table"
    >
      <thead>
        <tr>
          <th scope="col">Ansvar</th>
          <FigureHeadings columns={columns} context={context} />
        </tr>
      </thead>
      {groups ? (
        groups.map((g) => (
          <tbody key={g.key}>
            <tr className="row-group">
              <th scope="colgroup" colSpan={span}>
                {g.name}
              </th>
            </tr>
            {g.rows.map(renderRow)}
            <tr className="row-subtotal">
              <th scope="row">Summa {g.name}</th>
              <FigureCells
                figures={g.figures}
                columns={columns}
                display={view.display}
                throughMonth={view.throughMonth}
              />
            </tr>
          </tbody>
        ))
      ) : (
        <tbody>{view.rows.map(renderRow)}</tbody>
      )}
      <tbody>
        {view.notBrokenDown ? (
          <tr className="row-unallocated">
            <th scope="row">
              Ej fördelat
              <span className="cell-note">Belopp för nämnden som helhet, inte per ansvar</span>
            </th>
            <FigureCells
              figures={view.notBrokenDown}
              columns={columns}
              display={view.display}
              throughMonth={view.throughMonth}
            />
          </tr>
        ) : null}
        {view.formerUnits ? (
          <tr className="row-unallocated">
            <th scope="row">
              Tidigare organisation
              <span className="cell-note">{view.formerUnits.names.join(', ')}</span>
            </th>
            <FigureCells
              figures={view.formerUnits.figures}
              columns={columns}
              display={view.display}
              throughMonth={view.throughMonth}
            />
          </tr>
        ) : null}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Summa</th>
          <FigureCells
            figures={view.total}
            columns={columns}
            display={view.display}
            throughMonth={view.throughMonth}
          />
        </tr>
      </tfoot>
    </DataTable>
  )
}
