import { z } from 'zod'
import { Financing } from './goals.ts'
import { IndicatorTarget } from './indicators.ts'
import { Key } from './municipality.ts'
import { Year } from './organisation.ts'

/** The plan content a follow-up is compared on: its goals and its indicators with their targets. */
export const PlanContent = z.object({
  goals: z.array(
    z.object({
      key: Key,
      kind: z.enum(['goal', 'initiative']),
      title: z.string(),
      description: z.string().nullable(),
      financing: Financing.nullable(),
      goalArea: Key.nullable(),
      startYear: Year,
      endYear: Year,
    }),
  ),
  indicators: z.array(
    z.object({
      key: Key,
      name: z.string(),
      unit: z.string(),
      direction: z.string().nullable(),
      goals: z.array(Key),
      targets: z.array(IndicatorTarget),
    }),
  ),
})
export type PlanContent = z.infer<typeof PlanContent>

export const Change = z.object({
  kind: z.enum(['goal', 'indicator']),
  key: Key,
  name: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** For "changed": the fields that differ, with the baseline's and the current value. */
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
})
export type Change = z.infer<typeof Change>

const goalFields = ['title', 'description', 'financing', 'goalArea', 'startYear', 'endYear', 'kind'] as const
const indicatorFields = ['name', 'unit', 'direction', 'goals', 'targets'] as const

/** Deterministic JSON for comparing values (object keys sorted, arrays kept in order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

function normaliseTargets(targets: readonly z.infer<typeof IndicatorTarget>[]) {
  return [...targets].sort((a, b) => a.year - b.year || a.breakdown.localeCompare(b.breakdown))
}

function compare<T extends { key: string }>(
  kind: 'goal' | 'indicator',
  baseline: readonly T[],
  current: readonly T[],
  fields: readonly (keyof T & string)[],
  nameOf: (item: T) => string,
  normalise: (item: T) => T = (x) => x,
): Change[] {
  const before = new Map(baseline.map((x) => [x.key, normalise(x)]))
  const after = new Map(current.map((x) => [x.key, normalise(x)]))
  const changes: Change[] = []
  for (const [key, b] of before) {
    const a = after.get(key)
    if (!a) {
      changes.push({ kind, key, name: nameOf(b), change: 'removed', fields: [] })
      continue
    }
    const differing = fields
      .filter((f) => canonicalJson(b[f]) !== canonicalJson(a[f]))
      .map((f) => ({ field: f, before: b[f], after: a[f] }))
    if (differing.length > 0)
      changes.push({ kind, key, name: nameOf(a), change: 'changed', fields: differing })
  }
  for (const [key, a] of after) {
    if (!before.has(key)) changes.push({ kind, key, name: nameOf(a), change: 'added', fields: [] })
  }
  return changes
}

/**
 * What differs between the adopted business plan (the baseline) and the current plan content:
 * goals and indicators added, removed or changed, and targets changed. Order: goals, then
 * indicators; within each, removed and changed in baseline order, then added in current order.
 */
export function diffAgainstBaseline(baseline: PlanContent, current: PlanContent): Change[] {
  return [
    ...compare('goal', baseline.goals, current.goals, goalFields, (g) => g.title),
    ...compare(
      'indicator',
      baseline.indicators,
      current.indicators,
      indicatorFields,
      (i) => i.name,
      (i) => ({ ...i, goals: [...i.goals].sort(), targets: normaliseTargets(i.targets) }),
    ),
  ]
}
