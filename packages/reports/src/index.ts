export { buildDocument, checkTemplate, summaryDraft, TemplateError, templateFor } from './build/document.ts'
export { asChapter, buildCompilation } from './compilation.ts'
export { loadReportData, type ReportData } from './data.ts'
export {
  fileNameOf,
  type GeneratedReport,
  type GenerateOptions,
  generateCompilation,
  generateFromData,
  generateReport,
  mediaTypes,
  type ReportFormat,
  ReportFormats,
  renderDocument,
  VerificationError,
} from './generate.ts'
export type * from './model.ts'
export { ReportRenderError, renderCharts } from './render/charts.ts'
export { renderPdf } from './render/pdf.ts'
export { blocking, validateDocument } from './validate.ts'
