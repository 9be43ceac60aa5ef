/**
 * Charts on the server: the same ECharts options the web app draws, rendered to SVG without a DOM.
 * Animation is off and the font is the document's, so a chart renders to the same SVG every time.
 */
import * as echarts from 'echarts'
import type { ChartBlock, ReportDocument, Section } from '../model.ts'
import { REPORT_FONT } from './fonts.ts'

export function chartBlocks(doc: ReportDocument): ChartBlock[] {
  const out: ChartBlock[] = []
  const walk = (sections: readonly Section[]) => {
    for (const s of sections) {
      for (const b of s.blocks) if (b.kind === 'chart') out.push(b)
      walk(s.sections)
    }
  }
  walk(doc.sections)
  return out
}

/** The chart types documents draw; anything else would silently come out as an empty chart. */
const SERIES_TYPES = new Set(['bar', 'line', 'pie', 'scatter'])

/**
 * The font a chart's SVG names. In the PDF it is the document's own font (given to Typst); a web
 * page names fallbacks whose widths match what ECharts assumed when it laid the labels out without
 * a browser (Arial-like), since a reader's browser will not have the document font.
 */
export const WEB_CHART_FONT = `'${REPORT_FONT}', Arial, 'Liberation Sans', Helvetica, sans-serif`

export function renderChartSvg(block: ChartBlock, font: string = REPORT_FONT): string {
  const series = block.option.series
  for (const s of Array.isArray(series) ? series : series ? [series] : []) {
    const type = (s as { type?: unknown }).type
    if (typeof type !== 'string' || !SERIES_TYPES.has(type)) {
      throw new Error(`okänd diagramtyp "${String(type)}"`)
    }
  }
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: block.width,
    height: block.height,
  })
  try {
    chart.setOption({
      ...block.option,
      animation: false,
      textStyle: { ...(block.option.textStyle as object | undefined), fontFamily: font },
    })
    return stableClassNames(chart.renderToSVGString(), block.id)
  } finally {
    chart.dispose()
  }
}

/**
 * ECharts names the SVG's style classes from counters shared by the whole process ("zr3-cls-7"),
 * so the same chart would differ from one rendering to the next: renumber them in order of first
 * appearance, under the chart's id, so a document renders to the same bytes every time.
 */
export function stableClassNames(svg: string, chartId: string): string {
  const names = new Map<string, string>()
  const prefix = chartId.replace(/[^A-Za-z0-9_-]/g, '-')
  return svg.replace(/zr\d+-cls-\d+/g, (found) => {
    let name = names.get(found)
    if (!name) {
      name = `${prefix}-c${names.size}`
      names.set(found, name)
    }
    return name
  })
}

/** Every chart of the document as SVG, by chart id. A chart that cannot be drawn is an error. */
export function renderCharts(doc: ReportDocument, font: string = REPORT_FONT): Map<string, string> {
  const svgs = new Map<string, string>()
  for (const block of chartBlocks(doc)) {
    try {
      svgs.set(block.id, renderChartSvg(block, font))
    } catch (error) {
      throw new ReportRenderError(
        `Diagrammet "${block.caption}" kunde inte ritas: ${(error as Error).message}`,
      )
    }
  }
  return svgs
}

/** A failure while rendering: what failed and where, in Swedish; nothing is written. */
export class ReportRenderError extends Error {
  override readonly name = 'ReportRenderError'
}
