import type { IndicatorView } from '@arshjul/domain'
import { chartOption, chartSummary } from '@arshjul/domain'
import { loadLineCharts } from '../lib/echarts-load.ts'
import { useEChart } from '../lib/use-echart.ts'

/**
 * A line chart of an indicator. It is an image to assistive technology, summarised by its
 * aria-label; the table beside it is the full text alternative.
 */
export function IndicatorChart({ indicator }: { indicator: IndicatorView }) {
  const { ref: container, failed } = useEChart(loadLineCharts, indicator, (chart, data) => {
    chart.setOption(chartOption(data))
    return undefined
  })

  if (failed) {
    return <p className="muted">Diagrammet kunde inte visas. Alla värden finns i tabellen.</p>
  }
  return <div ref={container} className="chart" role="img" aria-label={chartSummary(indicator)} />
}
