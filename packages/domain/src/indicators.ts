import { z } from 'zod'
import { Key } from './municipality.ts'
import { Year } from './organisation.ts'

export const IndicatorUnit = z.enum([
  'percent',
  'index',
  'count',
  'kronor',
  'hectare',
  'kwh-per-m2',
  'scale',
  'rank',
  'other',
])
export type IndicatorUnit = z.infer<typeof IndicatorUnit>

export const indicatorUnitLabels: Record<IndicatorUnit, string> = {
  percent: '%',
  index: 'index',
  count: 'antal',
  kronor: 'kr',
  hectare: 'ha',
  'kwh-per-m2': 'kWh/m²',
  scale: 'skala',
  rank: 'placering',
  other: '',
}

/**
 * The desired direction of an indicator. `increase`/`decrease`/`maintain` are "önskad riktning";
 * `at-least`/`at-most` are thresholds such as "≥ 4 %" whose value is in the indicator's targets.
 */
export const Direction = z.enum(['increase', 'decrease', 'maintain', 'at-least', 'at-most'])
export type Direction = z.infer<typeof Direction>

export const directionLabels: Record<Direction, string> = {
  increase: 'Öka',
  decrease: 'Minska',
  maintain: 'Behålla',
  'at-least': 'Minst',
  'at-most': 'Högst',
}

export const IndicatorSource = z.object({
  kind: z.enum(['kolada', 'scb', 'skr', 'survey', 'hr', 'ledger', 'manual', 'other']),
  /** The source as readers know it: "SCB:s medborgarundersökning", "Svenskt Näringsliv". */
  name: z.string().optional(),
  /** Kolada KPI id, e.g. "N00945". */
  koladaKpiId: z
    .string()
    .regex(/^[NU]\d{5}$/, 'Kolada-id har formen N00945')
    .optional(),
})
export type IndicatorSource = z.infer<typeof IndicatorSource>

export const BreakdownKind = z.enum(['total', 'gender', 'age', 'area', 'category'])
export type BreakdownKind = z.infer<typeof BreakdownKind>

/** A breakdown of an indicator: "Kvinnor", "Skäggetorp", "16–29 år". The total has key "total". */
export const Breakdown = z.object({
  key: Key,
  kind: BreakdownKind,
  label: z.string().min(1),
})
export type Breakdown = z.infer<typeof Breakdown>

export const ValueStatus = z.enum(['final', 'preliminary', 'missing'])
export type ValueStatus = z.infer<typeof ValueStatus>

export const valueStatusLabels: Record<ValueStatus, string> = {
  final: 'Slutligt',
  preliminary: 'Preliminärt',
  missing: 'Uppgift saknas',
}

/**
 * One outcome of an indicator for a year (and breakdown). A missing value has `value: null` and
 * status `missing`. When the value shown for a year was measured earlier because of publication lag
 * ("41 (2021)" shown under 2023), `referenceYear` is the year actually measured.
 */
export const IndicatorValue = z
  .object({
    year: Year,
    breakdown: Key.default('total'),
    value: z.number().nullable(),
    status: ValueStatus,
    referenceYear: Year.optional(),
    note: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'missing' && v.value !== null) {
      ctx.addIssue({ code: 'custom', message: 'Ett saknat värde kan inte ha ett tal', path: ['value'] })
    }
    if (v.status !== 'missing' && v.value === null) {
      ctx.addIssue({ code: 'custom', message: 'Värdet saknas men status är inte "missing"', path: ['value'] })
    }
  })
export type IndicatorValue = z.infer<typeof IndicatorValue>

/** A target for a year: a number ("Mål 2025: 80"), and/or a text ("Positiv trend"). */
export const IndicatorTarget = z
  .object({
    year: Year,
    breakdown: Key.default('total'),
    value: z.number().optional(),
    text: z.string().optional(),
  })
  .refine((t) => t.value !== undefined || t.text !== undefined, {
    message: 'Ett mål behöver ett värde eller en text',
  })
export type IndicatorTarget = z.infer<typeof IndicatorTarget>

export const Indicator = z
  .object({
    key: Key,
    board: Key,
    /** The goals this indicator measures. */
    goals: z.array(Key).default([]),
    name: z.string().min(1),
    description: z.string().optional(),
    unit: IndicatorUnit,
    /** The unit as printed when it is not one of the standard ones. */
    unitLabel: z.string().optional(),
    direction: Direction.optional(),
    source: IndicatorSource,
    decimals: z.number().int().min(0).max(4),
    /** What the figure covers, e.g. "Avser kommunen totalt". */
    scope: z.string().optional(),
    /** Years between the period measured and publication (0 = same year). */
    publicationLagYears: z.number().int().min(0).max(5).default(0),
    lagNote: z.string().optional(),
    breakdowns: z.array(Breakdown).default([]),
    values: z.array(IndicatorValue).default([]),
    targets: z.array(IndicatorTarget).default([]),
    order: z.number().int().min(0),
  })
  .superRefine((ind, ctx) => {
    const known = new Set(['total', ...ind.breakdowns.map((b) => b.key)])
    ind.values.forEach((v, i) => {
      if (!known.has(v.breakdown)) {
        ctx.addIssue({
          code: 'custom',
          message: `Okänd nedbrytning "${v.breakdown}"`,
          path: ['values', i, 'breakdown'],
        })
      }
    })
    ind.targets.forEach((t, i) => {
      if (!known.has(t.breakdown)) {
        ctx.addIssue({
          code: 'custom',
          message: `Okänd nedbrytning "${t.breakdown}"`,
          path: ['targets', i, 'breakdown'],
        })
      }
    })
    const seen = new Set<string>()
    ind.values.forEach((v, i) => {
      const id = `${v.year}/${v.breakdown}`
      if (seen.has(id)) {
        ctx.addIssue({
          code: 'custom',
          message: `Två värden för ${v.year} (${v.breakdown})`,
          path: ['values', i],
        })
      }
      seen.add(id)
    })
    if (
      (ind.direction === 'at-least' || ind.direction === 'at-most') &&
      !ind.targets.some((t) => t.value !== undefined)
    ) {
      ctx.addIssue({ code: 'custom', message: 'Ett gränsvärde kräver ett målvärde', path: ['targets'] })
    }
  })
export type Indicator = z.infer<typeof Indicator>
