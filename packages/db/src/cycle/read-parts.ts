import {
  type FollowUpCycleView,
  type PartKind,
  type PartStatus,
  type PartSubject,
  type PartSummary,
  reportSchemas,
  writtenSectionTitle,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { type BoardContext, groupBy } from '../read/context.ts'
import { findFollowUp } from '../read/follow-ups.ts'

export interface FollowUpCycle {
  id: string
  boardId: string
  municipalityId: string
  /** The administration whose follow-up this is, if any: parts without a unit belong to it. */
  administrationId: string | null
  view: FollowUpCycleView
}

/** A follow-up with its cycle settings (deadlines, sections, version). */
export async function findFollowUpCycle(
  db: Queryable,
  board: BoardContext,
  key: string,
): Promise<FollowUpCycle | null> {
  const base = await findFollowUp(db, board, key)
  if (!base) return null
  const [row] = await db.query<{
    opens_on: string | null
    deadlines: FollowUpCycleView['deadlines']
    sections: FollowUpCycleView['sections']
    version: number
    supersedes: string | null
    administration_id: string | null
  }>(
    `SELECT f.opens_on::text AS opens_on, f.deadlines, f.sections, f.version, s.key AS supersedes, f.administration_id
       FROM follow_ups f LEFT JOIN follow_ups s ON s.id = f.supersedes_id WHERE f.id = $1`,
    [base.id],
  )
  if (!row) return null
  const { id, ...summary } = base
  return {
    id,
    boardId: board.id,
    municipalityId: board.municipality.id,
    administrationId: row.administration_id,
    view: {
      ...summary,
      opensOn: row.opens_on,
      deadlines: row.deadlines,
      sections: row.sections,
      version: row.version,
      supersedes: row.supersedes,
    },
  }
}

export interface PartRecord {
  summary: PartSummary
  unitId: string | null
  subjectId: string
  goalIds: string[]
  content: unknown
  readyAt: string | null
  reviewedAt: string | null
  reviewedBy: string | null
}

interface PartRow {
  id: string
  kind: PartKind
  status: PartStatus
  version: number
  content: unknown
  subject_id: string
  subject_key: string
  subject_title: string
  unit_id: string | null
  unit_key: string | null
  unit_name: string | null
  return_comment: string | null
  updated_at: string | null
  updated_by: string | null
  ready_at: string | null
  reviewed_at: string | null
  reviewed_by: string | null
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`

/**
 * The parts of a follow-up (or one part, when `partId` is given), with their subject, unit and goals.
 * `late`: not yet ready or approved although the reporting deadline (`today` > deadline) has passed.
 */
export async function readParts(
  db: Queryable,
  cycle: FollowUpCycle,
  options: { partId?: string; today: string },
): Promise<PartRecord[]> {
  const rows = await db.query<PartRow>(
    `SELECT p.id, p.kind, p.status, p.version, p.content, p.subject_id,
            COALESCE(g.key, i.key, a.key, s.key, c.key, b.key, p.content->>'section') AS subject_key,
            COALESCE(g.title, i.name, a.title, s.title, c.title,
                     CASE p.kind WHEN 'control-summary' THEN 'Sammanfattande bedömning av den interna kontrollen'
                                 WHEN 'personnel' THEN 'Kommentar till personalredovisningen'
                                 WHEN 'narrative' THEN p.content->>'section' END) AS subject_title,
            p.unit_id, u.key AS unit_key, u.name AS unit_name, p.return_comment,
            ${iso('p.updated_at')} AS updated_at, uu.name AS updated_by,
            ${iso('p.ready_at')} AS ready_at, ${iso('p.reviewed_at')} AS reviewed_at, ru.name AS reviewed_by
       FROM report_parts p
       LEFT JOIN board_goals g ON p.kind = 'goal' AND g.id = p.subject_id
       LEFT JOIN indicators i ON p.kind = 'indicator' AND i.id = p.subject_id
       LEFT JOIN activities a ON p.kind = 'activity' AND a.id = p.subject_id
       LEFT JOIN assignments s ON p.kind = 'assignment' AND s.id = p.subject_id
       LEFT JOIN controls c ON p.kind = 'control' AND c.id = p.subject_id
       LEFT JOIN boards b ON p.kind IN ('control-summary', 'personnel') AND b.id = p.subject_id
       LEFT JOIN org_units u ON u.id = p.unit_id
       LEFT JOIN users uu ON uu.id = p.updated_by
       LEFT JOIN users ru ON ru.id = p.reviewed_by
      WHERE p.follow_up_id = $1 AND ($2::uuid IS NULL OR p.id = $2)
      ORDER BY CASE p.kind WHEN 'goal' THEN 0 WHEN 'indicator' THEN 1 WHEN 'activity' THEN 2 WHEN 'assignment' THEN 3
                           WHEN 'personnel' THEN 4 WHEN 'control' THEN 5 WHEN 'control-summary' THEN 6 ELSE 7 END,
               COALESCE(g.sort_order, i.sort_order, a.sort_order, s.sort_order, (p.content->>'order')::int),
               c.mandatory DESC, c.key, subject_title`,
    [cycle.id, options.partId ?? null],
  )
  if (rows.length === 0) return []
  const goals = await db.query<{ part_id: string; id: string; key: string; title: string }>(
    `SELECT p.id AS part_id, g.id, g.key, g.title
       FROM report_parts p
       JOIN board_goals g ON
            (p.kind = 'goal' AND g.id = p.subject_id)
         OR (p.kind = 'activity' AND g.id = (SELECT goal_id FROM activities WHERE id = p.subject_id))
         OR (p.kind = 'assignment' AND g.id = (SELECT goal_id FROM assignments WHERE id = p.subject_id))
         OR (p.kind = 'indicator' AND g.id IN (SELECT goal_id FROM indicator_goals WHERE indicator_id = p.subject_id)
             AND $2::int BETWEEN g.start_year AND g.end_year)
      WHERE p.follow_up_id = $1 AND ($3::uuid IS NULL OR p.id = $3)
      ORDER BY g.sort_order`,
    [cycle.id, cycle.view.year, options.partId ?? null],
  )
  const goalsOf = groupBy(goals, (g) => g.part_id)
  const deadline = cycle.view.deadlines.report
  const pastDeadline = deadline !== undefined && options.today > deadline
  return rows.map((r) => {
    const partGoals = goalsOf.get(r.id) ?? []
    const subject: PartSubject = {
      id: r.subject_id,
      key: r.subject_key,
      // A text of the document is named by its heading ("Året som gått").
      title: r.kind === 'narrative' ? writtenSectionTitle(r.subject_key) : r.subject_title,
      goals: partGoals.map(({ key, title }) => ({ key, title })),
      unit: r.unit_key ? { key: r.unit_key, name: r.unit_name ?? '' } : null,
    }
    return {
      summary: {
        id: r.id,
        kind: r.kind,
        status: r.status,
        version: r.version,
        subject,
        returnComment: r.return_comment,
        updatedAt: r.updated_at,
        updatedBy: r.updated_by,
        late: pastDeadline && !['ready', 'approved'].includes(r.status),
      },
      unitId: r.unit_id,
      subjectId: r.subject_id,
      goalIds: partGoals.map((g) => g.id),
      content: reportSchemas[r.kind].parse(r.content),
      readyAt: r.ready_at,
      reviewedAt: r.reviewed_at,
      reviewedBy: r.reviewed_by,
    }
  })
}
