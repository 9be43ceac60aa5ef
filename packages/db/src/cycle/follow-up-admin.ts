import { AppError, type FollowUpKind, type Section } from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import type { BoardContext } from '../read/context.ts'
import { type Actor, appendAudit } from './audit.ts'
import { createParts } from './create-parts.ts'
import type { FollowUpCycle } from './read-parts.ts'

export interface NewFollowUp {
  key: string
  kind: FollowUpKind
  year: number
  periodEnd: string
  title: string
  opensOn?: string | undefined
  deadlines: {
    report: string
    review?: string | undefined
    approve?: string | undefined
    decide?: string | undefined
  }
  sections: Section[]
  administration?: string | undefined
}

/** Plan a follow-up in a board's year: its period, opening day, deadlines per step and sections. */
export async function createFollowUp(
  tx: Queryable,
  board: BoardContext,
  input: NewFollowUp,
  actor: Actor,
): Promise<string> {
  let administrationId: string | null = null
  if (input.administration) {
    const [adm] = await tx.query<{ id: string }>(
      'SELECT id FROM administrations WHERE board_id = $1 AND key = $2',
      [board.id, input.administration],
    )
    if (!adm)
      throw new AppError('VALIDATION', {
        userMessage: `Förvaltningen "${input.administration}" finns inte under nämnden.`,
      })
    administrationId = adm.id
  }
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO follow_ups (municipality_id, board_id, administration_id, key, kind, year, period_end, title, status,
        opens_on, deadlines, sections)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, 'planned', $9::date, $10::text::jsonb, $11::text::jsonb)
     ON CONFLICT (municipality_id, key) DO NOTHING RETURNING id`,
    [
      board.municipality.id,
      board.id,
      administrationId,
      input.key,
      input.kind,
      input.year,
      input.periodEnd,
      input.title,
      input.opensOn ?? null,
      JSON.stringify(input.deadlines),
      JSON.stringify(input.sections),
    ],
  )
  const id = rows[0]?.id
  if (!id)
    throw new AppError('CONFLICT', {
      userMessage: `Det finns redan en uppföljning med nyckeln "${input.key}".`,
    })
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor,
    action: 'follow-up.create',
    entityKind: 'follow-up',
    entityId: id,
    summary: `${actor.name} planerade ${input.title}`,
    before: null,
    after: input,
  })
  return id
}

/**
 * Correct a decided follow-up: a new version, linked to the decided one, open for reporting with
 * the decided assessments as drafts. The decided version itself stays exactly as it was.
 */
export async function createCorrection(
  tx: Queryable,
  board: BoardContext,
  cycle: FollowUpCycle,
  actor: Actor,
): Promise<string> {
  if (cycle.view.status !== 'decided') {
    throw new AppError('INVALID_STATE', {
      userMessage: 'Bara en beslutad uppföljning rättas med en ny version; ändra den direkt i stället.',
    })
  }
  const version = cycle.view.version + 1
  const key = `${cycle.view.key.replace(/-v\d+$/, '')}-v${version}`
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO follow_ups (municipality_id, board_id, administration_id, key, kind, year, period_end, title, status,
        opens_on, deadlines, sections, version, supersedes_id, source_document)
     SELECT municipality_id, board_id, administration_id, $2, kind, year, period_end, title || ' (rättelse ' || $3 || ')',
            'open', opens_on, deadlines, sections, $3::int, id, source_document
       FROM follow_ups WHERE id = $1
     ON CONFLICT (municipality_id, key) DO NOTHING RETURNING id`,
    [cycle.id, key, version],
  )
  const id = rows[0]?.id
  if (!id) throw new AppError('CONFLICT', { userMessage: `Det finns redan en rättelse (${key}).` })
  await createParts(tx, id)
  await tx.query(
    `UPDATE report_parts p SET status = 'draft', content = jsonb_build_object(
        'level', a.level, 'trend', a.trend, 'forecastLevel', a.forecast_level, 'forecastText', a.forecast_text,
        'analysis', a.analysis, 'deviations', a.deviations)
       FROM assessments a
      WHERE p.follow_up_id = $1 AND p.kind = 'goal' AND a.follow_up_id = $2 AND a.goal_id = p.subject_id`,
    [id, cycle.id],
  )
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor,
    action: 'follow-up.correct',
    entityKind: 'follow-up',
    entityId: id,
    summary: `${actor.name} öppnade en rättelse (version ${version}) av ${cycle.view.title}`,
    before: { supersedes: cycle.view.key },
    after: { key, version },
  })
  return key
}
