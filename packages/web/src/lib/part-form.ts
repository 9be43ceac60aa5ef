/**
 * The reporting form's data: what a part holds, as the fields show it and back again. Numbers are
 * typed the Swedish way ("1 234,5"); the API carries plain numbers.
 */
import {
  type IndicatorReport,
  type IndicatorView,
  type PartKind,
  reportSchemas,
  type ValueStatus,
} from '@arshjul/domain'
import type { z } from 'zod'
import type { FieldProblem } from './api.ts'

/**
 * A number as typed in Sweden: decimal comma (or point), spaces or non-breaking spaces between
 * thousands, a hyphen or a true minus sign. '' is null (no value); anything else unreadable is
 * undefined.
 */
export function parseDecimal(text: string): number | null | undefined {
  const compact = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-')
  if (compact === '') return null
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return undefined
  return Number(compact.replace(',', '.'))
}

/** A number as it is typed into a field: decimal comma, no thousands separator ("1234,5"). */
export function decimalText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',')
}

export type PartContentOf = { [K in PartKind]: z.infer<(typeof reportSchemas)[K]> }

/** The part's content with the defaults of its kind (an empty part is `{}` on the server). */
export function contentOf<K extends PartKind>(kind: K, raw: unknown): PartContentOf[K] {
  const schema = reportSchemas[kind]
  const parsed = schema.safeParse(raw ?? {})
  if (parsed.success) return parsed.data as PartContentOf[K]
  return schema.parse({}) as PartContentOf[K]
}

/** One row of an indicator's values for the follow-up year: one per breakdown, the total first. */
export interface ValueRow {
  breakdown: string
  label: string
  valueText: string
  status: ValueStatus
  comment: string
}

export function breakdownsOf(indicator: IndicatorView | null): { key: string; label: string }[] {
  const all = indicator?.breakdowns ?? []
  const total = all.find((b) => b.key === 'total')
  return [
    { key: 'total', label: total?.label ?? 'Totalt' },
    ...all.filter((b) => b.key !== 'total').map((b) => ({ key: b.key, label: b.label })),
  ]
}

export function valueRows(
  indicator: IndicatorView | null,
  year: number,
  content: IndicatorReport,
): ValueRow[] {
  return breakdownsOf(indicator).map(({ key, label }) => {
    const saved = content.values.find((v) => v.year === year && v.breakdown === key)
    return {
      breakdown: key,
      label,
      valueText: decimalText(saved?.value),
      // An interim figure is usually preliminary until the year's books are closed.
      status: saved?.status ?? 'preliminary',
      comment: saved?.comment ?? '',
    }
  })
}

export interface RowsAsContent {
  content: IndicatorReport
  /** Breakdowns whose value could not be read as a number. */
  unreadable: string[]
  /** The breakdown of each position in content.values (for the server's "values.2.value"). */
  breakdownAt: (string | null)[]
}

/**
 * The rows back into the part's content. A row nobody has touched is left out; values of other
 * years already in the content are kept as they are.
 */
export function rowsToContent(
  rows: readonly ValueRow[],
  year: number,
  previous: IndicatorReport,
): RowsAsContent {
  const values = previous.values.filter((v) => v.year !== year)
  const breakdownAt: (string | null)[] = values.map(() => null)
  const unreadable: string[] = []
  for (const row of rows) {
    const touched = row.valueText.trim() !== '' || row.status === 'missing' || row.comment.trim() !== ''
    if (!touched) continue
    const value = parseDecimal(row.valueText)
    if (value === undefined) {
      unreadable.push(row.breakdown)
      continue
    }
    values.push({
      year,
      breakdown: row.breakdown,
      value,
      status: row.status,
      comment: row.comment.trim() === '' ? null : row.comment,
    })
    breakdownAt.push(row.breakdown)
  }
  return { content: { values }, unreadable, breakdownAt }
}

export interface FieldErrors {
  /** Message per field id. */
  fields: Record<string, string>
  /** Problems the form cannot place at a field. */
  general: string[]
}

/** The server's problems ("analysis", "values.0.value") placed at the form's fields. */
export function placeProblems(
  details: readonly FieldProblem[],
  fieldIdOf: (path: string) => string | null,
): FieldErrors {
  const errors: FieldErrors = { fields: {}, general: [] }
  for (const problem of details) {
    const id = fieldIdOf(problem.path)
    if (id && !(id in errors.fields)) errors.fields[id] = problem.message
    else if (!id) errors.general.push(problem.message)
  }
  return errors
}

export const noErrors: FieldErrors = { fields: {}, general: [] }

export function hasErrors(errors: FieldErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0
}

/** A year typed into a field: '' is null, four digits a year, anything else undefined. */
export function parseYear(text: string): number | null | undefined {
  const t = text.trim()
  if (t === '') return null
  if (!/^\d{4}$/.test(t)) return undefined
  const year = Number(t)
  return year >= 1990 && year <= 2100 ? year : undefined
}
