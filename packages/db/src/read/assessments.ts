import type { AssessmentView, FollowUpKind, LevelView, Trend } from '@arshjul/domain'
import type { Queryable } from '../database.ts'

export interface AssessmentRow {
  goal_id: string
  fu_key: string
  fu_title: string
  fu_kind: FollowUpKind
  fu_year: number
  fu_period_end: string
  level: string | null
  trend: Trend | null
  forecast_level: string | null
  forecast_text: string | null
  analysis: string | null
  deviations: string[]
  examples: string[]
}

/** Assessments of the given goals, newest follow-up first. */
export async function assessmentsOf(db: Queryable, goalIds: readonly string[]): Promise<AssessmentRow[]> {
  if (goalIds.length === 0) return []
  return db.query<AssessmentRow>(
    `SELECT s.goal_id, f.key AS fu_key, f.title AS fu_title, f.kind AS fu_kind, f.year AS fu_year,
            f.period_end::text AS fu_period_end, s.level, s.trend, s.forecast_level, s.forecast_text,
            s.analysis, s.deviations, s.examples
       FROM assessments s JOIN follow_ups f ON f.id = s.follow_up_id
      WHERE s.goal_id = ANY($1::uuid[])
      ORDER BY f.period_end DESC, f.key`,
    [goalIds],
  )
}

export function toAssessmentView(
  r: AssessmentRow,
  level: (key: string | null) => LevelView | null,
): AssessmentView {
  return {
    followUp: {
      key: r.fu_key,
      title: r.fu_title,
      kind: r.fu_kind,
      year: r.fu_year,
      periodEnd: r.fu_period_end,
    },
    level: level(r.level),
    trend: r.trend,
    forecastLevel: level(r.forecast_level),
    forecastText: r.forecast_text,
    analysis: r.analysis,
    deviations: r.deviations,
    examples: r.examples,
  }
}
