import { type Measure, measureLabels } from '@arshjul/domain'
import {
  parseAccount,
  parseActivity,
  parseAmount,
  parseCostCentre,
  parseKey,
  parseMeasure,
  parseMonth,
  parseYear,
  RowReader,
} from './fields.ts'
import { messages } from './messages.ts'
import { toLedgerSign } from './number.ts'
import type { Problems } from './problems.ts'
import { looksLikeZip, parseCsvSheet, parseXlsxSheet, type SheetSpec } from './read.ts'
import type { ColumnSpec, TableRow } from './table.ts'
import type { OperatingRow, SheetParseOptions, SheetResult } from './types.ts'

/**
 * The operating (drift) template: one amount per row, by year, month, measure and any of the
 * dimensions cost centre, account, account group and SCB activity.
 */

export type OperatingColumn =
  | 'year'
  | 'month'
  | 'measure'
  | 'costCentre'
  | 'account'
  | 'accountGroup'
  | 'activityCode'
  | 'followUp'
  | 'amount'

/**
 * The columns, in the template's order. Year, measure and amount must be there; a dimension
 * column the municipality does not use may be deleted.
 */
export const OPERATING_COLUMNS: readonly ColumnSpec<OperatingColumn>[] = [
  { key: 'year', name: 'År', required: true },
  { key: 'month', name: 'Månad', required: false },
  { key: 'measure', name: 'Mått', required: true },
  { key: 'costCentre', name: 'Ansvar', required: false },
  { key: 'account', name: 'Konto', required: false },
  { key: 'accountGroup', name: 'Kontogrupp', required: false },
  { key: 'activityCode', name: 'Verksamhet', required: false },
  { key: 'followUp', name: 'Uppföljning', required: false },
  { key: 'amount', name: 'Belopp', required: true },
]

const HEADINGS = Object.fromEntries(OPERATING_COLUMNS.map((c) => [c.key, c.name])) as Record<
  OperatingColumn,
  string
>

/** Every measure, in the order the template lists them. */
export const OPERATING_MEASURES: readonly Measure[] = [
  'budget',
  'revised-budget',
  'period-budget',
  'outcome',
  'forecast',
  'plan',
]

/** Period budget and outcome are per month; the rest are for the whole year. */
export const isMonthly = (m: Measure) => m === 'period-budget' || m === 'outcome'

const INVESTMENT_ONLY = new Set(['projekt', 'namn', 'kategori', 'status', 'beslutad totalbudget'])

export const operatingSpec: SheetSpec<OperatingColumn, OperatingRow> = {
  columns: OPERATING_COLUMNS,
  sheetNames: ['Drift'],
  hint: (unknown) => (unknown.some((u) => INVESTMENT_ONLY.has(u)) ? messages.investmentHint() : ''),
  readRows: readOperatingRows,
}

/** Reads a CSV upload of the operating template. Never throws. */
export function parseOperatingCsv(bytes: Uint8Array, options: SheetParseOptions): SheetResult<OperatingRow> {
  return parseCsvSheet(bytes, options, operatingSpec)
}

/** Reads an XLSX upload of the operating template. Never rejects. */
export function parseOperatingXlsx(
  bytes: Uint8Array,
  options: SheetParseOptions,
): Promise<SheetResult<OperatingRow>> {
  return parseXlsxSheet(bytes, options, operatingSpec)
}

/** Reads an upload of either kind, told apart by its first bytes. */
export async function parseOperating(
  bytes: Uint8Array,
  options: SheetParseOptions,
): Promise<SheetResult<OperatingRow>> {
  return looksLikeZip(bytes) ? parseOperatingXlsx(bytes, options) : parseOperatingCsv(bytes, options)
}

/** Reads an upload whose format the caller knows (from the chosen import kind). */
export async function parseOperatingSheet(
  bytes: Uint8Array,
  format: 'csv' | 'xlsx',
  options: SheetParseOptions,
): Promise<SheetResult<OperatingRow>> {
  return format === 'xlsx' ? parseOperatingXlsx(bytes, options) : parseOperatingCsv(bytes, options)
}

/**
 * The year rule shared with investments: a row is for the import's year, except a plan amount,
 * which is for a later year (plan 2026–2027 in "Budget 2025 med plan 2026–2027").
 */
export function checkYear<K extends string>(
  r: RowReader<K>,
  key: K,
  year: number | undefined,
  measure: Measure,
  importYear: number,
): void {
  if (year === undefined) return
  if (measure === 'plan') {
    if (year <= importYear) r.report('SHEET_YEAR', key, messages.planYear(year, importYear))
  } else if (year !== importYear) r.report('SHEET_YEAR', key, messages.wrongYear(year, importYear))
}

/** A forecast belongs to a follow-up; no other measure does. */
export function checkFollowUp<K extends string>(r: RowReader<K>, key: K, measure: Measure): void {
  const empty = r.isEmpty(key)
  if (measure === 'forecast' && empty) r.report('SHEET_FOLLOW_UP', key, messages.followUpNeeded())
  if (measure !== 'forecast' && !empty) {
    r.report('SHEET_FOLLOW_UP', key, messages.followUpNotAllowed(measureLabels[measure]))
  }
}

function checkMonth(r: RowReader<OperatingColumn>, measure: Measure, monthRead: boolean): void {
  const empty = r.isEmpty('month')
  if (isMonthly(measure) && empty)
    r.report('SHEET_MONTH', 'month', messages.monthlyNeedsMonth(measureLabels[measure]))
  // A month that could not be read is reported already; one more error on the cell would only repeat it.
  if (!isMonthly(measure) && !empty && monthRead) {
    r.report('SHEET_MONTH', 'month', messages.annualHasMonth(measureLabels[measure]))
  }
}

/** Year, month, measure and dimensions: what makes two rows the same amount. */
const identity = (row: Omit<OperatingRow, 'line' | 'amountOre'>) =>
  JSON.stringify([
    row.year,
    row.month ?? 0,
    row.measure,
    row.costCentre ?? '',
    row.account ?? '',
    row.accountGroup ?? '',
    row.activityCode ?? '',
    row.followUp ?? '',
  ])

function readOperatingRows(
  rows: readonly TableRow<OperatingColumn>[],
  options: SheetParseOptions,
  problems: Problems,
): { rows: OperatingRow[]; skipped: number[] } {
  const out: OperatingRow[] = []
  const skipped: number[] = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const r = new RowReader(row, HEADINGS, problems)
    const year = r.read('year', (c) => parseYear(c, options.year), { code: 'SHEET_YEAR' })
    const month = r.read('month', parseMonth)
    const monthRead = parseMonth(row.cell('month')).ok
    const measure = r.read('measure', (c) => parseMeasure(c, OPERATING_MEASURES), { code: 'SHEET_MEASURE' })
    const costCentre = r.read('costCentre', parseCostCentre)
    const account = r.read('account', parseAccount)
    const accountGroup = r.read('accountGroup', parseKey('SHEET_ACCOUNT_GROUP'))
    const activityCode = r.read('activityCode', parseActivity)
    const followUp = r.read('followUp', parseKey('SHEET_FOLLOW_UP'))
    const amount = r.read('amount', parseAmount)
    if (measure !== undefined) {
      checkYear(r, 'year', year, measure, options.year)
      checkMonth(r, measure, monthRead)
      checkFollowUp(r, 'followUp', measure)
    }
    if (!r.valid || year === undefined || measure === undefined) continue
    // A row without an amount carries nothing: a prefilled row nobody filled in. Its other cells are
    // still checked above, so an amount typed into the wrong column is an error, not a lost value.
    if (amount === undefined) {
      skipped.push(row.line)
      continue
    }
    const fields = {
      year,
      ...(isMonthly(measure) && month !== undefined ? { month } : {}),
      measure,
      ...(costCentre === undefined ? {} : { costCentre }),
      ...(account === undefined ? {} : { account }),
      ...(accountGroup === undefined ? {} : { accountGroup }),
      ...(activityCode === undefined ? {} : { activityCode }),
      ...(followUp === undefined ? {} : { followUp }),
    }
    const key = identity(fields)
    const first = seen.get(key)
    if (first !== undefined) {
      problems.add('SHEET_DUPLICATE', row.line, messages.duplicate(row.line, first))
      continue
    }
    seen.set(key, row.line)
    out.push({ line: row.line, ...fields, amountOre: toLedgerSign(amount, options.sign) })
  }
  return { rows: out, skipped }
}
