/** The chart modules, each loaded on demand: ECharts is the largest dependency by far. */
export const loadLineCharts = () => import('./echarts.ts')
export const loadBarCharts = () => import('./echarts-bar.ts')
