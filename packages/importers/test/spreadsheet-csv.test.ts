import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import {
  investmentTemplateCsv,
  parseInvestmentsCsv,
  parseOperating,
  parseOperatingCsv,
  SHEET_MAX_ERRORS,
} from '../src/index.ts'
import {
  errorsOf,
  INVESTMENT_HEADER,
  OPERATING_HEADER,
  OPTIONS,
  onlyError,
  rowsOf,
  utf8,
} from './spreadsheet-helpers.ts'

const budget = (costCentre: string, amount: string) => `2025;;Budget;${costCentre};;;;;${amount}`

describe('encoding and kind of file', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const text = `${OPERATING_HEADER}\n${budget('Förvaltning', '-100')}`
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
    for (const bytes of [utf8(text), withBom]) {
      expect(rowsOf(parseOperatingCsv(bytes, OPTIONS))).toEqual([
        { line: 2, year: 2025, measure: 'budget', costCentre: 'Förvaltning', amountOre: 10_000 },
      ])
    }
  })

  it('refuses a Windows-1252 file, pointing at the row and suggesting CSV UTF-8', () => {
    // "Förvaltning" with ö as the single byte 0xF6, on the third line.
    const bytes = new Uint8Array([
      ...utf8(`${OPERATING_HEADER}\n${budget('100', '1')}\n2025;;Budget;F`),
      0xf6,
      ...utf8('rv;;;;;1\n'),
    ])
    const error = onlyError(parseOperatingCsv(bytes, OPTIONS))
    expect(error).toMatchObject({ code: 'SHEET_ENCODING', line: 3 })
    expect(error.message).toContain('Spara filen som CSV UTF-8')
    expect(error.message).toContain('Windows-1252')
  })

  it('refuses other invalid UTF-8 (a lone continuation byte, an overlong form, a surrogate)', () => {
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const bytes = new Uint8Array([...utf8(`${OPERATING_HEADER}\n`), ...bad])
      expect(onlyError(parseOperatingCsv(bytes, OPTIONS))).toMatchObject({ code: 'SHEET_ENCODING', line: 2 })
    }
  })

  it('refuses UTF-16 ("Unicode text" from Excel)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(`${OPERATING_HEADER}\n`, 'utf16le')])
    const error = onlyError(parseOperatingCsv(bytes, OPTIONS))
    expect(error.code).toBe('SHEET_ENCODING')
    expect(error.message).toContain('UTF-16')
  })

  it('tells an Excel workbook or an old .xls file from CSV', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])
    expect(onlyError(parseOperatingCsv(xlsx, OPTIONS)).code).toBe('SHEET_FORMAT')
    expect(onlyError(parseOperatingCsv(xls, OPTIONS)).message).toContain('.xls')
  })

  it('reads either kind through parseOperating', async () => {
    const result = await parseOperating(utf8(OPERATING_HEADER, budget('100', '5')), OPTIONS)
    expect(rowsOf(result)).toHaveLength(1)
  })
})

describe('separators, quoting and line breaks', () => {
  const expected = [{ line: 2, year: 2025, measure: 'budget', costCentre: '100', amountOre: -123_450 }]

  it.each([
    ['semicolons', `${OPERATING_HEADER}\n2025;;Budget;100;;;;;1 234,50`],
    ['commas', `${OPERATING_HEADER.replaceAll(';', ',')}\n2025,,Budget,100,,,,,1234.50`],
    [
      'commas with a quoted decimal comma',
      `${OPERATING_HEADER.replaceAll(';', ',')}\n2025,,Budget,100,,,,,"1 234,50"`,
    ],
    ['tabs', `${OPERATING_HEADER.replaceAll(';', '\t')}\n2025\t\tBudget\t100\t\t\t\t\t1 234,50`],
    ['an Excel "sep=" line', `sep=,\n${OPERATING_HEADER.replaceAll(';', ',')}\n2025,,Budget,100,,,,,1234.5`],
    ['CRLF', `${OPERATING_HEADER}\r\n2025;;Budget;100;;;;;1 234,50\r\n`],
    ['CR alone', `${OPERATING_HEADER}\r2025;;Budget;100;;;;;1 234,50\r`],
    ['quoted fields', `${OPERATING_HEADER}\n"2025";"";"Budget";"100";;;;;"1 234,50"`],
  ])('reads %s', (_, text) => {
    // With costs negative, 1 234,50 kr of income is -123 450 öre in the ledger.
    expect(rowsOf(parseOperatingCsv(utf8(text), OPTIONS))).toEqual(expected)
  })

  it('numbers rows as Excel does: blank lines count, a quoted line break does not start a row', () => {
    const text = [
      INVESTMENT_HEADER,
      '',
      'skola;"Skola; ""Norr""\netapp 2";Expansion;Pågående;;2025;Budget;;-100',
      '',
      'skola;"Skola; ""Norr""\netapp 2";Expansion;Pågående;;2025;Utfall;;nope',
    ].join('\r\n')
    const errors = errorsOf(parseInvestmentsCsv(utf8(text), OPTIONS))
    expect(errors).toEqual([expect.objectContaining({ code: 'SHEET_AMOUNT', line: 5, column: 'Belopp' })])
    const ok = parseInvestmentsCsv(utf8(text.replace('nope', '-5')), OPTIONS)
    expect(rowsOf(ok).map((r) => [r.line, r.project.name])).toEqual([
      [3, 'Skola; "Norr"\netapp 2'],
      [5, 'Skola; "Norr"\netapp 2'],
    ])
  })

  it('refuses an unclosed quote, naming the row it starts on', () => {
    const text = `${OPERATING_HEADER}\n${budget('100', '1')}\n2025;;Budget;"100;;;;;1\n${budget('200', '1')}\n`
    expect(onlyError(parseOperatingCsv(utf8(text), OPTIONS))).toMatchObject({ code: 'SHEET_CSV', line: 3 })
  })

  it('refuses text after a closing quote', () => {
    const text = `${OPERATING_HEADER}\n2025;;Budget;"100"x;;;;;1`
    const error = onlyError(parseOperatingCsv(utf8(text), OPTIONS))
    expect(error).toMatchObject({ code: 'SHEET_CSV', line: 2 })
    expect(error.message).toContain('"x"')
  })

  it('ignores trailing empty fields and whitespace around values', () => {
    const text = `${OPERATING_HEADER};;\n 2025 ;; budget ;\u00a0100\u00a0;;;;; -1 ;;\n`
    expect(rowsOf(parseOperatingCsv(utf8(text), OPTIONS))).toEqual([
      { line: 2, year: 2025, measure: 'budget', costCentre: '100', amountOre: 100 },
    ])
  })

  it('takes off the apostrophe that protects text from running as a formula', () => {
    const csv = investmentTemplateCsv({
      sign: 'costs-negative',
      rows: [
        {
          project: { key: 'p1', name: '=HYPERLINK("x")', category: 'other', status: 'planned' },
          year: 2025,
          measure: 'budget',
          amountOre: 1,
        },
        {
          project: { key: 'p2', name: "'+1", category: 'other', status: 'planned' },
          year: 2025,
          measure: 'budget',
          amountOre: 1,
        },
      ],
    })
    expect(csv).toContain(`'=HYPERLINK(""x"")`)
    const rows = rowsOf(parseInvestmentsCsv(utf8(csv), OPTIONS))
    expect(rows.map((r) => r.project.name)).toEqual(['=HYPERLINK("x")', "'+1"])
  })
})

describe('the header row', () => {
  it('matches headings ignoring case, spacing and Unicode form, in any order', () => {
    const text = ['belopp; MÅTT ;Ansvar;a\u030Ar', '-5;Budget;100;2025'].join('\n')
    expect(rowsOf(parseOperatingCsv(utf8(text), OPTIONS))).toEqual([
      { line: 2, year: 2025, measure: 'budget', costCentre: '100', amountOre: 500 },
    ])
  })

  it('names unknown columns', () => {
    const text = [`${OPERATING_HEADER};Kommentar;Belop`, `${budget('100', '1')};x;y`].join('\n')
    const error = onlyError(parseOperatingCsv(utf8(text), OPTIONS))
    expect(error).toMatchObject({ code: 'SHEET_HEADER', line: 1 })
    expect(error.message).toContain('"Kommentar" och "Belop" finns inte i mallen')
  })

  it('names missing required columns', () => {
    const text = ['År;Månad;Ansvar', '2025;;100'].join('\n')
    const error = onlyError(parseOperatingCsv(utf8(text), OPTIONS))
    expect(error.code).toBe('SHEET_HEADER')
    expect(error.message).toContain('"Mått" och "Belopp" saknas')
  })

  it('refuses a column given twice', () => {
    const text = ['År;Mått;Belopp;belopp', '2025;Budget;1;2'].join('\n')
    expect(onlyError(parseOperatingCsv(utf8(text), OPTIONS)).message).toContain('(kolumn C och D)')
  })

  it('says so when the first row is not a header at all', () => {
    const error = onlyError(parseOperatingCsv(utf8(budget('100', '1')), OPTIONS))
    expect(error.code).toBe('SHEET_HEADER')
    expect(error.message).toMatch(/^Filen saknar rubrikrad/)
  })

  it('recognises the other template', () => {
    const error = onlyError(
      parseOperatingCsv(utf8(INVESTMENT_HEADER, 'p;P;Övrigt;Planerat;;2025;Budget;;1'), OPTIONS),
    )
    expect(error.message).toContain('mall för investeringar')
  })

  it('refuses a value under no heading, naming the column letter', () => {
    const text = [`${OPERATING_HEADER};`, `${budget('100', '1')};;7`].join('\n')
    const error = onlyError(parseOperatingCsv(utf8(text), OPTIONS))
    expect(error).toMatchObject({ code: 'SHEET_EXTRA_CELLS', line: 2, column: 'K' })
  })
})

describe('whole-file problems', () => {
  it.each([
    ['an empty file', '', 'Filen är tom.'],
    ['only whitespace', ' \n\r\n ', 'Filen är tom.'],
    ['a header alone', OPERATING_HEADER, 'inga rader med värden'],
    [
      'rows without any amount',
      `${OPERATING_HEADER}\n${budget('100', '')}`,
      'Ingen rad i filen har något belopp',
    ],
  ])('refuses %s', (_, text, message) => {
    const error = onlyError(parseOperatingCsv(utf8(text), OPTIONS))
    expect(error.code).toBe('SHEET_EMPTY')
    expect(error.message).toContain(message)
  })

  it('refuses a file over the size limit before reading it', () => {
    const error = onlyError(
      parseOperatingCsv(utf8(OPERATING_HEADER, budget('1', '1')), { ...OPTIONS, maxBytes: 50 }),
    )
    expect(error.code).toBe('SHEET_TOO_LARGE')
    expect(error.message).toMatch(/^Filen är \d+ byte; största tillåtna storlek är 50 byte/)
  })

  it('refuses more data rows than the limit', () => {
    const rows = Array.from({ length: 11 }, (_, i) => budget(String(100 + i), '1'))
    const text = [OPERATING_HEADER, ...rows].join('\n')
    expect(rowsOf(parseOperatingCsv(utf8(text), { ...OPTIONS, maxRows: 11 }))).toHaveLength(11)
    const error = onlyError(parseOperatingCsv(utf8(text), { ...OPTIONS, maxRows: 10 }))
    expect(error.code).toBe('SHEET_TOO_LARGE')
    expect(error.message).toContain('fler än 10 rader')
  })

  it(`shows the first ${SHEET_MAX_ERRORS} errors and counts the rest`, () => {
    const rows = Array.from({ length: 150 }, (_, i) => budget(String(100 + i), 'x'))
    const errors = errorsOf(parseOperatingCsv(utf8(OPERATING_HEADER, ...rows), OPTIONS))
    expect(errors).toHaveLength(SHEET_MAX_ERRORS + 1)
    expect(errors.at(-1)).toMatchObject({ code: 'SHEET_TOO_MANY_ERRORS', line: 102 })
    expect(errors.at(-1)?.message).toContain('Ytterligare 50 fel')
  })
})
