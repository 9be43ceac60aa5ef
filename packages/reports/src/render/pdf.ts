/**
 * PDF through Typst: the document's Typst source compiled in process (no browser), with the
 * charts as SVG files and the fonts as blobs; PDF/A-2a (tagged, for archiving) by default.
 */
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler'
import type { ReportDocument } from '../model.ts'
import { ReportRenderError, renderCharts } from './charts.ts'
import { REPORT_FONT, reportFonts } from './fonts.ts'
import { toTypst } from './typst.ts'

let compiler: NodeCompiler | null = null
/** A virtual root: the compiler reads nothing from disk but the files mapped under it. */
const WORKSPACE = '/arshjul-report'

/** One compiler per process: creating it loads the fonts (~25 ms); compiling reuses them. */
function typst(): NodeCompiler {
  compiler ??= NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs: reportFonts() }] })
  return compiler
}

export interface PdfOptions {
  /** Charts already rendered (id → SVG); rendered here when absent. */
  charts?: Map<string, string> | undefined
  /** "a-2a" (tagged PDF/A for archiving, the default) or another standard Typst knows. */
  standard?: string | undefined
}

export interface PdfResult {
  bytes: Uint8Array
  pages: number
  source: string
  /** Milliseconds spent in Typst (compile + PDF export), for the benchmark. */
  typstMs: number
}

/** The fixed creation time of a document: its decision day, else 1 January of its year (UTC). */
function creationSeconds(doc: ReportDocument): number {
  const day = doc.followUp.decidedOn ?? `${doc.year}-01-01`
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000)
}

export function renderPdf(doc: ReportDocument, options: PdfOptions = {}): PdfResult {
  const charts = options.charts ?? renderCharts(doc)
  const c = typst()
  const chartFiles = new Map<string, string>()
  for (const [id, svg] of charts) {
    const path = `/charts/${id.replace(/[^A-Za-z0-9_-]/g, '-')}.svg`
    c.mapShadow(`${WORKSPACE}${path}`, Buffer.from(svg, 'utf8'))
    chartFiles.set(id, path)
  }
  const source = toTypst(doc, { chartFiles, font: REPORT_FONT })
  const started = performance.now()
  try {
    const result = c.compile({ mainFileContent: source })
    const compiled = result.result
    if (result.hasError() || !compiled) {
      const error = result.takeError()
      throw new ReportRenderError(`PDF-dokumentet kunde inte sättas: ${describe(error)}`)
    }
    const bytes = c.pdf(compiled, {
      pdfStandard: options.standard ?? 'a-2a',
      creationTimestamp: creationSeconds(doc),
    })
    return { bytes, pages: compiled.numOfPages, source, typstMs: performance.now() - started }
  } finally {
    for (const path of chartFiles.values()) c.unmapShadow(`${WORKSPACE}${path}`)
    c.evictCache(10)
  }
}

function describe(error: unknown): string {
  if (!error) return 'okänt fel'
  const diagnostics = (error as { shortDiagnostics?: { message: string }[] }).shortDiagnostics
  if (Array.isArray(diagnostics) && diagnostics.length > 0)
    return diagnostics.map((d) => d.message).join('; ')
  return String(error)
}
