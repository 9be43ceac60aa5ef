import { z } from 'zod'
import { AssignmentStatus } from './assignments.ts'
import { type Section, Trend } from './follow-ups.ts'
import { ActivityStatus } from './goals.ts'
import { ValueStatus } from './indicators.ts'
import { type AssessmentScale, Key, levelsHighestFirst } from './municipality.ts'
import { IsoDate, Year } from './organisation.ts'
import { analysisRequired } from './suggestion.ts'

export const sectionLabels: Record<Section, string> = {
  goals: 'Målbedömningar',
  indicators: 'Indikatorer',
  activities: 'Aktiviteter',
  assignments: 'Uppdrag',
  'economy-comments': 'Ekonomikommentarer',
  personnel: 'Personal',
  'internal-control': 'Intern kontroll',
  narrative: 'Dokumentets texter',
}

/** Deadlines of one follow-up, per step of the workflow. */
export const Deadlines = z.object({
  report: IsoDate,
  review: IsoDate.optional(),
  approve: IsoDate.optional(),
  decide: IsoDate.optional(),
})
export type Deadlines = z.infer<typeof Deadlines>

export const PartKind = z.enum([
  'goal',
  'indicator',
  'activity',
  'assignment',
  'control',
  'control-summary',
  'personnel',
  'narrative',
])
export type PartKind = z.infer<typeof PartKind>

export const partKindLabels: Record<PartKind, string> = {
  goal: 'Mål',
  indicator: 'Indikator',
  activity: 'Aktivitet',
  assignment: 'Uppdrag',
  control: 'Kontrollmoment',
  'control-summary': 'Intern kontroll',
  personnel: 'Personal',
  narrative: 'Text i dokumentet',
}

const Text = z.string().max(20_000)

/** What a goal owner writes for a goal: level on the municipality's scale, trend, forecast, analysis. */
export const GoalReport = z.object({
  level: Key.nullable().default(null),
  trend: Trend.nullable().default(null),
  forecastLevel: Key.nullable().default(null),
  forecastText: Text.nullable().default(null),
  analysis: Text.nullable().default(null),
  deviations: z.array(z.string().min(1).max(2_000)).max(50).default([]),
})
export type GoalReport = z.infer<typeof GoalReport>

export const ReportedValue = z.object({
  year: Year,
  breakdown: Key.default('total'),
  value: z.number().finite().nullable(),
  status: ValueStatus,
  comment: z.string().max(2_000).nullable().default(null),
})
export type ReportedValue = z.infer<typeof ReportedValue>

/** Values of one indicator reported in a follow-up, with status and comment. */
export const IndicatorReport = z.object({ values: z.array(ReportedValue).max(200).default([]) })
export type IndicatorReport = z.infer<typeof IndicatorReport>

export const ActivityReport = z.object({
  status: ActivityStatus.nullable().default(null),
  comment: Text.nullable().default(null),
})
export type ActivityReport = z.infer<typeof ActivityReport>

export const AssignmentReport = z.object({
  status: AssignmentStatus.nullable().default(null),
  comment: Text.nullable().default(null),
  transferredToYear: Year.nullable().default(null),
})
export type AssignmentReport = z.infer<typeof AssignmentReport>

/** A control's follow-up: what the control found, its level on the goals' scale and the action. */
export const ControlReport = z.object({
  result: Text.nullable().default(null),
  level: Key.nullable().default(null),
  action: Text.nullable().default(null),
  returnsNextYear: z.boolean().default(false),
})
export type ControlReport = z.infer<typeof ControlReport>

/** A board-level text in a follow-up: the overall assessment of internal control, or the personnel comment. */
export const TextReport = z.object({ text: Text.nullable().default(null) })
export type TextReport = z.infer<typeof TextReport>

/** A number a text uses: the figure's key and the value it had when the sentence was written. */
export const TextCitation = z.object({ figure: z.string().min(1).max(200), value: z.string().max(40) })
export type TextCitation = z.infer<typeof TextCitation>

/**
 * One of the document's texts written in the workflow (foreword, the year, the future, or the
 * summary): the text, and the figures it cites when it started from the draft made from them.
 */
export const NarrativeReport = z.object({
  section: z.string().min(1).max(40),
  /** The text's place in the document's template, for listing the parts in that order. */
  order: z.number().int().min(0).max(100).default(0),
  text: Text.nullable().default(null),
  cites: z.array(TextCitation).max(100).default([]),
})
export type NarrativeReport = z.infer<typeof NarrativeReport>

export const reportSchemas = {
  goal: GoalReport,
  indicator: IndicatorReport,
  activity: ActivityReport,
  assignment: AssignmentReport,
  control: ControlReport,
  'control-summary': TextReport,
  personnel: TextReport,
  narrative: NarrativeReport,
} as const

export type ReportContent =
  | GoalReport
  | IndicatorReport
  | ActivityReport
  | AssignmentReport
  | ControlReport
  | TextReport
  | NarrativeReport

export interface ReadinessProblem {
  field: string
  message: string
}

/**
 * What is missing before a part can be marked ready. Drafts may be incomplete; "klarmarkerad" may not.
 * For goals, the analysis is required when the level is below the top or differs from the suggestion.
 */
export function readinessProblems(
  kind: PartKind,
  content: ReportContent,
  context: { scale: AssessmentScale; suggestedLevel: string | null },
): ReadinessProblem[] {
  const problems: ReadinessProblem[] = []
  if (kind === 'goal') {
    const goal = content as GoalReport
    const levels = new Set(context.scale.levels.map((l) => l.key))
    if (!goal.level) problems.push({ field: 'level', message: 'Välj en bedömning.' })
    else if (!levels.has(goal.level))
      problems.push({ field: 'level', message: 'Bedömningen finns inte i kommunens skala.' })
    if (goal.forecastLevel && !levels.has(goal.forecastLevel)) {
      problems.push({ field: 'forecastLevel', message: 'Prognosen finns inte i kommunens skala.' })
    }
    if (
      goal.level &&
      analysisRequired(context.scale, goal.level, context.suggestedLevel) &&
      !goal.analysis?.trim()
    ) {
      problems.push({
        field: 'analysis',
        message:
          context.suggestedLevel && context.suggestedLevel !== goal.level
            ? 'Skriv en analys: bedömningen skiljer sig från förslaget.'
            : 'Skriv en analys: målet bedöms inte som helt uppfyllt.',
      })
    }
  } else if (kind === 'indicator') {
    const ind = content as IndicatorReport
    if (ind.values.length === 0)
      problems.push({ field: 'values', message: 'Ange minst ett värde eller markera det som saknat.' })
    ind.values.forEach((v, i) => {
      if (v.status === 'missing' && v.value !== null)
        problems.push({ field: `values.${i}.value`, message: 'Ett saknat värde kan inte ha ett tal.' })
      if (v.status !== 'missing' && v.value === null)
        problems.push({ field: `values.${i}.value`, message: 'Ange värdet eller markera det som saknat.' })
    })
  } else if (kind === 'activity') {
    const act = content as ActivityReport
    if (!act.status) problems.push({ field: 'status', message: 'Välj en status.' })
  } else if (kind === 'control') {
    const control = content as ControlReport
    const levels = context.scale.levels
    if (!control.result?.trim()) problems.push({ field: 'result', message: 'Beskriv vad kontrollen visade.' })
    if (!control.level) problems.push({ field: 'level', message: 'Välj en bedömning.' })
    else if (!levels.some((l) => l.key === control.level))
      problems.push({ field: 'level', message: 'Bedömningen finns inte i kommunens skala.' })
    else if (control.level !== levelsHighestFirst(context.scale)[0]?.key && !control.action?.trim()) {
      problems.push({ field: 'action', message: 'Ange en åtgärd: kontrollen visar brister.' })
    }
  } else if (kind === 'narrative') {
    const narrative = content as NarrativeReport
    if (!narrative.text?.trim()) problems.push({ field: 'text', message: 'Skriv texten.' })
  } else if (kind === 'control-summary' || kind === 'personnel') {
    const text = content as TextReport
    if (!text.text?.trim())
      problems.push({
        field: 'text',
        message:
          kind === 'personnel'
            ? 'Skriv en kommentar om personalen.'
            : 'Skriv en sammanfattande bedömning av den interna kontrollen.',
      })
  } else {
    const asg = content as AssignmentReport
    if (!asg.status) problems.push({ field: 'status', message: 'Välj en status.' })
    if (!asg.comment?.trim()) problems.push({ field: 'comment', message: 'Skriv en kommentar om läget.' })
    if (asg.status === 'overfors' && !asg.transferredToYear) {
      problems.push({
        field: 'transferredToYear',
        message: 'Ange till vilket års verksamhetsplan uppdraget förs över.',
      })
    }
  }
  return problems
}
