import {
  type Actor,
  type BoardContext,
  boardPath,
  personnelScopes,
  type Queryable,
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
import {
  BoardParams,
  MunicipalityParams,
  requireBoard,
  requireMunicipality,
  uploadedBytes,
} from './params.ts'

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
  /**
   * A versioned save on the board's internal control: the caller must be allowed `action` on the
   * board; a stale version is a conflict (409) and nothing is written.
   */
  const saveOnBoard = async (
    request: FastifyRequest,
    params: z.infer<typeof BoardParams>,
    action: 'report' | 'manage-cycle',
    save: (
      tx: Queryable,
      board: BoardContext,
      actor: Actor,
    ) => Promise<{ outcome: 'saved'; version: number } | { outcome: 'conflict' }>,
  ) => {
    const board = await requireBoard(app.db, params)
    const userId = await requireAllowed(app.db, request, action, await boardPath(app.db, board.id))
    const actor = await actorOf(app.db, userId)
    const result = await app.db.transaction((tx) => save(tx, board, actor))
    if (result.outcome === 'conflict') throw conflict()
    return { version: result.version }
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
    async (request) => personnelScopes(app.db, (await requireMunicipality(app.db, request.params.code)).id),
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
      const municipalityId = (await requireMunicipality(app.db, request.params.code)).id
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
      const municipalityId = (await requireMunicipality(app.db, request.params.code)).id
      await requireAllowed(app.db, request, 'manage-cycle', [municipalityId])
      const q = request.query
      return previewPersonnelImport(app.db, {
        format: q.kind,
        year: q.year,
        fileName: q.fileName,
        bytes: uploadedBytes(request),
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
      const municipalityId = (await requireMunicipality(app.db, request.params.code)).id
      const userId = await requireAllowed(app.db, request, 'manage-cycle', [municipalityId])
      const q = request.query
      return commitPersonnelImport(app.db, {
        format: q.kind,
        year: q.year,
        fileName: q.fileName,
        bytes: uploadedBytes(request),
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
      const municipalityId = (await requireMunicipality(app.db, request.params.code)).id
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
      const path = await boardPath(app.db, board.id)
      const editable = await mayDo(app.db, request, 'report', path)
      const insider = await mayDo(app.db, request, 'read', path)
      return readInternalControl(app.db, board, { ...request.query, editable, insider })
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
    (request) =>
      saveOnBoard(request, request.params, 'manage-cycle', (tx, board, actor) =>
        saveRisk(tx, board, request.params.risk, request.body, actor),
      ),
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
    (request) =>
      saveOnBoard(request, request.params, 'manage-cycle', (tx, board, actor) =>
        saveControl(tx, board, request.params.control, request.body, actor),
      ),
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
    (request) =>
      saveOnBoard(request, request.params, 'report', (tx, board, actor) =>
        saveControlFollowUp(tx, board, request.params.control, request.params.followUp, request.body, actor),
      ),
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
    (request) =>
      saveOnBoard(request, request.params, 'report', (tx, board, actor) =>
        saveControlAssessment(tx, board, request.params.followUp, request.body, actor),
      ),
  )
}
