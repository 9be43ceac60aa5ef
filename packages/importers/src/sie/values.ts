/**
 * Field values of SIE: amounts, dates, periods and integers. Each parser returns null for a value
 * it cannot read exactly; the caller turns that into a problem on its line.
 */

/**
 * An amount in kronor with `.` as decimal separator ("-1234.5", "0.03", "12") as exact öre.
 * More decimals are accepted only when they are zeros ("10.000000"), as öre cannot hold them.
 * `'decimals'` tells that case apart from a value that is not a number at all ("12,50").
 */
export function parseAmount(raw: string): bigint | 'format' | 'decimals' {
  const n = raw.length
  let i = 0
  let negative = false
  const sign = raw.charCodeAt(0)
  if (sign === 45 || sign === 43) {
    negative = sign === 45
    i = 1
  }
  const wholeStart = i
  while (i < n && isDigit(raw.charCodeAt(i))) i++
  const whole = raw.slice(wholeStart, i)
  if (whole.length === 0) return 'format'
  let fraction = ''
  if (i < n) {
    if (raw.charCodeAt(i) !== 46) return 'format'
    const fractionStart = ++i
    while (i < n && isDigit(raw.charCodeAt(i))) i++
    if (i < n || i === fractionStart) return 'format'
    fraction = raw.slice(fractionStart)
    if (fraction.length > 2) {
      for (let k = 2; k < fraction.length; k++) if (fraction.charCodeAt(k) !== 48) return 'decimals'
      fraction = fraction.slice(0, 2)
    }
  }
  const ore = BigInt(whole + fraction.padEnd(2, '0'))
  return negative ? -ore : ore
}

/** Formats öre the way SIE writes amounts: -1250n → "-12.50". */
export function formatAmount(ore: bigint): string {
  const negative = ore < 0n
  const abs = negative ? -ore : ore
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function allDigits(raw: string, length: number): boolean {
  if (raw.length !== length) return false
  for (let i = 0; i < length; i++) if (!isDigit(raw.charCodeAt(i))) return false
  return true
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)
}

/** A calendar date `YYYYMMDD` between the years 1000 and 9999, or null. */
export function parseDate(raw: string): string | null {
  if (!allDigits(raw, 8)) return null
  const year = Number(raw.slice(0, 4))
  const month = Number(raw.slice(4, 6))
  const day = Number(raw.slice(6, 8))
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null
  return raw
}

/** A month `YYYYMM` between the years 1000 and 9999, or null. */
export function parsePeriod(raw: string): string | null {
  if (!allDigits(raw, 6)) return null
  const year = Number(raw.slice(0, 4))
  const month = Number(raw.slice(4, 6))
  return year >= 1000 && month >= 1 && month <= 12 ? raw : null
}

/** A (possibly negative) integer within ±1 000 000, as dimension numbers and year indexes are. */
export function parseSmallInteger(raw: string): number | null {
  if (!/^[+-]?\d{1,7}$/.test(raw)) return null
  const value = Number(raw)
  return Math.abs(value) <= 1_000_000 ? value : null
}
