/**
 * The structure of a parsed SIE 4 file (types 1–4, export "E" and import "I" variants).
 *
 * Amounts are exact integers of öre (bigint), signed as in the file: debit positive, credit
 * negative, so income is negative and costs positive in outcome and budget alike. Dates are
 * `YYYYMMDD` and periods `YYYYMM` strings, validated as calendar dates. Every record keeps the
 * 1-based line it was read from, so later steps (mapping, preview) can point back into the file.
 * Optional fields are `null` rather than absent, so two parses of the same content compare equal.
 */

export type SieEncoding = 'cp437' | 'utf-8' | 'windows-1252'

/** Stable codes of problems that stop the import (the whole file is rejected). */
export type SieErrorCode =
  | 'SIE_EMPTY'
  | 'SIE_ENCODING'
  | 'SIE_SYNTAX'
  | 'SIE_AMOUNT'
  | 'SIE_DATE'
  | 'SIE_PERIOD'
  | 'SIE_UNBALANCED_VOUCHER'
  | 'SIE_UNKNOWN_ACCOUNT'
  | 'SIE_UNCLOSED_BLOCK'
  | 'SIE_TOO_MANY_ERRORS'
  | 'SIE_INTERNAL'

/** Stable codes of problems that are reported but do not stop the import. */
export type SieWarningCode = 'SIE_ENCODING_UTF8' | 'SIE_ENCODING_WINDOWS1252' | 'SIE_UNBALANCED_VOUCHER'

export interface SieProblem {
  readonly code: SieErrorCode | SieWarningCode
  /** 1-based line in the file; whole-file problems point at line 1. */
  readonly line: number
  /** 1-based column of the offending field, when one field is to blame. */
  readonly column?: number
  /** The file name given by the caller, when there was one. */
  readonly file?: string
  /** Swedish, for the user: what is wrong and where. */
  readonly message: string
}

export type SieParseResult =
  | { readonly ok: true; readonly file: SieFile; readonly warnings: readonly SieProblem[] }
  | { readonly ok: false; readonly errors: readonly SieProblem[] }

export interface SieParseOptions {
  /** Used in problems and to tell the 4E (`.se`) from the 4I (`.si`) variant. */
  readonly fileName?: string
  /**
   * The calendar year the import is for. When given, the file's #RAR 0 must start or end in that
   * year, and every period and voucher date of year 0 must lie inside it (SIE_PERIOD otherwise).
   */
  readonly year?: number
  /**
   * An unbalanced voucher stops the import (`error`, the default). `warning` lets a caller read a
   * file whose ledger is known to hold one (a preview, a conformance test) and still be told.
   */
  readonly unbalancedVouchers?: 'error' | 'warning'
}

/** One dimension/object pair of an object list such as `{1 "Nord" 6 "0001"}`; ids are trimmed. */
export interface SieObjectRef {
  readonly dimension: number
  readonly id: string
}

export type SieObjectList = readonly SieObjectRef[]

export interface SieFiscalYear {
  /** 0 is the current year, -1 the year before, and so on. */
  readonly index: number
  readonly start: string
  readonly end: string
  readonly line: number
}

export interface SieAccount {
  readonly number: string
  readonly name: string
  /** #KTYP: T asset, S liability, K cost, I income. */
  readonly type: string | null
  readonly line: number
}

export interface SieDimension {
  readonly number: number
  readonly name: string
  /** The parent dimension of a #UNDERDIM, null for a plain #DIM. */
  readonly parent: number | null
  readonly line: number
}

export interface SieObject {
  readonly dimension: number
  readonly id: string
  readonly name: string
  readonly line: number
}

/** #IB, #UB (balance accounts at the start and end of a year) and #RES (result for the year). */
export interface SieYearBalance {
  readonly kind: 'IB' | 'UB' | 'RES'
  readonly year: number
  readonly account: string
  readonly amountOre: bigint
  readonly quantity: string | null
  readonly line: number
}

/** #PSALDO (outcome) and #PBUDGET (budget): the change during one month, not a running total. */
export interface SiePeriodBalance {
  readonly kind: 'PSALDO' | 'PBUDGET'
  readonly year: number
  readonly period: string
  readonly account: string
  readonly objects: SieObjectList
  readonly amountOre: bigint
  readonly quantity: string | null
  readonly line: number
}

/**
 * A row of a voucher. #RTRANS (a row added afterwards) is always followed by the same row as a
 * #TRANS, and #BTRANS (a row removed afterwards) no longer counts, so sums take #TRANS rows only.
 */
export interface SieTransaction {
  readonly kind: 'TRANS' | 'RTRANS' | 'BTRANS'
  readonly account: string
  readonly objects: SieObjectList
  readonly amountOre: bigint
  /** The row's own date; when null the voucher's date applies. */
  readonly date: string | null
  readonly text: string | null
  readonly quantity: string | null
  readonly line: number
}

export interface SieVoucher {
  readonly series: string
  readonly number: string
  readonly date: string
  readonly text: string
  readonly registeredOn: string | null
  readonly rows: readonly SieTransaction[]
  readonly line: number
}

export interface SieFile {
  readonly encoding: SieEncoding
  readonly flag: number | null
  readonly format: string | null
  readonly sieType: 1 | 2 | 3 | 4 | null
  /** E (export) or I (import) for type 4, from `#SIETYP 4I` or the file name's `.se`/`.si`. */
  readonly variant: 'E' | 'I' | null
  readonly program: { readonly name: string; readonly version: string } | null
  readonly generated: { readonly date: string; readonly by: string } | null
  readonly companyName: string | null
  readonly orgNumber: string | null
  readonly fiscalYears: readonly SieFiscalYear[]
  readonly accounts: readonly SieAccount[]
  readonly dimensions: readonly SieDimension[]
  readonly objects: readonly SieObject[]
  readonly yearBalances: readonly SieYearBalance[]
  readonly periodBalances: readonly SiePeriodBalance[]
  readonly vouchers: readonly SieVoucher[]
}
