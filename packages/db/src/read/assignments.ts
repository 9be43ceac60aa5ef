import {
  type AssignmentKind,
  type AssignmentList,
  AssignmentStatus,
  type AssignmentUpdate,
  type AssignmentView,
  countByStatus,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { type BoardContext, groupBy } from './context.ts'

export interface AssignmentFilter {
  year?: number | undefined
  kind?: AssignmentKind | undefined
  status?: AssignmentStatus | undefined
  goalId?: string | undefined
}

interface AssignmentRow {
  id: string
  key: string
  kind: AssignmentKind
  year: number
  title: string
  description: string | null
  given_by: string | null
  decision_ref: string | null
  due_text: string | null
  due_date: string | null
  area_key: string | null
  area_name: string | null
  goal_key: string | null
  goal_title: string | null
  carried_over_from_year: number | null
}

/**
 * Assignments of a board with their status history. The current status is the latest update's.
 * Counts are taken over the year and kind filters, before the status filter, so that a status
 * filter in the UI still shows how many there are of every status.
 */
export async function readAssignments(
  db: Queryable,
  board: BoardContext,
  filter: AssignmentFilter,
): Promise<AssignmentList> {
  const rows = await db.query<AssignmentRow>(
    `SELECT s.id, s.key, s.kind, s.year, s.title, s.description, s.given_by, s.decision_ref, s.due_text,
            s.due_date::text AS due_date, a.key AS area_key, a.name AS area_name, g.key AS goal_key,
            g.title AS goal_title, s.carried_over_from_year
       FROM assignments s
       LEFT JOIN goal_areas a ON a.id = s.goal_area_id
       LEFT JOIN board_goals g ON g.id = s.goal_id
      WHERE s.board_id = $1
        AND ($2::int IS NULL OR s.year = $2)
        AND ($3::text IS NULL OR s.kind = $3)
        AND ($4::uuid IS NULL OR s.goal_id = $4)
      ORDER BY s.year DESC, s.kind, s.sort_order, s.title`,
    [board.id, filter.year ?? null, filter.kind ?? null, filter.goalId ?? null],
  )
  const updates =
    rows.length === 0
      ? []
      : await db.query<{
          assignment_id: string
          date: string
          status: string
          comment: string | null
          transferred_to_year: number | null
        }>(
          `SELECT assignment_id, date::text AS date, status, comment, transferred_to_year
             FROM assignment_updates WHERE assignment_id = ANY($1::uuid[]) ORDER BY seq`,
          [rows.map((r) => r.id)],
        )
  const updatesOf = groupBy(updates, (u) => u.assignment_id)
  const all: AssignmentView[] = rows.map((r) => {
    const history: AssignmentUpdate[] = (updatesOf.get(r.id) ?? []).map((u) => ({
      date: u.date,
      status: AssignmentStatus.parse(u.status),
      ...(u.comment === null ? {} : { comment: u.comment }),
      ...(u.transferred_to_year === null ? {} : { transferredToYear: u.transferred_to_year }),
    }))
    const latest = history.at(-1)
    if (!latest) throw new Error(`Uppdraget ${r.key} saknar status`)
    return {
      key: r.key,
      kind: r.kind,
      year: r.year,
      title: r.title,
      description: r.description,
      givenBy: r.given_by,
      decisionRef: r.decision_ref,
      dueText: r.due_text,
      dueDate: r.due_date,
      goalArea: r.area_key ? { key: r.area_key, name: r.area_name ?? '' } : null,
      goal: r.goal_key ? { key: r.goal_key, title: r.goal_title ?? '' } : null,
      carriedOverFromYear: r.carried_over_from_year,
      status: latest.status,
      statusDate: latest.date,
      updates: history,
    }
  })
  const counts = countByStatus(all.map((a) => a.status))
  const years = await db.query<{ year: number }>(
    'SELECT DISTINCT year FROM assignments WHERE board_id = $1 ORDER BY year DESC',
    [board.id],
  )
  return {
    items: filter.status ? all.filter((a) => a.status === filter.status) : all,
    counts: AssignmentStatus.options.map((status) => ({ status, count: counts[status] })),
    total: all.length,
    years: years.map((y) => y.year),
  }
}

export async function listActivities(db: Queryable, board: BoardContext, year: number | null) {
  const rows = await db.query<{
    key: string
    goal: string
    year: number
    title: string
    description: string | null
    status: 'ej-paborjad' | 'pagar' | 'genomford' | 'kvarstar' | 'utgatt'
  }>(
    `SELECT a.key, g.key AS goal, a.year, a.title, a.description, a.status
       FROM activities a JOIN board_goals g ON g.id = a.goal_id
      WHERE g.board_id = $1 AND ($2::int IS NULL OR a.year = $2)
      ORDER BY a.year DESC, g.sort_order, a.sort_order`,
    [board.id, year],
  )
  return rows
}
