import type { OperatingView } from '@arshjul/domain'
import { useEffect, useRef, useState } from 'react'
import { barChartData, barChartHeight, barChartOption, barChartSummary } from '../../lib/economy.ts'

/**
 * Budget and outcome per cost centre as horizontal bars. It is an image to assistive technology,
 * summarised by its aria-label; the table "Driftredovisning per ansvar" is the full text alternative.
 */
export function BudgetChart({ view }: { view: OperatingView }) {
  const container = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    const element = container.current
    if (!element) return
    let disposed = false
    let dispose = () => {}
    import('./echarts-bar.ts')
      .then(({ init }) => {
        if (disposed) return
        const chart = init(element, null, { renderer: 'svg' })
        const data = barChartData(view)
        let narrow = element.clientWidth < 480
        chart.setOption(barChartOption(data, view.display, narrow))
        const observer = new ResizeObserver(() => {
          const nowNarrow = element.clientWidth < 480
          if (nowNarrow !== narrow) {
            narrow = nowNarrow
            chart.setOption(barChartOption(data, view.display, narrow))
          }
          chart.resize()
        })
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
  }, [view])

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
