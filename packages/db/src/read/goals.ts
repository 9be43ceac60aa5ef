import {
  countLevels,
  type FollowUpOverview,
  type GoalAreaView,
  type GoalDetail,
  type GoalGroup,
  type GoalList,
  type GoalListItem,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { assessmentsOf, toAssessmentView } from './assessments.ts'
import { readAssignments } from './assignments.ts'
import { type BoardContext, groupBy, levelLookup } from './context.ts'
import { findFollowUp } from './follow-ups.ts'
import { readIndicators } from './indicators.ts'

interface GoalRow {
  id: string
  key: string
  kind: 'goal' | 'initiative'
  title: string
  description: string | null
  purpose: string | null
  financing_text: string | null
  financing_amount_kronor: string | number | null
  start_year: number
  end_year: number
  lead_responsibility: string | null
  agenda2030: number[]
  area_key: string | null
  area_name: string | null
  area_kind: GoalAreaView['kind'] | null
  area_description: string | null
  area_order: number | null
  unit_key: string | null
  unit_name: string | null
}

const GOAL_COLUMNS = `g.id, g.key, g.kind, g.title, g.description, g.purpose, g.financing_text,
  g.financing_amount_kronor::text AS financing_amount_kronor, g.start_year, g.end_year, g.lead_responsibility,
  g.agenda2030, a.key AS area_key, a.name AS area_name, a.kind AS area_kind, a.description AS area_description,
  a.sort_order AS area_order, u.key AS unit_key, u.name AS unit_name`

const GOAL_FROM = `board_goals g
  LEFT JOIN goal_areas a ON a.id = g.goal_area_id
  LEFT JOIN org_units u ON u.id = g.responsible_unit_id`

function areaOf(r: GoalRow): GoalAreaView | null {
  if (!r.area_key || !r.area_kind) return null
  return {
    key: r.area_key,
    name: r.area_name ?? '',
    kind: r.area_kind,
    description: r.area_description,
    order: r.area_order ?? 0,
  }
}

async function parentsOf(db: Queryable, goalIds: readonly string[]) {
  if (goalIds.length === 0) return new Map<string, { key: string; name: string }[]>()
  const rows = await db.query<{ goal_id: string; key: string; name: string }>(
    `SELECT p.board_goal_id AS goal_id, m.key, m.name
       FROM board_goal_parents p JOIN municipal_goals m ON m.id = p.municipal_goal_id
      WHERE p.board_goal_id = ANY($1::uuid[]) ORDER BY p.sort_order`,
    [goalIds],
  )
  const map = new Map<string, { key: string; name: string }[]>()
  for (const [id, list] of groupBy(rows, (r) => r.goal_id))
    map.set(
      id,
      list.map(({ key, name }) => ({ key, name })),
    )
  return map
}

/** Goals grouped by goal area in the area's order; goals without an area come last. */
async function groupGoals(
  db: Queryable,
  rows: GoalRow[],
  pickAssessment: (
    goalId: string,
    all: Awaited<ReturnType<typeof assessmentsOf>>,
  ) => GoalListItem['assessment'],
): Promise<GoalGroup[]> {
  const ids = rows.map((r) => r.id)
  const parents = await parentsOf(db, ids)
  const assessments = await assessmentsOf(db, ids)
  const groups = new Map<string, GoalGroup>()
  const sorted = [...rows].sort((a, b) => (a.area_order ?? 1e9) - (b.area_order ?? 1e9))
  for (const r of sorted) {
    const groupKey = r.area_key ?? ''
    let group = groups.get(groupKey)
    if (!group) {
      group = { goalArea: areaOf(r), goals: [] }
      groups.set(groupKey, group)
    }
    group.goals.push({
      key: r.key,
      kind: r.kind,
      title: r.title,
      startYear: r.start_year,
      endYear: r.end_year,
      goalArea: r.area_key,
      parentGoals: parents.get(r.id) ?? [],
      assessment: pickAssessment(r.id, assessments),
    })
  }
  return [...groups.values()]
}

const GOAL_ORDER = 'ORDER BY g.kind, g.sort_order, g.title'

/**
 * The goals of a follow-up: those valid in its year and those assessed in it, with that assessment.
 * A decided follow-up is read from the snapshot frozen at its decision, so later changes to goals
 * or scales never alter what the board decided; `live` reads the current data instead.
 */
export async function getFollowUpOverview(
  db: Queryable,
  board: BoardContext,
  key: string,
  options: { live?: boolean } = {},
): Promise<FollowUpOverview | null> {
  const followUp = await findFollowUp(db, board, key)
  if (!followUp) return null
  if (!options.live && followUp.status === 'decided') {
    const [snapshot] = await db.query<{ overview: FollowUpOverview }>(
      "SELECT content -> 'overview' AS overview FROM follow_up_snapshots WHERE follow_up_id = $1",
      [followUp.id],
    )
    if (snapshot) return snapshot.overview
  }
  const rows = await db.query<GoalRow>(
    `SELECT ${GOAL_COLUMNS} FROM ${GOAL_FROM}
      WHERE g.board_id = $1
        AND ($2::int BETWEEN g.start_year AND g.end_year
             OR EXISTS (SELECT 1 FROM assessments s WHERE s.goal_id = g.id AND s.follow_up_id = $3))
      ${GOAL_ORDER}`,
    [board.id, followUp.year, followUp.id],
  )
  const scale = board.municipality.settings.assessmentScale
  const level = levelLookup(scale)
  const groups = await groupGoals(db, rows, (goalId, all) => {
    const row = all.find((a) => a.goal_id === goalId && a.fu_key === key)
    return row ? toAssessmentView(row, level) : null
  })
  const levels = groups.flatMap((g) => g.goals.map((goal) => goal.assessment?.level?.key ?? null))
  const { id: _id, ...summary } = followUp
  return { followUp: summary, scale, groups, summary: countLevels(scale, levels) }
}

/** Goals valid in `year` (all goals when null), each with its latest assessment of that year. */
export async function listGoals(db: Queryable, board: BoardContext, year: number | null): Promise<GoalList> {
  const rows = await db.query<GoalRow>(
    `SELECT ${GOAL_COLUMNS} FROM ${GOAL_FROM}
      WHERE g.board_id = $1 AND ($2::int IS NULL OR $2::int BETWEEN g.start_year AND g.end_year)
      ${GOAL_ORDER}`,
    [board.id, year],
  )
  const level = levelLookup(board.municipality.settings.assessmentScale)
  const groups = await groupGoals(db, rows, (goalId, all) => {
    const row = all.find((a) => a.goal_id === goalId && (year === null || a.fu_year === year))
    return row ? toAssessmentView(row, level) : null
  })
  return { year, groups, total: rows.length }
}

export async function getGoal(db: Queryable, board: BoardContext, key: string): Promise<GoalDetail | null> {
  const [r] = await db.query<GoalRow>(
    `SELECT ${GOAL_COLUMNS} FROM ${GOAL_FROM} WHERE g.board_id = $1 AND g.key = $2`,
    [board.id, key],
  )
  if (!r) return null
  const scale = board.municipality.settings.assessmentScale
  const level = levelLookup(scale)
  const activities = await db.query<{
    key: string
    year: number
    title: string
    description: string | null
    status: GoalDetail['activities'][number]['status']
  }>(
    'SELECT key, year, title, description, status FROM activities WHERE goal_id = $1 ORDER BY year DESC, sort_order',
    [r.id],
  )
  return {
    key: r.key,
    kind: r.kind,
    title: r.title,
    description: r.description,
    purpose: r.purpose,
    financing:
      r.financing_text === null
        ? null
        : {
            text: r.financing_text,
            ...(r.financing_amount_kronor === null
              ? {}
              : { amountKronor: Number(r.financing_amount_kronor) }),
          },
    startYear: r.start_year,
    endYear: r.end_year,
    goalArea: areaOf(r),
    parentGoals: (await parentsOf(db, [r.id])).get(r.id) ?? [],
    responsibleUnit: r.unit_key ? { key: r.unit_key, name: r.unit_name ?? '' } : null,
    leadResponsibility: r.lead_responsibility,
    agenda2030: r.agenda2030,
    scale,
    assessments: (await assessmentsOf(db, [r.id])).map((a) => toAssessmentView(a, level)),
    indicators: await readIndicators(db, board, { goalId: r.id }),
    activities: activities.map((a) => ({ ...a, goal: r.key })),
    assignments: (await readAssignments(db, board, { goalId: r.id })).items,
  }
}
