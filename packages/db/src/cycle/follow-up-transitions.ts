import {
  ActivityReport,
  AppError,
  AssignmentReport,
  ControlReport,
  type FollowUpStatus,
  type FollowUpTransitionRequest,
  followUpStatusLabels,
  GoalReport,
  IndicatorReport,
  NarrativeReport,
  nextFollowUpStatus,
  parseDecisionRef,
  TextReport,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import type { BoardContext } from '../read/context.ts'
import { type Actor, appendAudit } from './audit.ts'
import { createParts } from './create-parts.ts'
import type { FollowUpCycle } from './read-parts.ts'
import { takeSnapshot } from './snapshot.ts'

const verbs: Record<FollowUpTransitionRequest['transition'], string> = {
  open: 'öppnade uppföljningen för rapportering',
  'close-reporting': 'stängde rapporteringen och lämnade uppföljningen till granskning',
  'reopen-reporting': 'öppnade rapporteringen igen',
  approve: 'godkände uppföljningen',
  decide: 'registrerade nämndens beslut',
}

/**
 * Move a follow-up one step in its workflow, in the caller's transaction. Opening creates the parts
 * to report; approval needs every part approved; the decision applies the approved parts to the
 * official records (assessments, indicator values, activity and assignment status), freezes a
 * snapshot and locks the follow-up — after which the database refuses any change to it.
 */
export async function transitionFollowUp(
  tx: Queryable,
  board: BoardContext,
  cycle: FollowUpCycle,
  request: FollowUpTransitionRequest,
  actor: Actor,
): Promise<FollowUpStatus> {
  const [row] = await tx.query<{ status: FollowUpStatus }>(
    'SELECT status FROM follow_ups WHERE id = $1 FOR UPDATE',
    [cycle.id],
  )
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'Uppföljningen finns inte.' })
  const next = nextFollowUpStatus(row.status, request.transition)
  if (!next) {
    throw new AppError('INVALID_STATE', {
      userMessage: `Uppföljningen är ${followUpStatusLabels[row.status].toLowerCase()}; det steget går inte att ta nu.`,
    })
  }
  let decision: { ref: string; date: string } | null = null
  if (request.transition === 'approve') {
    const open = await tx.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM report_parts WHERE follow_up_id = $1 AND status <> 'approved' GROUP BY status`,
      [cycle.id],
    )
    const remaining = open.reduce((n, r) => n + r.n, 0)
    if (remaining > 0) {
      throw new AppError('INVALID_STATE', {
        userMessage: `${remaining} ${remaining === 1 ? 'del är' : 'delar är'} inte granskade och godkända av controller än.`,
      })
    }
  }
  if (request.transition === 'decide') {
    const parsed = parseDecisionRef(request.decisionRef)
    if (!parsed) {
      throw new AppError('VALIDATION', {
        userMessage: 'Ange beslutet som organ, datum och paragraf, till exempel "KS 2025-02-24 § 31".',
        details: [{ path: 'decisionRef', message: 'Ogiltig beslutsreferens.' }],
      })
    }
    decision = { ref: request.decisionRef.trim().replace(/\s+/g, ' '), date: parsed.date }
    await applyApprovedParts(tx, cycle)
    await takeSnapshot(tx, board, { id: cycle.id, key: cycle.view.key, year: cycle.view.year })
  }
  if (request.transition === 'open') await createParts(tx, cycle.id)

  await tx.query(
    `UPDATE follow_ups SET status = $2,
        approved_by = CASE WHEN $2 = 'approved' THEN $3::uuid ELSE approved_by END,
        approved_at = CASE WHEN $2 = 'approved' THEN now() ELSE approved_at END,
        decided_by = CASE WHEN $2 = 'decided' THEN $3::uuid ELSE decided_by END,
        decided_at = CASE WHEN $2 = 'decided' THEN now() ELSE decided_at END,
        decision_ref = COALESCE($4, decision_ref),
        decided_on = COALESCE($5::date, decided_on)
      WHERE id = $1`,
    [cycle.id, next, actor.id, decision?.ref ?? null, decision?.date ?? null],
  )
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor,
    action: `follow-up.${request.transition}`,
    entityKind: 'follow-up',
    entityId: cycle.id,
    summary: `${actor.name} ${verbs[request.transition]}${decision ? ` (${decision.ref})` : ''}`,
    before: { status: row.status },
    after: { status: next, ...(decision ? { decisionRef: decision.ref, decidedOn: decision.date } : {}) },
  })
  return next
}

/** Write the approved parts into the official tables, dated at the follow-up's period end. */
async function applyApprovedParts(tx: Queryable, cycle: FollowUpCycle): Promise<void> {
  const parts = await tx.query<{
    kind: string
    subject_id: string
    content: unknown
    updated_by: string | null
  }>(
    "SELECT kind, subject_id, content, updated_by FROM report_parts WHERE follow_up_id = $1 AND status = 'approved'",
    [cycle.id],
  )
  for (const p of parts) {
    if (p.kind === 'goal') {
      const c = GoalReport.parse(p.content)
      await tx.query(
        `INSERT INTO assessments (municipality_id, goal_id, follow_up_id, level, trend, forecast_level, forecast_text, analysis, deviations)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb)
         ON CONFLICT (goal_id, follow_up_id) DO UPDATE SET level = EXCLUDED.level, trend = EXCLUDED.trend,
           forecast_level = EXCLUDED.forecast_level, forecast_text = EXCLUDED.forecast_text,
           analysis = EXCLUDED.analysis, deviations = EXCLUDED.deviations`,
        [
          cycle.municipalityId,
          p.subject_id,
          cycle.id,
          c.level,
          c.trend,
          c.forecastLevel,
          c.forecastText,
          c.analysis,
          JSON.stringify(c.deviations),
        ],
      )
    } else if (p.kind === 'indicator') {
      for (const v of IndicatorReport.parse(p.content).values) {
        await tx.query(
          `INSERT INTO indicator_values (indicator_id, year, breakdown, value, status, note)
           VALUES ($1, $2, $3, $4::numeric, $5, $6)
           ON CONFLICT (indicator_id, year, breakdown) DO UPDATE SET value = EXCLUDED.value, status = EXCLUDED.status, note = EXCLUDED.note`,
          [p.subject_id, v.year, v.breakdown, v.value === null ? null : String(v.value), v.status, v.comment],
        )
      }
    } else if (p.kind === 'activity') {
      const c = ActivityReport.parse(p.content)
      if (c.status)
        await tx.query('UPDATE activities SET status = $2 WHERE id = $1', [p.subject_id, c.status])
    } else if (p.kind === 'assignment') {
      const c = AssignmentReport.parse(p.content)
      if (c.status) {
        await tx.query(
          `INSERT INTO assignment_updates (assignment_id, seq, date, status, comment, transferred_to_year)
           SELECT $1, COALESCE(max(seq), -1) + 1, $2::date, $3, $4, $5 FROM assignment_updates WHERE assignment_id = $1`,
          [p.subject_id, cycle.view.periodEnd, c.status, c.comment, c.transferredToYear],
        )
      }
    } else if (p.kind === 'control') {
      const c = ControlReport.parse(p.content)
      await tx.query(
        `INSERT INTO control_follow_ups (municipality_id, control_id, follow_up_id, result, level, action, returns_next_year, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (control_id, follow_up_id) DO UPDATE SET result = EXCLUDED.result, level = EXCLUDED.level,
           action = EXCLUDED.action, returns_next_year = EXCLUDED.returns_next_year, updated_by = EXCLUDED.updated_by,
           version = control_follow_ups.version + 1, updated_at = now()`,
        [
          cycle.municipalityId,
          p.subject_id,
          cycle.id,
          c.result,
          c.level,
          c.action,
          c.returnsNextYear,
          p.updated_by,
        ],
      )
    } else if (p.kind === 'narrative') {
      const c = NarrativeReport.parse(p.content)
      if (c.text === null) continue
      await tx.query(
        `INSERT INTO report_texts (follow_up_id, municipality_id, section, text, cites, updated_by)
         VALUES ($1, $2, $3, $4, $5::text::jsonb, $6)
         ON CONFLICT (follow_up_id, section) DO UPDATE SET text = EXCLUDED.text, cites = EXCLUDED.cites,
           updated_by = EXCLUDED.updated_by, version = report_texts.version + 1, updated_at = now()`,
        [cycle.id, cycle.municipalityId, c.section, c.text, JSON.stringify(c.cites), p.updated_by],
      )
    } else if (p.kind === 'control-summary' || p.kind === 'personnel') {
      const text = TextReport.parse(p.content).text
      if (text === null) continue
      const table = p.kind === 'personnel' ? 'personnel_comments' : 'internal_control_assessments'
      const bump = p.kind === 'personnel' ? '' : `, version = ${table}.version + 1`
      await tx.query(
        `INSERT INTO ${table} (follow_up_id, municipality_id, text, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (follow_up_id) DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by,
           updated_at = now()${bump}`,
        [cycle.id, cycle.municipalityId, text, p.updated_by],
      )
    }
  }
}
