import { type Cell, type GridRow, isBlank, textCell } from './cells.ts'
import { messages } from './messages.ts'
import type { Problems } from './problems.ts'
import type { SheetErrorCode } from './types.ts'

/**
 * CSV as Excel writes and reads it: UTF-8 (with or without BOM), `;` between fields (Swedish Excel,
 * where `,` is the decimal separator), or `,`/TAB when the header line clearly uses one, RFC 4180
 * quoting, any of CRLF, LF or CR between rows. Rows are numbered as Excel numbers them when it
 * opens the file: a quoted field with line breaks stays in one row, and blank lines count.
 */

export type Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: SheetErrorCode; readonly line: number; readonly message: string }

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const UTF8_BOM = [0xef, 0xbb, 0xbf]
/** å ä ö Å Ä Ö é ü at their Windows-1252 positions: the usual reason a Swedish CSV is not UTF-8. */
const WINDOWS1252_LETTERS = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc])

/** Bytes → text, refusing other file kinds and anything that is not valid UTF-8. */
export function decodeCsv(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, ZIP))
    return { ok: false, code: 'SHEET_FORMAT', line: 1, message: messages.xlsxAsCsv() }
  if (startsWith(bytes, OLE2))
    return { ok: false, code: 'SHEET_FORMAT', line: 1, message: messages.oldExcel() }
  // "Unicode text" from Excel is UTF-16 with a BOM; without one, ASCII text has every other byte 0.
  const utf16 =
    startsWith(bytes, [0xff, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xff]) ||
    (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
  if (utf16) return { ok: false, code: 'SHEET_ENCODING', line: 1, message: messages.utf16() }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) }
  } catch {
    const at = firstInvalidUtf8(body)
    let line = 1
    for (let i = 0; i < at; i++) if (body[i] === 0x0a) line++
    const message = messages.notUtf8(line, WINDOWS1252_LETTERS.has(body[at] ?? 0))
    return { ok: false, code: 'SHEET_ENCODING', line, message }
  }
}

/**
 * The offset of the first byte that does not start a valid UTF-8 sequence (Unicode table 3-7:
 * no overlong forms, no surrogates, nothing above U+10FFFF). Only used to say where the decoder
 * failed, so a mismatch with the decoder could only misplace the row in the message.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let low = 0x80
    let high = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) low = 0xa0
      if (b === 0xed) high = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) low = 0x90
      if (b === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      const lo = k === 1 ? low : 0x80
      const hi = k === 1 ? high : 0xbf
      if (c === undefined || c < lo || c > hi) return i
    }
    i += need + 1
  }
  return bytes.length
}

const SEPARATORS = [';', '\t', ','] as const
export type Separator = (typeof SEPARATORS)[number]

/**
 * The separator, from the first non-blank line (the header): the candidate occurring most often
 * outside quotes, `;` first on ties and when there is none. Headers never contain a separator
 * themselves, so a header of nine columns has eight of the one in use.
 */
export function detectSeparator(text: string, from: number): Separator {
  let start = from
  for (;;) {
    const end = lineEnd(text, start)
    const line = text.slice(start, end)
    if (line.trim() !== '' || end >= text.length) return mostFrequent(line)
    start = end + (text.startsWith('\r\n', end) ? 2 : 1)
  }
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || c === 0x0d) return i
  }
  return text.length
}

function mostFrequent(line: string): Separator {
  const counts = new Map<string, number>()
  let quoted = false
  for (const c of line) {
    if (c === '"') quoted = !quoted
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  let best: Separator = ';'
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s
  return best
}

export interface CsvRecord {
  readonly line: number
  readonly fields: readonly string[]
}

/** "sep=;" on the first line is Excel's own way of naming the separator; Excel hides that line. */
const SEP_LINE = /^sep=([;,\t])(?:\r\n|\r|\n|$)/i

/**
 * Splits CSV text into records. Returns null after an error that makes the rest unreadable (an
 * unclosed quote), or 'too-many-rows' as soon as more than `maxRecords` non-blank records are seen,
 * so a huge file is not split in full only to be refused.
 */
export function readCsvRecords(
  text: string,
  maxRecords: number,
  problems: Problems,
): readonly CsvRecord[] | null | 'too-many-rows' {
  const sepLine = SEP_LINE.exec(text)
  const start = sepLine ? sepLine[0].length : 0
  const sep = (sepLine?.[1] as Separator | undefined) ?? detectSeparator(text, start)
  const records: CsvRecord[] = []
  let nonBlank = 0
  let i = start
  let line = 0
  while (i < text.length) {
    line++
    const read = readRecord(text, i, sep, line, problems)
    if (read === null) return null
    i = read.next
    if (read.fields.some((f) => f.trim() !== '')) {
      if (++nonBlank > maxRecords) return 'too-many-rows'
      records.push({ line, fields: read.fields })
    }
  }
  return records
}

/** One record from `from`: its fields and where the next begins. */
function readRecord(
  text: string,
  from: number,
  sep: string,
  line: number,
  problems: Problems,
): { fields: string[]; next: number } | null {
  const fields: string[] = []
  let i = from
  let reported = false
  for (;;) {
    let value: string
    if (text.charCodeAt(i) === 0x22) {
      const quoted = readQuoted(text, i + 1)
      if (quoted === null) {
        problems.add('SHEET_CSV', line, messages.unclosedQuote(line))
        return null
      }
      i = quoted.next
      value = quoted.value
      const end = fieldEnd(text, i, sep)
      if (end > i) {
        // `"ab"c`: RFC 4180 does not allow it, and guessing what was meant could move a value.
        if (!reported) problems.add('SHEET_CSV', line, messages.textAfterQuote(line, text.slice(i, end)))
        reported = true
        value += text.slice(i, end)
        i = end
      }
    } else {
      const end = fieldEnd(text, i, sep)
      value = text.slice(i, end)
      i = end
    }
    fields.push(value)
    if (i < text.length && text[i] === sep) {
      i++
      continue
    }
    if (text.charCodeAt(i) === 0x0d) i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1
    else if (text.charCodeAt(i) === 0x0a) i++
    return { fields, next: i }
  }
}

/** A quoted field's content from just after its opening quote; `""` is one quote. */
function readQuoted(text: string, from: number): { value: string; next: number } | null {
  let value = ''
  let i = from
  for (;;) {
    const q = text.indexOf('"', i)
    if (q === -1) return null
    value += text.slice(i, q)
    if (text.charCodeAt(q + 1) !== 0x22) return { value, next: q + 1 }
    value += '"'
    i = q + 2
  }
}

function fieldEnd(text: string, from: number, sep: string): number {
  const s = sep.charCodeAt(0)
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === s || c === 0x0a || c === 0x0d) return i
  }
  return text.length
}

/**
 * Excel runs a cell that begins with = + - or @ as a formula, so a name such as "=HYPERLINK(…)"
 * in a downloaded CSV could act on the user's machine (CSV injection). Such text is written with a
 * leading apostrophe, and the apostrophe is removed again on reading. Text that already begins
 * with apostrophes before such a character gets one more, so that reading always undoes writing.
 */
const FORMULA_START = /^[=+\-@\t\r]/
const needsProtection = (text: string): boolean => FORMULA_START.test(text.replace(/^'+/, ''))
export const protectFormula = (text: string) => (needsProtection(text) ? `'${text}` : text)
const unprotectFormula = (text: string) =>
  text.startsWith("'") && needsProtection(text.slice(1)) ? text.slice(1) : text

export function csvCell(raw: string): Cell {
  return textCell(unprotectFormula(raw.trim()))
}

/** Non-blank records as grid rows. */
export function csvGrid(records: readonly CsvRecord[]): GridRow[] {
  const rows: GridRow[] = []
  for (const r of records) {
    const cells = r.fields.map(csvCell)
    if (!isBlank(cells)) rows.push({ line: r.line, cells })
  }
  return rows
}

/** A field as CSV: quoted when it holds the separator, a quote, a line break or edge whitespace. */
function csvField(value: string, sep: string): string {
  const needsQuotes =
    value.includes(sep) || value.includes('"') || /[\r\n]/.test(value) || value.trim() !== value
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value
}

/** Rows as CSV the way Excel saves "CSV UTF-8": BOM, `;`, CRLF. */
export function formatCsv(rows: readonly (readonly string[])[], sep: Separator = ';'): string {
  return `\uFEFF${rows.map((r) => `${r.map((v) => csvField(v, sep)).join(sep)}\r\n`).join('')}`
}
