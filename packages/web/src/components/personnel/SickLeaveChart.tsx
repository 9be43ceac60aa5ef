import { useEffect, useRef, useState } from 'react'
import { type SickLeaveChart as ChartData, sickLeaveOption, sickLeaveSummary } from '../../lib/personnel.ts'

/**
 * Sick leave over the years as lines (everyone, women, men). It is an image to assistive
 * technology, summarised by its aria-label; the table "Sjukfrånvaro" is the full text alternative.
 */
export function SickLeaveChart({ chart, scopeName }: { chart: ChartData; scopeName: string }) {
  const container = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    const element = container.current
    if (!element) return
    let disposed = false
    let dispose = () => {}
    import('../../lib/echarts.ts')
      .then(({ init }) => {
        if (disposed) return
        const instance = init(element, null, { renderer: 'svg' })
        instance.setOption(sickLeaveOption(chart))
        const observer = new ResizeObserver(() => instance.resize())
        observer.observe(element)
        dispose = () => {
          observer.disconnect()
          instance.dispose()
        }
      })
      .catch(() => {
        if (!disposed) setFailed(true)
      })
    return () => {
      disposed = true
      dispose()
    }
  }, [chart])

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
