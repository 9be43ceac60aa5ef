import { expect } from 'vitest'
import { parseSie, type SieFile, type SieParseOptions, type SieProblem } from '../../src/index.ts'

/**
 * CP437 bytes of the Swedish letters, written out from the code page chart rather than taken from
 * the decoder's table, so the fixtures check the decoder instead of mirroring it.
 */
const CP437: Readonly<Record<string, number>> = {
  å: 0x86,
  ä: 0x84,
  ö: 0x94,
  Å: 0x8f,
  Ä: 0x8e,
  Ö: 0x99,
  é: 0x82,
  ü: 0x81,
}

/** Encodes fixture text as CP437; only ASCII and the letters above may occur in it. */
export function cp437(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0)
    const byte = code < 0x80 ? code : CP437[c]
    if (byte === undefined) throw new Error(`fixture character ${c} is not in the test's CP437 subset`)
    return byte
  })
}

/** Fixture text: the common indentation of a template literal removed, lines ending in LF. */
export function lines(text: string): string {
  const all = text
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n')
  const indent = Math.min(...all.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0))
  return `${all.map((l) => l.slice(indent)).join('\n')}\n`
}

/** A small, valid type 4 file's head: accounts 1930, 3010, 5010 and cost centres 100 and 200. */
export const HEAD = lines(`
  #FLAGGA 0
  #FORMAT PC8
  #SIETYP 4
  #PROGRAM "Testprogram" 1.0
  #GEN 20240115
  #FNAMN "Testkommunen"
  #RAR 0 20240101 20241231
  #RAR -1 20230101 20231231
  #KONTO 1930 "Bank"
  #KONTO 3010 "Försäljning"
  #KONTO 5010 "Lokalhyra"
  #DIM 1 "Kostnadsställe"
  #OBJEKT 1 100 "Förvaltning"
  #OBJEKT 1 200 "Skola"
`)

/** Lines in HEAD, so tests can name the line of a record that follows it. */
export const HEAD_LINES = HEAD.split('\n').length - 1

export function parseText(text: string, options?: SieParseOptions) {
  return parseSie(cp437(text), options)
}

export function parseOk(text: string, options?: SieParseOptions): SieFile {
  const result = parseText(text, options)
  if (!result.ok) expect.fail(`expected the file to be read, got ${JSON.stringify(result.errors, null, 1)}`)
  return result.file
}

export function errorsOf(text: string, options?: SieParseOptions): readonly SieProblem[] {
  const result = parseText(text, options)
  if (result.ok) expect.fail('expected the file to be rejected')
  return result.errors
}

/** The structure without line numbers: what must survive writing and reading again. */
export function withoutLines(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLines)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'line')
        .map(([key, v]) => [key, withoutLines(v)]),
    )
  }
  return value
}
