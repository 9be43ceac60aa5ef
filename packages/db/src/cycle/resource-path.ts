import type { ResourcePath } from '@arshjul/domain'
import type { Queryable } from '../database.ts'

/**
 * The scopes containing an organisational unit, top down: municipality, board, administration,
 * then each unit from the top of the tree to the unit itself. A role granted on any of them covers
 * the unit (the policy's "inheritance down the tree").
 */
export async function unitPath(db: Queryable, unitId: string): Promise<ResourcePath> {
  const rows = await db.query<{ id: string; administration_id: string; depth: number }>(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, administration_id, 0 AS depth FROM org_units WHERE id = $1
       UNION ALL
       SELECT u.id, u.parent_id, u.administration_id, up.depth + 1 FROM org_units u JOIN up ON u.id = up.parent_id
     )
     SELECT id, administration_id, depth FROM up ORDER BY depth DESC`,
    [unitId],
  )
  const top = rows[0]
  if (!top) return []
  const [adm] = await db.query<{ municipality_id: string; board_id: string }>(
    'SELECT municipality_id, board_id FROM administrations WHERE id = $1',
    [top.administration_id],
  )
  if (!adm) return []
  return [adm.municipality_id, adm.board_id, top.administration_id, ...rows.map((r) => r.id)]
}

/** The path of a board: municipality, board. */
export async function boardPath(db: Queryable, boardId: string): Promise<ResourcePath> {
  const [b] = await db.query<{ municipality_id: string }>(
    'SELECT municipality_id FROM boards WHERE id = $1',
    [boardId],
  )
  return b ? [b.municipality_id, boardId] : []
}

/**
 * The path of a report part: its unit's path — or, when it has no unit, the follow-up's
 * administration (or board) — ending with the goals the part belongs to, so that a grant on a single
 * goal covers the goal's own parts.
 */
export async function partPath(
  db: Queryable,
  part: {
    unitId: string | null
    boardId: string
    administrationId?: string | null
    goalIds: readonly string[]
  },
): Promise<ResourcePath> {
  let base: ResourcePath
  if (part.unitId) base = await unitPath(db, part.unitId)
  else {
    const board = await boardPath(db, part.boardId)
    base = part.administrationId ? [...board, part.administrationId] : board
  }
  return [...base, ...part.goalIds]
}
