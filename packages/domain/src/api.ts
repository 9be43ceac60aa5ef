/**
 * Shapes of the HTTP API's responses. The server validates every response against these and
 * generates the OpenAPI description from them; the web app reads its data through them.
 */
import { z } from 'zod'
import { AssignmentKind, AssignmentStatus, AssignmentUpdate } from './assignments.ts'
import { FollowUpKind, FollowUpStatus, Trend } from './follow-ups.ts'
import { ActivityStatus, Financing } from './goals.ts'
import {
  Breakdown,
  Direction,
  IndicatorSource,
  IndicatorTarget,
  IndicatorUnit,
  IndicatorValue,
} from './indicators.ts'
import {
  AssessmentLevel,
  AssessmentScale,
  Key,
  MunicipalityCode,
  MunicipalitySettings,
} from './municipality.ts'
import { IsoDate, Year } from './organisation.ts'

export const ApiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z
        .array(
          z.object({
            path: z.string(),
            message: z.string(),
            /** For a rejected file: the line (row) and column the problem is on. */
            line: z.number().int().optional(),
            column: z.union([z.number().int(), z.string()]).optional(),
          }),
        )
        .optional(),
    }),
  })
  .meta({ id: 'Fel' })
export type ApiError = z.infer<typeof ApiError>

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
})
export type Health = z.infer<typeof Health>

export const BoardRef = z.object({ key: Key, name: z.string(), shortName: z.string() })
export type BoardRef = z.infer<typeof BoardRef>

export const MunicipalitySummary = z.object({
  code: MunicipalityCode,
  name: z.string(),
  boards: z.array(BoardRef),
})
export type MunicipalitySummary = z.infer<typeof MunicipalitySummary>

export const GoalAreaView = z.object({
  key: Key,
  name: z.string(),
  kind: z.enum(['goal-area', 'priority-area']),
  description: z.string().nullable(),
  order: z.number().int(),
})
export type GoalAreaView = z.infer<typeof GoalAreaView>

export const MunicipalGoalView = z.object({
  key: Key,
  goalArea: Key,
  name: z.string(),
  description: z.string().nullable(),
})
export type MunicipalGoalView = z.infer<typeof MunicipalGoalView>

export const MunicipalityDetail = z.object({
  code: MunicipalityCode,
  name: z.string(),
  vision: z.string().nullable(),
  settings: MunicipalitySettings,
  goalAreas: z.array(GoalAreaView),
  municipalGoals: z.array(MunicipalGoalView),
  planPeriods: z.array(z.object({ key: Key, name: z.string(), startYear: Year, endYear: Year })),
  boards: z.array(BoardRef),
})
export type MunicipalityDetail = z.infer<typeof MunicipalityDetail>

export const FollowUpSummary = z.object({
  key: Key,
  kind: FollowUpKind,
  year: Year,
  periodEnd: IsoDate,
  title: z.string(),
  status: FollowUpStatus,
  administration: z.object({ key: Key, name: z.string() }).nullable(),
  decisionRef: z.string().nullable(),
  decidedOn: IsoDate.nullable(),
})
export type FollowUpSummary = z.infer<typeof FollowUpSummary>

export const OrgUnitView = z.object({
  key: Key,
  administration: Key,
  parent: Key.nullable(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
})
export type OrgUnitView = z.infer<typeof OrgUnitView>

export const BoardDetail = z.object({
  key: Key,
  name: z.string(),
  shortName: z.string(),
  municipality: z.object({ code: MunicipalityCode, name: z.string() }),
  administrations: z.array(
    z.object({
      key: Key,
      name: z.string(),
      shortName: z.string().nullable(),
      validFrom: IsoDate,
      validTo: IsoDate.nullable(),
    }),
  ),
  followUps: z.array(FollowUpSummary),
  /** Years for which the board has goals, newest first. */
  years: z.array(Year),
})
export type BoardDetail = z.infer<typeof BoardDetail>

export const LevelView = AssessmentLevel.pick({
  key: true,
  label: true,
  rank: true,
  colour: true,
  symbol: true,
})
export type LevelView = z.infer<typeof LevelView>

export const AssessmentView = z.object({
  followUp: z.object({ key: Key, title: z.string(), kind: FollowUpKind, year: Year, periodEnd: IsoDate }),
  level: LevelView.nullable(),
  trend: Trend.nullable(),
  forecastLevel: LevelView.nullable(),
  forecastText: z.string().nullable(),
  analysis: z.string().nullable(),
  deviations: z.array(z.string()),
  examples: z.array(z.string()),
})
export type AssessmentView = z.infer<typeof AssessmentView>

export const GoalListItem = z.object({
  key: Key,
  kind: z.enum(['goal', 'initiative']),
  title: z.string(),
  startYear: Year,
  endYear: Year,
  goalArea: Key.nullable(),
  parentGoals: z.array(z.object({ key: Key, name: z.string() })),
  assessment: AssessmentView.nullable(),
})
export type GoalListItem = z.infer<typeof GoalListItem>

/** Count of goals per level of the scale, highest level first; computed from the assessments. */
export const LevelSummary = z.object({
  levels: z.array(LevelView.extend({ count: z.number().int() })),
  notAssessed: z.number().int(),
  total: z.number().int(),
})
export type LevelSummary = z.infer<typeof LevelSummary>

export const GoalGroup = z.object({
  goalArea: GoalAreaView.nullable(),
  goals: z.array(GoalListItem),
})
export type GoalGroup = z.infer<typeof GoalGroup>

export const FollowUpOverview = z.object({
  followUp: FollowUpSummary,
  scale: AssessmentScale,
  groups: z.array(GoalGroup),
  summary: LevelSummary,
})
export type FollowUpOverview = z.infer<typeof FollowUpOverview>

export const GoalList = z.object({
  year: Year.nullable(),
  groups: z.array(GoalGroup),
  total: z.number().int(),
})
export type GoalList = z.infer<typeof GoalList>

export const IndicatorView = z.object({
  key: Key,
  name: z.string(),
  description: z.string().nullable(),
  unit: IndicatorUnit,
  unitLabel: z.string().nullable(),
  direction: Direction.nullable(),
  source: IndicatorSource,
  decimals: z.number().int(),
  scope: z.string().nullable(),
  publicationLagYears: z.number().int(),
  lagNote: z.string().nullable(),
  breakdowns: z.array(Breakdown),
  values: z.array(IndicatorValue),
  targets: z.array(IndicatorTarget),
  goals: z.array(z.object({ key: Key, title: z.string() })),
})
export type IndicatorView = z.infer<typeof IndicatorView>

export const ActivityView = z.object({
  key: Key,
  goal: Key,
  year: Year,
  title: z.string(),
  description: z.string().nullable(),
  status: ActivityStatus,
})
export type ActivityView = z.infer<typeof ActivityView>

export const AssignmentView = z.object({
  key: Key,
  kind: AssignmentKind,
  year: Year,
  title: z.string(),
  description: z.string().nullable(),
  givenBy: z.string().nullable(),
  decisionRef: z.string().nullable(),
  dueText: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  goalArea: z.object({ key: Key, name: z.string() }).nullable(),
  goal: z.object({ key: Key, title: z.string() }).nullable(),
  carriedOverFromYear: Year.nullable(),
  /** The status of the latest update. */
  status: AssignmentStatus,
  statusDate: IsoDate,
  updates: z.array(AssignmentUpdate),
})
export type AssignmentView = z.infer<typeof AssignmentView>

export const AssignmentList = z.object({
  items: z.array(AssignmentView),
  /** Counts per status over all assignments matching the year and kind filters (before the status filter). */
  counts: z.array(z.object({ status: AssignmentStatus, count: z.number().int() })),
  total: z.number().int(),
  years: z.array(Year),
})
export type AssignmentList = z.infer<typeof AssignmentList>

export const GoalDetail = z.object({
  key: Key,
  kind: z.enum(['goal', 'initiative']),
  title: z.string(),
  description: z.string().nullable(),
  purpose: z.string().nullable(),
  financing: Financing.nullable(),
  startYear: Year,
  endYear: Year,
  goalArea: GoalAreaView.nullable(),
  parentGoals: z.array(z.object({ key: Key, name: z.string() })),
  responsibleUnit: z.object({ key: Key, name: z.string() }).nullable(),
  leadResponsibility: z.string().nullable(),
  agenda2030: z.array(z.number().int()),
  scale: AssessmentScale,
  /** Assessment history, newest follow-up first. */
  assessments: z.array(AssessmentView),
  indicators: z.array(IndicatorView),
  activities: z.array(ActivityView),
  assignments: z.array(AssignmentView),
})
export type GoalDetail = z.infer<typeof GoalDetail>
