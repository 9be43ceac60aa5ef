import { checkFile } from './checks.ts'
import { decodeSie } from './decode.ts'
import { Fields, type Report, type SharedValues } from './fields.ts'
import { messages } from './messages.ts'
import { readTransaction, readVoucherHead, recordHandlers, SieBuilder, type VoucherHead } from './records.ts'
import { tokeniseLine } from './tokenise.ts'
import type { SieErrorCode, SieParseOptions, SieParseResult, SieProblem, SieTransaction } from './types.ts'

/** At most this many errors are returned; a final SIE_TOO_MANY_ERRORS problem counts the rest. */
export const MAX_ERRORS = 100
const KEPT_ERRORS = 10_000

type State =
  | { kind: 'top'; afterUnknownLabel: boolean }
  | { kind: 'expectBlock'; head: VoucherHead | null; line: number }
  | { kind: 'voucher'; head: VoucherHead | null; line: number; rows: SieTransaction[]; broken: boolean }
  | { kind: 'skip'; line: number; depth: number }

const TOP: State = { kind: 'top', afterUnknownLabel: false }
const ROW_KINDS = new Set(['TRANS', 'RTRANS', 'BTRANS'])

/**
 * Reads a SIE file (types 1–4) into a `SieFile`, all or nothing: any error gives `ok: false` with
 * every problem found (line, column, Swedish message), and nothing half-read is returned. Never
 * throws on bad input. See `decode.ts` for encodings, `tokenise.ts` for fields, `records.ts` for
 * the records read (unknown labels are ignored, as are unknown blocks `{ … }` after them) and
 * `checks.ts` for the checks across records (balanced vouchers, declared accounts, the year).
 */
export function parseSie(bytes: Uint8Array, options: SieParseOptions = {}): SieParseResult {
  const errors: SieProblem[] = []
  let total = 0
  const file = options.fileName
  const report: Report = (code, line, message, column) => {
    total++
    if (errors.length >= KEPT_ERRORS) return
    const problem: SieProblem = { code, line, message }
    errors.push({ ...problem, ...(column === undefined ? {} : { column }), ...(file ? { file } : {}) })
  }
  try {
    const decoded = decodeSie(bytes)
    if (!decoded.ok) return { ok: false, errors: [withFile(decoded.error, file)] }
    if (decoded.text.trim() === '') return fail('SIE_EMPTY', messages.empty(), file)
    const builder = new SieBuilder()
    readLines(decoded.text, builder, report)
    if (builder.knownRecords === 0) return fail('SIE_EMPTY', messages.noRecords(), file)
    const sieFile = builder.build(decoded.encoding, file)
    const warnings = [...decoded.warnings]
    checkFile(sieFile, options, report, (w) => warnings.push(w))
    if (total > 0) return { ok: false, errors: capped(errors, total, file) }
    return { ok: true, file: sieFile, warnings: warnings.map((w) => withFile(w, file)) }
  } catch {
    return fail('SIE_INTERNAL', messages.internal(), file)
  }
}

function withFile(problem: SieProblem, file: string | undefined): SieProblem {
  return file ? { ...problem, file } : problem
}

function fail(code: SieErrorCode, message: string, file: string | undefined): SieParseResult {
  return { ok: false, errors: [withFile({ code, line: 1, message }, file)] }
}

function capped(errors: SieProblem[], total: number, file: string | undefined): SieProblem[] {
  const sorted = [...errors].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
  if (total <= MAX_ERRORS) return sorted
  const shown = sorted.slice(0, MAX_ERRORS)
  const next = sorted[MAX_ERRORS]?.line ?? shown.at(-1)?.line ?? 1
  const message = messages.tooManyErrors(MAX_ERRORS, total - MAX_ERRORS)
  return [...shown, withFile({ code: 'SIE_TOO_MANY_ERRORS', line: next, message }, file)]
}

/** Walks the lines (LF, CRLF or lone CR) through the state machine of blocks and records. */
function readLines(text: string, builder: SieBuilder, report: Report): void {
  const shared: SharedValues = { lists: new Map(), accounts: new Map() }
  const separator = text.includes('\n') ? '\n' : '\r'
  let state: State = TOP
  let start = 0
  let lineNo = 0
  while (start <= text.length) {
    let end = text.indexOf(separator, start)
    if (end === -1) end = text.length
    lineNo++
    state = readLine(text.slice(start, end), lineNo, state)
    start = end + 1
  }
  finish(state)

  function readLine(line: string, n: number, current: State): State {
    let first = 0
    while (first < line.length && line.charCodeAt(first) <= 32) first++
    if (first === line.length) return current
    const c = line[first]
    if ((c === '{' || c === '}') && line.slice(first + 1).trim() === '') {
      return c === '{' ? open(n, current) : close(n, current)
    }
    if (current.kind === 'skip') return current
    if (current.kind === 'expectBlock') {
      report('SIE_SYNTAX', current.line, messages.voucherWithoutBlock(current.line))
      return readLine(line, n, TOP)
    }
    if (c !== '#') {
      report('SIE_SYNTAX', n, messages.notALabel(n, line.trim()), first + 1)
      return current.kind === 'voucher' ? { ...current, broken: true } : TOP
    }
    let end = first + 1
    while (end < line.length && line.charCodeAt(end) > 32 && line[end] !== '{' && line[end] !== '"') end++
    const label = line.slice(first + 1, end).toUpperCase()
    // Unknown labels are skipped before tokenising: whatever follows them is not this reader's business.
    if (label !== 'VER' && !ROW_KINDS.has(label) && !Object.hasOwn(recordHandlers, label)) {
      return current.kind === 'voucher' ? current : { kind: 'top', afterUnknownLabel: true }
    }
    const tokenised = tokeniseLine(line)
    if (!tokenised.ok) {
      const { reason, column } = tokenised
      const message =
        reason === 'quote'
          ? messages.unclosedQuote(n)
          : reason === 'brace'
            ? messages.unclosedBrace(n)
            : messages.nestedBrace(n)
      report('SIE_SYNTAX', n, message, column)
      return current.kind === 'voucher' ? { ...current, broken: true } : TOP
    }
    const fields = new Fields(label, tokenised.tokens, n, report, shared)
    if (current.kind === 'voucher') {
      if (ROW_KINDS.has(label)) {
        const row = readTransaction(fields, label as SieTransaction['kind'])
        if (row === null) current.broken = true
        else current.rows.push(row)
        return current
      }
      report('SIE_UNCLOSED_BLOCK', current.line, messages.unclosedVoucher(current.line))
      return readLine(line, n, TOP)
    }
    return top(fields, label)
  }

  function top(fields: Fields, label: string): State {
    if (label === 'VER') {
      builder.knownRecords++
      return { kind: 'expectBlock', head: readVoucherHead(fields), line: fields.line }
    }
    if (ROW_KINDS.has(label)) {
      builder.knownRecords++
      report('SIE_SYNTAX', fields.line, messages.rowOutsideVoucher(fields.line, label))
      return TOP
    }
    builder.knownRecords++
    recordHandlers[label]?.(fields, builder)
    return TOP
  }

  function open(n: number, current: State): State {
    switch (current.kind) {
      case 'expectBlock':
        return { kind: 'voucher', head: current.head, line: current.line, rows: [], broken: false }
      case 'skip':
        return { ...current, depth: current.depth + 1 }
      case 'voucher':
        report('SIE_SYNTAX', n, messages.nestedBrace(n))
        return { ...current, broken: true }
      case 'top':
        // A block after an unknown label belongs to a record this reader does not know: skip it.
        if (!current.afterUnknownLabel) report('SIE_SYNTAX', n, messages.blockWithoutVoucher(n))
        return { kind: 'skip', line: n, depth: 1 }
    }
  }

  function close(n: number, current: State): State {
    switch (current.kind) {
      case 'voucher':
        if (current.head !== null && !current.broken) {
          const { series, number, date, text, registeredOn, line } = current.head
          builder.vouchers.push({ series, number, date, text, registeredOn, rows: current.rows, line })
        }
        return TOP
      case 'skip':
        return current.depth > 1 ? { ...current, depth: current.depth - 1 } : TOP
      case 'expectBlock':
        report('SIE_SYNTAX', current.line, messages.voucherWithoutBlock(current.line))
        return TOP
      case 'top':
        report('SIE_SYNTAX', n, messages.closeWithoutOpen(n))
        return TOP
    }
  }

  function finish(current: State): void {
    if (current.kind === 'voucher') {
      report('SIE_UNCLOSED_BLOCK', current.line, messages.unclosedVoucher(current.line))
    } else if (current.kind === 'expectBlock') {
      report('SIE_SYNTAX', current.line, messages.voucherWithoutBlock(current.line))
    } else if (current.kind === 'skip') {
      report('SIE_UNCLOSED_BLOCK', current.line, messages.unclosedBlock(current.line))
    }
  }
}
