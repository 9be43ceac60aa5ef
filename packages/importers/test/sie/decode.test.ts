import { describe, expect, it } from 'vitest'
import { decodeCp437, encodeCp437, parseSie } from '../../src/index.ts'
import { cp437 } from './helpers.ts'

const NAMES = '#FNAMN "Åsa Älvström"\n#KONTO 3010 "Försäljning är öre, Müller & Café"\n'
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('encodings', () => {
  it.each([
    {
      name: 'CP437, as #FORMAT PC8 says, gives å, ä, ö, Å, Ä, Ö, é and ü',
      bytes: cp437(`#FORMAT PC8\n${NAMES}`),
      encoding: 'cp437',
      warnings: [],
    },
    {
      name: 'CP437 is assumed when #FORMAT is missing',
      bytes: cp437(NAMES),
      encoding: 'cp437',
      warnings: [],
    },
    {
      name: 'UTF-8 declared as PC8 is read as UTF-8, with a warning',
      bytes: utf8(`#FORMAT PC8\n${NAMES}`),
      encoding: 'utf-8',
      warnings: ['SIE_ENCODING_UTF8'],
    },
    {
      name: 'UTF-8 with a byte order mark is read as UTF-8',
      bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(NAMES)]),
      encoding: 'utf-8',
      warnings: ['SIE_ENCODING_UTF8'],
    },
    {
      name: 'Windows-1252 (Swedish letters only where Windows puts them) is read as such, with a warning',
      bytes: Uint8Array.from(NAMES, (c) => c.charCodeAt(0)),
      encoding: 'windows-1252',
      warnings: ['SIE_ENCODING_WINDOWS1252'],
    },
  ])('$name', ({ bytes, encoding, warnings }) => {
    const result = parseSie(bytes)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.file.encoding).toBe(encoding)
    expect(result.file.companyName).toBe('Åsa Älvström')
    expect(result.file.accounts[0]?.name).toBe('Försäljning är öre, Müller & Café')
    expect(result.warnings.map((w) => w.code)).toEqual(warnings)
    for (const w of result.warnings) expect(w.message).toMatch(/å, ä och ö/)
  })

  it('a CP437 file with one Windows-1252 byte (a path in #FNR, as in a real export) stays CP437', () => {
    const bytes = Uint8Array.from([
      ...cp437('#FNAMN "Övningsbolaget"\n#FNR "C:\\F'),
      0xf6,
      ...cp437('retag"\n'),
    ])
    const result = parseSie(bytes)
    expect(result).toMatchObject({ ok: true, file: { encoding: 'cp437', companyName: 'Övningsbolaget' } })
  })

  it.each([
    {
      name: 'text whose letters were replaced by U+FFFD before it was saved',
      bytes: utf8('#FNAMN "AB"\n#KONTO 1060 "Hyresr\uFFFDtt"\n#KONTO 1150 "Markanl\uFFFDggningar"\n'),
      line: 2,
      rows: '2 rader',
    },
    {
      name: 'a replacement character in a file that is otherwise CP437',
      bytes: Uint8Array.from([...cp437('#FNAMN "Ö"\n#FNAMN "'), 0xef, 0xbf, 0xbd, 0x22, 0x0a]),
      line: 2,
      rows: '1 rad',
    },
  ])('rejects $name with SIE_ENCODING, never silent garbage', ({ bytes, line, rows }) => {
    const result = parseSie(bytes, { fileName: 'bok.se' })
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: 'SIE_ENCODING',
          line,
          file: 'bok.se',
          message: expect.stringMatching(
            new RegExp(`^Rad ${line}: filen innehåller ersättningstecken .* ${rows}`),
          ),
        },
      ],
    })
  })

  it('CP437 decoding and encoding are inverse over all 256 bytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const text = decodeCp437(all)
    expect(text).toHaveLength(256)
    expect(new Set(text).size).toBe(256)
    expect(encodeCp437(text)).toEqual(all)
    // A few positions from the code page chart: Ç, ¢, │, ß, °, no-break space.
    expect([0x80, 0x9b, 0xb3, 0xe1, 0xf8, 0xff].map((b) => text[b])).toEqual([
      'Ç',
      '¢',
      '│',
      'ß',
      '°',
      '\u00a0',
    ])
    expect(encodeCp437('€')).toEqual(Uint8Array.of(0x3f))
  })
})
