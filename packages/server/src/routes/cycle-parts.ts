import { changePart, countStatuses, grantsOf, type PartChange, pathsOfParts, readParts } from '@arshjul/db'
import {
  type Action,
  ApiError,
  isAllowed,
  PartConflict,
  PartDetail,
  ReturnPartRequest,
  SavePartRequest,
  TaskList,
  VersionRequest,
} from '@arshjul/domain'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppInstance } from '../app.ts'
import { requireAllowed, requireUser } from '../policies/guards.ts'
import {
  actorOf,
  FollowUpParams,
  PartParams,
  partDetail,
  pathOfPart,
  requireFollowUp,
  requirePart,
  today,
} from './cycle-context.ts'

const BASE = '/api/municipalities/:code/boards/:board/follow-ups/:followUp'
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 423: ApiError }

const views: Record<'report' | 'review' | 'all', Action> = { report: 'report', review: 'review', all: 'read' }

/** Reporting: the user's tasks in a follow-up, one part, and the workflow steps on a part. */
export function cyclePartRoutes(app: AppInstance): void {
  app.get(
    `${BASE}/tasks`,
    {
      schema: {
        tags: ['Rapportering'],
        summary:
          'Mina uppgifter: delarna i uppföljningen som användaren ska rapportera (report), granska (review) eller får se (all)',
        params: FollowUpParams,
        querystring: z.object({ view: z.enum(['report', 'review', 'all']).default('report') }),
        response: { 200: TaskList, ...errors },
      },
    },
    async (request) => {
      const userId = requireUser(request)
      const { cycle } = await requireFollowUp(app.db, request.params)
      const parts = await readParts(app.db, cycle, { today: today() })
      const paths = await pathsOfParts(app.db, cycle, parts)
      const grants = await grantsOf(app.db, userId)
      const action = views[request.query.view]
      const mine = parts
        .filter((p) => isAllowed(grants, action, paths.get(p.summary.id) ?? []))
        .filter((p) => request.query.view !== 'review' || p.summary.status === 'ready')
        .map((p) => p.summary)
      return {
        followUp: cycle.view,
        parts: mine,
        progress: { total: mine.length, byStatus: countStatuses(mine) },
      }
    },
  )

  app.get(
    `${BASE}/parts/:part`,
    {
      schema: {
        tags: ['Rapportering'],
        summary: 'En del med innehåll, förslag till bedömning och vad användaren får göra',
        params: PartParams,
        response: { 200: PartDetail, ...errors },
      },
    },
    async (request) => {
      const { board, cycle } = await requireFollowUp(app.db, request.params)
      const part = await requirePart(app.db, cycle, request.params.part)
      await requireAllowed(app.db, request, 'read', await pathOfPart(app.db, cycle, part))
      return partDetail(app.db, request, board, cycle, part)
    },
  )

  /** Run one step on a part: 200 with the part after it, or 409 with the part as it is now. */
  async function step(
    request: FastifyRequest,
    params: z.infer<typeof PartParams>,
    reply: FastifyReply,
    action: Action,
    change: Omit<PartChange, 'partId' | 'followUpId' | 'actor'>,
  ) {
    const { board, cycle } = await requireFollowUp(app.db, params)
    const part = await requirePart(app.db, cycle, params.part)
    const userId = await requireAllowed(app.db, request, action, await pathOfPart(app.db, cycle, part))
    const actor = await actorOf(app.db, userId)
    const result = await app.db.transaction((tx) =>
      changePart(tx, board, { ...change, partId: part.summary.id, followUpId: cycle.id, actor }),
    )
    const now = await requirePart(app.db, cycle, part.summary.id)
    const detail = await partDetail(app.db, request, board, cycle, now)
    if (result.outcome === 'conflict') {
      return reply.status(409).send({
        error: {
          code: 'CONFLICT' as const,
          message: `Någon annan har ändrat delen sedan du öppnade den (${now.summary.updatedBy ?? 'okänd'}${
            now.summary.updatedAt ? `, ${now.summary.updatedAt}` : ''
          }). Jämför med den aktuella versionen och välj vad som ska gälla.`,
        },
        current: detail,
      })
    }
    return reply.status(200).send(detail)
  }

  const stepResponses = { 200: PartDetail, 409: z.union([PartConflict, ApiError]), ...errors }

  app.put(
    `${BASE}/parts/:part`,
    {
      schema: {
        tags: ['Rapportering'],
        summary: 'Spara utkast (autospara). Fel version ger 409 med aktuellt innehåll.',
        params: PartParams,
        body: SavePartRequest,
        response: stepResponses,
      },
    },
    (request, reply) =>
      step(request, request.params, reply, 'report', {
        transition: 'save',
        expectedVersion: request.body.version,
        content: request.body.content,
      }),
  )

  app.post(
    `${BASE}/parts/:part/ready`,
    {
      schema: {
        tags: ['Rapportering'],
        summary: 'Klarmarkera delen (sparar innehållet om det skickas med)',
        params: PartParams,
        body: VersionRequest.extend({ content: SavePartRequest.shape.content.optional() }),
        response: stepResponses,
      },
    },
    (request, reply) =>
      step(request, request.params, reply, 'report', {
        transition: 'mark-ready',
        expectedVersion: request.body.version,
        ...(request.body.content === undefined ? {} : { content: request.body.content }),
      }),
  )

  app.post(
    `${BASE}/parts/:part/return`,
    {
      schema: {
        tags: ['Granskning'],
        summary: 'Återskicka delen till rapportören med en kommentar',
        params: PartParams,
        body: ReturnPartRequest,
        response: stepResponses,
      },
    },
    (request, reply) =>
      step(request, request.params, reply, 'review', {
        transition: 'return',
        expectedVersion: request.body.version,
        comment: request.body.comment,
      }),
  )

  app.post(
    `${BASE}/parts/:part/approve`,
    {
      schema: {
        tags: ['Granskning'],
        summary: 'Godkänn delen',
        params: PartParams,
        body: VersionRequest,
        response: stepResponses,
      },
    },
    (request, reply) =>
      step(request, request.params, reply, 'review', {
        transition: 'approve',
        expectedVersion: request.body.version,
      }),
  )
}
