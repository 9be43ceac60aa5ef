export { exportOperatingCsv } from './economy/export.ts'
export { commitEconomyImport, type ImportRequest, previewEconomyImport, sha256Of } from './economy/import.ts'
export { sieRows } from './economy/sie-rows.ts'
export { economyTemplate, type TemplateName, templateNames } from './economy/templates.ts'
export type { ImportProblem, PreparedRows } from './economy/types.ts'
export {
  commitPersonnelImport,
  type PersonnelImportRequest,
  personnelTemplate,
  previewPersonnelImport,
} from './personnel/import.ts'
export type { SieAggregate, SieAggregateOptions, SieAggregateRow } from './sie/aggregate.ts'
export { aggregate, detectObjectBalances, fiscalYearFor } from './sie/aggregate.ts'
export { decodeCp437, decodeSie, encodeCp437 } from './sie/decode.ts'
export { MAX_ERRORS, parseSie } from './sie/parse.ts'
export type * from './sie/types.ts'
export { formatSie, writeSie } from './sie/write.ts'
export * from './spreadsheet/index.ts'
