import { type SickLeaveChart as ChartData, sickLeaveOption, sickLeaveSummary } from '@arshjul/domain'
import { loadLineCharts } from '../../lib/echarts-load.ts'
import { useEChart } from '../../lib/use-echart.ts'

/**
 * Sick leave over the years as lines (everyone, women, men). It is an image to assistive
 * technology, summarised by its aria-label; the table "Sjukfrånvaro" is the full text alternative.
 */
export function SickLeaveChart({ chart, scopeName }: { chart: ChartData; scopeName: string }) {
  const { ref: container, failed } = useEChart(loadLineCharts, chart, (instance, data) => {
    instance.setOption(sickLeaveOption(data))
    return undefined
  })

  if (failed) {
    return <p className="muted">Diagrammet kunde inte visas. Alla värden finns i tabellen.</p>
  }
  return (
    <div
      ref={container}
      className="chart personnel-chart"
      role="img"
      aria-label={sickLeaveSummary(chart, scopeName)}
    />
  )
}
