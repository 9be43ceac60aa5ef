import { Buffer } from 'node:buffer'
import { messages } from './messages.ts'
import type { SieEncoding, SieProblem } from './types.ts'

/**
 * IBM code page 437 ("PC8" in SIE), bytes 0x80–0xFF; bytes below 0x80 are ASCII. Node's
 * TextDecoder has no CP437, and the table is small enough to own.
 */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

const toByte = new Map<number, number>()
for (let b = 0; b < 256; b++) toByte.set(b < 0x80 ? b : CP437_HIGH.charCodeAt(b - 0x80), b)

/**
 * Decodes CP437 bytes; every byte maps to a character, so this cannot fail. Node's native Latin-1
 * decoding (byte n → U+00n) does the bulk, mostly ASCII; the few high characters are then mapped.
 */
export function decodeCp437(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  return latin1.replace(/[\u0080-\u00ff]/g, (c) => CP437_HIGH[c.charCodeAt(0) - 0x80] ?? c)
}

/** Encodes text as CP437; characters the code page lacks become "?". */
export function encodeCp437(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = toByte.get(text.charCodeAt(i)) ?? 0x3f
  return out
}

// å ä ö Å Ä Ö é ü as single bytes: where CP437 puts them, and where Windows-1252 does.
const CP437_SWEDISH = new Set([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x81])
const WINDOWS1252_SWEDISH = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc])

interface ByteScan {
  high: number
  cp437Letters: number
  windowsLetters: number
  /** Lines holding the UTF-8 bytes of U+FFFD (EF BF BD), the mark of text already broken. */
  replacementLines: number[]
}

function scan(bytes: Uint8Array, from: number): ByteScan {
  const result: ByteScan = { high: 0, cp437Letters: 0, windowsLetters: 0, replacementLines: [] }
  let line = 1
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    if (b === 0x0a) line++
    else if (b >= 0x80) {
      result.high++
      if (CP437_SWEDISH.has(b)) result.cp437Letters++
      if (WINDOWS1252_SWEDISH.has(b)) result.windowsLetters++
      if (b === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) {
        if (result.replacementLines.at(-1) !== line) result.replacementLines.push(line)
      }
    }
  }
  return result
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

export type Decoded =
  | {
      readonly ok: true
      readonly text: string
      readonly encoding: SieEncoding
      readonly warnings: SieProblem[]
    }
  | { readonly ok: false; readonly error: SieProblem }

/**
 * Turns the bytes of a SIE file into text. The standard says CP437 (`#FORMAT PC8`, also assumed
 * when #FORMAT is missing). Two real-world deviations are recognised and reported as warnings:
 * UTF-8 text (the whole file is valid UTF-8 and has multi-byte characters — CP437 Swedish text
 * essentially never is) and Windows-1252 text (Swedish letters only at their Windows-1252
 * positions, none at CP437's). Text that already holds U+FFFD replacement characters has lost its
 * letters before it reached us; it is rejected, never imported as silent garbage.
 */
export function decodeSie(input: Uint8Array): Decoded {
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf
  const bytes = bom ? input.subarray(3) : input
  const found = scan(bytes, 0)
  const first = found.replacementLines[0]
  if (first !== undefined) {
    const message = messages.replacementCharacters(first, found.replacementLines.length)
    return { ok: false, error: { code: 'SIE_ENCODING', line: first, message } }
  }
  if (found.high === 0) return { ok: true, text: decodeCp437(bytes), encoding: 'cp437', warnings: [] }
  const utf8 = strictUtf8(bytes)
  if (utf8 !== null) {
    const warning: SieProblem = { code: 'SIE_ENCODING_UTF8', line: 1, message: messages.readAsUtf8() }
    return { ok: true, text: utf8, encoding: 'utf-8', warnings: [warning] }
  }
  if (found.cp437Letters === 0 && found.windowsLetters > 0) {
    const text = new TextDecoder('windows-1252').decode(bytes)
    const warning: SieProblem = {
      code: 'SIE_ENCODING_WINDOWS1252',
      line: 1,
      message: messages.readAsWindows1252(),
    }
    return { ok: true, text, encoding: 'windows-1252', warnings: [warning] }
  }
  return { ok: true, text: decodeCp437(bytes), encoding: 'cp437', warnings: [] }
}
