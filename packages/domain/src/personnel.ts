import { z } from 'zod'
import { Key } from './municipality.ts'

/**
 * The personnel measures a report shows. Each is either a count (people on a date), a ratio of two
 * stored quantities (sick hours over ordinary working hours, leavers over average headcount …) or a
 * ready-made value where the source has only the figure (HME, chefindex, average retirement age).
 * Ratios are computed from the stored quantities when they are there (`personnelValue`).
 */
export const PersonnelMeasure = z.enum([
  'headcount',
  'age-distribution',
  'sick-leave',
  'sick-leave-long-share',
  'sick-leave-days-1-14-share',
  'sick-leave-days-15-59-share',
  'frisknarvaro',
  'turnover-external',
  'turnover-internal',
  'hme',
  'chefindex',
  'employees-per-manager',
  'share-full-time',
  'retirement-age',
  'applicants-per-ad',
])
export type PersonnelMeasure = z.infer<typeof PersonnelMeasure>

export type PersonnelKind = 'count' | 'percent' | 'ratio' | 'index' | 'years'

export interface PersonnelMeasureInfo {
  label: string
  kind: PersonnelKind
  /** What the numerator and denominator are, for ratios (shown in the template and the API docs). */
  numerator?: string
  denominator?: string
  /** Decimals shown; the sources show sick leave with two (3,03 %), others with one. */
  decimals: number
}

export const personnelMeasures: Record<PersonnelMeasure, PersonnelMeasureInfo> = {
  headcount: { label: 'Antal anställda', kind: 'count', decimals: 0 },
  'age-distribution': {
    label: 'Åldersfördelning',
    kind: 'percent',
    numerator: 'anställda i åldersgruppen',
    denominator: 'anställda',
    decimals: 1,
  },
  'sick-leave': {
    label: 'Sjukfrånvaro',
    kind: 'percent',
    numerator: 'sjukfrånvarotimmar',
    denominator: 'ordinarie arbetstid i timmar',
    decimals: 2,
  },
  'sick-leave-long-share': {
    label: 'Andel långtidssjukfrånvaro (mer än 59 dagar)',
    kind: 'percent',
    numerator: 'sjukfrånvarotimmar i perioder om mer än 59 dagar',
    denominator: 'sjukfrånvarotimmar',
    decimals: 2,
  },
  'sick-leave-days-1-14-share': {
    label: 'Andel sjukfrånvaro dag 1–14',
    kind: 'percent',
    numerator: 'sjukfrånvarotimmar dag 1–14',
    denominator: 'sjukfrånvarotimmar',
    decimals: 2,
  },
  'sick-leave-days-15-59-share': {
    label: 'Andel sjukfrånvaro dag 15–59',
    kind: 'percent',
    numerator: 'sjukfrånvarotimmar dag 15–59',
    denominator: 'sjukfrånvarotimmar',
    decimals: 2,
  },
  frisknarvaro: {
    label: 'Frisknärvaro',
    kind: 'percent',
    numerator: 'anställda med högst den gräns för sjukdagar kommunen använder',
    denominator: 'anställda',
    decimals: 2,
  },
  'turnover-external': {
    label: 'Extern personalomsättning',
    kind: 'percent',
    numerator: 'anställda som slutat i kommunen',
    denominator: 'genomsnittligt antal anställda',
    decimals: 1,
  },
  'turnover-internal': {
    label: 'Intern personalomsättning',
    kind: 'percent',
    numerator: 'anställda som bytt förvaltning',
    denominator: 'genomsnittligt antal anställda',
    decimals: 1,
  },
  hme: { label: 'Hållbart medarbetarengagemang (HME)', kind: 'index', decimals: 0 },
  chefindex: { label: 'Chefindex', kind: 'index', decimals: 1 },
  'employees-per-manager': {
    label: 'Antal medarbetare per första linjens chef',
    kind: 'ratio',
    numerator: 'medarbetare',
    denominator: 'första linjens chefer',
    decimals: 1,
  },
  'share-full-time': {
    label: 'Andel heltidsanställda',
    kind: 'percent',
    numerator: 'anställda på heltid',
    denominator: 'anställda',
    decimals: 1,
  },
  'retirement-age': { label: 'Genomsnittlig pensionsålder', kind: 'years', decimals: 1 },
  'applicants-per-ad': {
    label: 'Sökande per annons',
    kind: 'ratio',
    numerator: 'sökande',
    denominator: 'annonser',
    decimals: 1,
  },
}

/**
 * Which group a figure is about. Every dimension is optional (absent = everyone). Age bands are the
 * municipality's own ("0-29", "30-49", "50-" …), written lowest age first with a hyphen; an open
 * upper end is written "60-".
 */
export const PersonnelBreakdown = z
  .object({
    employment: z.enum(['permanent', 'temporary']).optional(),
    gender: z.enum(['women', 'men']).optional(),
    ageBand: z
      .string()
      .regex(/^\d{1,2}-(\d{1,3})?$/, 'Åldersgruppen skrivs som 30-49 eller 60-')
      .optional(),
    /** Frisknärvaro's breakdown by number of sick days ("0", "1-7"). */
    sickDays: z
      .string()
      .regex(/^\d{1,3}(-\d{1,3})?$/)
      .optional(),
  })
  .strict()
export type PersonnelBreakdown = z.infer<typeof PersonnelBreakdown>

export const genderLabels = { women: 'Kvinnor', men: 'Män' } as const
export const employmentLabels = { permanent: 'Tillsvidareanställda', temporary: 'Visstidsanställda' } as const

/** A stable text key for a breakdown: "employment=permanent;gender=women" (empty for everyone). */
export function breakdownKey(b: PersonnelBreakdown): string {
  return (['employment', 'gender', 'ageBand', 'sickDays'] as const)
    .filter((k) => b[k] !== undefined)
    .map((k) => `${k}=${b[k]}`)
    .join(';')
}

export function parseBreakdownKey(key: string): PersonnelBreakdown {
  if (key === '') return {}
  return PersonnelBreakdown.parse(
    Object.fromEntries(key.split(';').map((p) => p.split('=') as [string, string])),
  )
}

/** A non-negative decimal quantity given as text ("1234.5") so that no binary fraction enters. */
export const Quantity = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, 'Ange ett tal utan tecken, med punkt som decimaltecken')

/**
 * One personnel figure: either the underlying quantities (numerator and denominator; a count has
 * only the numerator), or — where only the printed figure exists — the value itself. Both may be
 * given; the computed value then wins and the given one is kept for comparison.
 */
export const PersonnelFigure = z
  .object({
    measure: PersonnelMeasure,
    year: z.number().int().min(1990).max(2100),
    /** The period within the year ("2024-08" for an interim report); absent for the whole year. */
    period: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
    breakdown: PersonnelBreakdown.default({}),
    numerator: Quantity.optional(),
    denominator: Quantity.optional(),
    value: z.number().optional(),
  })
  .refine((f) => f.numerator !== undefined || f.value !== undefined, {
    message: 'Ange antingen underlaget (täljare och nämnare) eller värdet',
  })
export type PersonnelFigure = z.infer<typeof PersonnelFigure>

/** Whose figures: a unit, an administration, or the municipality as a whole. */
export const PersonnelScope = z.union([
  z.object({ orgUnit: Key }),
  z.object({ administration: Key }),
  z.literal('municipality'),
])
export type PersonnelScope = z.infer<typeof PersonnelScope>

export const SeedPersonnelSet = z.object({
  key: Key,
  scope: PersonnelScope,
  title: z.string().min(1),
  figures: z.array(PersonnelFigure).min(1),
})
export type SeedPersonnelSet = z.infer<typeof SeedPersonnelSet>

/**
 * The value of a figure by the rules of its measure: a percentage is numerator ÷ denominator × 100,
 * a ratio numerator ÷ denominator, a count the numerator; a ready-made value is used as it is.
 * Computed with scaled integers, rounded half away from zero at the measure's decimals only when shown.
 * Returns null when the denominator is zero (no one to compute a share of).
 */
export function personnelValue(
  measure: PersonnelMeasure,
  f: { numerator?: string | undefined; denominator?: string | undefined; value?: number | undefined },
): number | null {
  const info = personnelMeasures[measure]
  if (f.numerator === undefined) return f.value ?? null
  if (info.kind === 'count') return Number(f.numerator)
  if (f.denominator === undefined) return f.value ?? null
  const scale = 10_000n
  const toScaled = (q: string) => {
    const [whole = '0', frac = ''] = q.split('.')
    return BigInt(whole) * scale + BigInt(frac.padEnd(4, '0').slice(0, 4) || '0')
  }
  const n = toScaled(f.numerator)
  const d = toScaled(f.denominator)
  if (d === 0n) return null
  const factor = info.kind === 'percent' ? 100n : 1n
  // Exact in BigInt to six decimals (truncated; the values are never negative), far below any
  // decimals shown, so the display rounding half away from zero sees the true digits.
  const micro = (n * factor * 1_000_000n) / d
  return Number(micro) / 1_000_000
}

/** Groups smaller than this are not shown outside the administration (protection of individuals). */
export const MIN_GROUP_SIZE = 10

export interface SuppressionCell {
  id: string
  measure: PersonnelMeasure
  year: number
  period?: string | undefined
  breakdown: PersonnelBreakdown
  /** How many people the figure is about, when known. */
  groupSize: number | null
}

const partitionDimensions = ['gender', 'ageBand', 'sickDays', 'employment'] as const

/**
 * Which figures to hide from people outside the administration. The rule:
 * 1. A figure about a group of fewer than `MIN_GROUP_SIZE` known people is hidden (the group's own
 *    headcount included). A figure whose group size is unknown is shown: the sources publish them.
 * 2. Complementary cells: figures that split a whole along one dimension (women and men of the same
 *    measure, year and other dimensions; the age bands; the sick-day bands; permanent and temporary)
 *    could give a hidden one away by subtraction — when the whole is known: its total is shown too,
 *    or it is 100 % (an age distribution). In such a split with exactly one hidden cell, the smallest
 *    other cell is hidden too, repeated until no such split has exactly one hidden cell.
 */
export function suppressSmallGroups(
  cells: readonly SuppressionCell[],
  minGroup = MIN_GROUP_SIZE,
): Set<string> {
  const hidden = new Set(cells.filter((c) => c.groupSize !== null && c.groupSize < minGroup).map((c) => c.id))
  const shown = new Set(
    cells.map((c) => [c.measure, c.year, c.period ?? '', breakdownKey(c.breakdown)].join('|')),
  )
  const splits = new Map<string, SuppressionCell[]>()
  for (const c of cells) {
    for (const dim of partitionDimensions) {
      if (c.breakdown[dim] === undefined) continue
      const rest = breakdownKey({ ...c.breakdown, [dim]: undefined })
      // A split gives a cell away only against a whole that is known: its total shown beside it, or
      // 100 % for a distribution (the age bands of an employment type).
      const closed =
        c.measure === 'age-distribution' || shown.has([c.measure, c.year, c.period ?? '', rest].join('|'))
      if (!closed) continue
      const key = [c.measure, c.year, c.period ?? '', dim, rest].join('|')
      const list = splits.get(key)
      if (list) list.push(c)
      else splits.set(key, [c])
    }
  }
  let changed = true
  while (changed) {
    changed = false
    for (const members of splits.values()) {
      if (members.length < 2) continue
      const hiddenHere = members.filter((m) => hidden.has(m.id))
      if (hiddenHere.length !== 1) continue
      const candidates = members
        .filter((m) => !hidden.has(m.id))
        .sort(
          (a, b) =>
            (a.groupSize ?? Number.MAX_SAFE_INTEGER) - (b.groupSize ?? Number.MAX_SAFE_INTEGER) ||
            a.id.localeCompare(b.id),
        )
      const next = candidates[0]
      if (next) {
        hidden.add(next.id)
        changed = true
      }
    }
  }
  return hidden
}

/**
 * The size of the group a figure is about, from the headcounts: the headcount with exactly the same
 * breakdown (ignoring sick-day bands, which split people by their absence, not who they are), else the
 * sum of the finer headcounts inside it (women = permanent women + temporary women). Null if unknown.
 */
export function groupSizeOf(
  breakdown: PersonnelBreakdown,
  headcounts: readonly { breakdown: PersonnelBreakdown; count: number }[],
): number | null {
  const who: PersonnelBreakdown = { ...breakdown }
  delete who.sickDays
  const key = breakdownKey(who)
  const exact = headcounts.find((h) => breakdownKey(h.breakdown) === key)
  if (exact) return exact.count
  const dims = (['employment', 'gender', 'ageBand'] as const).filter((d) => who[d] !== undefined)
  const inside = headcounts.filter((h) => dims.every((d) => h.breakdown[d] === who[d]))
  // Add only cells with nothing finer inside them, so "permanent" and "permanent women" are not both counted.
  const refines = (o: PersonnelBreakdown, h: PersonnelBreakdown) =>
    Object.keys(o).length > Object.keys(h).length &&
    (Object.keys(h) as (keyof PersonnelBreakdown)[]).every((d) => o[d] === h[d])
  const finest = inside.filter((h) => !inside.some((o) => o !== h && refines(o.breakdown, h.breakdown)))
  return finest.length === 0 ? null : finest.reduce((n, h) => n + h.count, 0)
}
