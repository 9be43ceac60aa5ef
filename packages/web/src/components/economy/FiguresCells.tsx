import type { AmountDisplay, OperatingFigures } from '@arshjul/domain'
import {
  type ColumnContext,
  cellText,
  columnLabel,
  type OperatingColumn,
  toneBasis,
} from '../../lib/economy.ts'
import { Tone } from './Tone.tsx'

/** The column headings of an operating table after the first (row heading) column. */
export function FigureHeadings({
  columns,
  context,
}: {
  columns: readonly OperatingColumn[]
  context: ColumnContext
}) {
  return (
    <>
      {columns.map((column) => (
        <th key={column} scope="col" className="num">
          {columnLabel(column, context)}
        </th>
      ))}
    </>
  )
}

/** The amounts of one row; the deviation the row's tone is based on also says surplus or deficit in words. */
export function FigureCells({
  figures,
  columns,
  display,
  throughMonth,
  withTone = true,
  asIs = false,
}: {
  figures: OperatingFigures
  columns: readonly OperatingColumn[]
  display: AmountDisplay
  /** The period, which decides the figure the tone word goes with (see toneBasis). */
  throughMonth: number
  withTone?: boolean
  /** Amounts not in the ledger's sign (allocation, result), printed as they are. */
  asIs?: boolean
}) {
  const toneIn = withTone ? toneBasis(figures, throughMonth) : null
  return (
    <>
      {columns.map((column) => (
        <td key={column} className="num">
          {cellText(figures, column, display, asIs)}
          {column === toneIn ? <Tone tone={figures.tone} /> : null}
        </td>
      ))}
    </>
  )
}
