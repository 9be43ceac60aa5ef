/**
 * The charts of the web app and of the printed reports: pure data in, an ECharts option out, with
 * the chart's text alternative beside it. The options are plain objects, typed loosely, so that
 * neither this package nor its users need ECharts or its types: the web app draws them in the
 * browser, packages/reports renders the very same options to SVG on the server. Every option
 * builder takes the font last (the web app's `CHART_FONT` by default, the server passes its
 * document's); the bar chart, the only one with a narrow layout, takes the web app's `narrow` flag
 * or the chart's fixed width in pixels.
 */
import type { IndicatorView } from './api.ts'
import type { AmountDisplay, OperatingFigures, OperatingView } from './api-economy.ts'
import type { PersonnelView } from './api-personnel.ts'
import { formatAmount, fromLedgerSign, roundToUnit } from './economy.ts'
import { formatNumber, joinSwedish } from './format.ts'
import { indicatorUnitLabels } from './indicators.ts'
import type { PersonnelKind } from './personnel.ts'

// ---------------------------------------------------------------------------------------------
// Shared by the charts
// ---------------------------------------------------------------------------------------------

/** The web app's font stack, the default of every chart; the server passes its document font. */
export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

/** Below this width in pixels a chart takes its narrow layout (shorter axis labels). */
export const NARROW_CHART_WIDTH = 480

const TEXT_COLOUR = '#1b1b1b'

// ---------------------------------------------------------------------------------------------
// The indicator chart
// ---------------------------------------------------------------------------------------------

const ACCENT = '#1d4f91'
const INDICATOR_COLOURS = [ACCENT, '#a3461f', '#3f6e12', '#6b3fa0', '#0e6b80', '#9d174d']
const TARGET_COLOUR = '#3d3d3d'
/** More lines than this are unreadable; the table still shows every breakdown. */
const MAX_SERIES = INDICATOR_COLOURS.length

/** The indicator's name without the trailing full stop some sources print ("… för att nå målet, %."). */
export function indicatorTitle(indicator: Pick<IndicatorView, 'name'>): string {
  return indicator.name.replace(/[.\s]+$/, '')
}

/** The unit as printed after a figure: "%", "ha", or the indicator's own label. */
export function unitText(indicator: IndicatorView): string {
  return indicator.unitLabel ?? indicatorUnitLabels[indicator.unit]
}

export interface ChartSeries {
  name: string
  /** The year actually measured, per year of `years`, when it differs (publication lag). */
  referenceYears: (number | null)[]
  /** Outcome per year of `years` (null where missing). */
  data: (number | null)[]
  /** Target per year of `years` (null where the year has none). */
  target: (number | null)[]
}

export interface ChartData {
  years: number[]
  series: ChartSeries[]
}

/** The indicator line chart: outcomes per year and breakdown, targets as dashed lines. */
export function chartData(indicator: IndicatorView): ChartData {
  const years = [...new Set([...indicator.values, ...indicator.targets].map((v) => v.year))].sort(
    (a, b) => a - b,
  )
  const keys = ['total', ...indicator.breakdowns.filter((b) => b.key !== 'total').map((b) => b.key)]
  const labelOf = (key: string) =>
    indicator.breakdowns.find((b) => b.key === key)?.label ?? (key === 'total' ? 'Totalt' : key)
  const withValues = keys.filter((key) =>
    indicator.values.some((v) => v.breakdown === key && v.value !== null),
  )
  const outcomeOf = (key: string, year: number) =>
    indicator.values.find((v) => v.breakdown === key && v.year === year)
  const series = withValues.slice(0, MAX_SERIES).map((key) => ({
    name: withValues.length === 1 ? 'Utfall' : labelOf(key),
    referenceYears: years.map((year) => {
      const reference = outcomeOf(key, year)?.referenceYear
      return reference !== undefined && reference !== year ? reference : null
    }),
    data: years.map(
      (year) => indicator.values.find((v) => v.breakdown === key && v.year === year)?.value ?? null,
    ),
    target: years.map(
      (year) => indicator.targets.find((t) => t.breakdown === key && t.year === year)?.value ?? null,
    ),
  }))
  return { years, series }
}

/** Whether there is anything to draw. */
export function hasChart(indicator: IndicatorView): boolean {
  return chartData(indicator).series.length > 0
}

function targetName(series: ChartSeries, count: number): string {
  return count === 1 ? 'Mål' : `Mål, ${series.name}`
}

function points(
  values: readonly (number | null)[],
  years: readonly number[],
  indicator: IndicatorView,
  referenceYears: readonly (number | null)[] = [],
): string[] {
  const unit = unitText(indicator)
  return values
    .map((value, i) => {
      if (value === null) return null
      const reference = referenceYears[i]
      const figure = `${formatNumber(value, indicator.decimals)}${unit ? `\u00a0${unit}` : ''} ${years[i]}`
      return reference ? `${figure} (avser ${reference})` : figure
    })
    .filter((p): p is string => p !== null)
}

/** The text alternative of the chart: what it shows, in a few short sentences. */
export function chartSummary(indicator: IndicatorView): string {
  const { years, series } = chartData(indicator)
  const first = years[0]
  const last = years[years.length - 1]
  const span = first === last ? String(first) : `${first}–${last}`
  const sentences = [`Linjediagram över ${indicatorTitle(indicator)}, ${span}.`]
  for (const s of series) {
    sentences.push(`${s.name}: ${joinSwedish(points(s.data, years, indicator, s.referenceYears))}.`)
    const targets = points(s.target, years, indicator)
    if (targets.length > 0) {
      sentences.push(`${targetName(s, series.length)} (streckad linje): ${joinSwedish(targets)}.`)
    }
  }
  sentences.push('Alla värden finns i tabellen.')
  return sentences.join(' ')
}

/**
 * ECharts option for the indicator line chart (typed loosely: a plain object, no ECharts types),
 * with its text in `font`.
 */
export function chartOption(indicator: IndicatorView, font: string = CHART_FONT): Record<string, unknown> {
  const { years, series } = chartData(indicator)
  const format = (value: number) => formatNumber(value, indicator.decimals)
  const colourOf = (i: number) => INDICATOR_COLOURS[i % INDICATOR_COLOURS.length]
  const lines: Record<string, unknown>[] = series.map((s, i) => ({
    type: 'line',
    name: s.name,
    data: s.data,
    color: colourOf(i),
    symbol: 'circle',
    symbolSize: 7,
    lineStyle: { width: 2.5 },
    connectNulls: false,
  }))
  series.forEach((s, i) => {
    const values = s.target.filter((v): v is number => v !== null)
    if (values.length === 0) return
    const colour = series.length === 1 ? TARGET_COLOUR : colourOf(i)
    const name = targetName(s, series.length)
    if (values.length === 1) {
      // A target for one year only: a dashed level across the chart, labelled with its year.
      const year = years[s.target.findIndex((v) => v !== null)]
      lines.push({
        type: 'line',
        name,
        data: years.map(() => null),
        color: colour,
        lineStyle: { type: 'dashed', width: 2 },
        symbol: 'none',
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', width: 2, color: colour },
          label: {
            show: series.length === 1,
            formatter: `Mål ${year}: ${format(values[0] ?? 0)}`,
            color: TEXT_COLOUR,
            position: 'insideEndTop',
          },
          data: [{ yAxis: values[0] }],
        },
      })
    } else {
      lines.push({
        type: 'line',
        name,
        data: s.target,
        color: colour,
        lineStyle: { type: 'dashed', width: 2 },
        symbol: 'emptyCircle',
        symbolSize: 6,
        connectNulls: true,
      })
    }
  })
  return {
    animation: false,
    textStyle: { fontFamily: font, color: TEXT_COLOUR, fontSize: 13 },
    grid: { left: 8, right: 24, top: 32, bottom: 40, containLabel: true },
    legend: { bottom: 0, selectedMode: false, textStyle: { color: TEXT_COLOUR }, itemWidth: 28 },
    xAxis: {
      type: 'category',
      data: years.map(String),
      boundaryGap: false,
      axisLabel: { color: TEXT_COLOUR },
      axisLine: { lineStyle: { color: '#6b6b6b' } },
    },
    yAxis: {
      type: 'value',
      name: unitText(indicator),
      nameTextStyle: { color: TEXT_COLOUR, align: 'left' },
      axisLabel: { color: TEXT_COLOUR, formatter: format },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    series: lines,
  }
}

// ---------------------------------------------------------------------------------------------
// The sick-leave chart
// ---------------------------------------------------------------------------------------------

const NBSP = '\u00a0'

/**
 * A figure in sv-SE with the measure's decimals: 3.03 percent → "3,03 %", a count as a whole
 * number ("198"), an index, ratio or age as the number alone (the unit is in the caption).
 */
export function formatPersonnelValue(value: number, kind: PersonnelKind, decimals: number): string {
  if (kind === 'count') return formatNumber(Math.round(value), 0)
  const text = formatNumber(value, decimals)
  return kind === 'percent' ? `${text}${NBSP}%` : text
}

export interface SickLeaveSeries {
  name: string
  data: (number | null)[]
}

export interface SickLeaveChart {
  years: number[]
  series: SickLeaveSeries[]
  decimals: number
}

/**
 * Sick leave per year for everyone and by gender (the rows without employment, age or sick days);
 * null when there is no sick leave or fewer than two years to draw a line between.
 */
export function sickLeaveChart(view: Pick<PersonnelView, 'measures'>): SickLeaveChart | null {
  const measure = view.measures.find((m) => m.measure === 'sick-leave')
  if (!measure) return null
  const rows = measure.rows.filter(
    (r) =>
      r.breakdown.employment === undefined &&
      r.breakdown.ageBand === undefined &&
      r.breakdown.sickDays === undefined,
  )
  const years = [
    ...new Set(rows.flatMap((r) => r.cells.filter((c) => c.period === null).map((c) => c.year))),
  ].sort((a, b) => a - b)
  if (years.length < 2) return null
  const series = rows
    .map((r) => ({
      name: r.label,
      data: years.map((y) => r.cells.find((c) => c.year === y && c.period === null)?.value ?? null),
    }))
    .filter((s) => s.data.filter((v) => v !== null).length > 0)
  return series.length > 0 ? { years, series, decimals: measure.decimals } : null
}

/** The chart's text alternative, in a few sentences; the table has every value. */
export function sickLeaveSummary(chart: SickLeaveChart, scopeName: string): string {
  const first = chart.years[0]
  const last = chart.years[chart.years.length - 1]
  const sentences = [`Linjediagram över sjukfrånvaron i ${scopeName}, ${first}–${last}, i procent.`]
  for (const s of chart.series) {
    const points = s.data
      .map((v, i) =>
        v === null ? null : `${formatPersonnelValue(v, 'percent', chart.decimals)} ${chart.years[i]}`,
      )
      .filter((p): p is string => p !== null)
    sentences.push(`${s.name}: ${joinSwedish(points)}.`)
  }
  const hidden = chart.series.some((s) => s.data.some((v) => v === null))
  if (hidden) sentences.push('År utan värde saknas eller är dolda.')
  sentences.push('Alla värden finns i tabellen.')
  return sentences.join(' ')
}

const SICK_LEAVE_COLOURS = ['#1d4f91', '#a3461f', '#3f6e12', '#6b3fa0']
const SICK_LEAVE_SYMBOLS = ['circle', 'triangle', 'rect', 'diamond']

/** ECharts option for the sick-leave chart (typed loosely, as the indicator chart), its text in `font`. */
export function sickLeaveOption(chart: SickLeaveChart, font: string = CHART_FONT): Record<string, unknown> {
  // The axis steps are round; one decimal is enough for them (the points have the measure's).
  const format = (value: number) => formatNumber(value, Math.min(chart.decimals, 1))
  return {
    animation: false,
    textStyle: { fontFamily: font, color: TEXT_COLOUR, fontSize: 13 },
    grid: { left: 8, right: 24, top: 32, bottom: 40, containLabel: true },
    legend: { bottom: 0, selectedMode: false, textStyle: { color: TEXT_COLOUR }, itemWidth: 28 },
    xAxis: {
      type: 'category',
      data: chart.years.map(String),
      boundaryGap: false,
      axisLabel: { color: TEXT_COLOUR },
      axisLine: { lineStyle: { color: '#6b6b6b' } },
    },
    yAxis: {
      type: 'value',
      name: '%',
      min: 0,
      nameTextStyle: { color: TEXT_COLOUR, align: 'left' },
      axisLabel: { color: TEXT_COLOUR, formatter: format },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    // Each line has its own colour, symbol and dash, so that they differ without colour too.
    series: chart.series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      color: SICK_LEAVE_COLOURS[i % SICK_LEAVE_COLOURS.length],
      symbol: SICK_LEAVE_SYMBOLS[i % SICK_LEAVE_SYMBOLS.length],
      symbolSize: 8,
      lineStyle: { width: 2.5, type: i === 0 ? 'solid' : i === 1 ? 'dashed' : 'dotted' },
      connectNulls: false,
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// The economy bar chart: budget and outcome per cost centre
// ---------------------------------------------------------------------------------------------

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

/** "helåret 2024" or "januari–augusti 2025". */
export function periodText(year: number, throughMonth: number): string {
  if (throughMonth >= 12) return `helåret ${year}`
  if (throughMonth === 1) return `januari ${year}`
  return `januari–${monthName(throughMonth)} ${year}`
}

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

const BUDGET_COLOUR = '#9aa8bb'
const OUTCOME_COLOUR = '#1d4f91'

/** Height of the chart: room for two bars per cost centre, so that long lists stay readable. */
export function barChartHeight(rows: number): number {
  return Math.max(220, rows * 34 + 90)
}

/**
 * ECharts option for horizontal bars, budget and outcome per cost centre (typed loosely: a plain
 * object, no ECharts types). Budget is a lighter bar with a pattern-free outline, outcome the
 * accent; the legend names both, so colour is not the only cue.
 *
 * `narrowOrWidth` is the web app's flag for a narrow container, or the chart's fixed width in
 * pixels (the server's documents), narrow below `NARROW_CHART_WIDTH` as in a browser that wide:
 * narrow, the cost-centre names are shortened. Its text is in `font`.
 */
export function barChartOption(
  data: BarChartData,
  display: AmountDisplay,
  narrowOrWidth: boolean | number = false,
  font: string = CHART_FONT,
): Record<string, unknown> {
  const narrow = typeof narrowOrWidth === 'number' ? narrowOrWidth < NARROW_CHART_WIDTH : narrowOrWidth
  const axis = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: display.decimals })
  const format = (value: number) => axis.format(value)
  return {
    animation: false,
    textStyle: { fontFamily: font, color: TEXT_COLOUR, fontSize: 13 },
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
