/**
 * Swedish number presentation (sv-SE): decimal comma, a non-breaking space as thousands separator
 * and a true minus sign (U+2212). Rounding happens here, last, never before sums are taken.
 */
const formatters = new Map<number, Intl.NumberFormat>()

function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals)
  if (!f) {
    f = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    formatters.set(decimals, f)
  }
  return f
}

/** Format a number with a fixed number of decimals: 1240.84 → "1 240,8" (1 decimal). */
export function formatNumber(value: number, decimals: number): string {
  return formatter(decimals).format(value)
}

/** Format a percentage figure already expressed in percent: 3.03 → "3,03 %". */
export function formatPercent(value: number, decimals: number): string {
  return `${formatNumber(value, decimals)}\u00a0%`
}

/** "a, b och c". */
export function joinSwedish(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`
}
