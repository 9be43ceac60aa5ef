import { type Measure, measureLabels } from '@arshjul/domain'
import { type Cell, display, swedishNumber } from './cells.ts'
import { messages } from './messages.ts'
import { oreFromCellNumber, parseAmountText } from './number.ts'
import type { Problems } from './problems.ts'
import { normalHeading, type TableRow } from './table.ts'
import type { SheetErrorCode } from './types.ts'

/**
 * Parsers from a cell to one column's value. Each is pure and returns the value (undefined for an
 * empty cell) or what is wrong with it; `RowReader` turns problems into errors on the row.
 */

export type Parsed<T> =
  | { readonly ok: true; readonly value: T | undefined }
  | { readonly ok: false; readonly code: SheetErrorCode; readonly detail: string }

type Parser<T> = (cell: Cell) => Parsed<T>

const value = <T>(v: T | undefined): Parsed<T> => ({ ok: true, value: v })
const problem = <T>(code: SheetErrorCode, detail: string): Parsed<T> => ({ ok: false, code, detail })

/**
 * A cell's text for a column of codes or names. A whole number counts as its digits (Excel turns an
 * account typed as 5010 into a number); dates, booleans and error values are refused.
 */
function textOf(cell: Cell, code: SheetErrorCode, expected: string): Parsed<string> {
  switch (cell.kind) {
    case 'empty':
      return value(undefined)
    case 'text':
      return value(cell.text)
    case 'number':
      return value(
        Number.isInteger(cell.value) && cell.value >= 0 ? String(cell.value) : swedishNumber(cell.value),
      )
    case 'date':
      return problem(code, messages.isDate(cell.iso, expected))
    case 'boolean':
      return problem(code, messages.isBoolean(display(cell), expected))
    case 'error':
      return problem(code, messages.isError(cell.text))
  }
}

/** A whole number from a number cell or from digits; `null` when it is not one. */
function wholeNumber(cell: Cell, code: SheetErrorCode, expected: string): Parsed<number | null> {
  const text = textOf(cell, code, expected)
  if (!text.ok) return text
  if (text.value === undefined) return value(undefined)
  return value(/^\d{1,9}$/.test(text.value) ? Number(text.value) : null)
}

export function parseYear(cell: Cell, example: number): Parsed<number> {
  const n = wholeNumber(cell, 'SHEET_YEAR', 'ett årtal')
  if (!n.ok) return n
  if (n.value === undefined) return value(undefined)
  if (n.value === null || n.value < 1990 || n.value > 2100) {
    return problem('SHEET_YEAR', messages.year(display(cell), example))
  }
  return value(n.value)
}

export function parseMonth(cell: Cell): Parsed<number> {
  const n = wholeNumber(cell, 'SHEET_MONTH', 'ett månadsnummer (1–12)')
  if (!n.ok) return n
  if (n.value === undefined) return value(undefined)
  if (n.value === null || n.value < 1 || n.value > 12)
    return problem('SHEET_MONTH', messages.month(display(cell)))
  return value(n.value)
}

/**
 * A value from a fixed set, by its Swedish label or its key, ignoring case ("utfall", "UTFALL",
 * "outcome"). `allowed` is in the order the labels are listed in messages.
 */
function oneOf<T extends string>(
  cell: Cell,
  allowed: readonly T[],
  labels: Readonly<Record<T, string>>,
  code: SheetErrorCode,
  message: (value: string, allowed: readonly string[]) => string,
): Parsed<T> {
  const text = textOf(cell, code, 'ett av de tillåtna värdena')
  if (!text.ok) return text
  if (text.value === undefined) return value(undefined)
  const wanted = normalHeading(text.value)
  const found = allowed.find((a) => normalHeading(labels[a]) === wanted || a === wanted)
  return found === undefined
    ? problem(
        code,
        message(
          text.value,
          allowed.map((a) => labels[a]),
        ),
      )
    : value(found)
}

export function parseMeasure<M extends Measure>(cell: Cell, allowed: readonly M[]): Parsed<M> {
  return oneOf(cell, allowed, measureLabels, 'SHEET_MEASURE', messages.measure)
}

export function parseLabelled<T extends string>(
  cell: Cell,
  labels: Readonly<Record<T, string>>,
  code: SheetErrorCode,
  message: (value: string, allowed: readonly string[]) => string,
): Parsed<T> {
  return oneOf(cell, Object.keys(labels) as T[], labels, code, message)
}

/** Text matching `pattern` (after `normalise`), else the column's message. */
function matching(
  cell: Cell,
  code: SheetErrorCode,
  pattern: RegExp,
  message: (value: string) => string,
  normalise: (text: string) => string = (t) => t,
): Parsed<string> {
  const text = textOf(cell, code, 'en kod')
  if (!text.ok || text.value === undefined) return text
  const normal = normalise(text.value)
  return pattern.test(normal) ? value(normal) : problem(code, message(text.value))
}

/** The cost centre rule of `CostCentre.code` in economy-model.ts. */
const COST_CENTRE = /^[\p{L}\p{N}_.-]{1,20}$/u
/** `AccountNumber` and `ActivityCode.code` in economy-model.ts. */
const ACCOUNT = /^\d{3,8}$/
const ACTIVITY = /^\d{3}$/
/** `Key` in municipality.ts; keys are lower case, so "Delår-1" is not silently a different key. */
const KEY = /^[a-z0-9][a-z0-9-]{0,119}$/

export const parseCostCentre: Parser<string> = (cell) =>
  matching(cell, 'SHEET_COST_CENTRE', COST_CENTRE, messages.costCentre, (t) => t.normalize('NFC'))
export const parseAccount: Parser<string> = (cell) =>
  matching(cell, 'SHEET_ACCOUNT', ACCOUNT, messages.account)
export const parseActivity: Parser<string> = (cell) =>
  matching(cell, 'SHEET_ACTIVITY', ACTIVITY, messages.activity)

/** A key (account group, follow-up, project). Upper case is read as lower case: keys have none. */
export function parseKey(code: SheetErrorCode): Parser<string> {
  return (cell) => matching(cell, code, KEY, messages.key, (t) => t.toLowerCase())
}

export function parseName(cell: Cell): Parsed<string> {
  const text = textOf(cell, 'SHEET_PROJECT_NAME', 'ett namn')
  if (!text.ok || text.value === undefined) return text
  return text.value.length > 200 ? problem('SHEET_PROJECT_NAME', messages.projectName()) : value(text.value)
}

/** An amount in kronor as exact öre, in the sign it was written with. */
export function parseAmount(cell: Cell): Parsed<number> {
  if (cell.kind === 'number') return amountResult(oreFromCellNumber(cell.value), display(cell))
  const text = textOf(cell, 'SHEET_AMOUNT', 'ett belopp')
  if (!text.ok) return text
  if (text.value === undefined) return value(undefined)
  return amountResult(parseAmountText(text.value), text.value)
}

function amountResult(result: ReturnType<typeof parseAmountText>, shown: string): Parsed<number> {
  if (result.ok) return value(result.ore)
  switch (result.problem) {
    case 'format':
      return problem('SHEET_AMOUNT', messages.amountFormat(shown))
    case 'decimals':
      return problem('SHEET_AMOUNT', messages.amountDecimals(shown))
    case 'range':
      return problem('SHEET_AMOUNT', messages.amountRange(shown))
  }
}

/** Reads one row's cells, reporting each problem on the row with its column's heading. */
export class RowReader<K extends string> {
  /** False once any cell of the row was wrong. */
  valid = true

  constructor(
    private readonly row: TableRow<K>,
    private readonly headings: Readonly<Record<K, string>>,
    private readonly problems: Problems,
  ) {}

  /** The column's place in the template, to list a row's errors left to right. */
  private order(key: K): number {
    return Object.keys(this.headings).indexOf(key)
  }

  get line(): number {
    return this.row.line
  }

  isEmpty(key: K): boolean {
    return this.row.cell(key).kind === 'empty'
  }

  /** The column's value; undefined when empty (an error too when `required`) or wrong. */
  read<T>(key: K, parse: Parser<T>, required: { code: SheetErrorCode } | null = null): T | undefined {
    const result = parse(this.row.cell(key))
    if (!result.ok) {
      this.report(result.code, key, result.detail)
      return undefined
    }
    if (result.value === undefined && required) this.report(required.code, key, messages.missing())
    return result.value
  }

  report(code: SheetErrorCode, key: K, detail: string): void {
    this.valid = false
    const heading = this.headings[key]
    const message = messages.cell(this.row.line, heading, detail)
    this.problems.add(code, this.row.line, message, heading, this.order(key))
  }
}
