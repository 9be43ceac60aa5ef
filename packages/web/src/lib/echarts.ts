/**
 * The parts of ECharts the app uses, loaded on demand by the pages that show a chart
 * (ECharts is the largest dependency by far).
 */
import { LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer])

export { init }
