import { fromLedgerSign, type SignConvention } from '@arshjul/domain'

/**
 * Amounts in spreadsheets, read exactly to öre. Text is parsed digit by digit into a bigint, never
 * through parseFloat, so "90 071 992 547 409,91" is exactly 9 007 199 254 740 991 öre. Numbers from
 * XLSX cells are binary floats and are handled separately (`oreFromCellNumber`).
 */

export type AmountProblem = 'format' | 'decimals' | 'range'
export type AmountParse =
  | { readonly ok: true; readonly ore: number }
  | { readonly ok: false; readonly problem: AmountProblem }

const MAX_ORE = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * The sign, the whole kronor (with or without thousands separators), and up to any number of
 * decimals (more than two is told apart from garbage, to say so). Thousands separators are a space,
 * a no-break space (Excel's in Swedish) or a narrow no-break space, and only between groups of
 * exactly three digits, so "1 23" is not read as 123. The minus sign may be the true minus U+2212,
 * which Swedish typography and some exports use. A trailing "kr" (Excel's currency format, kept when
 * a sheet is saved as CSV) is allowed; it says nothing the column does not already say.
 */
const AMOUNT = /^([-+\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[,.](\d+))?(?:[ \u00a0\u202f]?kr)?$/i

/**
 * Parses an amount in kronor into öre. Both "," and "." are decimal separators; neither is a
 * thousands separator, so "1.234" and "1,234" are three decimals and rejected rather than guessed at
 * (a Swedish "1,234" is 1.234 kr and an English one 1 234 kr: reading either would be wrong half the
 * time). More than two decimals are rejected even when they are zeros, for the same reason.
 */
export function parseAmountText(text: string): AmountParse {
  const trimmed = text.trim()
  // A safe integer of öre has at most 16 digits; anything far longer is not an amount we can hold,
  // and the cap keeps the work per cell bounded whatever the cell holds.
  if (trimmed.length > 64) {
    const numeric = /^[-+\u2212]?[\d \u00a0\u202f]+$/.test(trimmed.slice(0, 64))
    return { ok: false, problem: numeric ? 'range' : 'format' }
  }
  const match = AMOUNT.exec(trimmed)
  if (!match) return { ok: false, problem: 'format' }
  const [, sign = '', whole = '', fraction = ''] = match
  if (fraction.length > 2) return { ok: false, problem: 'decimals' }
  const digits = whole.replace(/[ \u00a0\u202f]/g, '') + fraction.padEnd(2, '0')
  const magnitude = BigInt(digits)
  if (magnitude > MAX_ORE) return { ok: false, problem: 'range' }
  const negative = sign === '-' || sign === '\u2212'
  // Number(0n) is +0, so a "-0" never becomes negative zero.
  return { ok: true, ore: Number(negative ? -magnitude : magnitude) }
}

/** What `String(n)` gives for a float that is exactly a decimal with at most two decimals. */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d{1,2})?$/

/** Floats this close to a whole number of öre are that number; the rest is binary noise. */
const ORE_TOLERANCE = 1e-6

/**
 * An XLSX number cell as öre. A float cannot hold most decimal fractions, so two readings are
 * tried. First the float's shortest decimal form (what Excel shows and writes): when it has at
 * most two decimals it is parsed exactly as text; this is exact for every amount Excel can hold
 * (15 significant digits), where multiplying by 100 would lose öre above about 10^13 kr. Otherwise
 * the value may be a formula's float noise (=0.1+0.2 is 0.30000000000000004): it is accepted when
 * within 1e-6 öre of a whole öre, and else it truly has more than two decimals.
 */
export function oreFromCellNumber(value: number): AmountParse {
  if (!Number.isFinite(value)) return { ok: false, problem: 'format' }
  const shortest = String(value)
  if (PLAIN_DECIMAL.test(shortest)) return parseAmountText(shortest)
  const scaled = value * 100
  const rounded = Math.round(scaled)
  if (!Number.isSafeInteger(rounded)) return { ok: false, problem: 'range' }
  if (Math.abs(scaled - rounded) > ORE_TOLERANCE) return { ok: false, problem: 'decimals' }
  return { ok: true, ore: rounded === 0 ? 0 : rounded }
}

/**
 * An amount as the municipality signs it → the ledger's sign (costs positive). `fromLedgerSign`
 * only flips the sign or not, so it is its own inverse. `+ 0` turns -0 into 0, so that a zero
 * amount compares equal whichever convention it came from.
 */
export function toLedgerSign(amount: number, sign: SignConvention): number {
  return fromLedgerSign(amount, sign) + 0
}

/** The ledger's sign → the municipality's, for writing templates (the same flip, again without -0). */
export const toConventionSign: (amount: number, sign: SignConvention) => number = toLedgerSign

/**
 * Öre as text the way Swedish Excel reads a number from CSV: "-1234" for whole kronor, else
 * "-1234,50"; no thousands separators (Excel would take "1 234" as text) and a hyphen-minus.
 */
export function formatOreForCsv(ore: number): string {
  const value = BigInt(ore)
  const negative = value < 0n
  const abs = negative ? -value : value
  const whole = (abs / 100n).toString()
  const cents = abs % 100n
  const fraction = cents === 0n ? '' : `,${cents.toString().padStart(2, '0')}`
  return `${negative ? '-' : ''}${whole}${fraction}`
}

/** Öre as Swedish kronor for messages: -123450 → "−1 234,50 kr". */
export function kronorText(ore: number): string {
  const value = BigInt(ore)
  const negative = value < 0n
  const abs = negative ? -value : value
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  return `${negative ? '−' : ''}${whole},${(abs % 100n).toString().padStart(2, '0')} kr`
}
