import {
  getBoard,
  getFollowUpOverview,
  getGoal,
  listActivities,
  listFollowUps,
  listGoals,
  listOrgUnits,
  readAssignments,
  readIndicators,
} from '@arshjul/db'
import {
  ActivityView,
  ApiError,
  AssignmentKind,
  AssignmentList,
  AssignmentStatus,
  BoardDetail,
  FollowUpOverview,
  FollowUpSummary,
  GoalDetail,
  GoalList,
  IndicatorView,
  Key,
  OrgUnitView,
} from '@arshjul/domain'
import { z } from 'zod'
import type { AppInstance } from '../app.ts'
import { notFound } from '../errors.ts'
import { BoardParams, requireBoard, YearQuery } from './params.ts'

const BASE = '/api/municipalities/:code/boards/:board'

/** Everything that hangs under a board: follow-ups, goals, indicators, assignments, activities. */
export function boardRoutes(app: AppInstance): void {
  const errors = { 400: ApiError, 404: ApiError }

  app.get(
    BASE,
    {
      schema: {
        tags: ['Nämnder'],
        summary: 'En nämnd med förvaltningar, uppföljningar och år',
        params: BoardParams,
        response: { 200: BoardDetail, ...errors },
      },
    },
    async (req) => getBoard(app.db, await requireBoard(app.db, req.params)),
  )

  app.get(
    `${BASE}/org-units`,
    {
      schema: {
        tags: ['Nämnder'],
        summary: 'Organisationsenheter under nämndens förvaltningar, med giltighetstid',
        params: BoardParams,
        response: { 200: z.array(OrgUnitView), ...errors },
      },
    },
    async (req) => listOrgUnits(app.db, await requireBoard(app.db, req.params)),
  )

  app.get(
    `${BASE}/follow-ups`,
    {
      schema: {
        tags: ['Uppföljningar'],
        summary: 'Nämndens verksamhetsplaner och uppföljningar, senaste först',
        params: BoardParams,
        response: { 200: z.array(FollowUpSummary), ...errors },
      },
    },
    async (req) => listFollowUps(app.db, await requireBoard(app.db, req.params)),
  )

  app.get(
    `${BASE}/follow-ups/:followUp`,
    {
      schema: {
        tags: ['Uppföljningar'],
        summary: 'En uppföljning: målen per målområde med bedömning, och antal mål per nivå',
        params: BoardParams.extend({ followUp: Key }),
        response: { 200: FollowUpOverview, ...errors },
      },
    },
    async (req) => {
      const overview = await getFollowUpOverview(
        app.db,
        await requireBoard(app.db, req.params),
        req.params.followUp,
      )
      if (!overview) throw notFound(`Uppföljningen "${req.params.followUp}"`)
      return overview
    },
  )

  app.get(
    `${BASE}/goals`,
    {
      schema: {
        tags: ['Mål'],
        summary: 'Nämndens mål och strategiska initiativ, grupperade per målområde',
        params: BoardParams,
        querystring: YearQuery,
        response: { 200: GoalList, ...errors },
      },
    },
    async (req) => listGoals(app.db, await requireBoard(app.db, req.params), req.query.year ?? null),
  )

  app.get(
    `${BASE}/goals/:goal`,
    {
      schema: {
        tags: ['Mål'],
        summary: 'Ett mål med beskrivning, finansiering, indikatorer, aktiviteter och bedömningshistorik',
        params: BoardParams.extend({ goal: Key }),
        response: { 200: GoalDetail, ...errors },
      },
    },
    async (req) => {
      const goal = await getGoal(app.db, await requireBoard(app.db, req.params), req.params.goal)
      if (!goal) throw notFound(`Målet "${req.params.goal}"`)
      return goal
    },
  )

  app.get(
    `${BASE}/indicators`,
    {
      schema: {
        tags: ['Indikatorer'],
        summary: 'Nämndens indikatorer med utfall och mål',
        params: BoardParams,
        querystring: YearQuery,
        response: { 200: z.array(IndicatorView), ...errors },
      },
    },
    async (req) =>
      readIndicators(
        app.db,
        await requireBoard(app.db, req.params),
        req.query.year ? { year: req.query.year } : {},
      ),
  )

  app.get(
    `${BASE}/indicators/:indicator`,
    {
      schema: {
        tags: ['Indikatorer'],
        summary: 'En indikator med utfall per år och nedbrytning, och mål',
        params: BoardParams.extend({ indicator: Key }),
        response: { 200: IndicatorView, ...errors },
      },
    },
    async (req) => {
      const [indicator] = await readIndicators(app.db, await requireBoard(app.db, req.params), {
        key: req.params.indicator,
      })
      if (!indicator) throw notFound(`Indikatorn "${req.params.indicator}"`)
      return indicator
    },
  )

  app.get(
    `${BASE}/assignments`,
    {
      schema: {
        tags: ['Uppdrag'],
        summary: 'Nämndens uppdrag med aktuell status och antal per status',
        params: BoardParams,
        querystring: YearQuery.extend({
          status: AssignmentStatus.optional(),
          kind: AssignmentKind.optional(),
        }),
        response: { 200: AssignmentList, ...errors },
      },
    },
    async (req) => readAssignments(app.db, await requireBoard(app.db, req.params), req.query),
  )

  app.get(
    `${BASE}/activities`,
    {
      schema: {
        tags: ['Aktiviteter'],
        summary: 'Aktiviteter under nämndens mål',
        params: BoardParams,
        querystring: YearQuery,
        response: { 200: z.array(ActivityView), ...errors },
      },
    },
    async (req) => listActivities(app.db, await requireBoard(app.db, req.params), req.query.year ?? null),
  )
}
