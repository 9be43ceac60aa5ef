import type { BoardDetail, FollowUpKind, FollowUpStatus, FollowUpSummary, OrgUnitView } from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import type { BoardContext } from './context.ts'

interface FollowUpRow {
  id: string
  key: string
  kind: FollowUpKind
  year: number
  period_end: string
  title: string
  status: FollowUpStatus
  admin_key: string | null
  admin_name: string | null
  decision_ref: string | null
  decided_on: string | null
}

const FOLLOW_UP_COLUMNS = `f.id, f.key, f.kind, f.year, f.period_end::text AS period_end, f.title, f.status,
  a.key AS admin_key, a.name AS admin_name, f.decision_ref, f.decided_on::text AS decided_on`

function toSummary(r: FollowUpRow): FollowUpSummary {
  return {
    key: r.key,
    kind: r.kind,
    year: r.year,
    periodEnd: r.period_end,
    title: r.title,
    status: r.status,
    administration: r.admin_key ? { key: r.admin_key, name: r.admin_name ?? '' } : null,
    decisionRef: r.decision_ref,
    decidedOn: r.decided_on,
  }
}

/** The board's follow-ups, newest period first. */
export async function listFollowUps(db: Queryable, board: BoardContext): Promise<FollowUpSummary[]> {
  const rows = await db.query<FollowUpRow>(
    `SELECT ${FOLLOW_UP_COLUMNS}
       FROM follow_ups f LEFT JOIN administrations a ON a.id = f.administration_id
      WHERE f.board_id = $1 ORDER BY f.period_end DESC, f.kind, f.key`,
    [board.id],
  )
  return rows.map(toSummary)
}

export async function findFollowUp(
  db: Queryable,
  board: BoardContext,
  key: string,
): Promise<(FollowUpSummary & { id: string }) | null> {
  const [row] = await db.query<FollowUpRow>(
    `SELECT ${FOLLOW_UP_COLUMNS}
       FROM follow_ups f LEFT JOIN administrations a ON a.id = f.administration_id
      WHERE f.board_id = $1 AND f.key = $2`,
    [board.id, key],
  )
  return row ? { id: row.id, ...toSummary(row) } : null
}

export async function getBoard(db: Queryable, board: BoardContext): Promise<BoardDetail> {
  const administrations = await db.query<{
    key: string
    name: string
    short_name: string | null
    valid_from: string
    valid_to: string | null
  }>(
    `SELECT key, name, short_name, valid_from::text AS valid_from, valid_to::text AS valid_to
       FROM administrations WHERE board_id = $1 ORDER BY valid_from DESC, name`,
    [board.id],
  )
  const years = await db.query<{ year: number }>(
    `SELECT DISTINCT y AS year
       FROM board_goals g, generate_series(g.start_year, g.end_year) AS y
      WHERE g.board_id = $1 ORDER BY y DESC`,
    [board.id],
  )
  return {
    key: board.key,
    name: board.name,
    shortName: board.shortName,
    municipality: { code: board.municipality.code, name: board.municipality.name },
    administrations: administrations.map((a) => ({
      key: a.key,
      name: a.name,
      shortName: a.short_name,
      validFrom: a.valid_from,
      validTo: a.valid_to,
    })),
    followUps: await listFollowUps(db, board),
    years: years.map((y) => y.year),
  }
}

export async function listOrgUnits(db: Queryable, board: BoardContext): Promise<OrgUnitView[]> {
  const rows = await db.query<{
    key: string
    administration: string
    parent: string | null
    code: string | null
    name: string
    kind: string
    valid_from: string
    valid_to: string | null
  }>(
    `SELECT u.key, a.key AS administration, p.key AS parent, u.code, u.name, u.kind,
            u.valid_from::text AS valid_from, u.valid_to::text AS valid_to
       FROM org_units u
       JOIN administrations a ON a.id = u.administration_id
       LEFT JOIN org_units p ON p.id = u.parent_id
      WHERE a.board_id = $1
      ORDER BY a.name, u.code NULLS LAST, u.name`,
    [board.id],
  )
  return rows.map((r) => ({
    key: r.key,
    administration: r.administration,
    parent: r.parent,
    code: r.code,
    name: r.name,
    kind: r.kind,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }))
}
