/** Presenting the follow-up cycle: progress, deadlines, times and the baseline's changes. */
import type { Change, FollowUpSummary, PartKind, PartStatus, PartSummary } from '@arshjul/domain'
import { formatNumber, PartKind as PartKinds, PartStatus as PartStatuses } from '@arshjul/domain'
import { countNoun } from './format.ts'

/** Follow-ups people report in now: open for reporting, or closed and being reviewed. */
export function activeFollowUps(followUps: readonly FollowUpSummary[]): FollowUpSummary[] {
  return followUps.filter((f) => f.status === 'open' || f.status === 'in-review')
}

export interface Progress {
  total: number
  /** Marked ready or approved: nothing left for the reporter to do. */
  done: number
  /** 0–100, rounded down so that 100 means every part is done. */
  percent: number
  counts: { status: PartStatus; count: number }[]
}

export function progressOf(byStatus: readonly { status: PartStatus; count: number }[]): Progress {
  const count = (status: PartStatus) => byStatus.find((c) => c.status === status)?.count ?? 0
  const counts = PartStatuses.options.map((status) => ({ status, count: count(status) }))
  const total = counts.reduce((n, c) => n + c.count, 0)
  const done = count('ready') + count('approved')
  return { total, done, percent: total === 0 ? 0 : Math.floor((done / total) * 100), counts }
}

/** "4 av 11 delar är klarmarkerade eller granskade (36 %)." */
export function progressSentence(progress: Progress): string {
  if (progress.total === 0) return 'Det finns inga delar att rapportera.'
  return `${progress.done} av ${countNoun(progress.total, 'del', 'delar')} är klarmarkerade eller granskade (${formatNumber(progress.percent, 0)}\u00a0%).`
}

export const kindHeadings: Record<PartKind, string> = {
  goal: 'Mål',
  indicator: 'Indikatorer',
  activity: 'Aktiviteter',
  assignment: 'Uppdrag',
  personnel: 'Personal',
  control: 'Intern kontroll: kontrollmoment',
  'control-summary': 'Intern kontroll: sammanfattande bedömning',
  narrative: 'Dokumentets texter',
}

/** Parts grouped by kind in the order goals, indicators, activities, assignments; empty kinds left out. */
export function groupByKind(parts: readonly PartSummary[]): { kind: PartKind; parts: PartSummary[] }[] {
  return PartKinds.options
    .map((kind) => ({ kind, parts: parts.filter((p) => p.kind === kind) }))
    .filter((g) => g.parts.length > 0)
}

const clock = new Intl.DateTimeFormat('sv-SE', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Stockholm',
})
const dateAndClock = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
})

/** "10:42", Swedish time. */
export function formatClock(date: Date): string {
  return clock.format(date)
}

/** An ISO timestamp as "2025-09-10 10:42", Swedish time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateAndClock.format(date)
}

/** Today's date in Sweden as "2025-09-12". */
export function swedishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now)
}

const changeLabels: Record<Change['change'], string> = {
  added: 'Tillagt',
  removed: 'Borttaget',
  changed: 'Ändrat',
}

export function changeLabel(change: Change['change']): string {
  return changeLabels[change]
}

const fieldLabels: Record<string, string> = {
  title: 'Rubrik',
  description: 'Beskrivning',
  financing: 'Finansiering',
  goalArea: 'Målområde',
  startYear: 'Startår',
  endYear: 'Slutår',
  kind: 'Typ',
  name: 'Namn',
  unit: 'Enhet',
  direction: 'Önskad riktning',
  goals: 'Mål',
  targets: 'Målvärden',
}

export function fieldLabel(field: string): string {
  return fieldLabels[field] ?? field
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A value from the plan as a reader would write it: targets as "2025: 80", numbers with a comma. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–'
  if (typeof value === 'number') return String(value).replace('.', ',').replace('-', '\u2212')
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej'
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map(describeValue).join('; ')
  if (isRecord(value)) {
    if (typeof value.year === 'number' && ('value' in value || 'text' in value)) {
      const breakdown =
        typeof value.breakdown === 'string' && value.breakdown !== 'total' ? ` (${value.breakdown})` : ''
      const figure = value.value !== undefined ? describeValue(value.value) : describeValue(value.text)
      return `${value.year}${breakdown}: ${figure}`
    }
    if (typeof value.text === 'string') return value.text
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${describeValue(v)}`)
      .join(', ')
  }
  return String(value)
}
