/**
 * The HTML renderer: one standalone HTML5 page for the web and the public portal, meant to meet
 * WCAG 2.1 AA. Headings are numbered like the PDF, tables have captions and header cells with
 * scope, symbols are hidden from screen readers behind their words, charts carry their text
 * alternative, and every figure with a key links to "Källor till siffrorna" at the end.
 * No scripts; the only markup not built here is a chart's SVG, which the caller renders on the server.
 */

import type {
  Block,
  Cell,
  ChartBlock,
  Column,
  FigureEntry,
  FigureSource,
  Finding,
  LegendBlock,
  ListBlock,
  NoteBlock,
  NumberCell,
  ParagraphBlock,
  ReportDocument,
  Row,
  Section,
  TableBlock,
} from '../model.ts'
import { decisionOf } from './decision.ts'

export interface HtmlOptions {
  /** SVG markup per chart id, rendered on the server; a chart without one shows its text alternative. */
  charts?: Map<string, string> | undefined
  /** What the validator found; shown before the content when there is anything. */
  findings?: Finding[] | undefined
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

export function renderHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const context = createContext(doc, options)
  const title = `${doc.title} – ${doc.board}, ${doc.municipality}`
  return [
    '<!doctype html>',
    '<html lang="sv">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    renderHeader(doc),
    '<main>',
    renderFindings(options.findings ?? []),
    renderTableOfContents(context.plan),
    ...context.plan.map((planned) => renderSection(planned, context)),
    renderSources(doc, context),
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------
// Ids and the plan of sections

/** Hands out valid, unique HTML ids: ASCII letters, digits, "-", "_" and "." only. */
class IdRegistry {
  private readonly used = new Set<string>()

  claim(prefix: string, raw: string): string {
    const base = `${prefix}${toIdPart(raw)}`
    let id = base
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`
    this.used.add(id)
    return id
  }
}

/** "goal-ksf24-samhällsbyggnad" → "goal-ksf24-samhallsbyggnad"; anything else invalid becomes "-". */
function toIdPart(raw: string): string {
  const ascii = raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  const part = ascii.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '')
  return part === '' ? 'x' : part
}

interface PlannedSection {
  section: Section
  /** "1", "2.1" … */
  number: string
  /** 0 for a top-level section. */
  depth: number
  id: string
  headingId: string
  children: PlannedSection[]
}

interface RenderContext {
  doc: ReportDocument
  ids: IdRegistry
  charts: Map<string, string>
  plan: PlannedSection[]
  /** Figure key → id of its entry in the sources section. */
  figureIds: Map<string, string>
  /** Table block id → HTML id and caption of the table, for charts that point to their table. */
  tables: Map<string, { id: string; caption: string }>
  /** Ids of the tables rendered so far. */
  renderedTables: Set<string>
}

/** Fixed ids, claimed before any id made from the document. */
const FIXED_IDS = ['findings', 'findings-heading', 'toc', 'toc-heading', 'sources', 'sources-heading']

function createContext(doc: ReportDocument, options: HtmlOptions): RenderContext {
  const ids = new IdRegistry()
  for (const id of FIXED_IDS) ids.claim('', id)
  const figureIds = new Map<string, string>()
  for (const key of Object.keys(doc.figures)) figureIds.set(key, ids.claim('fig-', key))
  const plan = planSections(doc.sections, '', 0, ids)
  const tables = new Map<string, { id: string; caption: string }>()
  for (const table of tablesIn(doc.sections)) {
    if (tables.has(table.id)) continue
    tables.set(table.id, { id: ids.claim('tbl-', table.id), caption: table.caption })
  }
  return { doc, ids, charts: options.charts ?? new Map(), plan, figureIds, tables, renderedTables: new Set() }
}

function planSections(sections: Section[], parent: string, depth: number, ids: IdRegistry): PlannedSection[] {
  return sections.map((section, index) => {
    const number = parent === '' ? String(index + 1) : `${parent}.${index + 1}`
    const id = ids.claim('s-', section.id)
    const headingId = ids.claim('', `${id}-heading`)
    const children = planSections(section.sections, number, depth + 1, ids)
    return { section, number, depth, id, headingId, children }
  })
}

function tablesIn(sections: Section[]): TableBlock[] {
  return sections.flatMap((section) => [
    ...section.blocks.filter((block): block is TableBlock => block.kind === 'table'),
    ...tablesIn(section.sections),
  ])
}

// ---------------------------------------------------------------------------------------------
// Header, findings, table of contents

function renderHeader(doc: ReportDocument): string {
  const lines = [
    '<header class="report-header">',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="report-board">${escapeHtml(doc.board)}, ${escapeHtml(doc.municipality)}</p>`,
  ]
  const decision = decisionOf(doc)
  if (decision.kind !== 'draft') {
    const text = decision.kind === 'reference' ? `Beslut: ${decision.text}` : decision.text
    lines.push(`<p class="report-decision">${escapeHtml(text)}</p>`)
  }
  lines.push(`<p class="report-basis">${escapeHtml(describeBasis(doc.basis))}</p>`, '</header>')
  return lines.join('\n')
}

function describeBasis(basis: ReportDocument['basis']): string {
  return basis.kind === 'snapshot'
    ? `Underlag: beslutad version (SHA-256 ${basis.sha256.slice(0, 12)})`
    : 'Underlag: aktuella uppgifter'
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, note: 2 }
const SEVERITY_WORDS: Record<Finding['severity'], string> = {
  error: 'Fel',
  warning: 'Varning',
  note: 'Notering',
}

function renderFindings(findings: Finding[]): string {
  if (findings.length === 0) return ''
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
  const items = sorted.map(
    (finding) =>
      `<li class="finding finding-${finding.severity}"><strong>${SEVERITY_WORDS[finding.severity]}:</strong> ` +
      `<span class="finding-where">${escapeHtml(finding.where)}</span> – ${escapeHtml(finding.message)}</li>`,
  )
  return [
    '<section id="findings" class="findings" aria-labelledby="findings-heading">',
    '<h2 id="findings-heading">Kontroll före utfärdande</h2>',
    '<ul class="finding-list">',
    ...items,
    '</ul>',
    '</section>',
  ].join('\n')
}

function renderTableOfContents(plan: PlannedSection[]): string {
  return [
    '<nav id="toc" class="toc" aria-labelledby="toc-heading">',
    '<h2 id="toc-heading">Innehåll</h2>',
    '<ol>',
    ...plan.map(renderTocEntry),
    '<li><a href="#sources">Källor till siffrorna</a></li>',
    '</ol>',
    '</nav>',
  ].join('\n')
}

function renderTocEntry(planned: PlannedSection): string {
  const link = `<a href="#${planned.id}">${numberedTitle(planned)}</a>`
  if (planned.children.length === 0) return `<li>${link}</li>`
  return `<li>${link}\n<ol>\n${planned.children.map(renderTocEntry).join('\n')}\n</ol>\n</li>`
}

function numberedTitle(planned: PlannedSection): string {
  return `<span class="section-number">${escapeHtml(planned.number)}</span> ${escapeHtml(planned.section.title)}`
}

// ---------------------------------------------------------------------------------------------
// Sections and blocks

function renderSection(planned: PlannedSection, context: RenderContext): string {
  // h2 for a top-level section (h1 is the title), one level deeper per nesting, at most h6.
  const level = Math.min(planned.depth + 2, 6)
  return [
    `<section id="${planned.id}" aria-labelledby="${planned.headingId}">`,
    `<h${level} id="${planned.headingId}">${numberedTitle(planned)}</h${level}>`,
    ...planned.section.blocks.map((block) => renderBlock(block, context)),
    ...planned.children.map((child) => renderSection(child, context)),
    '</section>',
  ].join('\n')
}

function renderBlock(block: Block, context: RenderContext): string {
  switch (block.kind) {
    case 'paragraph':
      return renderParagraph(block, context)
    case 'list':
      return renderList(block)
    case 'legend':
      return renderLegend(block, context)
    case 'table':
      return renderTable(block, context)
    case 'chart':
      return renderChart(block, context)
    case 'note':
      return renderNote(block)
  }
}

/** Blank lines separate paragraphs. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

function renderParagraph(block: ParagraphBlock, context: RenderContext): string {
  const body = paragraphs(block.text).map((part) => `<p>${escapeHtml(part)}</p>`)
  if (!block.drafted) return body.join('\n')
  return [
    '<div class="drafted">',
    '<p class="drafted-marker">Utkast från siffrorna</p>',
    ...body,
    renderCitations(block, context),
    '</div>',
  ].join('\n')
}

function renderCitations(block: ParagraphBlock, context: RenderContext): string {
  const cites = block.cites ?? []
  if (cites.length === 0) return ''
  const items = cites.map((cite) => {
    const id = context.figureIds.get(cite.figure)
    const label = context.doc.figures[cite.figure]?.label ?? cite.figure
    const value = escapeHtml(cite.value)
    if (id === undefined) return `<li>${escapeHtml(label)}: ${value} (saknas bland källorna)</li>`
    return `<li><a href="#${id}">${escapeHtml(label)}</a>: ${value}</li>`
  })
  return [
    '<p class="citations-title">Siffror i texten:</p>',
    '<ul class="citations">',
    ...items,
    '</ul>',
  ].join('\n')
}

function renderList(block: ListBlock): string {
  return ['<ul>', ...block.items.map((item) => `<li>${escapeHtml(item)}</li>`), '</ul>'].join('\n')
}

function renderLegend(block: LegendBlock, context: RenderContext): string {
  const titleId = context.ids.claim('', 'legend')
  const items = block.items.map((item) => `<li>${symbolAndLabel(item.symbol, item.colour, item.label)}</li>`)
  return [
    '<div class="legend">',
    `<p class="legend-title" id="${titleId}">${escapeHtml(block.title)}</p>`,
    `<ul class="legend-items" aria-labelledby="${titleId}">`,
    ...items,
    '</ul>',
    '</div>',
  ].join('\n')
}

/** A decorative swatch and symbol, hidden from screen readers, then the words that carry the meaning. */
function symbolAndLabel(symbol: string, colour: string, label: string): string {
  const css = safeColour(colour)
  const style = css === null ? '' : ` style="background-color: ${css}"`
  return (
    `<span class="swatch" aria-hidden="true"${style}></span>` +
    `<span class="symbol" aria-hidden="true">${escapeHtml(symbol)}</span> ` +
    `<span class="level-label">${escapeHtml(label)}</span>`
  )
}

/** A colour is only put into a style attribute when it is plainly a colour. */
function safeColour(colour: string): string | null {
  const trimmed = colour.trim()
  const plain = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|hsl)a?\([0-9.,%\s/]+\))$/i
  return plain.test(trimmed) ? trimmed : null
}

function renderNote(block: NoteBlock): string {
  return `<p class="note">${escapeHtml(block.text)}</p>`
}

// ---------------------------------------------------------------------------------------------
// Tables

function renderTable(block: TableBlock, context: RenderContext): string {
  // A second table with the same block id gets an id of its own (charts link to the first).
  const planned = context.tables.get(block.id)?.id
  const tableId =
    planned !== undefined && !context.renderedTables.has(planned)
      ? planned
      : context.ids.claim('tbl-', block.id)
  context.renderedTables.add(tableId)
  const captionId = context.ids.claim('', `${tableId}-caption`)
  const caption = block.unit ? `${block.caption} (${block.unit})` : block.caption
  const { bodies, footer } = splitRows(block.rows)
  const lines = [
    '<div class="table-block">',
    `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${captionId}">`,
    `<table id="${tableId}">`,
    `<caption id="${captionId}">${escapeHtml(caption)}</caption>`,
    renderTableHead(block.columns),
    ...bodies.map((rows) => renderRowGroup('tbody', rows, block.columns, context)),
  ]
  if (footer.length > 0) lines.push(renderRowGroup('tfoot', footer, block.columns, context))
  lines.push('</table>', '</div>', ...(block.notes ?? []).map(renderTableNote), '</div>')
  return lines.join('\n')
}

function renderTableNote(note: string): string {
  return `<p class="table-note">${escapeHtml(note)}</p>`
}

/** Each group row starts a new <tbody>; a total that ends the table goes in <tfoot>. */
function splitRows(rows: Row[]): { bodies: Row[][]; footer: Row[] } {
  const last = rows.at(-1)
  const footer = last?.kind === 'total' ? [last] : []
  const bodyRows = footer.length > 0 ? rows.slice(0, -1) : rows
  const bodies: Row[][] = []
  for (const row of bodyRows) {
    const current = bodies.at(-1)
    if (row.kind === 'group' || current === undefined) bodies.push([row])
    else current.push(row)
  }
  return { bodies, footer }
}

function renderTableHead(columns: Column[]): string {
  const cells = columns.map(
    (column) => `<th scope="col"${classAttribute(alignClass(column))}>${escapeHtml(column.label)}</th>`,
  )
  return `<thead>\n<tr>${cells.join('')}</tr>\n</thead>`
}

function renderRowGroup(
  tag: 'tbody' | 'tfoot',
  rows: Row[],
  columns: Column[],
  context: RenderContext,
): string {
  return [`<${tag}>`, ...rows.map((row) => renderRow(row, columns, context)), `</${tag}>`].join('\n')
}

function renderRow(row: Row, columns: Column[], context: RenderContext): string {
  if (row.kind === 'group' && row.cells.slice(1).every(isEmptyCell)) {
    const first = row.cells[0]
    const text = first === undefined ? '' : renderCellContent(first, context)
    return `<tr class="group"><th scope="rowgroup" colspan="${Math.max(columns.length, 1)}">${text}</th></tr>`
  }
  const cells = row.cells.map((cell, index) => renderCell(cell, index, row, columns, context))
  return `<tr${classAttribute(row.kind === 'data' ? null : row.kind)}>${cells.join('')}</tr>`
}

function renderCell(cell: Cell, index: number, row: Row, columns: Column[], context: RenderContext): string {
  const className = classAttribute(cellClass(cell, columns[index]))
  const content = renderCellContent(cell, context)
  if (index !== 0) return `<td${className}>${content}</td>`
  const scope = row.kind === 'group' ? 'rowgroup' : 'row'
  return `<th scope="${scope}"${className}>${content}</th>`
}

function renderCellContent(cell: Cell, context: RenderContext): string {
  switch (cell.kind) {
    case 'text':
      return escapeHtml(cell.text)
    case 'level':
      return `<span class="level">${symbolAndLabel(cell.symbol, cell.colour, cell.label)}</span>`
    case 'number':
      return renderNumber(cell, context)
  }
}

/** The display text exactly as given, linked to its source when the figure is in the document. */
function renderNumber(cell: NumberCell, context: RenderContext): string {
  const text = escapeHtml(cell.display)
  const id = cell.figure === undefined ? undefined : context.figureIds.get(cell.figure)
  return id === undefined ? text : `<a href="#${id}" class="figure-link">${text}</a>`
}

function isEmptyCell(cell: Cell): boolean {
  return cell.kind === 'text' && cell.text.trim() === ''
}

function alignClass(column: Column | undefined): string | null {
  return column?.align === 'right' ? 'num' : null
}

function cellClass(cell: Cell, column: Column | undefined): string | null {
  return cell.kind === 'number' ? 'num' : alignClass(column)
}

function classAttribute(className: string | null): string {
  return className === null ? '' : ` class="${className}"`
}

// ---------------------------------------------------------------------------------------------
// Charts

function renderChart(block: ChartBlock, context: RenderContext): string {
  const figureId = context.ids.claim('chart-', block.id)
  const svg = context.charts.get(block.id)
  const image =
    svg !== undefined && isPlainSvg(svg)
      ? `<div class="chart-image" role="img" aria-label="${escapeHtml(block.alt)}">\n${svg}\n</div>`
      : `<p class="chart-alt">${escapeHtml(block.alt)}</p>`
  return [
    `<figure id="${figureId}" class="chart">`,
    image,
    `<figcaption>${escapeHtml(block.caption)}${renderChartTableLink(block, context)}</figcaption>`,
    '</figure>',
  ].join('\n')
}

/** The SVG is rendered on the server; still, markup that could run script is not inlined. */
function isPlainSvg(svg: string): boolean {
  const trimmed = svg.trim()
  return (
    /^(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(trimmed) &&
    !/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(trimmed)
  )
}

function renderChartTableLink(block: ChartBlock, context: RenderContext): string {
  if (block.table === undefined) return ''
  const table = context.tables.get(block.table)
  if (table === undefined) return ''
  return ` <span class="chart-table">Siffrorna finns i tabellen <a href="#${table.id}">${escapeHtml(table.caption)}</a>.</span>`
}

// ---------------------------------------------------------------------------------------------
// Sources

const SOURCE_KINDS: Record<FigureSource['kind'], string> = {
  import: 'Import',
  kolada: 'Kolada',
  entered: 'Inmatad',
  computed: 'Beräknad',
  seed: 'Demodata',
}

function renderSources(doc: ReportDocument, context: RenderContext): string {
  const entries = Object.entries(doc.figures).map(([key, figure]) => {
    const id = context.figureIds.get(key) ?? context.ids.claim('fig-', key)
    return [
      `<li id="${id}" class="source">`,
      `<p class="source-label">${escapeHtml(figure.label)}</p>`,
      `<p>Exakt värde: <span class="exact">${escapeHtml(exactText(figure))}</span></p>`,
      `<p>Källa: ${escapeHtml(describeSource(figure.source))}</p>`,
      '</li>',
    ].join('\n')
  })
  const body =
    entries.length === 0
      ? ['<p>Dokumentet har inga siffror med angiven källa.</p>']
      : ['<ul class="sources">', ...entries, '</ul>']
  return [
    '<section id="sources" aria-labelledby="sources-heading">',
    '<h2 id="sources-heading">Källor till siffrorna</h2>',
    ...body,
    '</section>',
  ].join('\n')
}

/** "SIE-import ks-2024.se (Import, 2025-01-31)". */
/** The exact value as a reader reads it: money in kronor (öre when there are any), else as is. */
function exactText(figure: FigureEntry): string {
  const negative = figure.exact.trim().startsWith('-')
  const digits = figure.exact.trim().replace(/^-/, '')
  if (figure.unit !== 'öre' || !/^\d+$/.test(digits)) return figure.exact.replace(/^-/, '\u2212')
  const ore = BigInt(digits)
  const kronor = (ore / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
  const rest = ore % 100n
  return `${negative ? '\u2212' : ''}${kronor}${rest === 0n ? '' : `,${rest.toString().padStart(2, '0')}`}\u00a0kr`
}

function describeSource(source: FigureSource): string {
  const details = [SOURCE_KINDS[source.kind]]
  if (source.at) details.push(formatDate(source.at))
  return `${source.label} (${details.join(', ')})`
}

const STOCKHOLM_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** An ISO timestamp as the Swedish calendar date, YYYY-MM-DD; a plain date stays as it is. */
function formatDate(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at
  const time = Date.parse(at)
  return Number.isNaN(time) ? at : STOCKHOLM_DATE.format(time)
}

// ---------------------------------------------------------------------------------------------
// Stylesheet

const STYLESHEET = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: #1a1a1a; background: #fff; font-family: "Source Sans 3", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1rem; line-height: 1.5; }
.page { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.5em 0 0.5em; overflow-wrap: break-word; hyphens: auto; }
h1 { font-size: clamp(1.5rem, 1.1rem + 2vw, 2rem); margin-top: 0.5em; }
h2 { font-size: 1.5rem; }
h3 { font-size: 1.25rem; }
h4, h5, h6 { font-size: 1.1rem; }
p, li, dd, figcaption, caption, th, td { overflow-wrap: break-word; hyphens: auto; }
p { margin: 0 0 0.75em; }
a { color: #0b4f94; text-decoration: underline; }
a:focus-visible, .table-scroll:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.report-header { border-bottom: 2px solid #1a1a1a; padding-bottom: 0.75rem; }
.report-board { font-size: 1.15rem; }
.report-decision, .report-basis { color: #404040; }
.toc ol { list-style: none; padding-left: 0; margin: 0; }
.toc ol ol { padding-left: 1.5rem; }
.toc li { margin: 0.25em 0; }
.section-number { font-variant-numeric: tabular-nums; }
.findings { border: 2px solid #a4262c; border-radius: 4px; padding: 0 1rem 0.5rem; }
.finding-error strong { color: #a4262c; }
.finding-warning strong { color: #7a4b00; }
.drafted { border-left: 4px solid #6b6b6b; padding-left: 0.75rem; margin: 0 0 1rem; }
.drafted-marker { display: inline-block; font-size: 0.875rem; font-weight: 600; color: #404040; border: 1px solid #6b6b6b; border-radius: 3px; padding: 0 0.4em; }
.citations-title { font-size: 0.875rem; margin-bottom: 0.25em; }
.citations { font-size: 0.875rem; margin-top: 0; }
.legend { margin: 0 0 1rem; }
.legend-title { font-weight: 600; margin-bottom: 0.25em; }
.legend-items { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid #404040; border-radius: 2px; margin-right: 0.3em; vertical-align: -0.05em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.symbol { display: inline-block; min-width: 1em; }
.level { white-space: nowrap; }
.table-block { margin: 1rem 0 1.5rem; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #c4c4c4; }
thead th { border-bottom: 2px solid #1a1a1a; vertical-align: bottom; }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.group th { font-weight: 600; background: #f0f2f4; }
tr.subtotal th, tr.subtotal td { font-weight: 600; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #1a1a1a; }
.figure-link { color: inherit; text-decoration: underline dotted; text-underline-offset: 0.15em; }
.figure-link:hover { text-decoration-style: solid; }
.table-note, .note { font-size: 0.9rem; color: #404040; }
.table-note { margin: 0.4rem 0 0; }
.chart { margin: 1rem 0 1.5rem; }
.chart-image svg { display: block; max-width: 100%; height: auto; }
.chart-alt { border: 1px dashed #6b6b6b; padding: 0.75rem; }
figcaption { font-size: 0.9rem; color: #404040; margin-top: 0.4rem; }
.chart-table { display: block; }
.sources { padding-left: 1.25rem; }
.source { margin-bottom: 0.75rem; }
.source p { margin: 0; }
.source-label { font-weight: 600; }
.source:target { outline: 2px solid #0b4f94; outline-offset: 4px; }
.exact { font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .table-scroll { overflow: visible; }
  a { color: inherit; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  tr, figure, .legend { break-inside: avoid; }
  thead { display: table-header-group; }
}
`
