import { z } from 'zod'
import { Key } from './municipality.ts'
import { IsoDate, Year } from './organisation.ts'

export const FollowUpKind = z.enum(['business-plan', 'monthly', 'tertial', 'interim', 'annual'])
export type FollowUpKind = z.infer<typeof FollowUpKind>

export const followUpKindLabels: Record<FollowUpKind, string> = {
  'business-plan': 'Verksamhetsplan',
  monthly: 'Månadsrapport',
  tertial: 'Tertialrapport',
  interim: 'Delårsrapport',
  annual: 'Verksamhetsberättelse',
}

export const FollowUpStatus = z.enum(['planned', 'open', 'in-review', 'approved', 'decided'])
export type FollowUpStatus = z.infer<typeof FollowUpStatus>

export const followUpStatusLabels: Record<FollowUpStatus, string> = {
  planned: 'Planerad',
  open: 'Öppen för rapportering',
  'in-review': 'Under granskning',
  approved: 'Godkänd av förvaltningschef',
  decided: 'Beslutad',
}

/** The sections a follow-up asks for; each becomes parts that someone must report. */
export const Section = z.enum([
  'goals',
  'indicators',
  'activities',
  'assignments',
  'economy-comments',
  'personnel',
  'internal-control',
  'narrative',
])
export type Section = z.infer<typeof Section>

/**
 * One follow-up (or the business plan) of a board for a year, e.g. the 2024 verksamhetsberättelse.
 * `periodEnd` is the last day reported on ("2024-12-31", "2025-08-31").
 */
export const FollowUp = z.object({
  key: Key,
  board: Key,
  /** The administration whose document this is, when it is not the board's as a whole. */
  administration: Key.optional(),
  kind: FollowUpKind,
  year: Year,
  periodEnd: IsoDate,
  title: z.string().min(1),
  status: FollowUpStatus,
  /** The board's decision, e.g. "KS 2025-02-24 § 31". */
  decisionRef: z.string().optional(),
  decidedOn: IsoDate.optional(),
  /** The source document the data was taken from. */
  sourceDocument: z.string().optional(),
  /** The day reporting opens. */
  opensOn: IsoDate.optional(),
  /** Deadlines per step (report, review, approve, decide). */
  deadlines: z
    .object({
      report: IsoDate,
      review: IsoDate.optional(),
      approve: IsoDate.optional(),
      decide: IsoDate.optional(),
    })
    .optional(),
  /** The sections reported in this follow-up. */
  sections: z.array(Section).optional(),
})
export type FollowUp = z.infer<typeof FollowUp>

export const Trend = z.enum(['improving', 'unchanged', 'worsening'])
export type Trend = z.infer<typeof Trend>

export const trendLabels: Record<Trend, { label: string; symbol: string }> = {
  improving: { label: 'Förbättras', symbol: '↗' },
  unchanged: { label: 'Oförändrad', symbol: '→' },
  worsening: { label: 'Försämras', symbol: '↘' },
}

/**
 * The assessment of one goal or initiative at one follow-up. `level` and `forecastLevel` are keys
 * of the municipality's assessment scale. A goal may be reported without a level ("ej bedömd").
 */
export const Assessment = z.object({
  goal: Key,
  followUp: Key,
  level: Key.optional(),
  trend: Trend.optional(),
  /** Forecast for the end of the plan period, as a level of the scale. */
  forecastLevel: Key.optional(),
  forecastText: z.string().optional(),
  analysis: z.string().optional(),
  /** Listed deviations ("Nedan anges de avvikelser …"). */
  deviations: z.array(z.string().min(1)).default([]),
  /** Examples of what was done during the period. */
  examples: z.array(z.string().min(1)).default([]),
})
export type Assessment = z.infer<typeof Assessment>
