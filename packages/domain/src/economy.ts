import { formatNumber } from './format.ts'
import type { AmountUnit, SignConvention } from './municipality.ts'

/**
 * Money in Årshjul is an integer number of öre (1 krona = 100 öre), a safe integer in JavaScript
 * (up to ±90 000 000 000 000 kr). Sums are taken on öre; rounding to tkr/mkr happens only when an
 * amount is displayed, never before it is added to anything.
 */
export type Ore = number

/** Öre per display unit. "mnkr" (Linköping) and "mkr" (Luleå) are both millions of kronor. */
export const orePerUnit: Record<AmountUnit, number> = {
  kr: 100,
  tkr: 100_000,
  mkr: 100_000_000,
  mnkr: 100_000_000,
}

export function assertOre(value: number, what = 'beloppet'): Ore {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} ska vara ett heltal öre, fick ${value}`)
  return value
}

/** Exact sum of öre amounts; throws if the sum would leave the safe-integer range. */
export function sumOre(values: Iterable<Ore>): Ore {
  let total = 0
  for (const v of values) {
    total += v
    if (!Number.isSafeInteger(total)) throw new RangeError('Summan är för stor för att räknas exakt')
  }
  return total
}

/**
 * The deviation of an outcome (or forecast) from the budget, in öre; positive is always favourable.
 * With costs shown positive (Linköping) a cost below budget is favourable: budget − outcome. With costs
 * shown negative (Luleå) the same saving is a less negative outcome: outcome − budget. Income follows
 * the same rule, as the sign of income is the opposite of the sign of costs in both conventions.
 */
export function deviation(budget: Ore, outcome: Ore, sign: SignConvention): Ore {
  return sign === 'costs-positive' ? budget - outcome : outcome - budget
}

/**
 * Convert an amount from the ledger's sign (SIE and Kommun-Bas: debit positive, so costs positive and
 * income negative) to the municipality's display convention.
 */
export function fromLedgerSign(amount: Ore, sign: SignConvention): Ore {
  return sign === 'costs-positive' ? amount : -amount
}

/**
 * Round an amount in öre to `decimals` decimals of a display unit, half away from zero, exactly
 * (integer arithmetic; no binary fractions on the way). Returns the rounded value as a number of
 * the unit, e.g. 28 163 456 789 öre in mkr with 1 decimal → 281.6.
 */
export function roundToUnit(amount: Ore, unit: AmountUnit, decimals: number): number {
  const factor = BigInt(orePerUnit[unit])
  const scale = 10n ** BigInt(decimals)
  const scaled = BigInt(amount) * scale
  const negative = scaled < 0n
  const magnitude = negative ? -scaled : scaled
  let quotient = magnitude / factor
  if ((magnitude % factor) * 2n >= factor) quotient += 1n
  const signed = negative ? -quotient : quotient
  return Number(signed) / Number(scale)
}

/** "281,6 mkr": rounded last, formatted in sv-SE with a true minus sign. */
export function formatAmount(amount: Ore, unit: AmountUnit, decimals: number, withUnit = true): string {
  const rounded = roundToUnit(amount, unit, decimals)
  // −0,0 is shown as 0,0: a rounded-away amount has no sign.
  const text = formatNumber(rounded === 0 ? 0 : rounded, decimals)
  return withUnit ? `${text}\u00a0${unit}` : text
}

/** Sum amounts per group, exactly; groups keep the order in which they first appear. */
export function rollUp<T>(
  rows: readonly T[],
  groupOf: (row: T) => string,
  amountOf: (row: T) => Ore,
): Map<string, Ore> {
  const totals = new Map<string, Ore>()
  for (const row of rows) {
    const key = groupOf(row)
    totals.set(key, sumOre([totals.get(key) ?? 0, amountOf(row)]))
  }
  return totals
}

/**
 * Exact öre amounts that print as the given rounded row values: for demo data taken from printed
 * reports (whose rows were rounded before they were summed), each row gets the amount at the middle of
 * its rounding interval. Every row then prints as in the source; the total is computed from them.
 */
export function amountPrintingAs(printed: number, unit: AmountUnit, decimals: number): Ore {
  const ore = Math.round(printed * 10 ** decimals) * (orePerUnit[unit] / 10 ** decimals)
  return assertOre(Math.round(ore))
}
