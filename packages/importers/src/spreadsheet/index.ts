export type { InvestmentColumn } from './investments.ts'
export {
  INVESTMENT_COLUMNS,
  INVESTMENT_MEASURES,
  parseInvestmentSheet,
  parseInvestments,
  parseInvestmentsCsv,
  parseInvestmentsXlsx,
} from './investments.ts'
export type { AmountParse, AmountProblem } from './number.ts'
export {
  formatOreForCsv,
  oreFromCellNumber,
  parseAmountText,
  toConventionSign,
  toLedgerSign,
} from './number.ts'
export type { OperatingColumn } from './operating.ts'
export {
  OPERATING_COLUMNS,
  OPERATING_MEASURES,
  parseOperating,
  parseOperatingCsv,
  parseOperatingSheet,
  parseOperatingXlsx,
} from './operating.ts'
export type { PersonnelColumn, PersonnelParseOptions } from './personnel.ts'
export {
  PERSONNEL_COLUMNS,
  PERSONNEL_MEASURES,
  parsePersonnel,
  parsePersonnelCsv,
  parsePersonnelSheet,
  parsePersonnelXlsx,
} from './personnel.ts'
export { SHEET_MAX_ERRORS } from './problems.ts'
export { DEFAULT_LIMITS as SHEET_DEFAULT_LIMITS } from './read.ts'
export type { ColumnSpec } from './table.ts'
export type * from './templates.ts'
export {
  investmentTemplateCsv,
  investmentTemplateXlsx,
  operatingTemplateCsv,
  operatingTemplateXlsx,
  personnelTemplateCsv,
  personnelTemplateXlsx,
} from './templates.ts'
export type * from './types.ts'
