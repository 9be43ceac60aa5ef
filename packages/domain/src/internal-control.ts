import { z } from 'zod'
import { Key, type RiskScale } from './municipality.ts'

export function riskValue(probability: number, consequence: number): number {
  return probability * consequence
}

/** Bands of the risk value, for the heat map's words (never colour alone). */
export function riskBand(value: number, scale: RiskScale): 'low' | 'medium' | 'high' {
  const max = scale.probability.length * scale.consequence.length
  if (value >= max / 2) return 'high'
  if (value >= max / 4) return 'medium'
  return 'low'
}
export const riskBandLabels = { low: 'Låg risk', medium: 'Medelhög risk', high: 'Hög risk' } as const

export const Risk = z.object({
  key: Key,
  board: Key,
  title: z.string().min(1),
  description: z.string().optional(),
  probability: z.number().int().min(1),
  consequence: z.number().int().min(1),
  /** Who owns the risk: a unit, or a role in words ("Förvaltningschef"). */
  owner: z.string().optional(),
  identifiedYear: z.number().int().min(1990).max(2100),
})
export type Risk = z.infer<typeof Risk>

export const Control = z.object({
  key: Key,
  board: Key,
  year: z.number().int().min(1990).max(2100),
  risk: Key.optional(),
  /** The control (kontrollmoment). */
  title: z.string().min(1),
  method: z.string().optional(),
  responsible: z.string().optional(),
  frequency: z.string().optional(),
  /** Municipality-wide controls every board must carry out (kommungemensamma kontrollmoment). */
  mandatory: z.boolean().default(false),
  carriedFrom: Key.optional(),
})
export type Control = z.infer<typeof Control>

export const ControlFollowUp = z.object({
  control: Key,
  followUp: Key,
  result: z.string().optional(),
  /** A level of the municipality's assessment scale: the same signal scale as goals. */
  level: Key.optional(),
  action: z.string().optional(),
  returnsNextYear: z.boolean().default(false),
})
export type ControlFollowUp = z.infer<typeof ControlFollowUp>

export const SeedInternalControl = z.object({
  risks: z.array(Risk).default([]),
  controls: z.array(Control).default([]),
  followUps: z.array(ControlFollowUp).default([]),
  /** The overall assessment of internal control, per follow-up. */
  assessments: z.array(z.object({ followUp: Key, text: z.string().min(1) })).default([]),
})
export type SeedInternalControl = z.infer<typeof SeedInternalControl>
