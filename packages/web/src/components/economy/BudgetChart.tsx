import type { OperatingView } from '@arshjul/domain'
import {
  barChartData,
  barChartHeight,
  barChartOption,
  barChartSummary,
  NARROW_CHART_WIDTH,
} from '@arshjul/domain'
import { loadBarCharts } from '../../lib/echarts-load.ts'
import { useEChart } from '../../lib/use-echart.ts'

/**
 * Budget and outcome per cost centre as horizontal bars. It is an image to assistive technology,
 * summarised by its aria-label; the table "Driftredovisning per ansvar" is the full text alternative.
 */
export function BudgetChart({ view }: { view: OperatingView }) {
  const { ref: container, failed } = useEChart(loadBarCharts, view, (chart, data, element) => {
    const bars = barChartData(data)
    // Narrow screens get a layout of their own; it is chosen again when the width crosses 480 px.
    let narrow = element.clientWidth < NARROW_CHART_WIDTH
    chart.setOption(barChartOption(bars, data.display, narrow))
    return () => {
      const nowNarrow = element.clientWidth < NARROW_CHART_WIDTH
      if (nowNarrow !== narrow) {
        narrow = nowNarrow
        chart.setOption(barChartOption(bars, data.display, narrow))
      }
    }
  })

  if (failed) {
    return <p className="muted">Diagrammet kunde inte visas. Alla belopp finns i tabellen.</p>
  }
  return (
    <div
      ref={container}
      className="chart economy-chart"
      style={{ height: `${barChartHeight(view.rows.length)}px` }}
      role="img"
      aria-label={barChartSummary(view)}
    />
  )
}
