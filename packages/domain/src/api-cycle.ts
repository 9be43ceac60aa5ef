/** Shapes of the API for the follow-up cycle: users, parts, workflow, overview, history. */
import { z } from 'zod'
import { Role, ScopeKind } from './access.ts'
import { FollowUpSummary, IndicatorView, LevelView } from './api.ts'
import { Change } from './baseline.ts'
import { FollowUpStatus, Section } from './follow-ups.ts'
import { AssessmentScale, Key } from './municipality.ts'
import { IsoDate, Year } from './organisation.ts'
import { Deadlines, PartKind } from './reporting.ts'
import { PartStatus } from './workflow.ts'

export const SessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  grants: z.array(
    z.object({
      role: Role,
      municipality: z.string(),
      scopeKind: ScopeKind,
      scopeKey: z.string(),
      scopeName: z.string(),
    }),
  ),
})
export type SessionUser = z.infer<typeof SessionUser>

export const SessionInfo = z.object({ user: SessionUser.nullable(), csrfToken: z.string().nullable() })
export type SessionInfo = z.infer<typeof SessionInfo>

export const LoginRequest = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1_000),
})

export const FollowUpCycleView = FollowUpSummary.extend({
  opensOn: IsoDate.nullable(),
  deadlines: Deadlines.partial(),
  sections: z.array(Section),
  version: z.number().int(),
  supersedes: Key.nullable(),
})
export type FollowUpCycleView = z.infer<typeof FollowUpCycleView>

export const PartSubject = z.object({
  id: z.string(),
  key: Key,
  title: z.string(),
  goals: z.array(z.object({ key: Key, title: z.string() })),
  unit: z.object({ key: Key, name: z.string() }).nullable(),
})
export type PartSubject = z.infer<typeof PartSubject>

export const PartSummary = z.object({
  id: z.string(),
  kind: PartKind,
  status: PartStatus,
  version: z.number().int(),
  subject: PartSubject,
  returnComment: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Not yet marked ready although the reporting deadline has passed. */
  late: z.boolean(),
})
export type PartSummary = z.infer<typeof PartSummary>

export const StatusCount = z.object({ status: PartStatus, count: z.number().int() })

export const TaskList = z.object({
  followUp: FollowUpCycleView,
  parts: z.array(PartSummary),
  progress: z.object({ total: z.number().int(), byStatus: z.array(StatusCount) }),
})
export type TaskList = z.infer<typeof TaskList>

export const SuggestionView = z.object({
  level: LevelView.nullable(),
  score: z.number().nullable(),
  rule: z.string(),
  indicators: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      verdict: z.enum(['met', 'improving', 'not-met', 'no-data']),
      value: z.number().nullable(),
      valueYear: Year.nullable(),
      comparedWith: z.number().nullable(),
      comparedWithLabel: z.string().nullable(),
      score: z.number().nullable(),
    }),
  ),
})
export type SuggestionView = z.infer<typeof SuggestionView>

/**
 * What a part holds: a GoalReport, IndicatorReport, ActivityReport or AssignmentReport according to
 * the part's kind. Validated per kind on the server (a plain union would pick the first schema that
 * accepts the object, and every one of them has defaults).
 */
export const PartContent = z
  .record(z.string(), z.unknown())
  .describe('GoalReport, IndicatorReport, ActivityReport eller AssignmentReport efter delens typ')

export const PartDetail = PartSummary.extend({
  followUp: FollowUpCycleView,
  content: PartContent,
  readyAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  scale: AssessmentScale,
  /** Goal parts: the suggested level and how it was reached. */
  suggestion: SuggestionView.nullable(),
  /** Indicator parts: the indicator with its official values. */
  indicator: IndicatorView.nullable(),
  /**
   * Narrative parts of a summary: a draft made from the figures, with the figures each number
   * comes from; the writer may start from it.
   */
  draft: z
    .object({ text: z.string(), cites: z.array(z.object({ figure: z.string(), value: z.string() })) })
    .nullable()
    .default(null),
  /** What the signed-in user may do with this part now. */
  can: z.object({ edit: z.boolean(), markReady: z.boolean(), review: z.boolean() }),
})
export type PartDetail = z.infer<typeof PartDetail>

export const SavePartRequest = z.object({ version: z.number().int().min(1), content: PartContent })
export const VersionRequest = z.object({ version: z.number().int().min(1) })
export const ReturnPartRequest = z.object({
  version: z.number().int().min(1),
  comment: z.string().trim().min(1).max(5_000),
})

/** A 409: the part changed since it was read; here is what it is now. */
export const PartConflict = z.object({
  error: z.object({ code: z.literal('CONFLICT'), message: z.string() }),
  current: PartDetail,
})

export const FollowUpTransitionRequest = z.discriminatedUnion('transition', [
  z.object({ transition: z.literal('open') }),
  z.object({ transition: z.literal('close-reporting') }),
  z.object({ transition: z.literal('reopen-reporting') }),
  z.object({ transition: z.literal('approve') }),
  z.object({
    transition: z.literal('decide'),
    /** "KS 2025-02-24 § 31" */
    decisionRef: z.string().trim().min(1).max(100),
  }),
])
export type FollowUpTransitionRequest = z.infer<typeof FollowUpTransitionRequest>

export const CreateFollowUpRequest = z.object({
  key: Key,
  kind: z.enum(['business-plan', 'monthly', 'tertial', 'interim', 'annual']),
  year: Year,
  periodEnd: IsoDate,
  title: z.string().trim().min(1).max(200),
  opensOn: IsoDate.optional(),
  deadlines: Deadlines,
  sections: z.array(Section).min(1),
  administration: Key.optional(),
})

export const NewYearRequest = z.object({ fromYear: Year, toYear: Year })
export const NewYearResult = z.object({
  goals: z.number().int(),
  indicatorLinks: z.number().int(),
  targets: z.number().int(),
  assignments: z.number().int(),
  /** Internal-control points carried into the new year's plan. */
  controls: z.number().int(),
  businessPlan: Key.nullable(),
})

export const UnitProgress = z.object({
  unit: z.object({ key: Key, name: z.string() }).nullable(),
  reporters: z.array(z.string()),
  total: z.number().int(),
  byStatus: z.array(StatusCount),
  late: z.number().int(),
  returned: z.number().int(),
})

export const ControllerOverview = z.object({
  followUp: FollowUpCycleView,
  units: z.array(UnitProgress),
  totals: z.object({ total: z.number().int(), byStatus: z.array(StatusCount), late: z.number().int() }),
  queuedReminders: z.number().int(),
})
export type ControllerOverview = z.infer<typeof ControllerOverview>

export const BaselineDiff = z.object({
  baseline: z.object({ key: Key, title: z.string(), decisionRef: z.string().nullable() }).nullable(),
  followUp: Key,
  changes: z.array(Change),
})
export type BaselineDiff = z.infer<typeof BaselineDiff>

export const HistoryView = z.array(
  z.object({
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    summary: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  }),
)

export const FollowUpStatusView = z.object({ key: Key, status: FollowUpStatus })

export const RemindersQueued = z.object({ queued: z.number().int() })
