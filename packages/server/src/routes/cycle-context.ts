import {
  type Actor,
  type BoardContext,
  type Database,
  type FollowUpCycle,
  findFollowUpCycle,
  type PartRecord,
  partPath,
  readIndicators,
  readParts,
  suggestionForGoal,
} from '@arshjul/db'
import {
  AppError,
  acceptsReports,
  acceptsReview,
  Key,
  type PartDetail,
  type ResourcePath,
} from '@arshjul/domain'
import { loadReportData, summaryDraft } from '@arshjul/reports'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { notFound } from '../errors.ts'
import { mayDo } from '../policies/guards.ts'
import { BoardParams, requireBoard } from './params.ts'

export const FollowUpParams = BoardParams.extend({ followUp: Key })
export const PartParams = FollowUpParams.extend({ part: z.guid() })

/** Today's date in Sweden, for deadlines. */
export function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date())
}

export async function requireFollowUp(
  db: Database,
  params: z.infer<typeof FollowUpParams>,
): Promise<{ board: BoardContext; cycle: FollowUpCycle }> {
  const board = await requireBoard(db, params)
  const cycle = await findFollowUpCycle(db, board, params.followUp)
  if (!cycle) throw notFound(`Uppföljningen "${params.followUp}"`)
  return { board, cycle }
}

export async function requirePart(db: Database, cycle: FollowUpCycle, partId: string): Promise<PartRecord> {
  const [part] = await readParts(db, cycle, { partId, today: today() })
  if (!part) throw notFound('Delen')
  return part
}

export function pathOfPart(db: Database, cycle: FollowUpCycle, part: PartRecord): Promise<ResourcePath> {
  return partPath(db, {
    unitId: part.unitId,
    boardId: cycle.boardId,
    administrationId: cycle.administrationId,
    goalIds: part.goalIds,
  })
}

/** The path that approving a follow-up is checked against: its administration, or the board. */
export function followUpPath(cycle: FollowUpCycle): ResourcePath {
  const base = [cycle.municipalityId, cycle.boardId]
  return cycle.administrationId ? [...base, cycle.administrationId] : base
}

export async function actorOf(db: Database, userId: string): Promise<Actor> {
  const [u] = await db.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [userId])
  if (!u) throw new AppError('UNAUTHENTICATED', { userMessage: 'Logga in för att fortsätta.' })
  return { id: userId, name: u.name }
}

/** Everything the reporting form needs for one part, including what the user may do with it. */
export async function partDetail(
  db: Database,
  request: FastifyRequest,
  board: BoardContext,
  cycle: FollowUpCycle,
  part: PartRecord,
): Promise<PartDetail> {
  const scale = board.municipality.settings.assessmentScale
  const path = await pathOfPart(db, cycle, part)
  const mayReport = await mayDo(db, request, 'report', path)
  const mayReview = await mayDo(db, request, 'review', path)
  const status = part.summary.status
  const open = acceptsReports(cycle.view.status)
  const suggestion =
    part.summary.kind === 'goal'
      ? await suggestionForGoal(db, board, { id: cycle.id, year: cycle.view.year }, part.subjectId, scale)
      : null
  const indicator =
    part.summary.kind === 'indicator'
      ? ((await readIndicators(db, board, { key: part.summary.subject.key }))[0] ?? null)
      : null
  const draft =
    part.summary.kind === 'narrative' && part.summary.subject.key === 'summary'
      ? summaryDraft(await loadReportData(db, board.municipality.code, board.key, cycle.view.key))
      : null
  return {
    ...part.summary,
    draft,
    followUp: cycle.view,
    content: part.content as PartDetail['content'],
    readyAt: part.readyAt,
    reviewedAt: part.reviewedAt,
    reviewedBy: part.reviewedBy,
    scale,
    suggestion: suggestion
      ? {
          level: suggestion.level
            ? {
                key: suggestion.level.key,
                label: suggestion.level.label,
                rank: suggestion.level.rank,
                colour: suggestion.level.colour,
                symbol: suggestion.level.symbol,
              }
            : null,
          score: suggestion.score,
          rule: suggestion.rule,
          indicators: suggestion.indicators,
        }
      : null,
    indicator,
    can: {
      edit: mayReport && open && ['not-started', 'draft', 'returned'].includes(status),
      markReady: mayReport && open && ['not-started', 'draft', 'returned'].includes(status),
      review: mayReview && acceptsReview(cycle.view.status) && (status === 'ready' || status === 'approved'),
    },
  }
}
