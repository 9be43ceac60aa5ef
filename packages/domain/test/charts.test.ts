import { describe, expect, it } from 'vitest'
import {
  type AmountDisplay,
  barChartData,
  barChartHeight,
  barChartOption,
  barChartSummary,
  CHART_FONT,
  chartData,
  chartOption,
  chartSummary,
  comparedBudget,
  formatPersonnelValue,
  hasBarChart,
  hasChart,
  type IndicatorView,
  indicatorTitle,
  joinSwedish,
  monthName,
  type OperatingFigures,
  type OperatingView,
  type PersonnelView,
  periodText,
  sickLeaveChart,
  sickLeaveOption,
  sickLeaveSummary,
  unitText,
} from '../src/index.ts'

const MINUS = '\u2212'
const NBSP = '\u00a0'
const mkr = 100_000_000
const REPORT_FONT = 'Source Sans 3'

type Option = Record<string, unknown>
const at = (option: Option, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], option)

// ---------------------------------------------------------------------------------------------
// The indicator chart
// ---------------------------------------------------------------------------------------------

const indicator = (over: Partial<IndicatorView>): IndicatorView => ({
  key: 'markreserv',
  name: 'Markreserv verksamhetsmark',
  description: null,
  unit: 'hectare',
  unitLabel: null,
  direction: 'increase',
  source: { kind: 'manual' },
  decimals: 0,
  scope: null,
  publicationLagYears: 0,
  lagNote: null,
  breakdowns: [],
  values: [
    { year: 2022, breakdown: 'total', value: 50, status: 'final' },
    { year: 2023, breakdown: 'total', value: 28, status: 'final' },
    { year: 2024, breakdown: 'total', value: 43, status: 'final' },
  ],
  targets: [{ year: 2024, breakdown: 'total', value: 50 }],
  goals: [],
  ...over,
})

describe('the text alternative of a chart', () => {
  it('reads the outcomes and the target', () => {
    expect(chartSummary(indicator({}))).toBe(
      'Linjediagram över Markreserv verksamhetsmark, 2022–2024. Utfall: 50\u00a0ha 2022, 28\u00a0ha 2023 och 43\u00a0ha 2024. ' +
        'Mål (streckad linje): 50\u00a0ha 2024. Alla värden finns i tabellen.',
    )
  })

  it('says which year a lagging value refers to', () => {
    const lagging = indicator({
      name: 'Nettoutsläpp, %.',
      unit: 'percent',
      values: [{ year: 2023, breakdown: 'total', value: 41, status: 'final', referenceYear: 2021 }],
      targets: [],
    })
    expect(chartSummary(lagging)).toBe(
      'Linjediagram över Nettoutsläpp, %, 2023. Utfall: 41\u00a0% 2023 (avser 2021). Alla värden finns i tabellen.',
    )
  })
})

describe('the indicator chart', () => {
  it('names the indicator without a trailing full stop and prints its unit', () => {
    expect(indicatorTitle({ name: 'Nettoutsläpp, %. ' })).toBe('Nettoutsläpp, %')
    expect(unitText(indicator({}))).toBe('ha')
    expect(unitText(indicator({ unit: 'other', unitLabel: 'st' }))).toBe('st')
  })

  it('has a line per breakdown with values and the targets beside them', () => {
    const data = chartData(indicator({}))
    expect(data.years).toEqual([2022, 2023, 2024])
    expect(data.series).toEqual([
      { name: 'Utfall', referenceYears: [null, null, null], data: [50, 28, 43], target: [null, null, 50] },
    ])
    expect(hasChart(indicator({}))).toBe(true)
    expect(hasChart(indicator({ values: [], targets: [] }))).toBe(false)
  })

  it('draws a single target as a dashed level labelled with its year', () => {
    const option = chartOption(indicator({}))
    const series = option.series as Option[]
    expect(series.map((s) => s.name)).toEqual(['Utfall', 'Mål'])
    expect(at(option, 'series', 1, 'markLine', 'label', 'formatter')).toBe('Mål 2024: 50')
    expect(at(option, 'yAxis', 'name')).toBe('ha')
    expect(option.animation).toBe(false)
  })

  it('uses the web app’s font unless it is given the document’s', () => {
    expect(at(chartOption(indicator({})), 'textStyle', 'fontFamily')).toBe(CHART_FONT)
    const printed = chartOption(indicator({}), REPORT_FONT)
    expect(at(printed, 'textStyle', 'fontFamily')).toBe(REPORT_FONT)
    // Nothing else differs: the server draws the web app's chart.
    expect(JSON.stringify({ ...printed, textStyle: null })).toBe(
      JSON.stringify({ ...chartOption(indicator({})), textStyle: null }),
    )
  })
})

// ---------------------------------------------------------------------------------------------
// The sick-leave chart
// ---------------------------------------------------------------------------------------------

type Measure = PersonnelView['measures'][number]
type Cell = Measure['rows'][number]['cells'][number]

const cell = (year: number, value: number | null, extra: Partial<Cell> = {}): Cell => ({
  year,
  period: null,
  value,
  hidden: false,
  computed: false,
  numerator: null,
  denominator: null,
  ...extra,
})

const sickLeave: Measure = {
  measure: 'sick-leave',
  label: 'Sjukfrånvaro',
  kind: 'percent',
  decimals: 2,
  numerator: 'sjukfrånvarotimmar',
  denominator: 'ordinarie arbetstid i timmar',
  rows: [
    { breakdown: {}, label: 'Samtliga', cells: [cell(2023, 3.1), cell(2024, 3.03)] },
    { breakdown: { gender: 'women' }, label: 'Kvinnor', cells: [cell(2023, 3.5), cell(2024, 3.44)] },
    { breakdown: { gender: 'men' }, label: 'Män', cells: [cell(2024, 2.03)] },
    { breakdown: { ageBand: '0-29' }, label: '29 år och yngre', cells: [cell(2024, 0.8)] },
  ],
}

describe('numbers by the measure’s kind', () => {
  it('writes percentages with the measure’s decimals and a percent sign', () => {
    expect(formatPersonnelValue(3.03, 'percent', 2)).toBe(`3,03${NBSP}%`)
    expect(formatPersonnelValue(2, 'percent', 2)).toBe(`2,00${NBSP}%`)
    expect(formatPersonnelValue(24.7, 'percent', 1)).toBe(`24,7${NBSP}%`)
  })

  it('writes counts as whole numbers, with a space between thousands', () => {
    expect(formatPersonnelValue(198, 'count', 0)).toBe('198')
    expect(formatPersonnelValue(1234, 'count', 0).replace(/\s/g, ' ')).toBe('1 234')
    expect(formatPersonnelValue(19.6, 'count', 1)).toBe('20')
  })

  it('writes an index, a ratio and an age as the number alone', () => {
    expect(formatPersonnelValue(88, 'index', 0)).toBe('88')
    expect(formatPersonnelValue(71.3, 'index', 1)).toBe('71,3')
    expect(formatPersonnelValue(11, 'ratio', 1)).toBe('11,0')
    expect(formatPersonnelValue(64.4, 'years', 1)).toBe('64,4')
  })
})

describe('the sick-leave chart', () => {
  it('draws everyone and the genders over the years, not the age bands', () => {
    const chart = sickLeaveChart({ measures: [sickLeave] })
    expect(chart?.years).toEqual([2023, 2024])
    expect(chart?.series.map((s) => s.name)).toEqual(['Samtliga', 'Kvinnor', 'Män'])
    expect(chart?.series[2]?.data).toEqual([null, 2.03])
  })

  it('draws nothing for a single year', () => {
    const one: Measure = {
      ...sickLeave,
      rows: [{ breakdown: {}, label: 'Samtliga', cells: [cell(2024, 3.03)] }],
    }
    expect(sickLeaveChart({ measures: [one] })).toBeNull()
    expect(sickLeaveChart({ measures: [] })).toBeNull()
  })

  it('summarises the lines in words', () => {
    const chart = sickLeaveChart({ measures: [sickLeave] })
    if (!chart) throw new Error('no chart')
    const text = sickLeaveSummary(chart, 'KSF').replace(/\u00a0/g, ' ')
    expect(text).toContain('Linjediagram över sjukfrånvaron i KSF, 2023–2024')
    expect(text).toContain('Samtliga: 3,10 % 2023 och 3,03 % 2024.')
    expect(text).toContain('Män: 2,03 % 2024.')
    expect(text).toContain('Alla värden finns i tabellen.')
  })

  it('tells the lines apart by symbol and dash as well as colour', () => {
    const chart = sickLeaveChart({ measures: [sickLeave] })
    if (!chart) throw new Error('no chart')
    const series = sickLeaveOption(chart).series as Option[]
    expect(series.map((s) => s.symbol)).toEqual(['circle', 'triangle', 'rect'])
    expect(series.map((s) => at(s, 'lineStyle', 'type'))).toEqual(['solid', 'dashed', 'dotted'])
    expect(at(sickLeaveOption(chart), 'textStyle', 'fontFamily')).toBe(CHART_FONT)
    expect(at(sickLeaveOption(chart, REPORT_FONT), 'textStyle', 'fontFamily')).toBe(REPORT_FONT)
  })
})

// ---------------------------------------------------------------------------------------------
// The economy bar chart
// ---------------------------------------------------------------------------------------------

const lulea: AmountDisplay = { unit: 'mkr', decimals: 1, sign: 'costs-negative' }

function figures(values: Partial<OperatingFigures> = {}): OperatingFigures {
  return {
    budget: null,
    revisedBudget: null,
    periodBudget: null,
    outcome: null,
    forecast: null,
    previousForecast: null,
    previousYearOutcome: null,
    deviation: null,
    forecastDeviation: null,
    forecastChange: null,
    tone: null,
    ...values,
  }
}

describe('periods', () => {
  it('says which part of the year the figures cover', () => {
    expect(periodText(2024, 12)).toBe('helåret 2024')
    expect(periodText(2025, 8)).toBe('januari–augusti 2025')
    expect(periodText(2025, 1)).toBe('januari 2025')
  })

  it('names the months', () => {
    expect(monthName(1)).toBe('januari')
    expect(monthName(12)).toBe('december')
    expect(monthName(13)).toBe('13')
  })
})

describe('the bar chart', () => {
  const view = {
    year: 2024,
    throughMonth: 12,
    display: lulea,
    rows: [
      {
        costCentre: { code: '1', name: 'Kontor/KC Detaljplan' },
        figures: figures({ budget: 10 * mkr, outcome: 11 * mkr, deviation: -1 * mkr, tone: 'deficit' }),
      },
      {
        costCentre: { code: '2', name: 'Kansliet' },
        figures: figures({
          budget: 20 * mkr,
          revisedBudget: 22 * mkr,
          outcome: 19 * mkr,
          deviation: 3 * mkr,
        }),
      },
    ],
  } as unknown as OperatingView

  it('plots budget and outcome in the display convention and unit', () => {
    const data = barChartData(view)
    expect(data.names).toEqual(['Kontor/KC Detaljplan', 'Kansliet'])
    expect(data.budget).toEqual([-10, -22]) // the revised budget when there is one
    expect(data.outcome).toEqual([-11, -19])
  })

  it('compares the outcome with the period budget for a part of the year', () => {
    const f = figures({ budget: 12, revisedBudget: 13, periodBudget: 8 })
    expect(comparedBudget(f, 8)).toBe(8)
    expect(comparedBudget(f, 12)).toBe(13)
    expect(comparedBudget(figures({ budget: 12 }), 8)).toBe(12)
    expect(barChartData({ ...view, throughMonth: 8 }).budgetLabel).toBe('Budget för perioden')
  })

  it('is drawn for more than one cost centre with an outcome', () => {
    expect(hasBarChart(view)).toBe(true)
    expect(hasBarChart({ ...view, rows: view.rows.slice(0, 1) })).toBe(false)
    expect(barChartHeight(2)).toBe(220)
    expect(barChartHeight(10)).toBe(430)
  })

  it('sums itself up in words and points to the table', () => {
    const summary = barChartSummary(view)
    expect(summary).toContain('helåret 2024')
    expect(summary).toContain(`Störst underskott: Kontor/KC Detaljplan (${MINUS}1,0${NBSP}mkr)`)
    expect(summary).toContain(`Störst överskott: Kansliet (3,0${NBSP}mkr)`)
    expect(summary).toContain('tabellen')
  })

  it('shortens the names on a narrow screen, or in a narrow fixed width', () => {
    const data = barChartData(view)
    const labelWidth = (option: Option) => at(option, 'yAxis', 'axisLabel', 'width')
    expect(labelWidth(barChartOption(data, lulea))).toBe(220)
    expect(labelWidth(barChartOption(data, lulea, false))).toBe(220)
    expect(labelWidth(barChartOption(data, lulea, true))).toBe(96)
    expect(labelWidth(barChartOption(data, lulea, 640))).toBe(220)
    expect(labelWidth(barChartOption(data, lulea, 480))).toBe(220)
    expect(labelWidth(barChartOption(data, lulea, 479))).toBe(96)
  })

  it('uses the web app’s font unless it is given the document’s, and changes nothing else', () => {
    const data = barChartData(view)
    const web = barChartOption(data, lulea, false)
    const printed = barChartOption(data, lulea, 640, REPORT_FONT)
    expect(at(web, 'textStyle', 'fontFamily')).toBe(CHART_FONT)
    expect(at(printed, 'textStyle', 'fontFamily')).toBe(REPORT_FONT)
    expect(at(barChartOption(data, lulea, false, REPORT_FONT), 'textStyle', 'fontFamily')).toBe(REPORT_FONT)
    expect(JSON.stringify({ ...printed, textStyle: null })).toBe(JSON.stringify({ ...web, textStyle: null }))
    const format = at(web, 'xAxis', 'axisLabel', 'formatter') as (value: number) => string
    expect(format(-1234.5)).toBe(`${MINUS}1${NBSP}234,5`)
  })
})

describe('Swedish lists', () => {
  it('joins a list with "och"', () => {
    expect(joinSwedish(['a', 'b', 'c'])).toBe('a, b och c')
    expect(joinSwedish(['a'])).toBe('a')
    expect(joinSwedish([])).toBe('')
  })
})
