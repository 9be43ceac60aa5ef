import { AppError } from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { carryControlsOver } from '../personnel/internal-control.ts'
import type { BoardContext } from '../read/context.ts'
import { type Actor, appendAudit } from './audit.ts'

export interface NewYearResult {
  goals: number
  indicatorLinks: number
  targets: number
  assignments: number
  controls: number
  businessPlan: string | null
}

/** The key of a carried-over object: the year in the key moved on, or the new year appended. */
function carriedKey(key: string, from: number, to: number): string {
  return key.includes(String(from)) ? key.replace(String(from), String(to)) : `${key}-${to}`
}

/**
 * Create next year for a board from this year, in one transaction, deleting nothing: goals that end
 * this year are carried over as new goals linked to the old ones (with their indicators and parent
 * goals), the latest target of each indicator in force is carried to the new year where it has none,
 * assignments still open are carried over with a link back (their history stays on the old year),
 * and the new year's business plan is created as planned.
 */
export async function createNextYear(
  tx: Queryable,
  board: BoardContext,
  from: number,
  to: number,
  actor: Actor,
): Promise<NewYearResult> {
  if (to !== from + 1) throw new AppError('VALIDATION', { userMessage: 'Ett nytt år skapas från året före.' })
  const [already] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM board_goals g JOIN board_goals o ON o.id = g.carried_from_id
      WHERE g.board_id = $1 AND g.start_year = $2 AND o.end_year = $3`,
    [board.id, to, from],
  )
  if ((already?.n ?? 0) > 0)
    throw new AppError('INVALID_STATE', { userMessage: `År ${to} är redan skapat från ${from}.` })

  const mid = board.municipality.id
  const existingKeys = new Set(
    (await tx.query<{ key: string }>('SELECT key FROM board_goals WHERE municipality_id = $1', [mid])).map(
      (r) => r.key,
    ),
  )
  const ending = await tx.query<{ id: string; key: string }>(
    'SELECT id, key FROM board_goals WHERE board_id = $1 AND end_year = $2 AND start_year <= $2 ORDER BY sort_order',
    [board.id, from],
  )
  let indicatorLinks = 0
  for (const goal of ending) {
    let key = carriedKey(goal.key, from, to)
    while (existingKeys.has(key)) key = `${key}-n`
    existingKeys.add(key)
    const [copy] = await tx.query<{ id: string }>(
      `INSERT INTO board_goals (municipality_id, board_id, key, kind, title, description, purpose, financing_text,
          financing_amount_kronor, start_year, end_year, goal_area_id, responsible_unit_id, lead_responsibility, agenda2030,
          sort_order, carried_from_id)
       SELECT municipality_id, board_id, $2, kind, title, description, purpose, financing_text, financing_amount_kronor,
              $3, $3, goal_area_id, responsible_unit_id, lead_responsibility, agenda2030, sort_order, id
         FROM board_goals WHERE id = $1 RETURNING id`,
      [goal.id, key, to],
    )
    if (!copy) throw new Error('goal copy failed')
    await tx.query(
      `INSERT INTO board_goal_parents (board_goal_id, municipal_goal_id, sort_order)
       SELECT $2, municipal_goal_id, sort_order FROM board_goal_parents WHERE board_goal_id = $1`,
      [goal.id, copy.id],
    )
    const links = await tx.query(
      'INSERT INTO indicator_goals (indicator_id, goal_id) SELECT indicator_id, $2 FROM indicator_goals WHERE goal_id = $1 RETURNING indicator_id',
      [goal.id, copy.id],
    )
    indicatorLinks += links.length
  }

  const targets = await tx.query(
    `INSERT INTO indicator_targets (indicator_id, year, breakdown, value, text)
     SELECT DISTINCT ON (t.indicator_id, t.breakdown) t.indicator_id, $3::int, t.breakdown, t.value, t.text
       FROM indicator_targets t
      WHERE t.year <= $2
        AND t.indicator_id IN (SELECT ig.indicator_id FROM indicator_goals ig JOIN board_goals g ON g.id = ig.goal_id
                                WHERE g.board_id = $1 AND $3::int BETWEEN g.start_year AND g.end_year)
      ORDER BY t.indicator_id, t.breakdown, t.year DESC
     ON CONFLICT (indicator_id, year, breakdown) DO NOTHING
     RETURNING indicator_id`,
    [board.id, from, to],
  )

  const open = await tx.query<{ id: string; key: string; status: string }>(
    `SELECT s.id, s.key, u.status FROM assignments s
       JOIN LATERAL (SELECT status FROM assignment_updates WHERE assignment_id = s.id ORDER BY seq DESC LIMIT 1) u ON true
      WHERE s.board_id = $1 AND s.year <= $2 AND u.status NOT IN ('genomford', 'inte-aktuellt')
        AND NOT EXISTS (SELECT 1 FROM assignments n WHERE n.carried_from_id = s.id)
      ORDER BY s.sort_order`,
    [board.id, from],
  )
  const assignmentKeys = new Set(
    (await tx.query<{ key: string }>('SELECT key FROM assignments WHERE municipality_id = $1', [mid])).map(
      (r) => r.key,
    ),
  )
  for (const a of open) {
    let key = carriedKey(a.key, from, to)
    while (assignmentKeys.has(key)) key = `${key}-n`
    assignmentKeys.add(key)
    const [copy] = await tx.query<{ id: string }>(
      `INSERT INTO assignments (municipality_id, board_id, key, kind, year, title, description, given_by, decision_ref,
          due_text, due_date, goal_area_id, goal_id, responsible_unit_id, carried_over_from_year, sort_order, carried_from_id)
       SELECT municipality_id, board_id, $2, kind, $3, title, description, given_by, decision_ref, due_text, due_date,
              goal_area_id, goal_id, responsible_unit_id, $4, sort_order, id
         FROM assignments WHERE id = $1 RETURNING id`,
      [a.id, key, to, from],
    )
    if (!copy) throw new Error('assignment copy failed')
    await tx.query(
      `INSERT INTO assignment_updates (assignment_id, seq, date, status, comment) VALUES ($1, 0, $2::date, $3, $4)`,
      [copy.id, `${to}-01-01`, a.status === 'overfors' ? 'ej-paborjad' : a.status, `Överfört från ${from}.`],
    )
  }

  const planKey = `${board.key}-${to}-vp`
  const plan = await tx.query<{ key: string }>(
    `INSERT INTO follow_ups (municipality_id, board_id, key, kind, year, period_end, title, status)
     VALUES ($1, $2, $3, 'business-plan', $4, $5::date, $6, 'planned')
     ON CONFLICT (municipality_id, key) DO NOTHING RETURNING key`,
    [mid, board.id, planKey, to, `${to}-12-31`, `Verksamhetsplan ${to}`],
  )
  // Internal control: mandatory controls and those whose last follow-up says they return.
  const controls = await carryControlsOver(tx, board, from)
  const result: NewYearResult = {
    goals: ending.length,
    indicatorLinks,
    targets: targets.length,
    assignments: open.length,
    controls,
    businessPlan: plan[0]?.key ?? null,
  }
  await appendAudit(tx, {
    chain: mid,
    actor,
    action: 'year.create',
    entityKind: 'board',
    entityId: board.id,
    summary: `${actor.name} skapade år ${to} från ${from}: ${result.goals} mål och ${result.assignments} uppdrag fördes över`,
    before: null,
    after: result,
  })
  return result
}
