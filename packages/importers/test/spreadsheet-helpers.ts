import { Buffer } from 'node:buffer'
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { expect } from 'vitest'
import type { SheetParseOptions, SheetProblem, SheetResult } from '../src/index.ts'

export const OPTIONS: SheetParseOptions = { year: 2025, sign: 'costs-negative' }

export const OPERATING_HEADER = 'År;Månad;Mått;Ansvar;Konto;Kontogrupp;Verksamhet;Uppföljning;Belopp'
export const INVESTMENT_HEADER =
  'Projekt;Namn;Kategori;Status;Beslutad totalbudget;År;Mått;Uppföljning;Belopp'

/** Fixture text as UTF-8 bytes, lines joined with LF. */
export function utf8(...lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join('\n'))
}

export function rowsOf<Row>(result: SheetResult<Row>): readonly Row[] {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors.slice(0, 5), null, 1)}`)
  return result.rows
}

export function errorsOf<Row>(result: SheetResult<Row>): readonly SheetProblem[] {
  if (result.ok) throw new Error(`expected errors, got ${result.rows.length} rows`)
  return result.errors
}

/** The one error of a result, checked to be the only one. */
export function onlyError<Row>(result: SheetResult<Row>): SheetProblem {
  const errors = errorsOf(result)
  expect(errors).toHaveLength(1)
  return errors[0] as SheetProblem
}

export interface AmountStyle {
  readonly thousands: string
  readonly decimal: string
  readonly minus: string
  readonly alwaysDecimals: boolean
  readonly suffix: string
}

/**
 * Öre written the many ways a person or a program may write kronor. Written here, apart from the
 * code under test, so that the tests check the parser against an independent formatter.
 */
export function written(ore: number, style: AmountStyle): string {
  const value = BigInt(ore)
  const abs = value < 0n ? -value : value
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, style.thousands)
  const cents = abs % 100n
  let fraction = ''
  if (cents !== 0n || style.alwaysDecimals) {
    const two = cents.toString().padStart(2, '0')
    // "12,5" as well as "12,50": both are how people write it.
    fraction = style.decimal + (two.endsWith('0') && !style.alwaysDecimals ? two.charAt(0) : two)
  }
  return `${value < 0n ? style.minus : ''}${whole}${fraction}${style.suffix}`
}

/** Rows as CSV, written independently of the code under test. */
export function toCsv(
  rows: readonly (readonly string[])[],
  style: { readonly sep: string; readonly eol: string; readonly quoteAll: boolean; readonly bom: boolean },
): string {
  const field = (v: string) =>
    style.quoteAll || v.includes(style.sep) || /["\r\n]/.test(v) || v.trim() !== v
      ? `"${v.replaceAll('"', '""')}"`
      : v
  return `${style.bom ? '\uFEFF' : ''}${rows.map((r) => r.map(field).join(style.sep)).join(style.eol)}`
}

// A zip writer and reader of our own, so that tests can build XLSX files exceljs would never write
// (lying sizes, bombs, damaged parts) and change the XML inside a real template.

export interface ZipPart {
  readonly name: string
  readonly data: Uint8Array
  /** 8 (deflate, the default) or 0 (stored). */
  readonly method?: 0 | 8
  /** Overrides the uncompressed size written in the headers (to make a lying zip). */
  readonly declaredSize?: number
  readonly flags?: number
}

export function makeZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8')
    const method = part.method ?? 8
    const body = method === 8 ? deflateRawSync(part.data) : Buffer.from(part.data)
    const size = part.declaredSize ?? part.data.length
    const crc = crc32(part.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(part.flags ?? 0, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(part.flags ?? 0, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

/** The parts of a well-formed zip (such as exceljs writes), in order. */
export function readZip(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const buf = Buffer.from(bytes)
  let end = buf.length - 22
  while (buf.readUInt32LE(end) !== 0x06054b50) end--
  const count = buf.readUInt16LE(end + 10)
  let at = buf.readUInt32LE(end + 16)
  const parts: { name: string; data: Uint8Array }[] = []
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10)
    const compressed = buf.readUInt32LE(at + 20)
    const nameLength = buf.readUInt16LE(at + 28)
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
    const local = buf.readUInt32LE(at + 42)
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const raw = buf.subarray(start, start + compressed)
    parts.push({ name, data: new Uint8Array(method === 8 ? inflateRawSync(raw) : raw) })
    at += 46 + skip
  }
  return parts
}

/** A real template with one part's text changed, re-zipped with correct checksums. */
export function withPart(xlsx: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  return makeZip(
    readZip(xlsx).map((p) =>
      p.name === name
        ? { name, data: new TextEncoder().encode(change(new TextDecoder().decode(p.data))) }
        : p,
    ),
  )
}
