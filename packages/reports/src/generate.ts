/**
 * From data to document bytes: load, build, verify, render. Verification comes before rendering
 * and the bytes are only returned whole — a failing identity, a template error, a chart or font
 * error ends in a report of what failed and where, never a half-written file.
 */
import type { Queryable } from '@arshjul/db'
import { buildDocument } from './build/document.ts'
import { buildCompilation } from './compilation.ts'
import { loadReportData, type ReportData } from './data.ts'
import type { Finding, ReportDocument } from './model.ts'
import { renderCharts, WEB_CHART_FONT } from './render/charts.ts'
import { renderDocx } from './render/docx.ts'
import { renderHtml } from './render/html.ts'
import { renderPdf } from './render/pdf.ts'
import { renderXlsx } from './render/xlsx.ts'
import { blocking, validateDocument } from './validate.ts'

export const ReportFormats = ['pdf', 'docx', 'xlsx', 'html'] as const
export type ReportFormat = (typeof ReportFormats)[number]

export const mediaTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
}

export interface GeneratedReport {
  document: ReportDocument
  findings: Finding[]
  format: ReportFormat
  bytes: Uint8Array
  mediaType: string
  fileName: string
  /** Milliseconds per step, for the benchmark. */
  timings: { load: number; build: number; validate: number; render: number; typst?: number }
}

/** Refused to issue: the errors the validator found, each with where and what. */
export class VerificationError extends Error {
  override readonly name = 'VerificationError'
  constructor(readonly findings: Finding[]) {
    super(
      `Dokumentet kan inte utfärdas: ${findings.length} ${findings.length === 1 ? 'kontroll' : 'kontroller'} misslyckades.`,
    )
  }
}

export interface GenerateOptions {
  /**
   * Render even when an identity fails (a preview, or an issue under the controller's signed
   * exception); the findings come with the result either way.
   */
  allowErrors?: boolean
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export function fileNameOf(doc: ReportDocument, format: ReportFormat): string {
  return `${slug(`${doc.board} ${doc.title}`)}.${format}`
}

export async function renderDocument(
  document: ReportDocument,
  format: ReportFormat,
  findings: Finding[],
): Promise<{ bytes: Uint8Array; typst?: number }> {
  if (format === 'xlsx') return { bytes: await renderXlsx(document) }
  const charts = renderCharts(document, format === 'html' ? WEB_CHART_FONT : undefined)
  if (format === 'pdf') {
    const pdf = renderPdf(document, { charts })
    return { bytes: pdf.bytes, typst: pdf.typstMs }
  }
  if (format === 'docx') return { bytes: await renderDocx(document, { charts }) }
  return { bytes: new TextEncoder().encode(renderHtml(document, { charts, findings })) }
}

export async function generateFromData(
  data: ReportData,
  format: ReportFormat,
  options: GenerateOptions = {},
  loadMs = 0,
): Promise<GeneratedReport> {
  const t = performance.now()
  const document = buildDocument(data)
  return finish(document, format, options, { load: loadMs, build: performance.now() - t })
}

/** The municipality-wide compilation of the boards' annual reports, verified like any document. */
export async function generateCompilation(
  db: Queryable,
  municipality: string,
  year: number,
  format: ReportFormat,
  options: GenerateOptions & { decidedOnly?: boolean } = {},
): Promise<GeneratedReport> {
  const t0 = performance.now()
  const document = await buildCompilation(db, municipality, year, { decidedOnly: options.decidedOnly })
  const build = performance.now() - t0
  return finish(document, format, options, { load: 0, build })
}

async function finish(
  document: ReportDocument,
  format: ReportFormat,
  options: GenerateOptions,
  timings: { load: number; build: number },
): Promise<GeneratedReport> {
  let t = performance.now()
  const findings = validateDocument(document)
  const validate = performance.now() - t
  const errors = blocking(findings)
  if (errors.length > 0 && !options.allowErrors) throw new VerificationError(errors)
  t = performance.now()
  const rendered = await renderDocument(document, format, findings)
  const render = performance.now() - t
  return {
    document,
    findings,
    format,
    bytes: rendered.bytes,
    mediaType: mediaTypes[format],
    fileName: fileNameOf(document, format),
    timings: { ...timings, validate, render, typst: rendered.typst },
  }
}

export async function generateReport(
  db: Queryable,
  target: { municipality: string; board: string; followUp: string },
  format: ReportFormat,
  options: GenerateOptions = {},
): Promise<GeneratedReport> {
  const t = performance.now()
  const data = await loadReportData(db, target.municipality, target.board, target.followUp)
  return generateFromData(data, format, options, performance.now() - t)
}
