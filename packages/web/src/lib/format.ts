import type { AmountUnit, AssignmentStatus } from '@arshjul/domain'
import { formatNumber } from '@arshjul/domain'

/** "a, b och c": in the domain package since the charts' text alternatives use it too. */
export { joinSwedish } from '@arshjul/domain'

const kronorPerUnit: Record<AmountUnit, number> = { kr: 1, tkr: 1_000, mkr: 1_000_000, mnkr: 1_000_000 }

/** An exact amount in kronor shown in the municipality's unit: 7000000 → "7,0 mkr". */
export function formatAmount(kronor: number, unit: AmountUnit, decimals: number): string {
  return `${formatNumber(kronor / kronorPerUnit[unit], unit === 'kr' ? 0 : decimals)}\u00a0${unit}`
}

const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** An ISO date as Swedish readers write it in running text: "2024-12-31" → "31 december 2024". */
export function formatLongDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date)
}

/** "1 mål", "5 mål"; Swedish nouns with their plural. */
export function countNoun(count: number, one: string, many: string): string {
  return `${formatNumber(count, 0)} ${count === 1 ? one : many}`
}

const statusWords: Record<AssignmentStatus, { one: string; many: string }> = {
  'ej-paborjad': { one: 'ej påbörjad', many: 'ej påbörjade' },
  paborjad: { one: 'påbörjad', many: 'påbörjade' },
  pagar: { one: 'pågår', many: 'pågår' },
  genomford: { one: 'genomförd', many: 'genomförda' },
  kvarstar: { one: 'kvarstår', many: 'kvarstår' },
  'inte-aktuellt': { one: 'inte aktuellt', many: 'inte aktuella' },
  overfors: { one: 'överförs', many: 'överförs' },
}

/** "28 genomförda", "1 genomförd", "4 pågår". */
export function statusCount(status: AssignmentStatus, count: number): string {
  const words = statusWords[status]
  return `${formatNumber(count, 0)} ${count === 1 ? words.one : words.many}`
}

export function yearSpan(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`
}
