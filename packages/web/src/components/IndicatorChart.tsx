import type { IndicatorView } from '@arshjul/domain'
import { useEffect, useRef, useState } from 'react'
import { chartOption, chartSummary } from '../lib/indicator-chart.ts'

/**
 * A line chart of an indicator. It is an image to assistive technology, summarised by its
 * aria-label; the table beside it is the full text alternative.
 */
export function IndicatorChart({ indicator }: { indicator: IndicatorView }) {
  const container = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    const element = container.current
    if (!element) return
    let disposed = false
    let dispose = () => {}
    import('../lib/echarts.ts')
      .then(({ init }) => {
        if (disposed) return
        const chart = init(element, null, { renderer: 'svg' })
        chart.setOption(chartOption(indicator))
        const observer = new ResizeObserver(() => chart.resize())
        observer.observe(element)
        dispose = () => {
          observer.disconnect()
          chart.dispose()
        }
      })
      .catch(() => {
        if (!disposed) setFailed(true)
      })
    return () => {
      disposed = true
      dispose()
    }
  }, [indicator])

  if (failed) {
    return <p className="muted">Diagrammet kunde inte visas. Alla värden finns i tabellen.</p>
  }
  return <div ref={container} className="chart" role="img" aria-label={chartSummary(indicator)} />
}
