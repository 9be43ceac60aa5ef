/**
 * Presenting the economy views: which columns a table needs, how an amount or a deviation is
 * printed and the words for a deviation. Pure functions, no React. The bar chart (its data, text
 * alternative and ECharts option) and the period's words (`periodText`, `monthName`) are in
 * @arshjul/domain (charts.ts), which the server's reports share.
 *
 * Amounts come from the server as exact öre in the ledger's sign; they are turned into the
 * municipality's sign convention and rounded only here, when printed. Deviations and forecast
 * changes are favourable-positive already and are printed as they are. Totals are never computed
 * here: the server sends them.
 */
import type {
  AmountDisplay,
  DeviationTone,
  ImportKind,
  InvestmentRow,
  InvestmentView,
  OperatingFigures,
} from '@arshjul/domain'
import { formatAmount, fromLedgerSign, monthName, toneLabels } from '@arshjul/domain'

/** What stands in an empty cell: no amount of this kind was loaded. */
export const NO_AMOUNT = '–'

/** An amount in the ledger's sign, printed in the display convention without the unit: "−284,8". */
export function money(amount: number | null | undefined, display: AmountDisplay): string {
  if (amount === null || amount === undefined) return NO_AMOUNT
  return formatAmount(fromLedgerSign(amount, display.sign), display.unit, display.decimals, false)
}

/** A favourable-positive figure (deviation, forecast change), printed as it is: "2,6", "−1,2". */
export function favourable(amount: number | null | undefined, display: AmountDisplay): string {
  if (amount === null || amount === undefined) return NO_AMOUNT
  return formatAmount(amount, display.unit, display.decimals, false)
}

/** The same amount with its unit, for running text: "−284,8 mkr". */
export function moneyWithUnit(amount: number, display: AmountDisplay): string {
  return formatAmount(fromLedgerSign(amount, display.sign), display.unit, display.decimals)
}

/** Words shown with the colour, never the colour alone (WCAG 1.4.1); the domain's own words. */
export const toneWords: Record<DeviationTone, string> = toneLabels

/** A symbol beside the word, for those who see neither the colour nor read the word at a glance. */
export const toneSymbols: Record<DeviationTone, string> = {
  surplus: '▲',
  deficit: '▼',
  'on-budget': '●',
}

export function toneWord(tone: DeviationTone | null | undefined): string | null {
  return tone ? toneWords[tone] : null
}

/**
 * The deviation in running text, as a magnitude with its word: "ett underskott på 1,2 mkr",
 * "i nivå med budget (avvikelse 0,1 mkr)".
 */
export function deviationSentence(deviation: number, tone: DeviationTone, display: AmountDisplay): string {
  const magnitude = formatAmount(Math.abs(deviation), display.unit, display.decimals)
  if (tone === 'on-budget') return `i nivå med budget (avvikelse ${magnitude})`
  return `${tone === 'surplus' ? 'ett överskott' : 'ett underskott'} på ${magnitude} jämfört med budget`
}

/** "Belopp i mkr." — the unit of every amount in a table, said once in its caption. */
export function unitCaption(display: AmountDisplay): string {
  return `Belopp i ${display.unit}`
}

/** The months, for the period picker: 12 is the whole year. */
export function monthOptions(): { value: number; label: string }[] {
  return Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: i === 11 ? 'Helår (januari–december)' : `Januari–${monthName(i + 1)}`,
  }))
}

// ---------------------------------------------------------------------------------------------
// Operating tables
// ---------------------------------------------------------------------------------------------

export type OperatingColumn =
  | 'budget'
  | 'revisedBudget'
  | 'periodBudget'
  | 'outcome'
  | 'deviation'
  | 'forecast'
  | 'forecastChange'
  | 'forecastDeviation'
  | 'previousYearOutcome'

const columnOrder: readonly OperatingColumn[] = [
  'budget',
  'revisedBudget',
  'periodBudget',
  'outcome',
  'deviation',
  'forecast',
  'forecastChange',
  'forecastDeviation',
  'previousYearOutcome',
]

/** Columns whose figures are favourable-positive (printed without the sign convention). */
const favourableColumns: ReadonlySet<OperatingColumn> = new Set([
  'deviation',
  'forecastChange',
  'forecastDeviation',
])

export function isFavourableColumn(column: OperatingColumn): boolean {
  return favourableColumns.has(column)
}

/**
 * The columns a table needs: those with an amount in some row. A period budget is shown only for a
 * part of the year (for the whole year it is the budget). A table always has a budget column, so
 * that a table without any amounts still says what is missing.
 */
export function operatingColumns(
  figures: readonly (OperatingFigures | null | undefined)[],
  throughMonth: number,
): OperatingColumn[] {
  const rows = figures.filter((f): f is OperatingFigures => Boolean(f))
  const present = (column: OperatingColumn) => rows.some((f) => f[column] !== null)
  const columns = columnOrder.filter((column) => {
    if (column === 'periodBudget' && throughMonth >= 12) return false
    if (column === 'budget') return true
    return present(column)
  })
  return columns
}

/**
 * The figure a row's tone describes, as the server decides it: during the year the forecast's
 * deviation when there is a forecast, otherwise the outcome's deviation. The word goes under it.
 */
export function toneBasis(figures: OperatingFigures, throughMonth: number): OperatingColumn | null {
  if (figures.tone === null) return null
  if (throughMonth < 12 && figures.forecastDeviation !== null) return 'forecastDeviation'
  return figures.deviation !== null
    ? 'deviation'
    : figures.forecastDeviation !== null
      ? 'forecastDeviation'
      : null
}

export interface ColumnContext {
  year: number
  throughMonth: number
  /** The follow-up whose forecast the change is measured from. */
  previousFollowUp?: string | null | undefined
}

/** Column headings in the municipalities' own words. */
export function columnLabel(column: OperatingColumn, context: ColumnContext): string {
  const { year, throughMonth } = context
  switch (column) {
    case 'budget':
      return `Budget ${year}`
    case 'revisedBudget':
      return 'Reviderad budget'
    case 'periodBudget':
      return throughMonth === 1 ? 'Budget januari' : `Budget jan–${monthName(throughMonth).slice(0, 3)}`
    case 'outcome':
      return throughMonth >= 12
        ? `Utfall ${year}`
        : throughMonth === 1
          ? 'Utfall januari'
          : `Utfall jan–${monthName(throughMonth).slice(0, 3)}`
    case 'deviation':
      return 'Avvikelse'
    case 'forecast':
      return `Prognos ${year}`
    case 'forecastChange':
      return 'Förändring sedan föregående prognos'
    case 'forecastDeviation':
      return 'Avvikelse prognos'
    case 'previousYearOutcome':
      return throughMonth >= 12
        ? `Utfall ${year - 1}`
        : `Utfall jan–${monthName(throughMonth).slice(0, 3)} ${year - 1}`
  }
}

/**
 * One printed cell of an operating table. `asIs` is for rows whose amounts are not in the ledger's
 * sign: the allocation (positive when received) and the result (positive for a surplus).
 */
export function cellText(
  figures: OperatingFigures,
  column: OperatingColumn,
  display: AmountDisplay,
  asIs = false,
): string {
  const value = figures[column]
  return asIs || isFavourableColumn(column) ? favourable(value, display) : money(value, display)
}

export type StatementLine = 'netCost' | 'allocation' | 'financeNet' | 'result'

export const statementLabels: Record<StatementLine, string> = {
  netCost: 'Nettokostnader',
  allocation: 'Kommunbidrag',
  financeNet: 'Finansnetto',
  result: 'Resultat',
}

export const statementOrder: readonly StatementLine[] = ['netCost', 'allocation', 'financeNet', 'result']

/**
 * Net cost and finance net are in the ledger's sign and shown in the municipality's convention; the
 * allocation (kommunbidrag, positive when received) and the result (positive for a surplus) read the
 * same in every convention: Luleå and Linköping both print a surplus and a received allocation positive.
 */
export function statementAsIs(line: StatementLine): boolean {
  return line === 'allocation' || line === 'result'
}

/** Statement lines with any amount at all: a board without a finance net does not print one. */
export function statementLines(statement: Record<StatementLine, OperatingFigures>): StatementLine[] {
  return statementOrder.filter((line) => {
    const f = statement[line]
    return columnOrder.some((column) => f[column] !== null)
  })
}

// ---------------------------------------------------------------------------------------------
// Investments
// ---------------------------------------------------------------------------------------------

export interface InvestmentGroups {
  /** Ordinary investments. */
  ordinary: InvestmentRow[]
  /** Exploatering and land sales, reported with their own subtotal. */
  landDevelopment: InvestmentRow[]
}

export function investmentGroups(view: InvestmentView): InvestmentGroups {
  return {
    ordinary: view.projects.filter((p) => !p.landDevelopment),
    landDevelopment: view.projects.filter((p) => p.landDevelopment),
  }
}

export type InvestmentColumn =
  | 'decidedTotal'
  | 'accumulatedOutcome'
  | 'accumulatedDeviation'
  | 'budget'
  | 'revisedBudget'
  | 'forecast'
  | 'outcome'
  | 'deviation'

const investmentColumnOrder: readonly InvestmentColumn[] = [
  'decidedTotal',
  'accumulatedOutcome',
  'accumulatedDeviation',
  'budget',
  'revisedBudget',
  'forecast',
  'outcome',
  'deviation',
]

/** Always the decided budget, the year's budget and outcome; the others when some project has them. */
export function investmentColumns(projects: readonly InvestmentRow[]): InvestmentColumn[] {
  const always: ReadonlySet<InvestmentColumn> = new Set(['decidedTotal', 'budget', 'outcome'])
  return investmentColumnOrder.filter((c) => always.has(c) || projects.some((p) => p[c] !== null))
}

export function investmentColumnLabel(column: InvestmentColumn, year: number): string {
  switch (column) {
    case 'decidedTotal':
      return 'Beslutad budget'
    case 'accumulatedOutcome':
      return 'Ack. utfall'
    case 'accumulatedDeviation':
      return 'Avvikelse'
    case 'budget':
      return `Budget ${year}`
    case 'revisedBudget':
      return `Reviderad budget ${year}`
    case 'forecast':
      return `Prognos ${year}`
    case 'outcome':
      return `Utfall ${year}`
    case 'deviation':
      return `Avvikelse ${year}`
  }
}

export function investmentCell(
  figures: Partial<Record<InvestmentColumn, number | null>>,
  column: InvestmentColumn,
  display: AmountDisplay,
): string {
  const value = figures[column]
  return column === 'accumulatedDeviation' || column === 'deviation'
    ? favourable(value, display)
    : money(value, display)
}

// ---------------------------------------------------------------------------------------------
// Imports
// ---------------------------------------------------------------------------------------------

export const importKindLabels: Record<ImportKind, string> = {
  sie: 'SIE-fil från ekonomisystemet (SIE 4)',
  'csv-drift': 'Driftredovisning, CSV-fil enligt mallen',
  'xlsx-drift': 'Driftredovisning, Excel-fil enligt mallen',
  'csv-investeringar': 'Investeringar, CSV-fil enligt mallen',
  'xlsx-investeringar': 'Investeringar, Excel-fil enligt mallen',
}

/** The file types the file picker suggests for each kind. */
export const importKindAccept: Record<ImportKind, string> = {
  sie: '.se,.si,.sie,.txt',
  'csv-drift': '.csv,text/csv',
  'xlsx-drift': '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'csv-investeringar': '.csv,text/csv',
  'xlsx-investeringar': '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export interface ImportProblem {
  line: number | null
  column: string | null
  /** Where the server says the problem is when it gives no line ("ansvar 1234"). */
  path?: string | null
  message: string
}

/** "Rad 4, kolumn Belopp: Beloppet ska anges i hela kronor". */
export function importProblemText(problem: ImportProblem): string {
  const where =
    problem.line !== null
      ? [`Rad ${problem.line}`, problem.column !== null ? `kolumn ${problem.column}` : null]
          .filter(Boolean)
          .join(', ')
      : problem.path
        ? problem.path.replace(/^./, (c) => c.toLocaleUpperCase('sv-SE'))
        : ''
  // The server's messages often say where already ("Rad 4, kolumn År: …", "Okänt ansvar 9999").
  if (!where || problem.message.toLocaleLowerCase('sv-SE').includes(where.toLocaleLowerCase('sv-SE'))) {
    return problem.message
  }
  return `${where}: ${problem.message}`
}

/**
 * The listed problems of a refused file. The server lists them in `error.details`, either as an
 * array of `{path, message, line?, column?}` or as `{errors: [{line, column?, message}]}`.
 */
export function importProblemsOf(body: unknown): ImportProblem[] {
  const details = (body as { error?: { details?: unknown } } | null)?.error?.details
  const list = Array.isArray(details) ? details : (details as { errors?: unknown } | null | undefined)?.errors
  if (!Array.isArray(list)) return []
  return list.flatMap((item): ImportProblem[] => {
    if (typeof item !== 'object' || item === null) return []
    const { line, column, message, path } = item as {
      line?: unknown
      column?: unknown
      message?: unknown
      path?: unknown
    }
    if (typeof message !== 'string') return []
    return [
      {
        line: typeof line === 'number' && Number.isFinite(line) ? line : null,
        column:
          typeof column === 'string' && column !== ''
            ? column
            : typeof column === 'number'
              ? String(column)
              : null,
        path: typeof path === 'string' && path !== '' ? path : null,
        message,
      },
    ]
  })
}

/** "1 rad", "342 rader". */
export function rowCountText(count: number): string {
  return `${new Intl.NumberFormat('sv-SE').format(count)} ${count === 1 ? 'rad' : 'rader'}`
}
