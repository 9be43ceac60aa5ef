import { type BaselineDiff, diffAgainstBaseline } from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import type { BoardContext } from '../read/context.ts'
import type { FollowUpCycle } from './read-parts.ts'
import { planContent, readSnapshot } from './snapshot.ts'

/**
 * What differs in a follow-up from the adopted business plan of its year (the decided plan's frozen
 * content): goals and indicators added, removed or changed, and changed targets. For a decided
 * follow-up the comparison uses its own frozen content, for others the current plan.
 */
export async function baselineDiff(
  db: Queryable,
  board: BoardContext,
  cycle: FollowUpCycle,
): Promise<BaselineDiff> {
  const [plan] = await db.query<{ id: string; key: string; title: string; decision_ref: string | null }>(
    `SELECT id, key, title, decision_ref FROM follow_ups
      WHERE board_id = $1 AND year = $2 AND kind = 'business-plan' AND status = 'decided'
      ORDER BY version DESC LIMIT 1`,
    [board.id, cycle.view.year],
  )
  const baseline = plan ? await readSnapshot(db, plan.id) : null
  if (!plan || !baseline) return { baseline: null, followUp: cycle.view.key, changes: [] }
  const own = cycle.view.status === 'decided' ? await readSnapshot(db, cycle.id) : null
  const current = own?.plan ?? (await planContent(db, board, cycle.view.year))
  return {
    baseline: { key: plan.key, title: plan.title, decisionRef: plan.decision_ref },
    followUp: cycle.view.key,
    changes: diffAgainstBaseline(baseline.plan, current),
  }
}
