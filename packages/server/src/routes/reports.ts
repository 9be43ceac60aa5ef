import {
  type BoardContext,
  boardPath,
  type FollowUpCycle,
  issueReport,
  listReportIssues,
  readReportIssue,
  saveReportTemplate,
} from '@arshjul/db'
import {
  ApiError,
  AppError,
  defaultReportTemplates,
  FollowUpStatus,
  IssuedReport,
  IssuedReportList,
  IssueReportRequest,
  ReportCheck,
  type ReportFinding,
  type ReportFormat,
  ReportFormat as ReportFormatSchema,
  ReportKind,
  ReportTemplates,
  reportKindLabels,
  reportSectionIds,
  reportSectionLabels,
  SaveReportTemplate,
} from '@arshjul/domain'
import {
  blocking,
  buildDocument,
  checkTemplate,
  generateCompilation,
  generateReport,
  loadReportData,
  mediaTypes,
  TemplateError,
  VerificationError,
  validateDocument,
} from '@arshjul/reports'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppInstance } from '../app.ts'
import { notFound } from '../errors.ts'
import { mayDo, requireAllowed } from '../policies/guards.ts'
import { actorOf, FollowUpParams, followUpPath, requireFollowUp } from './cycle-context.ts'
import { MunicipalityParams, requireMunicipality } from './params.ts'

const REPORT = '/api/municipalities/:code/boards/:board/follow-ups/:followUp/report'
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 429: ApiError }
/** Generating a document takes a second or two of CPU: per client address and route. */
const GENERATION_LIMIT = { max: 60, timeWindow: '1 minute' }

const ReportQuery = z.object({
  format: ReportFormatSchema.default('pdf').describe('pdf, docx, xlsx eller html'),
  preview: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: HTML visas i webbläsaren i stället för att laddas ned'),
})

/**
 * A report served from the server's own origin is a document, not part of the app: no scripts, no
 * requests anywhere, nothing it can frame or submit (the HTML renderer uses inline styles and SVG).
 */
const DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"

/** A refused template, or a refused issue, as the API's error with each problem and where it is. */
function asAppError(error: unknown): unknown {
  if (error instanceof TemplateError) {
    return new AppError('VALIDATION', {
      userMessage: 'Dokumentet kan inte skapas: kommunens dokumentmall har fel.',
      details: error.problems.map((p) => ({ path: p.path, message: p.message })),
    })
  }
  if (error instanceof VerificationError) return refusal(error.findings)
  return error
}

async function generating<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw asAppError(error)
  }
}

function refusal(errorFindings: readonly ReportFinding[]): AppError {
  const n = errorFindings.length
  return new AppError('VALIDATION', {
    userMessage: `Dokumentet kan inte utfärdas: ${n} ${n === 1 ? 'kontroll' : 'kontroller'} misslyckades. Rätta uppgifterna, eller ange skäl till undantag.`,
    details: [
      ...errorFindings.map((f) => ({ path: f.where, message: f.message })),
      {
        path: 'exception',
        message: 'Ange skäl till undantag (minst 10 tecken) för att utfärda dokumentet trots felen.',
      },
    ],
  })
}

function sendDocument(
  reply: FastifyReply,
  file: { bytes: Uint8Array; format: ReportFormat; fileName: string; errorCount: number; inline: boolean },
) {
  const disposition = file.inline ? 'inline' : 'attachment'
  reply
    .type(mediaTypes[file.format])
    .header('content-disposition', `${disposition}; filename="${file.fileName}"`)
    .header('x-report-errors', String(file.errorCount))
    .header('cache-control', 'no-store')
  if (file.format === 'html') reply.header('content-security-policy', DOCUMENT_CSP)
  return reply.send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength))
}

/**
 * A follow-up's document: generated from the data (a decided follow-up's from its frozen snapshot),
 * checked before it is issued, and issued as the exact bytes kept for the record.
 */
export function reportRoutes(app: AppInstance): void {
  /**
   * A decided follow-up is an official record, public like its overview; before the decision its
   * document is a working paper for those who may read the follow-up's part of the organisation.
   */
  const requireReadable = async (
    request: FastifyRequest,
    params: z.infer<typeof FollowUpParams>,
  ): Promise<{ board: BoardContext; cycle: FollowUpCycle }> => {
    const found = await requireFollowUp(app.db, params)
    if (found.cycle.view.status !== 'decided')
      await requireAllowed(app.db, request, 'read', followUpPath(found.cycle))
    return found
  }

  const target = (params: z.infer<typeof FollowUpParams>) => ({
    municipality: params.code,
    board: params.board,
    followUp: params.followUp,
  })

  app.get(
    REPORT,
    {
      config: { rateLimit: GENERATION_LIMIT },
      schema: {
        tags: ['Dokument'],
        summary:
          'Uppföljningens dokument som PDF, DOCX, XLSX eller HTML; X-Report-Errors anger antalet fel kontrollen hittade',
        params: FollowUpParams,
        querystring: ReportQuery,
      },
    },
    async (request, reply) => {
      await requireReadable(request, request.params)
      const { format, preview } = request.query
      const report = await generating(() =>
        generateReport(app.db, target(request.params), format, { allowErrors: true }),
      )
      return sendDocument(reply, {
        bytes: report.bytes,
        format,
        fileName: report.fileName,
        errorCount: blocking(report.findings).length,
        inline: preview && format === 'html',
      })
    },
  )

  app.get(
    '/api/municipalities/:code/report-templates',
    {
      schema: {
        tags: ['Dokument'],
        summary: 'Kommunens dokumentmallar per slag av dokument, och vilka avsnitt en mall kan ha',
        params: MunicipalityParams,
        response: { 200: ReportTemplates, ...errors },
      },
    },
    async (request) => {
      const municipality = await requireMunicipality(app.db, request.params.code)
      const own = municipality.settings.reportTemplates
      return {
        templates: ReportKind.options.map((kind) => ({
          kind,
          label: reportKindLabels[kind],
          template: own[kind] ?? defaultReportTemplates[kind],
          custom: own[kind] !== undefined,
        })),
        sections: reportSectionIds.map((id) => ({ id, label: reportSectionLabels[id] ?? id })),
      }
    },
  )

  app.put(
    '/api/municipalities/:code/report-templates/:kind',
    {
      schema: {
        tags: ['Dokument'],
        summary: 'Ändra kommunens mall för ett slag av dokument (null: tillbaka till standardmallen)',
        params: MunicipalityParams.extend({ kind: ReportKind }),
        body: SaveReportTemplate,
        response: { 200: ReportTemplates.shape.templates.element, ...errors },
      },
    },
    async (request) => {
      const municipality = await requireMunicipality(app.db, request.params.code)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', [municipality.id])
      const { template } = request.body
      if (template) {
        try {
          checkTemplate(template)
        } catch (error) {
          throw asAppError(error)
        }
      }
      const actor = await actorOf(app.db, userId)
      await app.db.transaction((tx) =>
        saveReportTemplate(tx, municipality, request.params.kind, template, actor),
      )
      const kind = request.params.kind
      return {
        kind,
        label: reportKindLabels[kind],
        template: template ?? defaultReportTemplates[kind],
        custom: template !== null,
      }
    },
  )

  app.get(
    '/api/municipalities/:code/reports/compilation',
    {
      config: { rateLimit: GENERATION_LIMIT },
      schema: {
        tags: ['Dokument'],
        summary:
          'Kommunens sammanställning av nämndernas verksamhetsberättelser för ett år; allmänheten får de beslutade',
        params: z.object({ code: z.string().regex(/^\d{4}$/) }),
        querystring: ReportQuery.extend({ year: z.coerce.number().int().min(1990).max(2100) }),
      },
    },
    async (request, reply) => {
      const municipality = await requireMunicipality(app.db, request.params.code)
      // Inside the municipality the reports in progress come along; outside, only decided ones.
      const insider = await mayDo(app.db, request, 'read', [municipality.id])
      const { format, preview, year } = request.query
      const report = await generating(() =>
        generateCompilation(app.db, request.params.code, year, format, {
          allowErrors: true,
          decidedOnly: !insider,
        }),
      )
      return sendDocument(reply, {
        bytes: report.bytes,
        format,
        fileName: report.fileName,
        errorCount: blocking(report.findings).length,
        inline: preview && format === 'html',
      })
    },
  )

  app.get(
    `${REPORT}/check`,
    {
      config: { rateLimit: GENERATION_LIMIT },
      schema: {
        tags: ['Dokument'],
        summary:
          'Kontroll före utfärdande: summor, avvikelser, siffror och antal kontrolleras; fel hindrar utfärdande',
        params: FollowUpParams,
        response: { 200: ReportCheck, ...errors },
      },
    },
    async (request) => {
      const { board } = await requireReadable(request, request.params)
      const p = request.params
      const document = await generating(async () =>
        buildDocument(await loadReportData(app.db, p.code, p.board, p.followUp)),
      )
      const findings = validateDocument(document)
      return {
        document: {
          title: document.title,
          board: document.board,
          municipality: document.municipality,
          kind: document.kind,
          year: document.year,
          followUp: {
            key: document.followUp.key,
            status: FollowUpStatus.parse(document.followUp.status),
            decisionRef: document.followUp.decisionRef,
            decidedOn: document.followUp.decidedOn,
          },
          basis: document.basis,
        },
        findings,
        canIssue: blocking(findings).length === 0,
        mayIssue: await mayDo(app.db, request, 'manage-cycle', await boardPath(app.db, board.id)),
      }
    },
  )

  app.post(
    `${REPORT}/issues`,
    {
      config: { rateLimit: GENERATION_LIMIT },
      schema: {
        tags: ['Dokument'],
        summary:
          'Utfärda dokumentet: de exakta byten sparas med sin SHA-256 och går inte att ändra. Fel kräver skäl till undantag.',
        params: FollowUpParams,
        body: IssueReportRequest,
        response: { 201: IssuedReport, ...errors },
      },
    },
    async (request, reply) => {
      const { board, cycle } = await requireFollowUp(app.db, request.params)
      const userId = await requireAllowed(app.db, request, 'manage-cycle', await boardPath(app.db, board.id))
      const actor = await actorOf(app.db, userId)
      const { format, exception } = request.body
      const report = await generating(() =>
        generateReport(app.db, target(request.params), format, { allowErrors: true }),
      )
      const errorFindings = blocking(report.findings)
      if (errorFindings.length > 0 && !exception) throw refusal(errorFindings)
      const basis = report.document.basis
      const issued = await app.db.transaction((tx) =>
        issueReport(tx, {
          municipalityId: board.municipality.id,
          followUp: { id: cycle.id, key: cycle.view.key },
          title: report.document.title,
          format,
          bytes: report.bytes,
          basisSha256: basis.kind === 'snapshot' ? basis.sha256 : null,
          findings: report.findings,
          // The reason is kept only where it excuses something.
          exceptionReason: errorFindings.length > 0 ? (exception ?? null) : null,
          actor,
        }),
      )
      request.log.info(
        { followUp: cycle.view.key, format, sha256: issued.sha256, by: actor.id },
        'report issued',
      )
      return reply.status(201).send(issued)
    },
  )

  app.get(
    `${REPORT}/issues`,
    {
      schema: {
        tags: ['Dokument'],
        summary: 'Utfärdade versioner av dokumentet, senaste först',
        params: FollowUpParams,
        response: { 200: IssuedReportList, ...errors },
      },
    },
    async (request) => {
      const { cycle } = await requireReadable(request, request.params)
      return listReportIssues(app.db, cycle.id)
    },
  )

  app.get(
    `${REPORT}/issues/:id`,
    {
      schema: {
        tags: ['Dokument'],
        summary: 'Ett utfärdat dokument, byte för byte som det utfärdades',
        params: FollowUpParams.extend({ id: z.guid() }),
        querystring: z.object({ preview: ReportQuery.shape.preview }),
      },
    },
    async (request, reply) => {
      const { cycle } = await requireReadable(request, request.params)
      const issued = await readReportIssue(app.db, cycle.id, request.params.id)
      if (!issued) throw notFound('Det utfärdade dokumentet')
      return sendDocument(reply, {
        bytes: issued.bytes,
        format: issued.format,
        fileName: `${cycle.view.key}-utfardad-${issued.issuedAt.slice(0, 10)}-${issued.sha256.slice(0, 8)}.${issued.format}`,
        errorCount: issued.errorCount,
        inline: request.query.preview && issued.format === 'html',
      })
    },
  )
}
