import {
  AppError,
  acceptsReports,
  acceptsReview,
  type FollowUpStatus,
  nextPartStatus,
  type PartKind,
  type PartStatus,
  type PartTransition,
  partStatusLabels,
  type ReportContent,
  readinessProblems,
  reportSchemas,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import type { BoardContext } from '../read/context.ts'
import { type Actor, appendAudit } from './audit.ts'
import { suggestionForGoal } from './part-suggestion.ts'

export interface PartChange {
  partId: string
  followUpId: string
  expectedVersion: number
  transition: PartTransition
  content?: unknown
  comment?: string
  actor: Actor
}

export type PartChangeResult =
  | { outcome: 'changed'; version: number; status: PartStatus }
  | { outcome: 'conflict' }

const transitionLabels: Record<PartTransition, string> = {
  save: 'sparade',
  'mark-ready': 'klarmarkerade',
  return: 'återskickade',
  approve: 'godkände',
  reopen: 'öppnade igen',
}

const passiveVerbs: Record<PartTransition, string> = {
  save: 'sparas',
  'mark-ready': 'klarmarkeras',
  return: 'återskickas',
  approve: 'godkännas',
  reopen: 'öppnas igen',
}

/**
 * Apply one workflow step to a part inside the caller's transaction. The row is locked, its version
 * compared with the one the client read (a stale version is a conflict, never an overwrite), the
 * follow-up's state and the transition checked, and the change written with its audit entry.
 */
export async function changePart(
  tx: Queryable,
  board: BoardContext,
  change: PartChange,
): Promise<PartChangeResult> {
  const [part] = await tx.query<{
    kind: PartKind
    status: PartStatus
    version: number
    content: unknown
    subject_id: string
    return_comment: string | null
    fu_status: FollowUpStatus
    fu_year: number
  }>(
    `SELECT p.kind, p.status, p.version, p.content, p.subject_id, p.return_comment, f.status AS fu_status, f.year AS fu_year
       FROM report_parts p JOIN follow_ups f ON f.id = p.follow_up_id
      WHERE p.id = $1 AND p.follow_up_id = $2
      FOR UPDATE OF p`,
    [change.partId, change.followUpId],
  )
  if (!part) throw new AppError('NOT_FOUND', { userMessage: 'Delen finns inte i den här uppföljningen.' })
  if (part.version !== change.expectedVersion) return { outcome: 'conflict' }

  const writing =
    change.transition === 'save' || change.transition === 'mark-ready' || change.transition === 'reopen'
  if (part.fu_status === 'decided') {
    throw new AppError('LOCKED', { userMessage: 'Uppföljningen är beslutad och kan inte ändras.' })
  }
  if (writing && !acceptsReports(part.fu_status)) {
    throw new AppError('LOCKED', { userMessage: 'Uppföljningen är inte öppen för rapportering.' })
  }
  if (!writing && !acceptsReview(part.fu_status)) {
    throw new AppError('LOCKED', { userMessage: 'Uppföljningen kan inte granskas i sitt nuvarande läge.' })
  }
  const next = nextPartStatus(part.status, change.transition)
  if (!next) {
    throw new AppError('INVALID_STATE', {
      userMessage: `Delen är ${partStatusLabels[part.status].toLowerCase()} och kan inte ${passiveVerbs[change.transition]} nu.`,
    })
  }

  let content = reportSchemas[part.kind].parse(part.content) as ReportContent
  if (change.content !== undefined) {
    const parsed = reportSchemas[part.kind].safeParse(change.content)
    if (!parsed.success) {
      throw new AppError('VALIDATION', {
        userMessage: 'Innehållet är ogiltigt.',
        details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      })
    }
    content = parsed.data
  }
  if (change.transition === 'mark-ready') {
    const scale = board.municipality.settings.assessmentScale
    const suggested =
      part.kind === 'goal'
        ? ((
            await suggestionForGoal(
              tx,
              board,
              { id: change.followUpId, year: part.fu_year },
              part.subject_id,
              scale,
            )
          ).level?.key ?? null)
        : null
    const problems = readinessProblems(part.kind, content, { scale, suggestedLevel: suggested })
    if (problems.length > 0) {
      throw new AppError('VALIDATION', {
        userMessage: 'Delen kan inte klarmarkeras än.',
        details: problems.map((p) => ({ path: p.field, message: p.message })),
      })
    }
  }
  if (change.transition === 'return' && !change.comment?.trim()) {
    throw new AppError('VALIDATION', {
      userMessage: 'Skriv vad som behöver ändras.',
      details: [{ path: 'comment', message: 'Kommentar krävs.' }],
    })
  }

  const returnComment =
    change.transition === 'return'
      ? (change.comment ?? null)
      : change.transition === 'approve'
        ? null
        : part.return_comment
  const reviewing = change.transition === 'return' || change.transition === 'approve'
  const [updated] = await tx.query<{ version: number }>(
    `UPDATE report_parts SET
        status = $2, version = version + 1, content = $3::text::jsonb, return_comment = $4,
        updated_by = CASE WHEN $5 THEN $6::uuid ELSE updated_by END,
        updated_at = CASE WHEN $5 THEN now() ELSE updated_at END,
        ready_at = CASE WHEN $2 = 'ready' THEN now() ELSE ready_at END,
        reviewed_by = CASE WHEN $7 THEN $6::uuid ELSE reviewed_by END,
        reviewed_at = CASE WHEN $7 THEN now() ELSE reviewed_at END
      WHERE id = $1 RETURNING version`,
    [change.partId, next, JSON.stringify(content), returnComment, writing, change.actor.id, reviewing],
  )
  if (!updated) throw new Error('part vanished under lock')
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor: change.actor,
    action: `part.${change.transition}`,
    entityKind: part.kind,
    entityId: part.subject_id,
    summary: `${change.actor.name} ${transitionLabels[change.transition]} delen (${partStatusLabels[part.status]} → ${partStatusLabels[next]})${
      change.transition === 'return' ? `: ${change.comment}` : ''
    }`,
    before: { status: part.status, content: part.content, returnComment: part.return_comment },
    after: { status: next, content, returnComment },
  })
  return { outcome: 'changed', version: updated.version, status: next }
}
