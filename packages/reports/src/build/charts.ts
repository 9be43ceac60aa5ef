/**
 * The document's charts, from the same ECharts options as the web app (built in the domain
 * package), with the same text alternatives; the font is the document's.
 */
import {
  barChartData,
  barChartHeight,
  barChartOption,
  barChartSummary,
  hasBarChart,
  type OperatingView,
  type PersonnelView,
  sickLeaveChart,
  sickLeaveOption,
  sickLeaveSummary,
} from '@arshjul/domain'
import type { ChartBlock } from '../model.ts'
import { REPORT_FONT } from '../render/fonts.ts'

/** The width of a chart in the document, in CSS pixels (the page's text width at 10 pt). */
const WIDTH = 640

export function operatingChart(view: OperatingView, tableId: string): ChartBlock | null {
  if (!hasBarChart(view)) return null
  const bars = barChartData(view)
  return {
    kind: 'chart',
    id: `${tableId}-chart`,
    caption: `Budget och utfall per ansvar ${view.year} (${view.display.unit})`,
    alt: barChartSummary(view),
    option: barChartOption(bars, view.display, WIDTH, REPORT_FONT),
    width: WIDTH,
    height: barChartHeight(bars.names.length),
    table: tableId,
  }
}

export function sickLeaveChartBlock(view: PersonnelView): ChartBlock | null {
  const chart = sickLeaveChart(view)
  if (!chart) return null
  return {
    kind: 'chart',
    id: 'sick-leave-chart',
    caption: `Sjukfrånvaro ${chart.years[0]}–${chart.years.at(-1)} (procent)`,
    alt: sickLeaveSummary(chart, view.scope.name),
    option: sickLeaveOption(chart, REPORT_FONT),
    width: WIDTH,
    height: 300,
  }
}
