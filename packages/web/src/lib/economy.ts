/**
 * Presenting the economy views: which columns a table needs, how an amount or a deviation is
 * printed, the words for a deviation and the bar chart's data. Pure functions, no React.
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
  OperatingView,
} from '@arshjul/domain'
import { formatAmount, fromLedgerSign, roundToUnit, toneLabels } from '@arshjul/domain'

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

const monthNames = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const

/** 1 → "januari". */
export function monthName(month: number): string {
  return monthNames[month - 1] ?? String(month)
}

/** The months, for the period picker: 12 is the whole year. */
export function monthOptions(): { value: number; label: string }[] {
  return monthNames.map((name, i) => ({
    value: i + 1,
    label: i === 11 ? 'Helår (januari–december)' : `Januari–${name}`,
  }))
}

/** "helåret 2024" or "januari–augusti 2025". */
export function periodText(year: number, throughMonth: number): string {
  if (throughMonth >= 12) return `helåret ${year}`
  if (throughMonth === 1) return `januari ${year}`
  return `januari–${monthName(throughMonth)} ${year}`
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
// Bar chart
// ---------------------------------------------------------------------------------------------

export interface BarChartData {
  /** Cost-centre names, top to bottom. */
  names: string[]
  /** Budget and outcome per name in the display convention, in the display unit (rounded). */
  budget: (number | null)[]
  outcome: (number | null)[]
  budgetLabel: string
  outcomeLabel: string
}

/** The budget compared with the outcome: the period budget for a part of the year. */
export function comparedBudget(figures: OperatingFigures, throughMonth: number): number | null {
  if (throughMonth < 12 && figures.periodBudget !== null) return figures.periodBudget
  return figures.revisedBudget ?? figures.budget
}

function inUnit(amount: number | null, display: AmountDisplay): number | null {
  if (amount === null) return null
  const value = roundToUnit(fromLedgerSign(amount, display.sign), display.unit, display.decimals)
  return value === 0 ? 0 : value
}

export function barChartData(view: OperatingView): BarChartData {
  const rows = view.rows
  const partOfYear = view.throughMonth < 12
  return {
    names: rows.map((r) => r.costCentre.name),
    budget: rows.map((r) => inUnit(comparedBudget(r.figures, view.throughMonth), view.display)),
    outcome: rows.map((r) => inUnit(r.figures.outcome, view.display)),
    budgetLabel: partOfYear ? 'Budget för perioden' : 'Budget',
    outcomeLabel: 'Utfall',
  }
}

/** Whether a bar chart has something to compare: rows with a budget and an outcome. */
export function hasBarChart(view: OperatingView): boolean {
  return view.rows.length > 1 && view.rows.some((r) => r.figures.outcome !== null)
}

/**
 * The chart's short text alternative; the table beside it has every figure. Names the largest
 * deficit and surplus, since that is what a reader looks for in the chart.
 */
export function barChartSummary(view: OperatingView): string {
  const sentences = [
    `Stapeldiagram över budget och utfall per ansvar, ${periodText(view.year, view.throughMonth)}, i ${view.display.unit}.`,
  ]
  const withDeviation = view.rows.filter((r) => r.figures.deviation !== null)
  const worst = [...withDeviation].sort((a, b) => (a.figures.deviation ?? 0) - (b.figures.deviation ?? 0))[0]
  const best = [...withDeviation].sort((a, b) => (b.figures.deviation ?? 0) - (a.figures.deviation ?? 0))[0]
  if (worst && (worst.figures.deviation ?? 0) < 0) {
    sentences.push(
      `Störst underskott: ${worst.costCentre.name} (${formatAmount(worst.figures.deviation ?? 0, view.display.unit, view.display.decimals)}).`,
    )
  }
  if (best && (best.figures.deviation ?? 0) > 0) {
    sentences.push(
      `Störst överskott: ${best.costCentre.name} (${formatAmount(best.figures.deviation ?? 0, view.display.unit, view.display.decimals)}).`,
    )
  }
  sentences.push('Alla belopp finns i tabellen Driftredovisning per ansvar.')
  return sentences.join(' ')
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

// ---------------------------------------------------------------------------------------------
// Bar chart option
// ---------------------------------------------------------------------------------------------

const BUDGET_COLOUR = '#9aa8bb'
const OUTCOME_COLOUR = '#1d4f91'
const TEXT_COLOUR = '#1b1b1b'
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

/** Height of the chart: room for two bars per cost centre, so that long lists stay readable. */
export function barChartHeight(rows: number): number {
  return Math.max(220, rows * 34 + 90)
}

/**
 * ECharts option for horizontal bars, budget and outcome per cost centre (typed loosely: the web
 * app loads ECharts' types only with the chart itself). Budget is a lighter bar with a pattern-free
 * outline, outcome the accent; the legend names both, so colour is not the only cue.
 */
export function barChartOption(
  data: BarChartData,
  display: AmountDisplay,
  narrow = false,
): Record<string, unknown> {
  const axis = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: display.decimals })
  const format = (value: number) => axis.format(value)
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: TEXT_COLOUR, fontSize: 13 },
    grid: { left: 8, right: 44, top: 16, bottom: 44, containLabel: true },
    legend: { bottom: 0, selectedMode: false, textStyle: { color: TEXT_COLOUR } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.names,
      axisLabel: {
        color: TEXT_COLOUR,
        width: narrow ? 96 : 220,
        overflow: 'truncate',
      },
      axisLine: { lineStyle: { color: '#6b6b6b' } },
      axisTick: { show: false },
    },
    xAxis: {
      type: 'value',
      name: display.unit,
      nameLocation: 'end',
      nameTextStyle: { color: TEXT_COLOUR },
      axisLabel: { color: TEXT_COLOUR, formatter: format, hideOverlap: true },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    series: [
      {
        type: 'bar',
        name: data.budgetLabel,
        data: data.budget,
        itemStyle: { color: BUDGET_COLOUR, borderColor: '#4f5d70', borderWidth: 1 },
        barGap: '10%',
        barCategoryGap: '30%',
      },
      {
        type: 'bar',
        name: data.outcomeLabel,
        data: data.outcome,
        itemStyle: { color: OUTCOME_COLOUR },
      },
    ],
  }
}
