import {
  type AssessmentScale,
  type IndicatorInput,
  IndicatorReport,
  type IndicatorValue,
  type Suggestion,
  suggestLevel,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import type { BoardContext } from '../read/context.ts'
import { readIndicators } from '../read/indicators.ts'

/**
 * The suggested level of a goal in a follow-up: its indicators' official values, overlaid with the
 * values reported for them in the same follow-up (draft or not), judged against targets and directions.
 */
export async function suggestionForGoal(
  db: Queryable,
  board: BoardContext,
  followUp: { id: string; year: number },
  goalId: string,
  scale: AssessmentScale,
): Promise<Suggestion> {
  const indicators = await readIndicators(db, board, { goalId })
  const reported = await db.query<{ key: string; content: unknown }>(
    `SELECT i.key, p.content FROM report_parts p JOIN indicators i ON i.id = p.subject_id
      WHERE p.follow_up_id = $1 AND p.kind = 'indicator'`,
    [followUp.id],
  )
  const reportedOf = new Map(reported.map((r) => [r.key, IndicatorReport.parse(r.content).values]))
  const inputs: IndicatorInput[] = indicators.map((ind) => {
    const values = new Map<string, IndicatorValue>(ind.values.map((v) => [`${v.year}/${v.breakdown}`, v]))
    for (const v of reportedOf.get(ind.key) ?? []) {
      values.set(`${v.year}/${v.breakdown}`, {
        year: v.year,
        breakdown: v.breakdown,
        value: v.value,
        status: v.status,
      })
    }
    return {
      key: ind.key,
      name: ind.name,
      direction: ind.direction,
      values: [...values.values()],
      targets: ind.targets,
    }
  })
  return suggestLevel(scale, inputs, followUp.year)
}
