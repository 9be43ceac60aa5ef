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

export function renderChartSvg(block: ChartBlock): string {
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
      textStyle: { fontFamily: REPORT_FONT, ...(block.option.textStyle as object | undefined) },
    })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** Every chart of the document as SVG, by chart id. A chart that cannot be drawn is an error. */
export function renderCharts(doc: ReportDocument): Map<string, string> {
  const svgs = new Map<string, string>()
  for (const block of chartBlocks(doc)) {
    try {
      svgs.set(block.id, renderChartSvg(block))
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
