import type {
  InvestmentCategory,
  InvestmentStatus,
  Measure,
  PersonnelBreakdown,
  PersonnelMeasure,
  SignConvention,
} from '@arshjul/domain'

/**
 * Budget, forecast, outcome and investment figures that controllers fill in a downloaded template
 * (CSV or XLSX) and upload again. Amounts are exact integers of öre in the LEDGER's sign (costs and
 * investment expenditure positive, income negative), whatever sign convention the template used.
 * Reading is all or nothing: any error rejects the whole file, with every problem found.
 */

/** Stable codes of problems that stop the import. */
export type SheetErrorCode =
  /** No header row, no data rows, or no row with an amount. */
  | 'SHEET_EMPTY'
  /** Another kind of file: an XLSX given as CSV, an old .xls, an .ods, a PDF… */
  | 'SHEET_FORMAT'
  /** A CSV file that is not UTF-8. */
  | 'SHEET_ENCODING'
  /** A damaged XLSX file (broken zip, checksum mismatch, unreadable XML). */
  | 'SHEET_CORRUPT'
  /** Over the size, row, column or uncompressed-size limit. */
  | 'SHEET_TOO_LARGE'
  /** CSV quoting that cannot be read (an unclosed quote, text after a closing quote). */
  | 'SHEET_CSV'
  /** Missing, unknown, duplicated or unnamed columns in the header row. */
  | 'SHEET_HEADER'
  /** A value in a column that has no heading. */
  | 'SHEET_EXTRA_CELLS'
  | 'SHEET_YEAR'
  | 'SHEET_MONTH'
  | 'SHEET_MEASURE'
  | 'SHEET_COST_CENTRE'
  | 'SHEET_ACCOUNT'
  | 'SHEET_ACCOUNT_GROUP'
  | 'SHEET_ACTIVITY'
  | 'SHEET_FOLLOW_UP'
  | 'SHEET_AMOUNT'
  | 'SHEET_PROJECT'
  | 'SHEET_PROJECT_NAME'
  | 'SHEET_CATEGORY'
  | 'SHEET_STATUS'
  /** One project key with different names, categories, statuses or decided totals. */
  | 'SHEET_PROJECT_CONFLICT'
  /** Two rows for the same amount (same year, month, measure and dimensions). */
  | 'SHEET_DUPLICATE'
  | 'SHEET_TOO_MANY_ERRORS'
  // Personnel (HR) template. Year, measure and duplicates use SHEET_YEAR, SHEET_MEASURE and
  // SHEET_DUPLICATE like the economy templates; these are the personnel-only cells and rules.
  /** Enhet is not a key (a–z, 0–9, -) nor "kommunen". Unknown keys are reported by the caller. */
  | 'SHEET_PERSONNEL_UNIT'
  /** Period is not ÅÅÅÅ-MM, or not in the row's year. */
  | 'SHEET_PERSONNEL_PERIOD'
  | 'SHEET_PERSONNEL_EMPLOYMENT'
  | 'SHEET_PERSONNEL_GENDER'
  | 'SHEET_PERSONNEL_AGE_BAND'
  | 'SHEET_PERSONNEL_SICK_DAYS'
  /** Täljare or Nämnare is not a non-negative decimal with at most four decimals. */
  | 'SHEET_PERSONNEL_QUANTITY'
  /** Värde is not a non-negative number. */
  | 'SHEET_PERSONNEL_VALUE'
  /** The wrong combination of Täljare, Nämnare and Värde for the measure's kind. */
  | 'SHEET_PERSONNEL_FIGURES'
  /** A percentage over 100 (given, or numerator above denominator), or a zero denominator. */
  | 'SHEET_PERSONNEL_RANGE'
  /** Counts split by a dimension (women + men, age bands …) add up to more than their total row. */
  | 'SHEET_PERSONNEL_BREAKDOWN'
  /** A bug in the reader; the file is rejected rather than half read. */
  | 'SHEET_INTERNAL'

/** Stable codes of problems that are reported but do not stop the import. */
export type SheetWarningCode =
  /**
   * Rows with an empty Belopp (personnel: neither Täljare, Nämnare nor Värde), i.e. prefilled rows
   * nobody filled in, were skipped.
   */
  'SHEET_SKIPPED_ROWS'

export interface SheetProblem {
  readonly code: SheetErrorCode | SheetWarningCode
  /** Row number as the spreadsheet program shows it (1-based; the header is row 1). */
  readonly line: number
  /** The column's heading (e.g. "Belopp"), or its letter when it has none. */
  readonly column?: string
  /** Swedish, for the user: where, what is wrong and, when it helps, what to do. */
  readonly message: string
}

export type SheetResult<Row> =
  | { readonly ok: true; readonly rows: readonly Row[]; readonly warnings: readonly SheetProblem[] }
  | { readonly ok: false; readonly errors: readonly SheetProblem[] }

export interface SheetLimits {
  /** Files larger than this are refused before they are read. Default 20 MB. */
  readonly maxBytes?: number
  /** Data rows (the header not counted) allowed. Default 200 000. */
  readonly maxRows?: number
  /**
   * XLSX only: the most the zip may expand to, all parts together. Default 256 MiB. Guards against
   * zip bombs: every part is inflated with this cap before the workbook is parsed.
   */
  readonly maxUncompressedBytes?: number
}

export interface SheetParseOptions extends SheetLimits {
  /** The year the import is for: every row is for this year, except Plan rows (a later year). */
  readonly year: number
  /** How the municipality signs amounts; the template's amounts are read in this convention. */
  readonly sign: SignConvention
}

/** One operating (drift) amount. Optional dimensions are absent when the cell was empty. */
export interface OperatingRow {
  /** The spreadsheet row it was read from. */
  readonly line: number
  readonly year: number
  /** 1–12 for period budget and outcome; absent for annual measures. */
  readonly month?: number
  readonly measure: Measure
  /** Absent means the board level. */
  readonly costCentre?: string
  readonly account?: string
  readonly accountGroup?: string
  readonly activityCode?: string
  /** The follow-up a forecast belongs to; forecasts only. */
  readonly followUp?: string
  /** Exact öre, ledger sign (costs positive, income negative). */
  readonly amountOre: number
}

/** The measures an investment amount can have: annual ones, plus outcome for the year. */
export type InvestmentMeasure = Exclude<Measure, 'period-budget'>

export interface InvestmentProjectInfo {
  readonly key: string
  readonly name: string
  readonly category: InvestmentCategory
  readonly status: InvestmentStatus
  /** The decided total budget over the project's life, öre in ledger sign (expenditure positive). */
  readonly decidedTotalOre?: number
}

export interface InvestmentRow {
  readonly line: number
  readonly project: InvestmentProjectInfo
  readonly year: number
  readonly measure: InvestmentMeasure
  readonly followUp?: string
  /** Exact öre, ledger sign: expenditure positive, income (e.g. a land sale) negative. */
  readonly amountOre: number
}

/**
 * One personnel figure from the HR template: a unit's (or the whole municipality's) figure for a
 * year, optionally a period within it, for one measure and group of people.
 */
export interface PersonnelRow {
  readonly line: number
  /** An org-unit or administration key, or 'kommunen'; only the form is checked, not that it exists. */
  readonly unit: string
  readonly year: number
  /** "ÅÅÅÅ-MM" within `year`; absent for the whole year. */
  readonly period?: string
  readonly measure: PersonnelMeasure
  /** Empty for everyone; see `breakdownKey` in the domain. */
  readonly breakdown: PersonnelBreakdown
  /** The domain's `Quantity`: digits with a point and at most four decimals, e.g. "1234.5". */
  readonly numerator?: string
  readonly denominator?: string
  /** A ready-made figure (a percentage as 3.03, not 0.0303). */
  readonly value?: number
}
