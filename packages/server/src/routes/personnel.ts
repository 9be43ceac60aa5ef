import {
  boardPath,
  personnelScopes,
  readInternalControl,
  readPersonnel,
  resolvePersonnelScope,
  saveControl,
  saveControlAssessment,
  saveControlFollowUp,
  saveRisk,
  unitPath,
} from '@arshjul/db'
import {
  ApiError,
  AppError,
  InternalControlView,
  Key,
  PersonnelImportPreview,
  PersonnelImportResult,
  PersonnelScopes,
  PersonnelView,
  type ResourcePath,
  SaveControl,
  SaveControlAssessment,
  SaveControlFollowUp,
  SaveRisk,
  Year,
} from '@arshjul/domain'
import { commitPersonnelImport, personnelTemplate, previewPersonnelImport } from '@arshjul/importers'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppInstance } from '../app.ts'
import { mayDo, requireAllowed } from '../policies/guards.ts'
import { actorOf } from './cycle-context.ts'
import { BoardParams, MunicipalityParams, requireBoard } from './params.ts'

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 423: ApiError }
const IC = '/api/municipalities/:code/boards/:board/internal-control'
const Saved = z.object({ version: z.number().int() })
const conflict = () =>
  new AppError('CONFLICT', {
    userMessage:
      'Någon annan har ändrat detta sedan du öppnade det. Ladda om och gör ändringen igen; ingenting skrevs över.',
  })

/** Personnel figures (with the protection of small groups) and internal control. */
export function personnelRoutes(app: AppInstance): void {
  const requireMunicipality = async (code: string) => {
    const [m] = await app.db.query<{ id: string }>('SELECT id FROM municipalities WHERE code = $1', [code])
    if (!m) throw new AppError('NOT_FOUND', { userMessage: `Kommun ${code} finns inte.` })
    return m.id
  }

  /** Where a personnel scope sits, for "inside the administration": a grant there or above sees all. */
  const pathOf = async (municipalityId: string, kind: string, id: string): Promise<ResourcePath> => {
    if (kind === 'org-unit') return unitPath(app.db, id)
    if (kind === 'administration') {
      const [a] = await app.db.query<{ board_id: string }>(
        'SELECT board_id FROM administrations WHERE id = $1',
        [id],
      )
      return a ? [municipalityId, a.board_id, id] : []
    }
    return [municipalityId]
  }

  app.get(
    '/api/municipalities/:code/personnel',
    {
      schema: {
        tags: ['Personal'],
        summary: 'Enheter, förvaltningar och kommunen som har personalnyckeltal',
        params: MunicipalityParams,
        response: { 200: PersonnelScopes, ...errors },
      },
    },
    async (request) => personnelScopes(app.db, await requireMunicipality(request.params.code)),
  )

  const ImportQuery = z.object({
    kind: z.enum(['csv', 'xlsx']),
    year: z.coerce.number().pipe(Year),
    fileName: z.string().trim().min(1).max(255),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  const bytesOf = (request: FastifyRequest): Uint8Array => {
    if (!(request.body instanceof Buffer)) {
      throw new AppError('VALIDATION', { userMessage: 'Skicka filen som application/octet-stream.' })
    }
    return new Uint8Array(request.body.buffer, request.body.byteOffset, request.body.byteLength)
  }

  app.get(
    '/api/municipalities/:code/personnel/template.:format',
    {
      schema: {
        tags: ['Personal'],
        summary:
          'Mall för personalnyckeltal (CSV eller Excel), ifylld med kommunens förvaltningar och enheter',
        params: MunicipalityParams.extend({ format: z.enum(['csv', 'xlsx']) }),
        querystring: z.object({ year: z.coerce.number().pipe(Year).optional() }),
      },
    },
    async (request, reply) => {
      const municipalityId = await requireMunicipality(request.params.code)
      const year = request.query.year ?? new Date().getFullYear()
      const file = await personnelTemplate(app.db, municipalityId, request.params.format, year)
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body)
    },
  )

  app.post(
    '/api/municipalities/:code/personnel/imports/preview',
    {
      schema: {
        tags: ['Personal'],
        summary: 'Förhandsgranska en HR-fil: vilka enheter och mått den innehåller; ingenting sparas',
        params: MunicipalityParams,
        querystring: ImportQuery,
        response: { 200: PersonnelImportPreview, ...errors },
      },
    },
    async (request) => {
      const municipalityId = await requireMunicipality(request.params.code)
      await requireAllowed(app.db, request, 'manage-cycle', [municipalityId])
      const q = request.query
      return previewPersonnelImport(app.db, {
        format: q.kind,
        year: q.year,
        fileName: q.fileName,
        bytes: bytesOf(request),
        municipalityId,
      })
    },
  )

  app.post(
    '/api/municipalities/:code/personnel/imports',
    {
      schema: {
        tags: ['Personal'],
        summary: 'Importera HR-filen, allt eller inget; ersätter årets tidigare HR-fil',
        params: MunicipalityParams,
        querystring: ImportQuery,
        response: { 200: PersonnelImportResult, ...errors },
      },
    },
    async (request) => {
      const municipalityId = await requireMunicipality(request.params.code)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', [municipalityId])
      const q = request.query
      return commitPersonnelImport(app.db, {
        format: q.kind,
        year: q.year,
        fileName: q.fileName,
        bytes: bytesOf(request),
        municipalityId,
        expectedSha256: q.sha256,
        actor: await actorOf(app.db, userId),
      })
    },
  )

  app.get(
    '/api/municipalities/:code/personnel/:scope',
    {
      schema: {
        tags: ['Personal'],
        summary:
          'Personalnyckeltal per mått, indelning och år. Utanför förvaltningen döljs grupper under 10 personer och celler som skulle avslöja dem.',
        params: MunicipalityParams.extend({ scope: z.string().min(1).max(120) }),
        response: { 200: PersonnelView, ...errors },
      },
    },
    async (request) => {
      const municipalityId = await requireMunicipality(request.params.code)
      const scope = await resolvePersonnelScope(app.db, municipalityId, request.params.scope)
      if (!scope)
        throw new AppError('NOT_FOUND', { userMessage: `Enheten "${request.params.scope}" finns inte.` })
      const insider = await mayDo(app.db, request, 'read', await pathOf(municipalityId, scope.kind, scope.id))
      return readPersonnel(app.db, municipalityId, { ...scope, key: request.params.scope }, insider)
    },
  )

  app.get(
    IC,
    {
      schema: {
        tags: ['Intern kontroll'],
        summary:
          'Riskregister med riskmatris, årets kontrollplan, uppföljningen och den sammanfattande bedömningen',
        params: BoardParams,
        querystring: z.object({ year: z.coerce.number().pipe(Year).optional(), followUp: Key.optional() }),
        response: { 200: InternalControlView, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      const editable = await mayDo(app.db, request, 'report', await boardPath(app.db, board.id))
      return readInternalControl(app.db, board, { ...request.query, editable })
    },
  )

  app.put(
    `${IC}/risks/:risk`,
    {
      schema: {
        tags: ['Intern kontroll'],
        summary: 'Registrera eller ändra en risk (sannolikhet × konsekvens)',
        params: BoardParams.extend({ risk: Key }),
        body: SaveRisk,
        response: { 200: Saved, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id))
      const actor = await actorOf(app.db, userId)
      const result = await app.db.transaction((tx) =>
        saveRisk(tx, board, request.params.risk, request.body, actor),
      )
      if (result.outcome === 'conflict') throw conflict()
      return { version: result.version }
    },
  )

  app.put(
    `${IC}/controls/:control`,
    {
      schema: {
        tags: ['Intern kontroll'],
        summary: 'Lägg till eller ändra ett kontrollmoment i årets internkontrollplan',
        params: BoardParams.extend({ control: Key }),
        body: SaveControl,
        response: { 200: Saved, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id))
      const actor = await actorOf(app.db, userId)
      const result = await app.db.transaction((tx) =>
        saveControl(tx, board, request.params.control, request.body, actor),
      )
      if (result.outcome === 'conflict') throw conflict()
      return { version: result.version }
    },
  )

  app.put(
    `${IC}/controls/:control/follow-ups/:followUp`,
    {
      schema: {
        tags: ['Intern kontroll'],
        summary:
          'Följ upp ett kontrollmoment: resultat, bedömning på målens skala, åtgärd, om det återkommer',
        params: BoardParams.extend({ control: Key, followUp: Key }),
        body: SaveControlFollowUp,
        response: { 200: Saved, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      const userId = await requireAllowed(app.db, request, 'report', await boardPath(app.db, board.id))
      const actor = await actorOf(app.db, userId)
      const result = await app.db.transaction((tx) =>
        saveControlFollowUp(tx, board, request.params.control, request.params.followUp, request.body, actor),
      )
      if (result.outcome === 'conflict') throw conflict()
      return { version: result.version }
    },
  )

  app.put(
    `${IC}/assessments/:followUp`,
    {
      schema: {
        tags: ['Intern kontroll'],
        summary: 'Den sammanfattande bedömningen av den interna kontrollen i en uppföljning',
        params: BoardParams.extend({ followUp: Key }),
        body: SaveControlAssessment,
        response: { 200: Saved, ...errors },
      },
    },
    async (request) => {
      const board = await requireBoard(app.db, request.params)
      const userId = await requireAllowed(app.db, request, 'report', await boardPath(app.db, board.id))
      const actor = await actorOf(app.db, userId)
      const result = await app.db.transaction((tx) =>
        saveControlAssessment(tx, board, request.params.followUp, request.body, actor),
      )
      if (result.outcome === 'conflict') throw conflict()
      return { version: result.version }
    },
  )
}
