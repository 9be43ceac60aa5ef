import {
  type InvestmentCategory,
  type InvestmentStatus,
  investmentCategoryLabels,
  investmentStatusLabels,
} from '@arshjul/domain'
import {
  parseAmount,
  parseKey,
  parseLabelled,
  parseMeasure,
  parseName,
  parseYear,
  RowReader,
} from './fields.ts'
import { messages } from './messages.ts'
import { kronorText, toLedgerSign } from './number.ts'
import { checkFollowUp, checkYear } from './operating.ts'
import type { Problems } from './problems.ts'
import { looksLikeZip, parseCsvSheet, parseXlsxSheet, type SheetSpec } from './read.ts'
import type { ColumnSpec, TableRow } from './table.ts'
import type {
  InvestmentMeasure,
  InvestmentProjectInfo,
  InvestmentRow,
  SheetParseOptions,
  SheetResult,
} from './types.ts'

/**
 * The investment template: one amount per project, year and measure, with the project's name,
 * category, status and decided total budget repeated on each of its rows.
 */

export type InvestmentColumn =
  | 'project'
  | 'name'
  | 'category'
  | 'status'
  | 'decidedTotal'
  | 'year'
  | 'measure'
  | 'followUp'
  | 'amount'

export const INVESTMENT_COLUMNS: readonly ColumnSpec<InvestmentColumn>[] = [
  { key: 'project', name: 'Projekt', required: true },
  { key: 'name', name: 'Namn', required: true },
  { key: 'category', name: 'Kategori', required: true },
  { key: 'status', name: 'Status', required: true },
  { key: 'decidedTotal', name: 'Beslutad totalbudget', required: false },
  { key: 'year', name: 'År', required: true },
  { key: 'measure', name: 'Mått', required: true },
  { key: 'followUp', name: 'Uppföljning', required: false },
  { key: 'amount', name: 'Belopp', required: true },
]

const HEADINGS = Object.fromEntries(INVESTMENT_COLUMNS.map((c) => [c.key, c.name])) as Record<
  InvestmentColumn,
  string
>

/** Investments are followed up per year; a period budget is for operations only. */
export const INVESTMENT_MEASURES: readonly InvestmentMeasure[] = [
  'budget',
  'revised-budget',
  'forecast',
  'outcome',
  'plan',
]

const OPERATING_ONLY = new Set(['månad', 'ansvar', 'konto', 'kontogrupp', 'verksamhet'])

export const investmentSpec: SheetSpec<InvestmentColumn, InvestmentRow> = {
  columns: INVESTMENT_COLUMNS,
  sheetNames: ['Investeringar'],
  hint: (unknown) => (unknown.some((u) => OPERATING_ONLY.has(u)) ? messages.operatingHint() : ''),
  readRows: readInvestmentRows,
}

/** Reads a CSV upload of the investment template. Never throws. */
export function parseInvestmentsCsv(
  bytes: Uint8Array,
  options: SheetParseOptions,
): SheetResult<InvestmentRow> {
  return parseCsvSheet(bytes, options, investmentSpec)
}

/** Reads an XLSX upload of the investment template. Never rejects. */
export function parseInvestmentsXlsx(
  bytes: Uint8Array,
  options: SheetParseOptions,
): Promise<SheetResult<InvestmentRow>> {
  return parseXlsxSheet(bytes, options, investmentSpec)
}

/** Reads an upload of either kind, told apart by its first bytes. */
export async function parseInvestments(
  bytes: Uint8Array,
  options: SheetParseOptions,
): Promise<SheetResult<InvestmentRow>> {
  return looksLikeZip(bytes) ? parseInvestmentsXlsx(bytes, options) : parseInvestmentsCsv(bytes, options)
}

/** Reads an upload whose format the caller knows (from the chosen import kind). */
export async function parseInvestmentSheet(
  bytes: Uint8Array,
  format: 'csv' | 'xlsx',
  options: SheetParseOptions,
): Promise<SheetResult<InvestmentRow>> {
  return format === 'xlsx' ? parseInvestmentsXlsx(bytes, options) : parseInvestmentsCsv(bytes, options)
}

/** A project as its first row gave it, with where each fact came from for messages. */
interface ProjectSeen {
  readonly line: number
  readonly name: string
  readonly category: InvestmentCategory
  readonly status: InvestmentStatus
  /** Ledger sign; `decidedShown` is the convention-signed value for messages. */
  decidedTotalOre?: number
  decidedShown?: number
  decidedLine?: number
}

/**
 * Every row of one project must describe it the same way. The decided total may be given on one
 * row only (the rest left empty), but where given twice the two must agree.
 */
function checkProject(
  r: RowReader<InvestmentColumn>,
  key: string,
  seen: ProjectSeen,
  here: {
    name: string
    category: InvestmentCategory
    status: InvestmentStatus
    decided?: number
    shown?: number
  },
): void {
  const conflict = (column: InvestmentColumn, what: string, first: string, firstLine: number, now: string) =>
    r.report('SHEET_PROJECT_CONFLICT', column, messages.projectConflict(key, what, first, firstLine, now))
  if (here.name !== seen.name) conflict('name', 'namnet', seen.name, seen.line, here.name)
  if (here.category !== seen.category) {
    const labels = investmentCategoryLabels
    conflict('category', 'kategorin', labels[seen.category], seen.line, labels[here.category])
  }
  if (here.status !== seen.status) {
    const labels = investmentStatusLabels
    conflict('status', 'statusen', labels[seen.status], seen.line, labels[here.status])
  }
  if (here.decided === undefined || here.shown === undefined) return
  if (seen.decidedTotalOre === undefined) {
    seen.decidedTotalOre = here.decided
    seen.decidedShown = here.shown
    seen.decidedLine = r.line
  } else if (seen.decidedTotalOre !== here.decided) {
    const first = kronorText(seen.decidedShown ?? 0)
    conflict(
      'decidedTotal',
      'beslutad totalbudget',
      first,
      seen.decidedLine ?? seen.line,
      kronorText(here.shown),
    )
  }
}

const identity = (project: string, year: number, measure: InvestmentMeasure, followUp: string | undefined) =>
  JSON.stringify([project, year, measure, followUp ?? ''])

function readInvestmentRows(
  rows: readonly TableRow<InvestmentColumn>[],
  options: SheetParseOptions,
  problems: Problems,
): { rows: InvestmentRow[]; skipped: number[] } {
  const projects = new Map<string, ProjectSeen>()
  const read: {
    line: number
    key: string
    year: number
    measure: InvestmentMeasure
    followUp?: string
    amountOre: number
  }[] = []
  const skipped: number[] = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const r = new RowReader(row, HEADINGS, problems)
    const key = r.read('project', parseKey('SHEET_PROJECT'), { code: 'SHEET_PROJECT' })
    const name = r.read('name', parseName, { code: 'SHEET_PROJECT_NAME' })
    const category = r.read(
      'category',
      (c) => parseLabelled(c, investmentCategoryLabels, 'SHEET_CATEGORY', messages.category),
      { code: 'SHEET_CATEGORY' },
    )
    const status = r.read(
      'status',
      (c) => parseLabelled(c, investmentStatusLabels, 'SHEET_STATUS', messages.status),
      {
        code: 'SHEET_STATUS',
      },
    )
    const decided = r.read('decidedTotal', parseAmount)
    const year = r.read('year', (c) => parseYear(c, options.year), { code: 'SHEET_YEAR' })
    const measure = r.read('measure', (c) => parseMeasure(c, INVESTMENT_MEASURES), { code: 'SHEET_MEASURE' })
    const followUp = r.read('followUp', parseKey('SHEET_FOLLOW_UP'))
    const amount = r.read('amount', parseAmount)
    if (measure !== undefined) {
      checkYear(r, 'year', year, measure, options.year)
      checkFollowUp(r, 'followUp', measure)
    }
    if (key !== undefined && name !== undefined && category !== undefined && status !== undefined) {
      const here = {
        name,
        category,
        status,
        ...(decided === undefined ? {} : { decided: toLedgerSign(decided, options.sign), shown: decided }),
      }
      const known = projects.get(key)
      if (known) checkProject(r, key, known, here)
      else {
        projects.set(key, {
          line: row.line,
          name,
          category,
          status,
          ...(here.decided === undefined
            ? {}
            : { decidedTotalOre: here.decided, decidedShown: decided, decidedLine: row.line }),
        })
      }
    }
    if (!r.valid || key === undefined || year === undefined || measure === undefined) continue
    if (amount === undefined) {
      skipped.push(row.line)
      continue
    }
    const id = identity(key, year, measure, followUp)
    const first = seen.get(id)
    if (first !== undefined) {
      problems.add('SHEET_DUPLICATE', row.line, messages.duplicate(row.line, first))
      continue
    }
    seen.set(id, row.line)
    read.push({
      line: row.line,
      key,
      year,
      measure,
      ...(followUp === undefined ? {} : { followUp }),
      amountOre: toLedgerSign(amount, options.sign),
    })
  }
  // Every row of a project gets the same description, including a decided total given on one row.
  const infos = new Map<string, InvestmentProjectInfo>()
  for (const [key, p] of projects) {
    infos.set(key, {
      key,
      name: p.name,
      category: p.category,
      status: p.status,
      ...(p.decidedTotalOre === undefined ? {} : { decidedTotalOre: p.decidedTotalOre }),
    })
  }
  const out: InvestmentRow[] = []
  for (const { key, ...rest } of read) {
    const project = infos.get(key)
    if (project) out.push({ ...rest, project })
  }
  return { rows: out, skipped }
}
