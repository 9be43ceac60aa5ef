import {
  appendAudit,
  boardPath,
  mapCostCentre,
  readAccountGroups,
  readActivities,
  readCostCentres,
  readEconomyComment,
  readFrames,
  readInvestments,
  readOperating,
  readOperatingDrill,
  readReorganisations,
  recordReorganisation,
  saveEconomyComment,
  saveFrameList,
  unitPath,
  writeAccountGroups,
} from '@arshjul/db'
import {
  AccountGroup,
  ActivityEconomyView,
  ApiError,
  AppError,
  type CommentSubject,
  CommentSubjectParam,
  CostCentreView,
  checkAccountGroups,
  EconomyCommentConflict,
  EconomyCommentView,
  FramesView,
  ImportKind,
  ImportPreview,
  ImportResult,
  InvestmentView,
  Key,
  OperatingDrillView,
  OperatingView,
  ReorganisationView,
  SaveEconomyComment,
  SaveFrameList,
  SaveReorganisation,
  Year,
} from '@arshjul/domain'
import {
  commitEconomyImport,
  economyTemplate,
  previewEconomyImport,
  type TemplateName,
  templateNames,
} from '@arshjul/importers'
import { z } from 'zod'
import type { AppInstance } from '../app.ts'
import { mayDo, requireAllowed } from '../policies/guards.ts'
import { actorOf } from './cycle-context.ts'
import {
  BoardParams,
  MunicipalityParams,
  requireBoard,
  requireMunicipality,
  uploadedBytes,
} from './params.ts'

const BASE = '/api/municipalities/:code/boards/:board/economy'
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 423: ApiError }
const MAX_UPLOAD = 200 * 1024 * 1024

const PeriodQuery = z.object({
  year: z.coerce.number().pipe(Year).optional().describe('År, t.ex. 2024'),
  month: z.coerce
    .number()
    .int()
    .min(1)
    .max(12)
    .optional()
    .describe('Perioden till och med månad 1–12; 12 = helår'),
  followUp: Key.optional().describe('Uppföljningen vars prognos visas'),
  structure: z
    .enum(['reported', 'current'])
    .default('reported')
    .describe('Som rapporterad eller i dagens organisation'),
})

const CommentQuery = z.object({
  followUp: Key,
  kind: CommentSubjectParam.shape.kind,
  key: z.string().max(120).default(''),
})

const ImportQuery = z.object({
  kind: ImportKind,
  year: z.coerce.number().pipe(Year),
  fileName: z.string().trim().min(1).max(255),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  activityDimension: z.coerce
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .describe('SIE: dimensionen med SCB:s verksamhetskoder'),
  acceptNewCostCentres: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
})

function subjectOf(q: z.infer<typeof CommentQuery>): CommentSubject {
  switch (q.kind) {
    case 'cost-centre':
      return { kind: 'cost-centre', code: q.key }
    case 'investment':
      return { kind: 'investment', key: q.key }
    default:
      return { kind: q.kind }
  }
}

/** Economy: operating table, drill-down, activities, investments, frames, comments, imports, templates. */
export function economyRoutes(app: AppInstance): void {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD },
    (_request, body, done) => done(null, body),
  )

  app.get(
    `${BASE}/operating`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Driftredovisning per ansvar: budget, utfall, prognos, avvikelse, summor och resultat',
        params: BoardParams,
        querystring: PeriodQuery,
        response: { 200: OperatingView, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      const q = request.query
      return readOperating(app.db, board, {
        year: q.year,
        throughMonth: q.month,
        followUp: q.followUp,
        structure: q.structure,
      })
    },
  )

  app.get(
    `${BASE}/operating/:costCentre`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Ett ansvars belopp per kontogrupp och månad',
        params: BoardParams.extend({ costCentre: z.string().min(1).max(20) }),
        querystring: PeriodQuery,
        response: { 200: OperatingDrillView, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      return readOperatingDrill(app.db, board, request.params.costCentre, {
        year: request.query.year,
        throughMonth: request.query.month,
      })
    },
  )

  app.get(
    `${BASE}/activities`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Nettokostnader per verksamhet (SCB:s verksamhetskoder)',
        params: BoardParams,
        querystring: PeriodQuery,
        response: { 200: ActivityEconomyView, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      return readActivities(app.db, board, { year: request.query.year, throughMonth: request.query.month })
    },
  )

  app.get(
    `${BASE}/investments`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Investeringsredovisning per projekt; exploatering redovisas för sig',
        params: BoardParams,
        querystring: PeriodQuery,
        response: { 200: InvestmentView, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      return readInvestments(app.db, board, { year: request.query.year, followUp: request.query.followUp })
    },
  )

  app.get(
    `${BASE}/frames`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Ramförändringar och fördelning av anslag',
        params: BoardParams,
        querystring: PeriodQuery,
        response: { 200: FramesView, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      return readFrames(app.db, board, { year: request.query.year })
    },
  )

  /** Who may write a comment: the unit's reporters for a cost centre, the board's controllers otherwise. */
  const commentPath = async (board: Awaited<ReturnType<typeof requireBoard>>, subject: CommentSubject) => {
    if (subject.kind === 'cost-centre') {
      const centre = (await readCostCentres(app.db, board.municipality.id)).get(subject.code)
      if (centre?.orgUnitId)
        return { action: 'report' as const, path: await unitPath(app.db, centre.orgUnitId) }
    }
    return { action: 'manage-cycle' as const, path: await boardPath(app.db, board.id) }
  }

  app.get(
    `${BASE}/comments`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary:
          'Kommentar till avvikelser för ett ansvar, ett projekt eller nämnden, med förslag från siffrorna',
        params: BoardParams,
        querystring: CommentQuery,
        response: { 200: EconomyCommentView, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      const subject = subjectOf(request.query)
      const { action, path } = await commentPath(board, subject)
      return readEconomyComment(
        app.db,
        board,
        request.query.followUp,
        subject,
        await mayDo(app.db, request, action, path),
      )
    },
  )

  app.put(
    `${BASE}/comments`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Spara kommentaren; en inaktuell version ger 409 med den aktuella texten',
        params: BoardParams,
        querystring: CommentQuery,
        body: SaveEconomyComment,
        response: { 200: EconomyCommentView, ...errors, 409: EconomyCommentConflict },
      },
    },
    async (request, reply) => {
      const board = await requireBoard(app.db, request.params)
      const subject = subjectOf(request.query)
      const { action, path } = await commentPath(board, subject)
      const userId = await requireAllowed(app.db, request, action, path)
      const actor = await actorOf(app.db, userId)
      const result = await app.db.transaction((tx) =>
        saveEconomyComment(tx, board, request.query.followUp, subject, {
          text: request.body.text,
          version: request.body.version,
          actor,
        }),
      )
      const current = await readEconomyComment(app.db, board, request.query.followUp, subject, true)
      if (result.outcome === 'conflict') {
        return reply.status(409).send({
          error: {
            code: 'CONFLICT' as const,
            message: 'Någon annan har ändrat kommentaren sedan du öppnade den. Ingenting skrevs över.',
          },
          current,
        })
      }
      return current
    },
  )

  app.get(
    `${BASE}/templates/:template`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Mall för budget, prognos och investeringar (CSV eller Excel) med nämndens ansvar',
        params: BoardParams.extend({ template: z.enum(templateNames) }),
        querystring: PeriodQuery,
      },
    },
    async (request, reply) => {
      const board = await requireBoard(app.db, request.params)
      const year = request.query.year ?? new Date().getFullYear()
      const file = await economyTemplate(app.db, board, request.params.template as TemplateName, year)
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body)
    },
  )

  app.post(
    `${BASE}/imports/preview`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Förhandsgranska en import (SIE 4, CSV eller Excel): vad som ändras; ingenting sparas',
        params: BoardParams,
        querystring: ImportQuery,
        response: { 200: ImportPreview, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id))
      const q = request.query
      return previewEconomyImport(app.db, {
        kind: q.kind,
        year: q.year,
        fileName: q.fileName,
        bytes: uploadedBytes(request),
        municipality: board.municipality,
        board,
        activityDimension: q.activityDimension,
      })
    },
  )

  app.post(
    `${BASE}/imports`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Importera filen, allt eller inget; ersätter en tidigare import av samma slag',
        params: BoardParams,
        querystring: ImportQuery,
        response: { 200: ImportResult, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id))
      const q = request.query
      return commitEconomyImport(app.db, {
        kind: q.kind,
        year: q.year,
        fileName: q.fileName,
        bytes: uploadedBytes(request),
        municipality: board.municipality,
        board,
        activityDimension: q.activityDimension,
        expectedSha256: q.sha256,
        acceptNewCostCentres: q.acceptNewCostCentres,
        actor: await actorOf(app.db, userId),
      })
    },
  )

  app.put(
    `${BASE}/frames/:list`,
    {
      schema: {
        tags: ['Ekonomi'],
        summary:
          'Spara en lista med ramförändringar (eller fördelning av ett anslag); ersätter listan med samma nyckel',
        params: BoardParams.extend({ list: Key }),
        body: SaveFrameList,
        response: { 200: FramesView, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id))
      const actor = await actorOf(app.db, userId)
      const { year, kind, title, items } = request.body
      await app.db.transaction((tx) =>
        saveFrameList(
          tx,
          board,
          {
            key: request.params.list,
            year,
            kind,
            title,
            items: items.map((i) => ({ label: i.label, amountOre: i.amount, costCentre: i.costCentre })),
          },
          actor,
        ),
      )
      return readFrames(app.db, board, { year })
    },
  )

  app.get(
    '/api/municipalities/:code/economy/reorganisations',
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Registrerade omorganisationer: vilka ansvar som blev vilka, med andelar',
        params: MunicipalityParams,
        response: { 200: z.array(ReorganisationView), ...errors },
      },
    },
    async (request) => {
      const m = await requireMunicipality(app.db, request.params.code)
      const [reorgs, descriptions] = await Promise.all([
        readReorganisations(app.db, m.id),
        app.db.query<{ key: string; description: string }>(
          'SELECT key, description FROM reorganisations WHERE municipality_id = $1',
          [m.id],
        ),
      ])
      const text = new Map(descriptions.map((d) => [d.key, d.description]))
      return reorgs.map((r) => ({ ...r, description: text.get(r.key) ?? '' }))
    },
  )

  app.post(
    '/api/municipalities/:code/economy/reorganisations',
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Registrera en omorganisation (ansvar A och B blev C, med andelar vid delning)',
        params: MunicipalityParams,
        body: SaveReorganisation,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (request) => {
      const m = await requireMunicipality(app.db, request.params.code)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', [m.id])
      const actor = await actorOf(app.db, userId)
      await app.db.transaction((tx) => recordReorganisation(tx, m.id, request.body, actor))
      return { ok: true as const }
    },
  )

  app.get(
    '/api/municipalities/:code/economy/account-groups',
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Kontogrupperna och vilka konton som hör till dem (Kommun-Bas som standard)',
        params: MunicipalityParams,
        response: { 200: z.array(AccountGroup), ...errors },
      },
    },
    async (request) => readAccountGroups(app.db, (await requireMunicipality(app.db, request.params.code)).id),
  )

  app.put(
    '/api/municipalities/:code/economy/account-groups',
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Ändra kontogrupperna; överlappande kontointervall avvisas',
        params: MunicipalityParams,
        body: z.array(AccountGroup).min(1),
        response: { 200: z.array(AccountGroup), ...errors },
      },
    },
    async (request) => {
      const m = await requireMunicipality(app.db, request.params.code)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', [m.id])
      const problems = checkAccountGroups(request.body)
      if (problems.length > 0) {
        throw new AppError('VALIDATION', {
          userMessage: 'Kontogrupperna kan inte sparas.',
          details: problems.map((message) => ({ path: 'kontogrupper', message })),
        })
      }
      const actor = await actorOf(app.db, userId)
      await app.db.transaction(async (tx) => {
        const before = await readAccountGroups(tx, m.id)
        await writeAccountGroups(tx, m.id, request.body)
        await appendAudit(tx, {
          chain: m.id,
          actor,
          action: 'economy.account-groups',
          entityKind: 'municipality',
          entityId: m.id,
          summary: 'Ändrade kontogrupperna',
          before,
          after: request.body,
        })
      })
      return readAccountGroups(app.db, m.id)
    },
  )

  app.get(
    '/api/municipalities/:code/economy/cost-centres',
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Kommunens ansvar och vilken enhet varje ansvar hör till',
        params: MunicipalityParams,
        response: { 200: z.array(CostCentreView), ...errors },
      },
    },
    async (request) => {
      const m = await requireMunicipality(app.db, request.params.code)
      const centres = await readCostCentres(app.db, m.id)
      return [...centres.values()].map((c) => ({
        code: c.code,
        name: c.name,
        unit: c.unitKey && c.unitName ? { key: c.unitKey, name: c.unitName } : null,
      }))
    },
  )

  app.put(
    '/api/municipalities/:code/economy/cost-centres/:costCentre',
    {
      schema: {
        tags: ['Ekonomi'],
        summary: 'Koppla ett ansvar till en enhet (eller ta bort kopplingen)',
        params: MunicipalityParams.extend({ costCentre: z.string().min(1).max(20) }),
        body: z.object({ unit: Key.nullable() }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (request) => {
      const m = await requireMunicipality(app.db, request.params.code)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', [m.id])
      const actor = await actorOf(app.db, userId)
      await app.db.transaction((tx) =>
        mapCostCentre(tx, m.id, request.params.costCentre, request.body.unit, actor),
      )
      return { ok: true as const }
    },
  )
}
