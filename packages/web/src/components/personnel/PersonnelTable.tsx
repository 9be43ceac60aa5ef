import {
  cellAt,
  cellContent,
  computedNote,
  computedText,
  type PersonnelMeasureView,
  personnelColumns,
  personnelUnit,
} from '../../lib/personnel.ts'
import { DataTable } from '../DataTable.tsx'

/**
 * One measure as a table: a row per group of people (breakdown), a column per year. A protected
 * cell shows a dash and says why to a screen reader; a computed figure is marked with an asterisk
 * explained below the table.
 */
export function PersonnelTable({ measure }: { measure: PersonnelMeasureView }) {
  const columns = personnelColumns(measure)
  const unit = personnelUnit(measure.kind)
  const anyComputed = measure.rows.some((r) => r.cells.some((c) => c.computed && !c.hidden))
  return (
    <>
      <DataTable
        fit
        className="personnel-table"
        caption={
          <>
            {measure.label}
            {unit ? <span className="caption-unit"> ({unit})</span> : null}
          </>
        }
      >
        <thead>
          <tr>
            <th scope="col">Grupp</th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="num">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {measure.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => {
                const cell = cellAt(row, column)
                const { text, spoken } = cellContent(measure, cell)
                return (
                  <td key={column.key} className={cell?.hidden ? 'num cell-hidden' : 'num'}>
                    {spoken ? (
                      <>
                        <span aria-hidden="true">{text}</span>
                        <span className="visually-hidden">{spoken}</span>
                      </>
                    ) : (
                      text
                    )}
                    {cell?.computed && !cell.hidden ? (
                      <>
                        <span aria-hidden="true" className="computed-mark">
                          *
                        </span>
                        <span className="visually-hidden"> ({computedText(measure, cell)})</span>
                      </>
                    ) : null}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </DataTable>
      {anyComputed ? <p className="table-note">{computedNote(measure)}</p> : null}
    </>
  )
}
