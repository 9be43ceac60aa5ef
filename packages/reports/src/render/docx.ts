/**
 * The DOCX renderer: an editable Word document for a board's case handling. Sections become real Word
 * headings (Heading1, Heading2 … by depth) numbered "1", "1.1", "1.1.1" in their text, tables become
 * Word tables with a repeating header row, and the document's language is sv-SE. The numbers print
 * exactly as the model's `display` texts: the renderer never formats a number itself.
 */

import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  type IStylesOptions,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx'
import { estimatePageNumbers } from 'docx/layout'
import type {
  Block,
  Cell,
  ChartBlock,
  Column,
  LegendBlock,
  ListBlock,
  NoteBlock,
  ParagraphBlock,
  ReportDocument,
  Row,
  Section,
  TableBlock,
} from '../model.ts'
import { decisionOf } from './decision.ts'

export interface DocxOptions {
  /** SVG strings by ChartBlock id, rendered elsewhere (see the comment on `chartBlock`). */
  charts?: Map<string, string>
}

type BodyChild = Paragraph | Table | TableOfContents

/** A4 in twips, with 2.5 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1418 } as const
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin

/** Font sizes in half-points. */
const SIZE = { body: 22, small: 18, footer: 16 } as const

const HEADING_LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const

const HEADER_SHADING = 'E7E6E6'
const GROUP_SHADING = 'F2F2F2'

/** The DOS epoch: the zip timestamp of a document that has no decision date. */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1))

export async function renderDocx(doc: ReportDocument, _options?: DocxOptions): Promise<Uint8Array> {
  const decidedAt = decisionDate(doc)
  const document = new Document({
    styles: documentStyles(),
    // Fills in the table of contents with estimated page numbers, so Word shows it without asking to
    // update fields when the document opens; the reader can still update it (F9) after editing.
    pageNumbers: estimatePageNumbers,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin },
          },
        },
        footers: { default: footer(doc) },
        children: [...titlePage(doc), ...contents(), ...sectionsOf(doc.sections, [])],
      },
    ],
  })
  const coreXml = { path: 'docProps/core.xml', data: corePropertiesXml(doc, decidedAt) }
  const bytes = await Packer.pack(document, 'uint8array', false, [coreXml])
  return repackage(bytes, decidedAt ?? ZIP_EPOCH)
}

// ---------------------------------------------------------------------------------------------------
// Styles, title page, contents and footer

function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { language: { value: 'sv-SE' }, size: SIZE.body },
        paragraph: { spacing: { after: 120 } },
      },
      title: { run: { size: 52, bold: true }, paragraph: { spacing: { after: 240 } } },
      heading1: headingStyle(32, 0),
      heading2: headingStyle(28, 1),
      heading3: headingStyle(24, 2),
      heading4: headingStyle(SIZE.body, 3),
      heading5: headingStyle(SIZE.body, 4),
      heading6: headingStyle(SIZE.body, 5),
      caption: {
        run: { bold: true, size: 20 },
        paragraph: { keepNext: true, spacing: { before: 240, after: 80 } },
      },
    },
    paragraphStyles: [
      paragraphStyle('Subtitle', 'Subtitle', { size: 28 }),
      paragraphStyle('TOCHeading', 'TOC Heading', { size: 28, bold: true }),
      paragraphStyle('TableNote', 'Tabellnot', { size: SIZE.small }),
      paragraphStyle('Note', 'Anmärkning', { size: SIZE.small, italics: true }),
    ],
  }
}

function headingStyle(size: number, outlineLevel: number) {
  return {
    run: { size, bold: true, color: '1F3864' },
    paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: { before: 360, after: 120 } },
  }
}

function paragraphStyle(id: string, name: string, run: { size: number; bold?: boolean; italics?: boolean }) {
  return { id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, run }
}

function titlePage(doc: ReportDocument): Paragraph[] {
  const page = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [textRun(doc.title)] }),
    new Paragraph({ style: 'Subtitle', children: [textRun(`${doc.board}, ${doc.municipality}`)] }),
  ]
  const decision = decisionLine(doc)
  if (decision) page.push(new Paragraph({ children: [textRun(decision)] }))
  return page
}

function contents(): BodyChild[] {
  return [
    new Paragraph({ style: 'TOCHeading', spacing: { before: 480 }, children: [new TextRun('Innehåll')] }),
    new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-3' }),
  ]
}

function footer(doc: ReportDocument): Footer {
  const run = { size: SIZE.footer }
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ ...run, text: clean(`${doc.board} · ${doc.title}`) }),
          new TextRun({
            ...run,
            children: [new Tab(), PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'],
          }),
        ],
      }),
    ],
  })
}

// ---------------------------------------------------------------------------------------------------
// Sections and blocks

/** `parents` holds the numbers of the enclosing sections: [3] for the children of section 3. */
function sectionsOf(sections: Section[], parents: number[]): BodyChild[] {
  return sections.flatMap((section, index) => {
    const number = [...parents, index + 1]
    return [
      heading(section.title, number),
      ...section.blocks.flatMap(block),
      ...sectionsOf(section.sections, number),
    ]
  })
}

/** Heading1 for a chapter, Heading2 for its sections …, Heading6 for anything deeper. */
function heading(title: string, number: number[]): Paragraph {
  const depth = Math.min(number.length, HEADING_LEVELS.length)
  return new Paragraph({
    heading: HEADING_LEVELS[depth - 1] ?? HeadingLevel.HEADING_6,
    // The first chapter starts after the title page and the table of contents.
    pageBreakBefore: number.join('.') === '1',
    children: [textRun(`${number.join('.')} ${title}`)],
  })
}

function block(item: Block): BodyChild[] {
  switch (item.kind) {
    case 'paragraph':
      return paragraphBlock(item)
    case 'list':
      return listBlock(item)
    case 'legend':
      return legendBlock(item)
    case 'table':
      return tableBlock(item)
    case 'chart':
      return chartBlock(item)
    case 'note':
      return noteBlock(item)
  }
}

/** "\n\n" separates paragraphs; a single "\n" is a line break within one. */
function paragraphBlock(item: ParagraphBlock): Paragraph[] {
  return splitParagraphs(item.text).map((text) => new Paragraph({ children: lines(text) }))
}

function listBlock(item: ListBlock): Paragraph[] {
  return item.items.map((text) => new Paragraph({ bullet: { level: 0 }, children: lines(text) }))
}

/** The legend as a small table: the symbol (in its colour, which only reinforces) and its words. */
function legendBlock(item: LegendBlock): BodyChild[] {
  const header = headerRow([
    { label: 'Symbol', align: 'left' },
    { label: 'Betydelse', align: 'left' },
  ])
  const rows = item.items.map(
    (entry) =>
      new TableRow({
        cantSplit: true,
        children: [
          textCell([textRun(entry.symbol, false, wordColour(entry.colour))], 'left'),
          textCell([textRun(entry.label)], 'left'),
        ],
      }),
  )
  return [
    new Paragraph({ style: 'Caption', children: [textRun(item.title)] }),
    table([header, ...rows], [1, 4], Math.round(TEXT_WIDTH / 2)),
  ]
}

function tableBlock(item: TableBlock): BodyChild[] {
  const caption = item.unit ? `${item.caption} (${item.unit})` : item.caption
  const rows = [headerRow(item.columns), ...item.rows.map((row) => bodyRow(row, item.columns))]
  const widths = item.columns.map((column) => column.width ?? 1)
  return [
    new Paragraph({ style: 'Caption', children: [textRun(caption)] }),
    table(rows, widths, TEXT_WIDTH),
    ...(item.notes ?? []).map((note) => new Paragraph({ style: 'TableNote', children: lines(note) })),
  ]
}

/**
 * A chart prints as its caption and its text alternative. docx embeds an SVG only with a raster
 * (PNG/JPEG) fallback image, which it requires for Word processors without SVG support; producing one
 * from the SVG needs a rasteriser this package doesn't depend on. So the SVGs in `options.charts` are
 * not embedded yet, and the chart's numbers remain in the table the chart names (`item.table`).
 */
function chartBlock(item: ChartBlock): Paragraph[] {
  return [
    new Paragraph({ style: 'Caption', children: [textRun(item.caption)] }),
    new Paragraph({ children: lines(item.alt) }),
  ]
}

function noteBlock(item: NoteBlock): Paragraph[] {
  return splitParagraphs(item.text).map((text) => new Paragraph({ style: 'Note', children: lines(text) }))
}

// ---------------------------------------------------------------------------------------------------
// Tables

function table(rows: TableRow[], relativeWidths: number[], width: number): Table {
  const total = relativeWidths.reduce((sum, w) => sum + w, 0) || 1
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: relativeWidths.map((w) => Math.round((width * w) / total)),
  })
}

function headerRow(columns: Pick<Column, 'label' | 'align'>[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column) => textCell([textRun(column.label, true)], column.align, HEADER_SHADING)),
  })
}

function bodyRow(row: Row, columns: Column[]): TableRow {
  if (row.kind === 'group' && isSpanningGroup(row)) return groupRow(row, columns.length)
  const bold = row.kind !== 'data'
  return new TableRow({
    cantSplit: true,
    children: columns.map((column, index) => cellOf(row.cells[index], column, bold)),
  })
}

/** A group row whose text is in its first cell only prints as one cell across the table. */
function isSpanningGroup(row: Row): boolean {
  return row.cells.slice(1).every((cell) => cellText(cell) === '')
}

function groupRow(row: Row, span: number): TableRow {
  const text = row.cells[0] ? cellText(row.cells[0]) : ''
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        columnSpan: span,
        shading: shading(GROUP_SHADING),
        children: [new Paragraph({ keepNext: true, children: [textRun(text, true)] })],
      }),
    ],
  })
}

function cellOf(cell: Cell | undefined, column: Column, bold: boolean): TableCell {
  if (cell?.kind === 'level') {
    return textCell(
      [textRun(cell.symbol, bold, wordColour(cell.colour)), textRun(` ${cell.label}`, bold)],
      column.align,
    )
  }
  return textCell([textRun(cell ? cellText(cell) : '', bold)], column.align)
}

function textCell(children: ParagraphChild[], align: Column['align'], fill?: string): TableCell {
  const alignment = align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT
  return new TableCell({
    ...(fill ? { shading: shading(fill) } : {}),
    children: [new Paragraph({ alignment, spacing: { after: 0 }, children })],
  })
}

/** The text a cell prints: a number's `display` exactly as given, a level's symbol and words. */
function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'number':
      return cell.display
    case 'text':
      return cell.text
    case 'level':
      return `${cell.symbol} ${cell.label}`
  }
}

/** A run of text; bold and colour only when given, so plain runs carry no w:b="false". */
function textRun(text: string, bold = false, color?: string): TextRun {
  return new TextRun({ text: clean(text), ...(bold ? { bold } : {}), ...(color ? { color } : {}) })
}

function shading(fill: string) {
  return { type: ShadingType.CLEAR, color: 'auto', fill }
}

/** "#1e7b34" → "1E7B34"; anything but a six-digit hex colour is left out. */
function wordColour(colour: string): string | undefined {
  const hex = colour.replace(/^#/, '')
  return /^[0-9a-f]{6}$/i.test(hex) ? hex.toUpperCase() : undefined
}

// ---------------------------------------------------------------------------------------------------
// Text

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

function lines(text: string): TextRun[] {
  return text
    .split('\n')
    .map((line, index) => new TextRun({ text: clean(line), ...(index > 0 ? { break: 1 } : {}) }))
}

/** Drops the control characters XML 1.0 cannot hold; docx escapes & < > itself. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

// ---------------------------------------------------------------------------------------------------
// Deterministic package: core properties, bookmark numbers and zip timestamps

/** The decision date (midnight UTC) of a decided follow-up, which dates the document. */
function decisionDate(doc: ReportDocument): Date | undefined {
  const day = doc.followUp.decidedOn
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined
  const date = new Date(`${day}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/**
 * docx writes `docProps/core.xml` with the time of packing and has no option for the dates, so the
 * renderer writes the part itself: dated by the decision, and undated (the dates are optional) before
 * there is one, so the same document always renders to the same bytes.
 */
function corePropertiesXml(doc: ReportDocument, decidedAt: Date | undefined): string {
  const dates = decidedAt
    ? ['created', 'modified']
        .map((name) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${w3cDate(decidedAt)}</dcterms:${name}>`)
        .join('')
    : ''
  const description = decisionLine(doc) ?? ''
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties',
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(doc.title)}</dc:title>`,
    `<dc:subject>${escapeXml(`${doc.board}, ${doc.municipality}`)}</dc:subject>`,
    `<dc:creator>${escapeXml(doc.municipality)}</dc:creator>`,
    description ? `<dc:description>${escapeXml(description)}</dc:description>` : '',
    '<dc:language>sv-SE</dc:language>',
    '<cp:revision>1</cp:revision>',
    dates,
    '</cp:coreProperties>',
  ].join('')
}

function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function escapeXml(text: string): string {
  return clean(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/**
 * docx numbers the bookmarks of the headings the table of contents links to from a counter shared by
 * every document the process renders, so the same document gets other numbers the next time. This
 * numbers them from 1 in the order they appear: "_Toc7" and its w:id="7" become "_Toc1" and w:id="1".
 */
function renumberBookmarks(xml: string): string {
  const numbers = new Map<string, number>()
  const numberOf = (id: string) => {
    const known = numbers.get(id)
    if (known !== undefined) return known
    numbers.set(id, numbers.size + 1)
    return numbers.size
  }
  return xml
    .replace(/_Toc(\d+)/g, (_, id: string) => `_Toc${numberOf(id)}`)
    .replace(
      /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g,
      (_, tag: string, id: string) => `${tag}${numberOf(id)}"`,
    )
}

// ---------------------------------------------------------------------------------------------------
// Zip: docx zips with the time of packing as every file's modification time, and the bookmark numbers
// in word/document.xml depend on what the process rendered before. The package is therefore read
// back and written again with `date` as every file's time and the bookmarks renumbered.

interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  crc: number
  size: number
  data: Uint8Array
}

const SIGNATURE = { local: 0x04034b50, directory: 0x02014b50, end: 0x06054b50 } as const
const UTF8_NAMES = 0x0800

function repackage(zip: Uint8Array, date: Date): Uint8Array {
  const entries = readZip(zip).map((entry) =>
    entry.name === 'word/document.xml' ? rewritten(entry, renumberBookmarks) : entry,
  )
  return writeZip(entries, dosDateTime(date))
}

function rewritten(entry: ZipEntry, change: (text: string) => string): ZipEntry {
  const raw = entry.method === 8 ? inflateRawSync(entry.data) : entry.data
  const bytes = new TextEncoder().encode(change(new TextDecoder().decode(raw)))
  return { name: entry.name, method: 8, crc: crc32(bytes), size: bytes.length, data: deflateRawSync(bytes) }
}

function readZip(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const end = endOfDirectory(view)
  const entries: ZipEntry[] = []
  let at = view.getUint32(end + 16, true)
  for (let i = view.getUint16(end + 10, true); i > 0; i--) {
    expectSignature(view, at, SIGNATURE.directory)
    const nameLength = view.getUint16(at + 28, true)
    const local = view.getUint32(at + 42, true)
    expectSignature(view, local, SIGNATURE.local)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      size: view.getUint32(at + 24, true),
      data: zip.subarray(start, start + view.getUint32(at + 20, true)),
    })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

function endOfDirectory(view: DataView): number {
  const last = view.byteLength - 22
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === SIGNATURE.end) return at
  }
  throw new Error('DOCX: the package docx wrote has no zip directory')
}

function expectSignature(view: DataView, at: number, signature: number): void {
  if (at + 4 > view.byteLength || view.getUint32(at, true) !== signature) {
    throw new Error(`DOCX: unexpected zip structure at byte ${at}`)
  }
}

function writeZip(entries: ZipEntry[], time: DosTime): Uint8Array {
  const parts: Uint8Array[] = []
  const directory: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name)
    const local = zipHeader(30, SIGNATURE.local, name)
    writeFileFields(new DataView(local.buffer), 4, entry, time, name.length)
    const central = zipHeader(46, SIGNATURE.directory, name)
    const view = new DataView(central.buffer)
    view.setUint16(4, 20, true)
    writeFileFields(view, 6, entry, time, name.length)
    view.setUint32(42, offset, true)
    parts.push(local, entry.data)
    directory.push(central)
    offset += local.length + entry.data.length
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0)
  const end = new Uint8Array(22)
  const view = new DataView(end.buffer)
  view.setUint32(0, SIGNATURE.end, true)
  view.setUint16(8, entries.length, true)
  view.setUint16(10, entries.length, true)
  view.setUint32(12, directorySize, true)
  view.setUint32(16, offset, true)
  return concat([...parts, ...directory, end])
}

function zipHeader(length: number, signature: number, name: Uint8Array): Uint8Array {
  const header = new Uint8Array(length + name.length)
  new DataView(header.buffer).setUint32(0, signature, true)
  header.set(name, length)
  return header
}

/** The fields a local header (at 4) and a directory entry (at 6) share, from "version needed" on. */
function writeFileFields(
  view: DataView,
  at: number,
  entry: ZipEntry,
  time: DosTime,
  nameLength: number,
): void {
  view.setUint16(at, 20, true)
  view.setUint16(at + 2, UTF8_NAMES, true)
  view.setUint16(at + 4, entry.method, true)
  view.setUint16(at + 6, time.time, true)
  view.setUint16(at + 8, time.day, true)
  view.setUint32(at + 10, entry.crc, true)
  view.setUint32(at + 14, entry.data.length, true)
  view.setUint32(at + 18, entry.size, true)
  view.setUint16(at + 22, nameLength, true)
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

interface DosTime {
  time: number
  day: number
}

/** MS-DOS date and time fields (UTC, two-second resolution), as zip headers hold them. */
function dosDateTime(date: Date): DosTime {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107)
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  }
}

/** "Beslut: KS 2025-02-24 § 31", "Beslutad 2025-02-24", or nothing before the decision. */
function decisionLine(doc: ReportDocument): string | null {
  const decision = decisionOf(doc)
  if (decision.kind === 'draft') return null
  return decision.kind === 'reference' ? `Beslut: ${decision.text}` : decision.text
}
