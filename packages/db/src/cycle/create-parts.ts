import { defaultReportTemplates, MunicipalitySettings, ReportKind, writtenSections } from '@arshjul/domain'
import type { Queryable } from '../database.ts'

/** A part's id follows from what it is (follow-up, kind, subject), so re-creating it gives the same id. */
const partId = (kind: string, subject: string) =>
  `md5($2::uuid::text || '/${kind}/' || ${subject}::text)::uuid`

/**
 * Create the parts someone must report in a follow-up, from what is in force in its year:
 * a part per goal valid that year, per indicator of those goals, per activity of that year, and per
 * assignment still open; per control of the year's internal-control plan, and one part each for the
 * overall assessment of internal control and the personnel comment. Sections the follow-up does not ask for get no parts. Existing parts are
 * kept (re-running adds only what is new). Each part remembers its responsible unit.
 */
export async function createParts(tx: Queryable, followUpId: string): Promise<number> {
  const [fu] = await tx.query<{
    municipality_id: string
    board_id: string
    year: number
    sections: string[]
  }>('SELECT municipality_id, board_id, year, sections FROM follow_ups WHERE id = $1', [followUpId])
  if (!fu) throw new Error(`follow-up ${followUpId} not found`)
  const wants = new Set(fu.sections)
  const params = [fu.municipality_id, followUpId, fu.board_id, fu.year]
  let created = 0
  // Every statement gets the same four parameters (the board-level ones mention the year only to take it).
  const insert = async (sql: string) => {
    const rows = await tx.query(
      `${sql} ON CONFLICT (follow_up_id, kind, subject_id) DO NOTHING RETURNING id`,
      params,
    )
    created += rows.length
  }
  const goalsOfYear =
    'SELECT id, responsible_unit_id FROM board_goals WHERE board_id = $3 AND $4::int BETWEEN start_year AND end_year'
  if (wants.has('goals')) {
    await insert(`INSERT INTO report_parts (id, municipality_id, follow_up_id, kind, subject_id, unit_id, content)
      SELECT ${partId('goal', 'g.id')}, $1::uuid, $2::uuid, 'goal', g.id, g.responsible_unit_id, '{}'::jsonb FROM (${goalsOfYear}) g`)
  }
  if (wants.has('indicators')) {
    // An indicator belongs to the unit of the first of its goals that has one.
    await insert(`INSERT INTO report_parts (id, municipality_id, follow_up_id, kind, subject_id, unit_id, content)
      SELECT ${partId('indicator', 'ig.indicator_id')}, $1::uuid, $2::uuid, 'indicator', ig.indicator_id,
             (array_agg(g.responsible_unit_id ORDER BY g.responsible_unit_id IS NULL, g.id))[1],
             jsonb_build_object('values', COALESCE((
               SELECT jsonb_agg(jsonb_build_object('year', v.year, 'breakdown', v.breakdown, 'value', v.value,
                                                   'status', v.status, 'comment', v.note) ORDER BY v.breakdown)
                 FROM indicator_values v WHERE v.indicator_id = ig.indicator_id AND v.year = $4), '[]'::jsonb))
        FROM indicator_goals ig JOIN (${goalsOfYear}) g ON g.id = ig.goal_id
       GROUP BY ig.indicator_id`)
  }
  if (wants.has('activities')) {
    await insert(`INSERT INTO report_parts (id, municipality_id, follow_up_id, kind, subject_id, unit_id, content)
      SELECT ${partId('activity', 'a.id')}, $1::uuid, $2::uuid, 'activity', a.id, COALESCE(a.responsible_unit_id, g.responsible_unit_id),
             jsonb_build_object('status', a.status, 'comment', NULL)
        FROM activities a JOIN (${goalsOfYear}) g ON g.id = a.goal_id
       WHERE a.year = $4`)
  }
  if (wants.has('assignments')) {
    await insert(`INSERT INTO report_parts (id, municipality_id, follow_up_id, kind, subject_id, unit_id, content)
      SELECT ${partId('assignment', 's.id')}, $1::uuid, $2::uuid, 'assignment', s.id, COALESCE(s.responsible_unit_id, g.responsible_unit_id),
             jsonb_build_object('status', u.status, 'comment', NULL, 'transferredToYear', NULL)
        FROM assignments s
        LEFT JOIN board_goals g ON g.id = s.goal_id
        JOIN LATERAL (SELECT status FROM assignment_updates WHERE assignment_id = s.id ORDER BY seq DESC LIMIT 1) u ON true
       WHERE s.board_id = $3 AND s.year <= $4 AND u.status NOT IN ('genomford', 'inte-aktuellt', 'overfors')
         AND NOT EXISTS (SELECT 1 FROM assignments later WHERE later.carried_from_id = s.id)`)
  }
  if (wants.has('internal-control')) {
    await insert(`INSERT INTO report_parts (id, municipality_id, follow_up_id, kind, subject_id, unit_id, content)
      SELECT ${partId('control', 'c.id')}, $1::uuid, $2::uuid, 'control', c.id, c.unit_id,
             jsonb_build_object('result', f.result, 'level', f.level, 'action', f.action,
                                'returnsNextYear', COALESCE(f.returns_next_year, false))
        FROM controls c LEFT JOIN control_follow_ups f ON f.control_id = c.id AND f.follow_up_id = $2
       WHERE c.board_id = $3 AND c.year = $4`)
    await insert(`INSERT INTO report_parts (id, municipality_id, follow_up_id, kind, subject_id, unit_id, content)
      SELECT ${partId('control-summary', '$3')}, $1::uuid, $2::uuid, 'control-summary', $3::uuid, NULL,
             jsonb_build_object('text', (SELECT text FROM internal_control_assessments WHERE follow_up_id = $2))
       WHERE $4::int IS NOT NULL`)
  }
  if (wants.has('narrative')) {
    // One part per text the document's template asks for, holding what is already written.
    const [m] = await tx.query<{ settings: unknown; kind: string }>(
      'SELECT m.settings, f.kind FROM follow_ups f JOIN municipalities m ON m.id = f.municipality_id WHERE f.id = $1',
      [followUpId],
    )
    const settings = MunicipalitySettings.safeParse(m?.settings)
    const kind = ReportKind.parse(m?.kind)
    const template =
      (settings.success ? settings.data.reportTemplates[kind] : undefined) ?? defaultReportTemplates[kind]
    for (const [order, section] of writtenSections(template).entries()) {
      const rows = await tx.query(
        `INSERT INTO report_parts (id, municipality_id, follow_up_id, kind, subject_id, unit_id, content)
         SELECT md5($2::uuid::text || '/narrative/' || $5)::uuid, $1::uuid, $2::uuid, 'narrative',
                md5($3::uuid::text || '/narrative/' || $5)::uuid, NULL,
                jsonb_build_object('section', $5::text, 'order', $6::int,
                  'text', (SELECT text FROM report_texts WHERE follow_up_id = $2 AND section = $5),
                  'cites', COALESCE((SELECT cites FROM report_texts WHERE follow_up_id = $2 AND section = $5), '[]'::jsonb))
          WHERE $4::int IS NOT NULL
         ON CONFLICT (follow_up_id, kind, subject_id) DO NOTHING RETURNING id`,
        [...params, section, order],
      )
      created += rows.length
    }
  }
  if (wants.has('personnel')) {
    await insert(`INSERT INTO report_parts (id, municipality_id, follow_up_id, kind, subject_id, unit_id, content)
      SELECT ${partId('personnel', '$3')}, $1::uuid, $2::uuid, 'personnel', $3::uuid, NULL,
             jsonb_build_object('text', (SELECT text FROM personnel_comments WHERE follow_up_id = $2))
       WHERE $4::int IS NOT NULL`)
  }
  return created
}

/**
 * After something reportable was added to a board's year (a control, say), give every follow-up of
 * that year that is open for reporting its new parts.
 */
export async function createPartsInOpenFollowUps(
  tx: Queryable,
  boardId: string,
  year: number,
): Promise<number> {
  const open = await tx.query<{ id: string }>(
    "SELECT id FROM follow_ups WHERE board_id = $1 AND year = $2 AND status = 'open'",
    [boardId, year],
  )
  let created = 0
  for (const fu of open) created += await createParts(tx, fu.id)
  return created
}
