import {
  baselineDiff,
  boardPath,
  controllerOverview,
  createCorrection,
  createFollowUp,
  createNextYear,
  findFollowUpCycle,
  historyOf,
  queueReminders,
  transitionFollowUp,
  unitPath,
} from '@arshjul/db'
import {
  ApiError,
  AppError,
  BaselineDiff,
  ControllerOverview,
  CreateFollowUpRequest,
  FollowUpCycleView,
  FollowUpTransitionRequest,
  HistoryView,
  Key,
  NewYearRequest,
  NewYearResult,
  RemindersQueued,
} from '@arshjul/domain'
import { z } from 'zod'
import type { AppInstance } from '../app.ts'
import { notFound } from '../errors.ts'
import { mayDo, requireAllowed } from '../policies/guards.ts'
import { actorOf, FollowUpParams, followUpPath, requireFollowUp, today } from './cycle-context.ts'
import { BoardParams, requireBoard } from './params.ts'

const BOARD = '/api/municipalities/:code/boards/:board'
const FOLLOW_UP = `${BOARD}/follow-ups/:followUp`
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 423: ApiError }

export function cycleFollowUpRoutes(app: AppInstance, options: { appUrl: string }): void {
  app.get(
    `${FOLLOW_UP}/cycle`,
    {
      schema: {
        tags: ['Uppföljningar'],
        summary: 'Uppföljningens period, öppningsdag, tidsgränser, avsnitt och version',
        params: FollowUpParams,
        response: { 200: FollowUpCycleView, ...errors },
      },
    },
    async (request) => (await requireFollowUp(app.db, request.params)).cycle.view,
  )

  app.post(
    `${FOLLOW_UP}/transitions`,
    {
      schema: {
        tags: ['Uppföljningar'],
        summary:
          'Ta nästa steg: öppna, stäng rapporteringen, godkänn (förvaltningschef), registrera beslut (låser)',
        params: FollowUpParams,
        body: FollowUpTransitionRequest,
        response: { 200: FollowUpCycleView, ...errors },
      },
    },
    async (request) => {
      const { board, cycle } = await requireFollowUp(app.db, request.params)
      const t = request.body.transition
      const action = t === 'approve' ? 'approve' : t === 'decide' ? 'decide' : 'manage-cycle'
      const path = t === 'approve' ? followUpPath(cycle) : await boardPath(app.db, board.id)
      const actor = await actorOf(app.db, await requireAllowed(app.db, request, action, path))
      await app.db.transaction((tx) => transitionFollowUp(tx, board, cycle, request.body, actor))
      const after = await findFollowUpCycle(app.db, board, cycle.view.key)
      if (!after) throw notFound('Uppföljningen')
      return after.view
    },
  )

  app.get(
    `${FOLLOW_UP}/overview`,
    {
      schema: {
        tags: ['Granskning'],
        summary: 'Översikt för controller: per enhet vad som är rapporterat, sent och återskickat',
        params: FollowUpParams,
        response: { 200: ControllerOverview, ...errors },
      },
    },
    async (request) => {
      const { cycle } = await requireFollowUp(app.db, request.params)
      const path = followUpPath(cycle)
      if (!(await mayDo(app.db, request, 'approve', path)))
        await requireAllowed(app.db, request, 'review', path)
      return controllerOverview(app.db, cycle, today())
    },
  )

  app.post(
    `${FOLLOW_UP}/reminders`,
    {
      schema: {
        tags: ['Granskning'],
        summary: 'Köa påminnelser per e-post till rapportörer som har delar kvar',
        params: FollowUpParams,
        response: { 200: RemindersQueued, ...errors },
      },
    },
    async (request) => {
      const { board, cycle } = await requireFollowUp(app.db, request.params)
      const actor = await actorOf(
        app.db,
        await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id)),
      )
      const queued = await app.db.transaction(async (tx) => {
        const n = await queueReminders(
          tx,
          cycle,
          today(),
          `${options.appUrl}/${board.municipality.code}/${board.key}/uppgifter`,
        )
        request.log.info({ followUp: cycle.view.key, queued: n, by: actor.id }, 'reminders queued')
        return n
      })
      return { queued }
    },
  )

  app.get(
    `${FOLLOW_UP}/baseline`,
    {
      schema: {
        tags: ['Uppföljningar'],
        summary: 'Skillnader mot den antagna verksamhetsplanen för året (mål, indikatorer och målvärden)',
        params: FollowUpParams,
        response: { 200: BaselineDiff, ...errors },
      },
    },
    async (request) => {
      const { board, cycle } = await requireFollowUp(app.db, request.params)
      return baselineDiff(app.db, board, cycle)
    },
  )

  app.post(
    `${FOLLOW_UP}/corrections`,
    {
      schema: {
        tags: ['Uppföljningar'],
        summary: 'Rätta en beslutad uppföljning: en ny, länkad version öppnas; den beslutade ändras inte',
        params: FollowUpParams,
        response: { 201: z.object({ key: Key }), ...errors },
      },
    },
    async (request, reply) => {
      const { board, cycle } = await requireFollowUp(app.db, request.params)
      const actor = await actorOf(
        app.db,
        await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id)),
      )
      const key = await app.db.transaction((tx) => createCorrection(tx, board, cycle, actor))
      return reply.status(201).send({ key })
    },
  )

  app.post(
    `${BOARD}/follow-ups`,
    {
      schema: {
        tags: ['Uppföljningar'],
        summary: 'Planera en uppföljning: period, öppningsdag, tidsgränser och avsnitt',
        params: BoardParams,
        body: CreateFollowUpRequest,
        response: { 201: FollowUpCycleView, ...errors },
      },
    },
    async (request, reply) => {
      const board = await requireBoard(app.db, request.params)
      const actor = await actorOf(
        app.db,
        await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id)),
      )
      await app.db.transaction((tx) => createFollowUp(tx, board, request.body, actor))
      const created = await findFollowUpCycle(app.db, board, request.body.key)
      if (!created) throw new AppError('CONFLICT', { userMessage: 'Uppföljningen kunde inte skapas.' })
      return reply.status(201).send(created.view)
    },
  )

  app.post(
    `${BOARD}/years`,
    {
      schema: {
        tags: ['Uppföljningar'],
        summary:
          'Skapa nästa år från året före: mål, indikatorkopplingar, målvärden och öppna uppdrag förs över',
        params: BoardParams,
        body: NewYearRequest,
        response: { 201: NewYearResult, ...errors },
      },
    },
    async (request, reply) => {
      const board = await requireBoard(app.db, request.params)
      const actor = await actorOf(
        app.db,
        await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id)),
      )
      const result = await app.db.transaction((tx) =>
        createNextYear(tx, board, request.body.fromYear, request.body.toYear, actor),
      )
      return reply.status(201).send(result)
    },
  )

  const historyKinds = { goals: 'board_goals', indicators: 'indicators', assignments: 'assignments' } as const
  for (const [segment, table] of Object.entries(historyKinds)) {
    app.get(
      `${BOARD}/${segment}/:key/history`,
      {
        schema: {
          tags: ['Historik'],
          summary: `Ändringshistorik (vem, när, före och efter) för ${segment === 'goals' ? 'ett mål' : segment === 'indicators' ? 'en indikator' : 'ett uppdrag'}`,
          params: BoardParams.extend({ key: Key }),
          response: { 200: HistoryView, ...errors },
        },
      },
      async (request) => {
        const board = await requireBoard(app.db, request.params)
        // A goal or assignment with a responsible unit can be read by those granted on that unit or
        // above it; anything else needs a grant on the board.
        const [owner] = await app.db.query<{ id: string; unit_id: string | null }>(
          table === 'indicators'
            ? 'SELECT id, NULL::uuid AS unit_id FROM indicators WHERE board_id = $1 AND key = $2'
            : table === 'board_goals'
              ? 'SELECT id, responsible_unit_id AS unit_id FROM board_goals WHERE board_id = $1 AND key = $2'
              : `SELECT s.id, COALESCE(s.responsible_unit_id, g.responsible_unit_id) AS unit_id
                   FROM assignments s LEFT JOIN board_goals g ON g.id = s.goal_id WHERE s.board_id = $1 AND s.key = $2`,
          [board.id, request.params.key],
        )
        if (!owner) throw notFound(`"${request.params.key}"`)
        const path = owner.unit_id
          ? [...(await unitPath(app.db, owner.unit_id)), owner.id]
          : await boardPath(app.db, board.id)
        await requireAllowed(app.db, request, 'read', path)
        // An object carried over from earlier years shares its history with the rows it came from.
        const ids = await app.db.query<{ id: string }>(
          table === 'indicators'
            ? 'SELECT id FROM indicators WHERE board_id = $1 AND key = $2'
            : `WITH RECURSIVE chain AS (
                 SELECT id, carried_from_id FROM ${table} WHERE board_id = $1 AND key = $2
                 UNION ALL
                 SELECT t.id, t.carried_from_id FROM ${table} t JOIN chain c ON t.id = c.carried_from_id
               ) SELECT id FROM chain`,
          [board.id, request.params.key],
        )
        if (ids.length === 0) throw notFound(`"${request.params.key}"`)
        return historyOf(
          app.db,
          ids.map((r) => r.id),
        )
      },
    )
  }
}
