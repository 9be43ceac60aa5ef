import { createHash } from 'node:crypto'
import {
  type ActivityEconomyView,
  type AssignmentList,
  canonicalJson,
  type FollowUpOverview,
  type FramesView,
  type IndicatorView,
  type InternalControlView,
  type InvestmentView,
  type OperatingView,
  PlanContent,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { readFrames, readInvestments } from '../economy/investments.ts'
import { readActivities, readOperating } from '../economy/operating.ts'
import { readInternalControl } from '../personnel/internal-control.ts'
import { readAssignments } from '../read/assignments.ts'
import type { BoardContext } from '../read/context.ts'
import { getFollowUpOverview } from '../read/goals.ts'
import { readIndicators } from '../read/indicators.ts'
import { type DocumentSources, readDocumentSources } from '../reports/sources.ts'

/** Everything a decided follow-up showed, frozen at the decision. */
export interface SnapshotContent {
  overview: FollowUpOverview
  indicators: IndicatorView[]
  assignments: AssignmentList
  plan: PlanContent
  /** The economy as the follow-up reported it (absent in snapshots taken before economy existed). */
  economy?: {
    operating: OperatingView
    investments: InvestmentView
    frames: FramesView
    /** Per SCB activity code (absent in older snapshots). */
    activities?: ActivityEconomyView
  }
  /** Internal control as followed up in this follow-up (absent in older snapshots). */
  internalControl?: InternalControlView
  /**
   * What the document says beyond the tables: texts, comments, protected personnel figures and
   * the personnel comment (absent in older snapshots).
   */
  document?: DocumentSources
}

/** The plan content (goals, indicators, targets) in force for a board in a year. */
export async function planContent(db: Queryable, board: BoardContext, year: number): Promise<PlanContent> {
  const goals = await db.query<{
    key: string
    kind: 'goal' | 'initiative'
    title: string
    description: string | null
    financing_text: string | null
    financing_amount_kronor: string | null
    goal_area: string | null
    start_year: number
    end_year: number
  }>(
    `SELECT g.key, g.kind, g.title, g.description, g.financing_text, g.financing_amount_kronor::text AS financing_amount_kronor,
            a.key AS goal_area, g.start_year, g.end_year
       FROM board_goals g LEFT JOIN goal_areas a ON a.id = g.goal_area_id
      WHERE g.board_id = $1 AND $2::int BETWEEN g.start_year AND g.end_year ORDER BY g.key`,
    [board.id, year],
  )
  const goalKeys = new Set(goals.map((g) => g.key))
  const indicators = (await readIndicators(db, board, { year })).filter((i) =>
    i.goals.some((g) => goalKeys.has(g.key)),
  )
  return PlanContent.parse({
    goals: goals.map((g) => ({
      key: g.key,
      kind: g.kind,
      title: g.title,
      description: g.description,
      financing:
        g.financing_text === null
          ? null
          : {
              text: g.financing_text,
              ...(g.financing_amount_kronor === null
                ? {}
                : { amountKronor: Number(g.financing_amount_kronor) }),
            },
      goalArea: g.goal_area,
      startYear: g.start_year,
      endYear: g.end_year,
    })),
    indicators: indicators.map((i) => ({
      key: i.key,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      goals: i.goals.map((g) => g.key).filter((k) => goalKeys.has(k)),
      targets: i.targets,
    })),
  })
}

/** The economy tables of a follow-up: its year, through the month of its period end, its forecast. */
async function economyAt(
  tx: Queryable,
  board: BoardContext,
  followUp: { id: string; key: string; year: number },
): Promise<NonNullable<SnapshotContent['economy']>> {
  const [fu] = await tx.query<{ period_end: string }>(
    'SELECT period_end::text FROM follow_ups WHERE id = $1',
    [followUp.id],
  )
  const throughMonth =
    fu && Number(fu.period_end.slice(0, 4)) === followUp.year ? Number(fu.period_end.slice(5, 7)) : 12
  return {
    operating: await readOperating(tx, board, { year: followUp.year, throughMonth, followUp: followUp.key }),
    investments: await readInvestments(tx, board, { year: followUp.year, followUp: followUp.key }),
    frames: await readFrames(tx, board, { year: followUp.year }),
    activities: await readActivities(tx, board, {
      year: followUp.year,
      throughMonth,
      followUp: followUp.key,
    }),
  }
}

/**
 * Everything a follow-up shows, read live: what a snapshot freezes at the decision, and what a
 * document of a follow-up not yet decided is made from.
 */
export async function followUpContent(
  tx: Queryable,
  board: BoardContext,
  followUp: { id: string; key: string; year: number },
): Promise<SnapshotContent> {
  const overview = await getFollowUpOverview(tx, board, followUp.key, { live: true })
  if (!overview) throw new Error(`follow-up ${followUp.key} not found`)
  return {
    overview,
    indicators: await readIndicators(tx, board, { year: followUp.year }),
    assignments: await readAssignments(tx, board, {}),
    plan: await planContent(tx, board, followUp.year),
    economy: await economyAt(tx, board, followUp),
    internalControl: await readInternalControl(tx, board, {
      year: followUp.year,
      followUp: followUp.key,
      editable: false,
      insider: false,
    }),
    document: await readDocumentSources(tx, board, followUp.id),
  }
}

/** Freeze what a follow-up shows, store it with its hash, in the caller's transaction. */
export async function takeSnapshot(
  tx: Queryable,
  board: BoardContext,
  followUp: { id: string; key: string; year: number },
) {
  const live = await followUpContent(tx, board, followUp)
  const content: SnapshotContent = {
    ...live,
    overview: { ...live.overview, followUp: { ...live.overview.followUp, status: 'decided' } },
  }
  const json = canonicalJson(content)
  const sha256 = createHash('sha256').update(json).digest('hex')
  await tx.query(
    'INSERT INTO follow_up_snapshots (follow_up_id, content, sha256) VALUES ($1, $2::text::jsonb, $3)',
    [followUp.id, json, sha256],
  )
  return { sha256 }
}

export async function readSnapshot(db: Queryable, followUpId: string): Promise<SnapshotContent | null> {
  return (await readSnapshotWithHash(db, followUpId))?.content ?? null
}

/** A decided follow-up's frozen content with the hash it was stored with. */
export async function readSnapshotWithHash(
  db: Queryable,
  followUpId: string,
): Promise<{ content: SnapshotContent; sha256: string } | null> {
  const [row] = await db.query<{ content: SnapshotContent; sha256: string }>(
    'SELECT content, sha256 FROM follow_up_snapshots WHERE follow_up_id = $1',
    [followUpId],
  )
  return row ? { content: row.content, sha256: row.sha256 } : null
}
