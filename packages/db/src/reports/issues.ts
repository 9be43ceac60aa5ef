/**
 * Issued documents: the exact bytes that went out, kept as an official record. A row is only ever
 * added — the database refuses to change or remove one (migration 006) — and its SHA-256 is
 * computed here from the bytes stored, so the hash always describes what is kept.
 */
import { createHash } from 'node:crypto'
import type { IssuedReport, ReportFinding, ReportFormat } from '@arshjul/domain'
import { type Actor, appendAudit } from '../cycle/audit.ts'
import type { Queryable } from '../database.ts'

export interface NewReportIssue {
  municipalityId: string
  followUp: { id: string; key: string }
  /** The document's title, for the audit trail ("Verksamhetsberättelse 2024"). */
  title: string
  format: ReportFormat
  bytes: Uint8Array
  /** The snapshot's hash when the document was made from a decided follow-up's frozen data. */
  basisSha256: string | null
  /** Everything the validator found when the document was made. */
  findings: readonly ReportFinding[]
  /** The controller's signed reason to issue despite errors; null when there were none. */
  exceptionReason: string | null
  actor: Actor
}

const formatWords: Record<ReportFormat, string> = { pdf: 'PDF', docx: 'DOCX', xlsx: 'XLSX', html: 'HTML' }

const COLUMNS = `id, format, sha256, octet_length(bytes) AS size,
  to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS issued_at,
  issued_by_name, exception_reason, basis_sha256,
  (SELECT count(*) FROM jsonb_array_elements(findings) f WHERE f->>'severity' = 'error')::int AS error_count`

interface IssueRow {
  id: string
  format: ReportFormat
  sha256: string
  size: number
  issued_at: string
  issued_by_name: string
  exception_reason: string | null
  basis_sha256: string | null
  error_count: number
}

const toIssued = (row: IssueRow): IssuedReport => ({
  id: row.id,
  format: row.format,
  sha256: row.sha256,
  size: Number(row.size),
  issuedAt: row.issued_at,
  issuedBy: row.issued_by_name,
  exception: row.exception_reason,
  errorCount: Number(row.error_count),
  fromDecided: row.basis_sha256 !== null,
  basisSha256: row.basis_sha256,
})

/** Bytes as both engines hand them over (PGlite: Uint8Array, postgres.js: Buffer), as a plain Uint8Array. */
const plainBytes = (value: Uint8Array) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength)

/**
 * Keep an issued document, with its audit entry, in the caller's transaction. The hash is of the
 * bytes given; the caller decides whether errors may be issued (the exception reason says why).
 */
export async function issueReport(tx: Queryable, issue: NewReportIssue): Promise<IssuedReport> {
  const sha256 = createHash('sha256').update(issue.bytes).digest('hex')
  const [row] = await tx.query<IssueRow>(
    `INSERT INTO report_issues (municipality_id, follow_up_id, format, sha256, bytes, basis_sha256, findings,
       exception_reason, issued_by, issued_by_name)
     VALUES ($1, $2, $3, $4, $5::bytea, $6, $7::text::jsonb, $8, $9, $10)
     RETURNING ${COLUMNS}`,
    [
      issue.municipalityId,
      issue.followUp.id,
      issue.format,
      sha256,
      Buffer.from(issue.bytes.buffer, issue.bytes.byteOffset, issue.bytes.byteLength),
      issue.basisSha256,
      JSON.stringify(issue.findings),
      issue.exceptionReason,
      issue.actor.id,
      issue.actor.name,
    ],
  )
  if (!row) throw new Error('report_issues: the insert returned no row')
  const issued = toIssued(row)
  await appendAudit(tx, {
    chain: issue.municipalityId,
    actor: issue.actor,
    action: 'report.issue',
    entityKind: 'report-issue',
    entityId: issued.id,
    summary: `Utfärdade ${issue.title} som ${formatWords[issue.format]} (sha256 ${sha256.slice(0, 12)}…)${
      issue.exceptionReason ? ' med undantag' : ''
    }`,
    before: null,
    after: {
      followUp: issue.followUp.key,
      format: issue.format,
      sha256,
      size: issued.size,
      basisSha256: issue.basisSha256,
      errorCount: issued.errorCount,
      exceptionReason: issue.exceptionReason,
    },
  })
  return issued
}

/** The follow-up's issued documents, newest first. */
export async function listReportIssues(db: Queryable, followUpId: string): Promise<IssuedReport[]> {
  const rows = await db.query<IssueRow>(
    `SELECT ${COLUMNS} FROM report_issues WHERE follow_up_id = $1 ORDER BY issued_at DESC, id`,
    [followUpId],
  )
  return rows.map(toIssued)
}

/** One issued document of the follow-up with its bytes exactly as issued, or null. */
export async function readReportIssue(
  db: Queryable,
  followUpId: string,
  id: string,
): Promise<(IssuedReport & { bytes: Uint8Array }) | null> {
  const [row] = await db.query<IssueRow & { bytes: Uint8Array }>(
    `SELECT ${COLUMNS}, bytes FROM report_issues WHERE follow_up_id = $1 AND id = $2`,
    [followUpId, id],
  )
  return row ? { ...toIssued(row), bytes: plainBytes(row.bytes) } : null
}
