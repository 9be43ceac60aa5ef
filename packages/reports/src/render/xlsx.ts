/**
 * The document's tables as an XLSX workbook, for those who want to compute on the figures. A first
 * sheet "Innehåll" names the document and links to one sheet per table, in document order. Numbers
 * are written as numbers (the value as printed, with a number format of the printed decimals), so
 * Excel shows them in the reader's own locale; levels are written as "symbol label", their colour
 * only reinforcing the words.
 *
 * The links are HYPERLINK formulas: exceljs 4 writes a cell hyperlink to another sheet with an
 * external relationship as well as its location, which Excel then resolves as a file.
 */
import ExcelJS from 'exceljs'
import type {
  Cell,
  Column,
  LevelCell,
  NumberCell,
  ReportDocument,
  Row,
  Section,
  TableBlock,
} from '../model.ts'
import { decisionOf } from './decision.ts'

/** Excel's limit on a sheet name, in UTF-16 code units. */
const MAX_SHEET_NAME = 31
const CONTENTS_SHEET = 'Innehåll'
/** A name Excel keeps for itself. */
const RESERVED_SHEET_NAMES = ['history']
/** The dates of a workbook without a decision: a constant, so that the output does not depend on the clock. */
const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1))

/** The table's header is on this row; the caption and a note are above it. */
const HEADER_ROW = 3
const MIN_COLUMN_WIDTH = 8
const MAX_COLUMN_WIDTH = 60
/** Characters per unit of a column's relative width hint. */
const WIDTH_PER_HINT = 10

const BOLD: Partial<ExcelJS.Font> = { bold: true }
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true }
const THIN: Partial<ExcelJS.Border> = { style: 'thin' }

/** A table with the name of its sheet and its number in the document (1, 2, …). */
interface PlacedTable {
  table: TableBlock
  number: number
  sheetName: string
}

export async function renderXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  setProperties(workbook, doc)
  const placed = placeTables(tablesOf(doc.sections))
  addContentsSheet(workbook, doc, placed)
  for (const entry of placed) addTableSheet(workbook, doc, entry)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

// --- Workbook ------------------------------------------------------------------------------------

function setProperties(workbook: ExcelJS.Workbook, doc: ReportDocument): void {
  const date = documentDate(doc)
  workbook.title = doc.title
  workbook.subject = doc.board
  workbook.company = doc.municipality
  workbook.creator = 'Årshjul'
  workbook.lastModifiedBy = 'Årshjul'
  workbook.created = date
  workbook.modified = date
}

/** The decision date when the follow-up is decided, otherwise a constant. */
function documentDate(doc: ReportDocument): Date {
  const decidedOn = doc.followUp.decidedOn
  const time = decidedOn === null ? Number.NaN : Date.parse(decidedOn)
  return Number.isNaN(time) ? FALLBACK_DATE : new Date(time)
}

/** Every table of the sections, in document order: a section's blocks, then its subsections. */
function tablesOf(sections: readonly Section[]): TableBlock[] {
  return sections.flatMap((section) => [
    ...section.blocks.filter((block): block is TableBlock => block.kind === 'table'),
    ...tablesOf(section.sections),
  ])
}

function placeTables(tables: readonly TableBlock[]): PlacedTable[] {
  const taken = new Set([CONTENTS_SHEET.toLowerCase(), ...RESERVED_SHEET_NAMES])
  return tables.map((table, index) => {
    const sheetName = uniqueSheetName(table.caption, taken, `Tabell ${index + 1}`)
    taken.add(sheetName.toLowerCase())
    return { table, number: index + 1, sheetName }
  })
}

// --- Sheet names ---------------------------------------------------------------------------------

/**
 * A valid sheet name from a caption: without []:*?/\ and control characters, not starting or
 * ending with an apostrophe, at most 31 characters, and not in `taken` (lower case, as Excel
 * compares names without case): " (2)", " (3)" … is appended until it is free.
 */
function uniqueSheetName(caption: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = cleanSheetName(caption) || fallback
  const first = truncate(base, MAX_SHEET_NAME)
  if (first !== '' && !taken.has(first.toLowerCase())) return first
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`
    const name = `${truncate(base, MAX_SHEET_NAME - suffix.length)}${suffix}`
    if (!taken.has(name.toLowerCase())) return name
  }
}

function cleanSheetName(caption: string): string {
  return trimName(
    caption
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed on purpose
      .replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' '),
  )
}

/** Without surrounding spaces and apostrophes (Excel refuses a name that starts or ends with one). */
const trimName = (name: string) => name.replace(/^[\s']+|[\s']+$/g, '')

/** The longest prefix of at most `max` UTF-16 code units that does not split a character. */
function truncate(name: string, max: number): string {
  let out = ''
  for (const ch of name) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return trimName(out)
}

/** A reference to cell A1 of a sheet, quoted as formulas need it. */
const sheetReference = (sheetName: string) => `'${sheetName.replaceAll("'", "''")}'!A1`

/** A HYPERLINK formula to a sheet of the workbook, with its text as the cached result. */
function sheetLink(sheetName: string, text: string): ExcelJS.CellFormulaValue {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`
  return { formula: `HYPERLINK(${quote(`#${sheetReference(sheetName)}`)},${quote(text)})`, result: text }
}

// --- The contents sheet --------------------------------------------------------------------------

const captionWithUnit = (table: TableBlock) =>
  table.unit ? `${table.caption} (${table.unit})` : table.caption

function addContentsSheet(workbook: ExcelJS.Workbook, doc: ReportDocument, placed: readonly PlacedTable[]) {
  const sheet = workbook.addWorksheet(CONTENTS_SHEET)
  const title = sheet.addRow([doc.title])
  title.font = { bold: true, size: 14 }
  sheet.addRow([])
  for (const [label, value] of documentFacts(doc)) {
    sheet.addRow([label, value]).getCell(1).font = BOLD
  }
  sheet.addRow([])
  if (placed.length === 0) {
    sheet.addRow(['Dokumentet har inga tabeller.'])
  } else {
    sheet.addRow(['Nr', 'Tabell', 'Blad']).font = BOLD
    for (const entry of placed) addContentsRow(sheet, entry)
  }
  sheet.getColumn(1).width = 12
  sheet.getColumn(2).width = clampWidth(
    Math.max(20, ...placed.map((p) => captionWithUnit(p.table).length)) + 2,
  )
  sheet.getColumn(3).width = clampWidth(Math.max(10, ...placed.map((p) => p.sheetName.length)) + 2)
}

function documentFacts(doc: ReportDocument): [string, string | number][] {
  return [
    ['Nämnd', doc.board],
    ['Kommun', doc.municipality],
    ['År', doc.year],
    ['Beslut', decisionCell(doc)],
  ]
}

function addContentsRow(sheet: ExcelJS.Worksheet, entry: PlacedTable): void {
  const row = sheet.addRow([entry.number, captionWithUnit(entry.table)])
  row.getCell(1).alignment = { horizontal: 'left' }
  const link = row.getCell(3)
  link.value = sheetLink(entry.sheetName, entry.sheetName)
  link.font = LINK_FONT
}

// --- A table's sheet -----------------------------------------------------------------------------

function addTableSheet(workbook: ExcelJS.Workbook, doc: ReportDocument, entry: PlacedTable): void {
  const { table, sheetName } = entry
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  })
  sheet.getCell(1, 1).value = captionWithUnit(table)
  sheet.getCell(1, 1).font = { bold: true, size: 12 }
  sheet.getCell(2, 1).value = `${doc.title}, ${doc.board}, ${doc.municipality}`
  sheet.getCell(2, 1).font = { italic: true }
  addHeader(sheet, table.columns)
  table.rows.forEach((row, index) => {
    addTableRow(sheet, table.columns, row, HEADER_ROW + 1 + index)
  })
  if (table.rows.length > 0 && table.rows.every((row) => row.kind === 'data')) {
    // A filter would sort group and sum rows among the others, so only plain tables get one.
    sheet.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW + table.rows.length, column: Math.max(table.columns.length, 1) },
    }
  }
  addNotes(sheet, table.notes ?? [], HEADER_ROW + table.rows.length + 2)
  table.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = columnWidth(table, column, index)
  })
}

function addHeader(sheet: ExcelJS.Worksheet, columns: readonly Column[]): void {
  const row = sheet.getRow(HEADER_ROW)
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1)
    cell.value = column.label
    cell.font = BOLD
    cell.alignment = { horizontal: column.align, vertical: 'bottom', wrapText: true }
    cell.border = { bottom: THIN }
  })
}

function addTableRow(sheet: ExcelJS.Worksheet, columns: readonly Column[], row: Row, rowNumber: number) {
  const sheetRow = sheet.getRow(rowNumber)
  const width = Math.max(columns.length, row.cells.length)
  for (let index = 0; index < width; index++) {
    const target = sheetRow.getCell(index + 1)
    const cell = row.cells[index]
    if (cell) writeCell(target, cell)
    target.alignment = { horizontal: columns[index]?.align ?? 'left', vertical: 'top', wrapText: true }
    styleByRowKind(target, row.kind)
  }
}

function styleByRowKind(target: ExcelJS.Cell, kind: Row['kind']): void {
  if (kind === 'data') return
  target.font = { ...target.font, bold: true }
  if (kind === 'subtotal' || kind === 'total') target.border = { top: THIN }
}

function writeCell(target: ExcelJS.Cell, cell: Cell): void {
  switch (cell.kind) {
    case 'number':
      writeNumber(target, cell)
      return
    case 'text':
      target.value = cell.text === '' ? null : cell.text
      return
    case 'level':
      writeLevel(target, cell)
      return
  }
}

function writeNumber(target: ExcelJS.Cell, cell: NumberCell): void {
  if (cell.value === null || !Number.isFinite(cell.value)) {
    target.value = null
    return
  }
  target.value = cell.value
  target.numFmt = numberFormat(cell)
}

/**
 * A standard format with the printed decimals ("#,##0.0"): Excel applies the reader's separators
 * and minus sign. A printed percent sign is kept as text, since the value is already in percent.
 */
function numberFormat(cell: Pick<NumberCell, 'decimals' | 'display'>): string {
  const decimals = Math.min(Math.max(Math.trunc(cell.decimals), 0), 10)
  const format = decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`
  return cell.display.trimEnd().endsWith('%') ? `${format}" %"` : format
}

const levelText = (cell: LevelCell) => `${cell.symbol} ${cell.label}`.trim()

function writeLevel(target: ExcelJS.Cell, cell: LevelCell): void {
  target.value = levelText(cell)
  const argb = argbOf(cell.colour)
  if (argb === undefined) return
  target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } }
  target.font = { color: { argb: readableTextOn(argb) } }
}

/** "#1e7b34" or "#abc" → "FF1E7B34"; anything else → undefined (no fill). */
function argbOf(colour: string): string | undefined {
  const hex = colour.trim().replace(/^#/, '')
  if (/^[0-9a-f]{6}$/i.test(hex)) return `FF${hex.toUpperCase()}`
  if (/^[0-9a-f]{3}$/i.test(hex)) return `FF${[...hex].map((c) => c + c).join('')}`.toUpperCase()
  return undefined
}

/** Black or white text, whichever contrasts more with the fill (WCAG relative luminance). */
function readableTextOn(argb: string): string {
  const channel = (offset: number) => {
    const value = Number.parseInt(argb.slice(offset, offset + 2), 16) / 255
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(2) + 0.7152 * channel(4) + 0.0722 * channel(6)
  const contrastWithWhite = 1.05 / (luminance + 0.05)
  const contrastWithBlack = (luminance + 0.05) / 0.05
  return contrastWithWhite >= contrastWithBlack ? 'FFFFFFFF' : 'FF000000'
}

function addNotes(sheet: ExcelJS.Worksheet, notes: readonly string[], firstRow: number): void {
  notes.forEach((note, index) => {
    const cell = sheet.getCell(firstRow + index, 1)
    cell.value = note
    cell.font = { italic: true }
  })
}

// --- Column widths -------------------------------------------------------------------------------

/** Wide enough for the header and the longest cell, at least the width hint, within bounds. */
function columnWidth(table: TableBlock, column: Column, index: number): number {
  const texts = [column.label, ...table.rows.map((row) => printedText(row.cells[index]))]
  const longest = Math.max(...texts.map((text) => longestLine(text)))
  return clampWidth(Math.max(longest + 2, (column.width ?? 1) * WIDTH_PER_HINT))
}

function printedText(cell: Cell | undefined): string {
  if (cell === undefined) return ''
  if (cell.kind === 'number') return cell.display
  if (cell.kind === 'text') return cell.text
  return levelText(cell)
}

const longestLine = (text: string) => Math.max(0, ...text.split('\n').map((line) => line.length))

const clampWidth = (width: number) => Math.min(Math.max(Math.ceil(width), MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH)

/** The decision as the contents sheet states it: its reference, that it is decided, or not yet. */
function decisionCell(doc: ReportDocument): string {
  const decision = decisionOf(doc)
  return decision.kind === 'draft' ? 'Ej beslutad' : decision.text
}
