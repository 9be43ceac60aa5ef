/**
 * PDF pages as pixels for golden-image tests: Poppler's pdftoppm renders each page to an 8-bit
 * grey PNG at a low resolution; a small PNG reader (zlib and the five row filters) gives the
 * pixels to compare with the committed golden images.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'

export interface Grey {
  width: number
  height: number
  pixels: Uint8Array
}

function withPdfFile<T>(pdf: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'arshjul-pdf-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, pdf)
    return run(file, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Render every page of a PDF to grey PNG bytes (page order). */
export function pdfPagesToPng(pdf: Uint8Array, dpi = 30): Buffer[] {
  return withPdfFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', file, join(dir, 'page')])
    return readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)))
  })
}

/** The text of a PDF as Poppler extracts it, in reading order with the layout kept. */
export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }))
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/**
 * Decode an 8-bit, non-interlaced grey or RGB PNG (pdftoppm writes RGB even with -gray) into grey
 * pixels: the row filters are undone per byte, then each pixel's channels are averaged.
 */
export function decodeGreyPng(png: Buffer): Grey {
  let offset = 8
  let width = 0
  let height = 0
  let channels = 1
  const data: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const chunk = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0)
      height = chunk.readUInt32BE(4)
      channels = chunk[9] === 2 ? 3 : 1
      if (chunk[8] !== 8 || (chunk[9] !== 0 && chunk[9] !== 2) || chunk[12] !== 0) {
        throw new Error('expected an 8-bit grey or RGB PNG without interlace')
      }
    } else if (type === 'IDAT') data.push(chunk)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(data))
  const stride = width * channels
  const bytes = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0
      const left = x >= channels ? (bytes[y * stride + x - channels] ?? 0) : 0
      const up = y > 0 ? (bytes[(y - 1) * stride + x] ?? 0) : 0
      const upLeft = x >= channels && y > 0 ? (bytes[(y - 1) * stride + x - channels] ?? 0) : 0
      const predicted =
        filter === 1
          ? left
          : filter === 2
            ? up
            : filter === 3
              ? (left + up) >> 1
              : filter === 4
                ? paeth(left, up, upLeft)
                : 0
      bytes[y * stride + x] = (value + predicted) & 0xff
    }
  }
  const pixels = new Uint8Array(width * height)
  for (let i = 0; i < pixels.length; i++) {
    let sum = 0
    for (let c = 0; c < channels; c++) sum += bytes[i * channels + c] ?? 0
    pixels[i] = Math.round(sum / channels)
  }
  return { width, height, pixels }
}

/** The share of pixels that differ by more than a quarter of the grey range (0 = identical). */
export function differingShare(a: Grey, b: Grey): number {
  if (a.width !== b.width || a.height !== b.height) return 1
  let differing = 0
  for (let i = 0; i < a.pixels.length; i++) {
    if (Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0)) > 64) differing++
  }
  return differing / a.pixels.length
}
