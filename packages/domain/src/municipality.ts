import { z } from 'zod'
import { ReportKind, ReportTemplate } from './report-template.ts'

/** SCB municipality code: four digits with leading zero kept ("0580"). */
export const MunicipalityCode = z.string().regex(/^\d{4}$/, 'Kommunkoden ska vara fyra siffror')
export type MunicipalityCode = z.infer<typeof MunicipalityCode>

/**
 * How a municipality prints costs. Luleå and Alingsås print costs as negative numbers,
 * Linköping as positive ones. A positive deviation is favourable under both (see economy).
 */
export const SignConvention = z.enum(['costs-negative', 'costs-positive'])
export type SignConvention = z.infer<typeof SignConvention>

/** Unit used when amounts are displayed; amounts are always stored in whole kronor. */
export const AmountUnit = z.enum(['kr', 'tkr', 'mkr', 'mnkr'])
export type AmountUnit = z.infer<typeof AmountUnit>

/** A stable, human-readable key: lower case letters, digits and hyphens. */
export const Key = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Nyckeln får bara innehålla a–z, 0–9 och bindestreck')
export type Key = z.infer<typeof Key>

const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Färgen ska anges som #rrggbb')

/**
 * One level of a municipality's assessment scale. `rank` orders the levels: 0 is the lowest
 * (e.g. "Ej uppfyllt"), the highest rank is full attainment. The symbol and the label carry the
 * meaning; the colour only reinforces it (never colour alone, WCAG 1.4.1).
 */
export const AssessmentLevel = z.object({
  key: Key,
  label: z.string().min(1),
  rank: z.number().int().min(0),
  colour: HexColour,
  /** A short text symbol shown with the colour, e.g. "●", "◐", "○". */
  symbol: z.string().min(1).max(3),
  description: z.string().optional(),
})
export type AssessmentLevel = z.infer<typeof AssessmentLevel>

export const AssessmentScale = z
  .object({
    name: z.string().min(1),
    levels: z.array(AssessmentLevel).min(2),
    /** Whether follow-ups also record a trend (Luleå shows a trend arrow beside the level). */
    usesTrend: z.boolean().default(false),
  })
  .superRefine((scale, ctx) => {
    const ranks = new Set(scale.levels.map((l) => l.rank))
    const keys = new Set(scale.levels.map((l) => l.key))
    if (ranks.size !== scale.levels.length) {
      ctx.addIssue({ code: 'custom', message: 'Två nivåer i skalan har samma rangordning', path: ['levels'] })
    }
    if (keys.size !== scale.levels.length) {
      ctx.addIssue({ code: 'custom', message: 'Två nivåer i skalan har samma nyckel', path: ['levels'] })
    }
  })
export type AssessmentScale = z.infer<typeof AssessmentScale>

/**
 * A scale for probability or consequence: levels 1…n with a label each. The risk value is
 * probability × consequence (1–16 on the common 4 × 4 scale).
 */
export const RiskScale = z.object({
  probability: z.array(z.string().min(1)).min(2).max(6),
  consequence: z.array(z.string().min(1)).min(2).max(6),
})
export type RiskScale = z.infer<typeof RiskScale>

/** The scale most Swedish municipalities use (SKR's model): four steps each. */
export const defaultRiskScale: RiskScale = {
  probability: ['Osannolik', 'Mindre sannolik', 'Möjlig', 'Sannolik'],
  consequence: ['Försumbar', 'Lindrig', 'Kännbar', 'Allvarlig'],
}

export const MunicipalitySettings = z.object({
  signConvention: SignConvention,
  amountUnit: AmountUnit,
  /** Decimals shown for amounts in the chosen unit ("1 240,8 mkr" → 1). */
  amountDecimals: z.number().int().min(0).max(3),
  assessmentScale: AssessmentScale,
  /** What the council-level grouping of goals is called: målområde or prioriterat område. */
  goalAreaLabel: z.string().min(1).default('Målområde'),
  /** Probability and consequence scales of internal control's risk assessment. */
  riskScale: RiskScale.default(defaultRiskScale),
  /** Templates that replace the default of a document kind (which sections, order, headings). */
  reportTemplates: z.partialRecord(ReportKind, ReportTemplate).default({}),
})
export type MunicipalitySettings = z.infer<typeof MunicipalitySettings>

export const Municipality = z.object({
  code: MunicipalityCode,
  name: z.string().min(1),
  /** The council's vision, shown above the goal areas. */
  vision: z.string().optional(),
  settings: MunicipalitySettings,
})
export type Municipality = z.infer<typeof Municipality>

/** Levels of a scale, highest attainment first (the order of every summary and legend). */
export function levelsHighestFirst(scale: AssessmentScale): AssessmentLevel[] {
  return [...scale.levels].sort((a, b) => b.rank - a.rank)
}

export function topLevel(scale: AssessmentScale): AssessmentLevel {
  const [top] = levelsHighestFirst(scale)
  if (!top) throw new Error('An assessment scale has at least two levels')
  return top
}
