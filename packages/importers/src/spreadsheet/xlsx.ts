import { Buffer } from 'node:buffer'
import ExcelJS from 'exceljs'
import { type Cell, EMPTY, type GridRow, isBlank, textCell } from './cells.ts'
import { messages } from './messages.ts'
import type { SheetErrorCode } from './types.ts'
import { checkZip } from './zip.ts'

/**
 * Reading an XLSX upload into rows of cells, with exceljs. The zip is checked first (`zip.ts`), so
 * that a zip bomb or a damaged file is refused before exceljs inflates anything. exceljs is then told
 * to skip the parts of a sheet it would otherwise expand cell by cell (data validations, merged
 * ranges, conditional formats: one `A1:XFD1048576` would mean billions of objects) and to stop at
 * the row limit.
 */

export type GridRead =
  | { readonly ok: true; readonly rows: readonly GridRow[] }
  | { readonly ok: false; readonly code: SheetErrorCode; readonly message: string }

export interface XlsxLimits {
  readonly maxRows: number
  readonly maxUncompressedBytes: number
}

/** Sheet parts we never use; the listed ones can be expanded per cell, the rest is only saved work. */
const IGNORED_NODES = [
  'dataValidations',
  'mergeCells',
  'conditionalFormatting',
  'hyperlinks',
  'autoFilter',
  'tableParts',
  'drawing',
  'picture',
  'extLst',
  'rowBreaks',
  'cols',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'sheetProtection',
]

/**
 * Cells per row, on average over a sheet, that the cell limit allows: nine template columns and
 * room for formatted empty cells beside them.
 */
const CELLS_PER_ROW = 16

/**
 * Rows any sheet may have before the workbook is parsed. The data sheet's own limit is checked
 * exactly once it is read; this guard covers every sheet (exceljs parses them all), and its floor
 * keeps a short instructions sheet from tripping a small data limit.
 */
const sheetRowGuard = (maxRows: number) => Math.max(maxRows + 1, 1_000)

/** Cells allowed on one row element; far more than a template needs, few enough to bound memory. */
const MAX_CELLS_PER_ROW = 1_000

type Failure = Extract<GridRead, { ok: false }>

const failure = (code: SheetErrorCode, message: string): Failure => ({ ok: false, code, message })

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b)

/**
 * The rows of the sheet named one of `sheetNames` (case-insensitive), else of the first sheet that
 * is not the instructions. Blank rows are left out. Row arrays are sparse when cells are far apart
 * (a stray value in column XFD does not make 16 384 entries); iterate them with forEach.
 */
export async function readXlsxGrid(
  bytes: Uint8Array,
  sheetNames: readonly string[],
  limits: XlsxLimits,
): Promise<GridRead> {
  if (bytes.length === 0) return failure('SHEET_EMPTY', messages.empty())
  if (startsWith(bytes, OLE2)) return failure('SHEET_FORMAT', messages.oldExcel())
  if (!startsWith(bytes, ZIP)) return failure('SHEET_FORMAT', messages.notXlsx())
  const zip = checkZip(bytes, {
    maxUncompressedBytes: limits.maxUncompressedBytes,
    maxRowsPerSheet: sheetRowGuard(limits.maxRows),
    maxCells: sheetRowGuard(limits.maxRows) * CELLS_PER_ROW,
  })
  if (!zip.ok) {
    switch (zip.problem) {
      case 'corrupt':
        return failure('SHEET_CORRUPT', messages.corrupt(zip.detail))
      case 'encrypted':
        return failure('SHEET_CORRUPT', messages.encryptedZip())
      case 'too-large':
        return failure('SHEET_TOO_LARGE', messages.unpacksTooLarge(limits.maxUncompressedBytes))
      case 'too-many-rows':
        return failure('SHEET_TOO_LARGE', messages.tooManyRows(limits.maxRows))
      case 'too-many-cells':
        return failure(
          'SHEET_TOO_LARGE',
          messages.tooManyCells(sheetRowGuard(limits.maxRows) * CELLS_PER_ROW),
        )
    }
  }
  if (!zip.names.includes('xl/workbook.xml')) {
    const ods = zip.names.includes('mimetype') && zip.names.includes('content.xml')
    return failure('SHEET_FORMAT', ods ? messages.openDocument() : messages.notAWorkbook())
  }
  const loaded = await loadWorkbook(bytes, limits.maxRows)
  if (!loaded.ok) return loaded
  const sheet = pickSheet(loaded.workbook, sheetNames)
  if (!sheet) return failure('SHEET_EMPTY', messages.noSheet())
  const rows = gridOf(sheet)
  // The header and at most maxRows non-blank rows below it, as for CSV.
  if (rows.length > limits.maxRows + 1)
    return failure('SHEET_TOO_LARGE', messages.tooManyRows(limits.maxRows))
  return { ok: true, rows }
}

async function loadWorkbook(
  bytes: Uint8Array,
  maxRows: number,
): Promise<{ ok: true; workbook: ExcelJS.Workbook } | Failure> {
  // maxRows and maxCols are read by exceljs's sheet parser but missing from its type declarations.
  const options: ExcelJS.XlsxReadOptions & { maxRows: number; maxCols: number } = {
    ignoreNodes: IGNORED_NODES,
    maxRows: sheetRowGuard(maxRows),
    maxCols: MAX_CELLS_PER_ROW,
  }
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs declares its Buffer as an ArrayBuffer, which a Node Buffer is not; it reads a Node Buffer.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer, options)
    return { ok: true, workbook }
  } catch (error) {
    const text = error instanceof Error ? error.message : ''
    if (text.startsWith('Max row count')) return failure('SHEET_TOO_LARGE', messages.tooManyRows(maxRows))
    if (text.startsWith('Max column count')) {
      return failure('SHEET_TOO_LARGE', messages.tooManyColumns(MAX_CELLS_PER_ROW))
    }
    return failure('SHEET_CORRUPT', messages.corrupt('innehållet kan inte tolkas'))
  }
}

const normalName = (name: string) => name.trim().toLowerCase()

function pickSheet(workbook: ExcelJS.Workbook, names: readonly string[]): ExcelJS.Worksheet | undefined {
  const sheets = workbook.worksheets
  const wanted = new Set(names.map(normalName))
  return (
    sheets.find((s) => wanted.has(normalName(s.name))) ??
    sheets.find((s) => normalName(s.name) !== 'instruktioner') ??
    sheets[0]
  )
}

function gridOf(sheet: ExcelJS.Worksheet): GridRow[] {
  const rows: GridRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = []
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = toCell(cell.value)
      if (value.kind !== 'empty') cells[column - 1] = value
    })
    if (!isBlank(cells)) rows.push({ line, cells })
  })
  return rows
}

/** exceljs's value of a cell → our cell; formulas count by their saved result. */
export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return EMPTY
  if (typeof value === 'number') return { kind: 'number', value }
  if (typeof value === 'string') return textCell(value)
  if (typeof value === 'boolean') return { kind: 'boolean', value }
  if (value instanceof Date) {
    const iso = Number.isNaN(value.getTime()) ? 'ogiltigt datum' : value.toISOString().slice(0, 10)
    return { kind: 'date', iso }
  }
  if ('error' in value) return { kind: 'error', text: String(value.error) }
  if ('richText' in value) {
    return Array.isArray(value.richText) ? textCell(value.richText.map((r) => r.text ?? '').join('')) : EMPTY
  }
  if ('formula' in value || 'sharedFormula' in value) {
    // Excel saves every formula's result; a formula without one was written by another program.
    return value.result === undefined || value.result === null
      ? { kind: 'error', text: '' }
      : toCell(value.result)
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? textCell(value.text) : EMPTY
  return { kind: 'error', text: '#?' }
}
