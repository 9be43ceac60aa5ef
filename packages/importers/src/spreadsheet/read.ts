import type { GridRow } from './cells.ts'
import { csvGrid, decodeCsv, readCsvRecords } from './csv.ts'
import { messages } from './messages.ts'
import { fail, Problems } from './problems.ts'
import { type ColumnSpec, readTable, type TableRow } from './table.ts'
import type { SheetParseOptions, SheetProblem, SheetResult } from './types.ts'
import { readXlsxGrid } from './xlsx.ts'

/**
 * The steps every template shares: limits, bytes → rows of cells (CSV or XLSX), the header, then
 * the template's own row rules; all or nothing, and never a throw on bad input.
 */

export const DEFAULT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxUncompressedBytes: 256 * 1024 * 1024,
} as const

/** What one template (drift, investeringar) adds to the shared steps. */
export interface SheetSpec<K extends string, Row> {
  readonly columns: readonly ColumnSpec<K>[]
  /** Sheet names looked for in an XLSX file before falling back to the first sheet. */
  readonly sheetNames: readonly string[]
  /** A sentence to add when unknown headings (normalised) suggest the other template. */
  readonly hint: (unknown: readonly string[]) => string
  /** The rows, with problems reported; `skipped` are the rows without an amount. */
  readonly readRows: (
    rows: readonly TableRow<K>[],
    options: SheetParseOptions,
    problems: Problems,
  ) => { readonly rows: readonly Row[]; readonly skipped: readonly number[] }
}

export function parseCsvSheet<K extends string, Row>(
  bytes: Uint8Array,
  options: SheetParseOptions,
  spec: SheetSpec<K, Row>,
): SheetResult<Row> {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes
    const maxRows = options.maxRows ?? DEFAULT_LIMITS.maxRows
    if (bytes.length > maxBytes) return fail('SHEET_TOO_LARGE', messages.tooLarge(bytes.length, maxBytes))
    const decoded = decodeCsv(bytes)
    if (!decoded.ok) return fail(decoded.code, decoded.message, decoded.line)
    if (decoded.text.trim() === '') return fail('SHEET_EMPTY', messages.empty())
    const problems = new Problems()
    const records = readCsvRecords(decoded.text, maxRows + 1, problems)
    if (records === 'too-many-rows') return fail('SHEET_TOO_LARGE', messages.tooManyRows(maxRows))
    if (records === null) return { ok: false, errors: problems.list() }
    return fromGrid(csvGrid(records), options, spec, problems)
  } catch {
    return fail('SHEET_INTERNAL', messages.internal())
  }
}

export async function parseXlsxSheet<K extends string, Row>(
  bytes: Uint8Array,
  options: SheetParseOptions,
  spec: SheetSpec<K, Row>,
): Promise<SheetResult<Row>> {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes
    if (bytes.length > maxBytes) return fail('SHEET_TOO_LARGE', messages.tooLarge(bytes.length, maxBytes))
    const grid = await readXlsxGrid(bytes, spec.sheetNames, {
      maxRows: options.maxRows ?? DEFAULT_LIMITS.maxRows,
      maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_LIMITS.maxUncompressedBytes,
    })
    if (!grid.ok) return fail(grid.code, grid.message)
    return fromGrid(grid.rows, options, spec, new Problems())
  } catch {
    return fail('SHEET_INTERNAL', messages.internal())
  }
}

/** An XLSX file starts with a zip header; anything else is read as CSV (which refuses other kinds). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

function fromGrid<K extends string, Row>(
  grid: readonly GridRow[],
  options: SheetParseOptions,
  spec: SheetSpec<K, Row>,
  problems: Problems,
): SheetResult<Row> {
  if (grid.length === 0) return fail('SHEET_EMPTY', messages.empty())
  const table = readTable(grid, spec.columns, problems, spec.hint)
  if (table === null) return { ok: false, errors: problems.list() }
  if (table.length === 0 && problems.count === 0) return fail('SHEET_EMPTY', messages.noDataRows())
  const read = spec.readRows(table, options, problems)
  if (problems.count > 0) return { ok: false, errors: problems.list() }
  if (read.rows.length === 0) return fail('SHEET_EMPTY', messages.noAmounts(), grid[0]?.line ?? 1)
  const first = read.skipped[0]
  const warnings: SheetProblem[] =
    first === undefined
      ? []
      : [{ code: 'SHEET_SKIPPED_ROWS', line: first, message: messages.skipped(read.skipped.length, first) }]
  return { ok: true, rows: read.rows, warnings }
}
