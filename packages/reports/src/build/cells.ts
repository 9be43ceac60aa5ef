/**
 * Cells of the document's tables: numbers keep their exact value next to the text they print
 * as (sv-SE, true minus sign, rounded last), so validators and spreadsheets work on real numbers.
 */
import {
  type AmountDisplay,
  formatAmount,
  formatNumber,
  fromLedgerSign,
  type LevelView,
  roundToUnit,
} from '@arshjul/domain'
import type { Cell, LevelCell, NumberCell, TextCell } from '../model.ts'

export const NONE = '–'

export const text = (value: string | null | undefined): TextCell => ({ kind: 'text', text: value ?? '' })

export const empty = (): NumberCell => ({ kind: 'number', value: null, display: NONE, decimals: 0 })

/** An amount in öre, already in the municipality's display sign (or favourable-positive). */
export function amount(ore: number | null, display: AmountDisplay, figure?: string): NumberCell {
  if (ore === null) return { ...empty(), decimals: display.decimals }
  const rounded = roundToUnit(ore, display.unit, display.decimals)
  return {
    kind: 'number',
    value: rounded === 0 ? 0 : rounded,
    display: formatAmount(ore, display.unit, display.decimals, false),
    decimals: display.decimals,
    exact: String(ore),
    figure,
  }
}

/** An amount in the ledger's sign, shown in the municipality's sign convention. */
export const ledgerAmount = (ore: number | null, display: AmountDisplay, figure?: string): NumberCell =>
  amount(ore === null ? null : fromLedgerSign(ore, display.sign), display, figure)

/** A count: "12". */
export const count = (n: number, figure?: string): NumberCell => ({
  kind: 'number',
  value: n,
  display: formatNumber(n, 0),
  decimals: 0,
  exact: String(n),
  figure,
})

/** A measured value with its decimals; null prints as a dash. */
export function measured(value: number | null, decimals: number, suffix = '', figure?: string): NumberCell {
  if (value === null) return { ...empty(), decimals }
  return {
    kind: 'number',
    value,
    display: `${formatNumber(value, decimals)}${suffix}`,
    decimals,
    exact: String(value),
    figure,
  }
}

export function level(view: LevelView | null): Cell {
  if (!view) return text('Ej bedömd')
  const cell: LevelCell = { kind: 'level', label: view.label, symbol: view.symbol, colour: view.colour }
  return cell
}
