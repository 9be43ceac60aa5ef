/** Shapes of the documents API: the check before issuing, issuing, and the issued versions. */
import { z } from 'zod'
import { FollowUpStatus } from './follow-ups.ts'
import { Key } from './municipality.ts'
import { ReportKind, ReportTemplate } from './report-template.ts'

export const ReportFormat = z.enum(['pdf', 'docx', 'xlsx', 'html'])
export type ReportFormat = z.infer<typeof ReportFormat>

/** What each format is called in the user interface. */
export const reportFormatLabels: Record<ReportFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  xlsx: 'Excel (XLSX)',
  html: 'webbsida (HTML)',
}

/** What the validator found: an `error` blocks issuing unless the controller signs an exception. */
export const ReportFinding = z.object({
  severity: z.enum(['error', 'warning', 'note']),
  /** Where: a table, row and column, a section, a figure. */
  where: z.string(),
  message: z.string(),
})
export type ReportFinding = z.infer<typeof ReportFinding>

/** The data a document is made from: the snapshot frozen at the decision, or the live data. */
export const ReportBasis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), sha256: z.string() }),
  z.object({ kind: z.literal('live') }),
])
export type ReportBasis = z.infer<typeof ReportBasis>

/** "Kontroll före utfärdande": the document's identity, what the validator found, what may be done. */
export const ReportCheck = z.object({
  document: z.object({
    title: z.string(),
    board: z.string(),
    municipality: z.string(),
    kind: ReportKind,
    year: z.number().int(),
    followUp: z.object({
      key: Key,
      status: FollowUpStatus,
      decisionRef: z.string().nullable(),
      decidedOn: z.string().nullable(),
    }),
    basis: ReportBasis,
  }),
  /** Errors first, then warnings, then notes. */
  findings: z.array(ReportFinding),
  /** No error findings: the document can be issued without an exception. */
  canIssue: z.boolean(),
  /** Whether the signed-in user may issue the document (a controller or administrator of the board). */
  mayIssue: z.boolean(),
})
export type ReportCheck = z.infer<typeof ReportCheck>

/** Issue a document; `exception` is the controller's signed reason to issue it despite errors. */
export const IssueReportRequest = z.object({
  format: ReportFormat,
  exception: z
    .string()
    .trim()
    .min(10, 'Skälet till undantag behöver vara minst 10 tecken.')
    .max(2000, 'Skälet till undantag får vara högst 2 000 tecken.')
    .optional(),
})
export type IssueReportRequest = z.infer<typeof IssueReportRequest>

/** An issued document, as listed: the bytes themselves are fetched by id. */
export const IssuedReport = z.object({
  id: z.string(),
  format: ReportFormat,
  /** SHA-256 of the exact bytes issued, in hex. */
  sha256: z.string(),
  /** Bytes. */
  size: z.number().int(),
  /** UTC, ISO 8601. */
  issuedAt: z.string(),
  /** The name of who issued it, as it was then. */
  issuedBy: z.string(),
  /** The controller's reason to issue despite errors; null when there were none. */
  exception: z.string().nullable(),
  /** Error findings when issued. */
  errorCount: z.number().int(),
  /** Made from the snapshot frozen at the decision (so it can be made again, byte for byte). */
  fromDecided: z.boolean(),
  basisSha256: z.string().nullable(),
})
export type IssuedReport = z.infer<typeof IssuedReport>

export const IssuedReportList = z.array(IssuedReport)
export type IssuedReportList = z.infer<typeof IssuedReportList>

/** A municipality's template of one kind of document, and what a template may name. */
export const ReportTemplateView = z.object({
  kind: ReportKind,
  label: z.string(),
  template: ReportTemplate,
  /** Whether the municipality has its own template (else the default is shown). */
  custom: z.boolean(),
})
export const ReportTemplates = z.object({
  templates: z.array(ReportTemplateView),
  /** The section ids a template may name, with what each is. */
  sections: z.array(z.object({ id: z.string(), label: z.string() })),
})
export const SaveReportTemplate = z.object({
  /** The template; null goes back to the default. */
  template: ReportTemplate.nullable(),
})
