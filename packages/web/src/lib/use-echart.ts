import { useEffect, useRef, useState } from 'react'

type Init = typeof import('echarts/core').init
export type EChart = ReturnType<Init>

/**
 * An ECharts chart in a div: ECharts is loaded on demand (`load`, one of the small modules that
 * register only the chart types a page needs), drawn with SVG, resized with its container and
 * disposed with the component. `draw` sets the options and may return what to do on a resize (a
 * narrow layout, say). Redrawn when `data` changes; `failed` when the module could not be loaded.
 */
export function useEChart<T>(
  load: () => Promise<{ init: Init }>,
  data: T,
  draw: (chart: EChart, data: T, element: HTMLDivElement) => (() => void) | undefined,
) {
  const ref = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart follows its data; `load` and `draw` are read when it is drawn.
  useEffect(() => {
    const element = ref.current
    if (!element) return
    let disposed = false
    let dispose = () => {}
    load()
      .then(({ init }) => {
        if (disposed) return
        const chart = init(element, null, { renderer: 'svg' })
        const onResize = draw(chart, data, element)
        const observer = new ResizeObserver(() => {
          onResize?.()
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
  }, [data])
  return { ref, failed }
}
