import { Buffer } from 'node:buffer'
import { crc32, inflateRawSync } from 'node:zlib'

/**
 * A check of an XLSX file's zip container before exceljs sees it. exceljs (through JSZip) inflates
 * every part in full and trusts the sizes the zip declares, so a small file that expands to
 * gigabytes (a zip bomb) would exhaust memory before any limit of ours applied. Here every part is
 * inflated with a hard cap on its output and checked against its declared size and CRC-32, so that
 * what exceljs then reads is known to be bounded and intact. Worksheet rows are counted on the way.
 *
 * Only what XLSX writers produce is accepted: a single-disk zip without zip64, parts stored or
 * deflated, not encrypted.
 */

export interface ZipLimits {
  readonly maxUncompressedBytes: number
  /** Rows (the `<row>` elements) allowed in any one worksheet. */
  readonly maxRowsPerSheet: number
  /**
   * Cells (`<c>` elements, empty formatted ones included) allowed in all worksheets together.
   * exceljs makes an object of each, so this, not the file size, bounds its memory: 256 MiB of
   * `<c r="A1"/>` would be some twenty million of them.
   */
  readonly maxCells: number
}

export type ZipCheck =
  | { readonly ok: true; readonly names: readonly string[] }
  | { readonly ok: false; readonly problem: 'corrupt'; readonly detail: string }
  | { readonly ok: false; readonly problem: 'encrypted' | 'too-large' | 'too-many-rows' | 'too-many-cells' }

/** An .xlsx has a few dozen parts; thousands is not a workbook anyone filled in by hand. */
const MAX_ENTRIES = 5_000
const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** What exceljs reads as a worksheet (its own pattern, unanchored as there). */
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/
const ROW_OR_CELL = /<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s>/]/g

class ZipError extends Error {}

/** Little-endian reads that fail (with ZipError) instead of reading past the end. */
function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const need = (at: number, size: number) => {
    if (at < 0 || at + size > bytes.length) throw new ZipError('oväntat slut på filen')
  }
  return {
    u16: (at: number) => {
      need(at, 2)
      return view.getUint16(at, true)
    },
    u32: (at: number) => {
      need(at, 4)
      return view.getUint32(at, true)
    },
  }
}

interface Entry {
  readonly name: string
  readonly flags: number
  readonly method: number
  readonly crc: number
  readonly compressedSize: number
  readonly size: number
  readonly localOffset: number
}

export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipCheck {
  try {
    const entries = centralDirectory(bytes)
    if (entries.some((e) => (e.flags & 0x1) !== 0)) return { ok: false, problem: 'encrypted' }
    let total = 0
    for (const e of entries) {
      total += e.size
      if (total > limits.maxUncompressedBytes) return { ok: false, problem: 'too-large' }
    }
    let cells = 0
    for (const e of entries) {
      const data = inflateEntry(bytes, e)
      if (!WORKSHEET.test(e.name)) continue
      const counted = countElements(data)
      if (counted.rows > limits.maxRowsPerSheet) return { ok: false, problem: 'too-many-rows' }
      cells += counted.cells
      if (cells > limits.maxCells) return { ok: false, problem: 'too-many-cells' }
    }
    return { ok: true, names: entries.map((e) => e.name) }
  } catch (error) {
    const detail = error instanceof ZipError ? error.message : 'zip-strukturen kan inte läsas'
    return { ok: false, problem: 'corrupt', detail }
  }
}

/** The end-of-central-directory record is in the last 22 + 65 535 (comment) bytes. */
function findEndRecord(bytes: Uint8Array): number {
  const r = reader(bytes)
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && r.u32(at) === EOCD) return at
  }
  throw new ZipError('zip-filens innehållsförteckning saknas')
}

function centralDirectory(bytes: Uint8Array): Entry[] {
  const r = reader(bytes)
  const end = findEndRecord(bytes)
  const count = r.u16(end + 10)
  const size = r.u32(end + 12)
  const offset = r.u32(end + 16)
  if (r.u16(end + 4) !== 0 || r.u16(end + 6) !== 0 || count !== r.u16(end + 8)) {
    throw new ZipError('zip-filen är uppdelad på flera delar')
  }
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipError('zip64 stöds inte')
  if (count > MAX_ENTRIES) throw new ZipError(`fler än ${MAX_ENTRIES} delar`)
  if (offset + size > end) throw new ZipError('innehållsförteckningen pekar utanför filen')
  const entries: Entry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (r.u32(at) !== CENTRAL) throw new ZipError('innehållsförteckningen är skadad')
    const nameLength = r.u16(at + 28)
    const extraLength = r.u16(at + 30)
    const commentLength = r.u16(at + 32)
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength)
    entries.push({
      flags: r.u16(at + 8),
      method: r.u16(at + 10),
      crc: r.u32(at + 16),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      localOffset: r.u32(at + 42),
      // Part names in an XLSX are ASCII; latin1 reads any byte without failing.
      name: Buffer.from(nameBytes).toString('latin1'),
    })
    at += 46 + nameLength + extraLength + commentLength
    if (at > offset + size) throw new ZipError('innehållsförteckningen är skadad')
  }
  return entries
}

/** A part's bytes, inflated with its declared size as the cap, then checked against size and CRC. */
function inflateEntry(bytes: Uint8Array, e: Entry): Uint8Array {
  const r = reader(bytes)
  if (r.u32(e.localOffset) !== LOCAL) throw new ZipError(`delen ${e.name} saknas`)
  const start = e.localOffset + 30 + r.u16(e.localOffset + 26) + r.u16(e.localOffset + 28)
  if (start + e.compressedSize > bytes.length) throw new ZipError(`delen ${e.name} är avkortad`)
  const raw = bytes.subarray(start, start + e.compressedSize)
  let data: Uint8Array
  if (e.method === 0) data = raw
  else if (e.method === 8) {
    try {
      // One byte over the declared size is enough to know the declaration was false.
      data = inflateRawSync(raw, { maxOutputLength: e.size + 1 })
    } catch {
      throw new ZipError(`delen ${e.name} kan inte packas upp`)
    }
  } else throw new ZipError(`delen ${e.name} är packad på ett sätt som inte stöds`)
  if (data.length !== e.size || crc32(data) !== e.crc) throw new ZipError(`delen ${e.name} är skadad`)
  return data
}

/** `<row>` and `<c>` elements (with or without a namespace prefix) in a worksheet's XML. */
function countElements(data: Uint8Array): { rows: number; cells: number } {
  const xml = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')
  let rows = 0
  let cells = 0
  ROW_OR_CELL.lastIndex = 0
  for (let m = ROW_OR_CELL.exec(xml); m !== null; m = ROW_OR_CELL.exec(xml)) {
    if (m[1] === 'row') rows++
    else cells++
  }
  return { rows, cells }
}
