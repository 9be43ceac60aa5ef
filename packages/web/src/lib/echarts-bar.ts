/**
 * The parts of ECharts the economy page uses (bar charts), loaded on demand like lib/echarts.ts;
 * the core is shared with the indicator charts.
 */
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, LegendComponent, SVGRenderer])

export { init }
