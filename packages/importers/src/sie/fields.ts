import { messages } from './messages.ts'
import type { Token } from './tokenise.ts'
import type { SieErrorCode, SieObjectList, SieObjectRef } from './types.ts'
import { parseAmount, parseDate, parsePeriod, parseSmallInteger } from './values.ts'

/**
 * Values shared between the records of one file: a large file repeats a few object lists and
 * account numbers a million times, and keeping one copy of each saves memory and collection time.
 */
export interface SharedValues {
  readonly lists: Map<string, SieObjectList>
  readonly accounts: Map<string, string>
}

export type Report = (code: SieErrorCode, line: number, message: string, column?: number) => void

/**
 * The fields of one record, read by position. Every reader reports its own problem (with line and
 * column) and returns null, so a record handler can read all fields and then give up if any is
 * null. Fields after the last one a record defines are never looked at: extra fields are ignored.
 */
export class Fields {
  constructor(
    readonly label: string,
    readonly tokens: readonly Token[],
    readonly line: number,
    readonly report: Report,
    private readonly shared: SharedValues,
  ) {}

  has(index: number): boolean {
    return index < this.tokens.length
  }

  isList(index: number): boolean {
    return this.tokens[index]?.kind === 'list'
  }

  /** A required value; `what` names it in the message ("kontonummer"). */
  text(index: number, what: string): string | null {
    const token = this.tokens[index]
    if (token === undefined) {
      this.report('SIE_SYNTAX', this.line, messages.missingField(this.line, this.label, what))
      return null
    }
    if (token.kind === 'list') {
      const message = messages.textExpected(this.line, this.label, what)
      this.report('SIE_SYNTAX', this.line, message, token.column)
      return null
    }
    return token.value
  }

  /** An optional value: missing, empty or misplaced object lists all read as ''. */
  optional(index: number): string {
    const token = this.tokens[index]
    return token?.kind === 'text' ? token.value : ''
  }

  /** A required account number, shared with earlier uses of the same number. */
  account(index: number): string | null {
    const raw = this.text(index, 'kontonummer')
    if (raw === null) return null
    const known = this.shared.accounts.get(raw)
    if (known !== undefined) return known
    this.shared.accounts.set(raw, raw)
    return raw
  }

  amount(index: number): bigint | null {
    const raw = this.text(index, 'belopp')
    if (raw === null) return null
    const value = parseAmount(raw)
    if (typeof value === 'bigint') return value
    const message =
      value === 'decimals' ? messages.amountDecimals(this.line, raw) : messages.amountFormat(this.line, raw)
    this.report('SIE_AMOUNT', this.line, message, this.column(index))
    return null
  }

  date(index: number, what = 'datum'): string | null {
    const raw = this.text(index, what)
    return raw === null ? null : this.checkDate(index, raw)
  }

  /** An optional date: '' and missing give null; an invalid date is reported and gives undefined. */
  optionalDate(index: number): string | null | undefined {
    const raw = this.optional(index)
    if (raw === '') return null
    return this.checkDate(index, raw) ?? undefined
  }

  period(index: number): string | null {
    const raw = this.text(index, 'period')
    if (raw === null) return null
    const value = parsePeriod(raw)
    if (value === null)
      this.report('SIE_PERIOD', this.line, messages.period(this.line, raw), this.column(index))
    return value
  }

  integer(index: number, what: string): number | null {
    const raw = this.text(index, what)
    if (raw === null) return null
    const value = parseSmallInteger(raw)
    if (value === null) {
      const message = messages.badInteger(this.line, this.label, raw)
      this.report('SIE_SYNTAX', this.line, message, this.column(index))
    }
    return value
  }

  /** An object list; identical lists are shared, as a large file repeats a few of them. */
  objects(index: number): SieObjectList | null {
    const token = this.tokens[index]
    if (token?.kind !== 'list') {
      const message = messages.listExpected(this.line, this.label)
      this.report('SIE_SYNTAX', this.line, message, token?.column)
      return null
    }
    const known = this.shared.lists.get(token.raw)
    if (known !== undefined) return known
    const { items } = token
    if (items.length % 2 !== 0) {
      this.report('SIE_SYNTAX', this.line, messages.oddObjectList(this.line), token.column)
      return null
    }
    const refs: SieObjectRef[] = []
    for (let i = 0; i < items.length; i += 2) {
      const dimension = parseSmallInteger(items[i] ?? '')
      if (dimension === null) {
        const message = messages.badDimension(this.line, items[i] ?? '')
        this.report('SIE_SYNTAX', this.line, message, token.column)
        return null
      }
      // An empty id, as in {1 ""}, means "no object in this dimension".
      const id = (items[i + 1] ?? '').trim()
      if (id !== '') refs.push({ dimension, id })
    }
    this.shared.lists.set(token.raw, refs)
    return refs
  }

  private checkDate(index: number, raw: string): string | null {
    const value = parseDate(raw)
    if (value === null) this.report('SIE_DATE', this.line, messages.date(this.line, raw), this.column(index))
    return value
  }

  private column(index: number): number | undefined {
    return this.tokens[index]?.column
  }
}
