/**
 * The indicator line chart: outcomes per year and breakdown, targets as dashed lines.
 * Pure data in, ECharts option out, so the same option can be rendered on the server later.
 */
import type { IndicatorView } from '@arshjul/domain'
import { formatNumber } from '@arshjul/domain'
import { joinSwedish } from './format.ts'
import { indicatorTitle, unitText } from './indicator-table.ts'

export const ACCENT = '#1d4f91'
const SERIES_COLOURS = [ACCENT, '#a3461f', '#3f6e12', '#6b3fa0', '#0e6b80', '#9d174d']
const TARGET_COLOUR = '#3d3d3d'
const TEXT_COLOUR = '#1b1b1b'
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
/** More lines than this are unreadable; the table still shows every breakdown. */
const MAX_SERIES = SERIES_COLOURS.length

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

/** ECharts option (typed loosely: the web app loads ECharts' types only with the chart itself). */
export function chartOption(indicator: IndicatorView): Record<string, unknown> {
  const { years, series } = chartData(indicator)
  const format = (value: number) => formatNumber(value, indicator.decimals)
  const colourOf = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]
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
    textStyle: { fontFamily: FONT, color: TEXT_COLOUR, fontSize: 13 },
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
