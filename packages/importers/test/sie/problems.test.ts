import { describe, expect, it } from 'vitest'
import { MAX_ERRORS, parseSie } from '../../src/index.ts'
import { errorsOf, HEAD, HEAD_LINES, parseOk, parseText } from './helpers.ts'

const L = HEAD_LINES
const rent = (first: string, second = '#TRANS 1930 {} -2500.00') =>
  `${HEAD}#VER A 1 20240310 "Hyra"\n{\n${first}\n${second}\n}\n`

describe('problems that stop the import', () => {
  it.each([
    {
      name: 'an amount with a decimal comma',
      text: rent('#TRANS 5010 {} 2500,00', '#TRANS 1930 {} -2500.00'),
      expected: {
        code: 'SIE_AMOUNT',
        line: L + 3,
        column: 16,
        message: 'Rad 17: beloppet "2500,00" är inte ett tal med punkt som decimaltecken.',
      },
    },
    {
      name: 'an amount with öre fractions beyond two decimals',
      text: rent('#TRANS 5010 {} 2500.005'),
      expected: {
        code: 'SIE_AMOUNT',
        line: L + 3,
        message: expect.stringContaining('fler än två decimaler'),
      },
    },
    {
      name: 'an amount that is not a number',
      text: `${HEAD}#PSALDO 0 202401 3010 {} 1e5\n`,
      expected: { code: 'SIE_AMOUNT', line: L + 1 },
    },
    {
      name: 'a voucher date that does not exist',
      text: `${HEAD}#VER A 1 20240231 "Hyra"\n{\n#TRANS 5010 {} 1\n#TRANS 1930 {} -1\n}\n`,
      expected: { code: 'SIE_DATE', line: L + 1, message: expect.stringContaining('"20240231"') },
    },
    {
      name: 'a row date in the wrong form',
      text: rent('#TRANS 5010 {} 2500.00 2024-03-01'),
      expected: { code: 'SIE_DATE', line: L + 3 },
    },
    {
      name: 'a period with month 13',
      text: `${HEAD}#PBUDGET 0 202413 3010 {} 1.00\n`,
      expected: { code: 'SIE_PERIOD', line: L + 1, message: expect.stringContaining('"202413"') },
    },
    {
      name: 'a voucher that does not balance, named by its #VER line',
      text: rent('#TRANS 5010 {} 2500.00', '#TRANS 1930 {} -2487.50'),
      expected: {
        code: 'SIE_UNBALANCED_VOUCHER',
        line: L + 1,
        message:
          'Rad 15: verifikationen A 1 balanserar inte: transaktionerna summerar till 12,50 kr, inte 0.',
      },
    },
    {
      name: 'a row on an account missing from #KONTO',
      text: rent('#TRANS 5011 {} 2500.00'),
      expected: { code: 'SIE_UNKNOWN_ACCOUNT', line: L + 3, message: expect.stringContaining('kontot 5011') },
    },
    {
      name: 'a voucher whose } never comes',
      text: `${HEAD}#VER A 1 20240310 "Hyra"\n{\n#TRANS 5010 {} 1\n#TRANS 1930 {} -1\n`,
      expected: { code: 'SIE_UNCLOSED_BLOCK', line: L + 1 },
    },
    {
      name: 'a voucher cut off by the next #VER',
      text: `${HEAD}#VER A 1 20240310 ""\n{\n#TRANS 5010 {} 1\n#VER A 2 20240311 ""\n{\n#TRANS 5010 {} 1\n#TRANS 1930 {} -1\n}\n`,
      expected: { code: 'SIE_UNCLOSED_BLOCK', line: L + 1 },
    },
    {
      name: 'a block after an unknown label that never ends',
      text: `${HEAD}#OKAND\n{\n#TRANS 5010 {} 1\n`,
      expected: { code: 'SIE_UNCLOSED_BLOCK', line: L + 2 },
    },
    {
      name: 'a text without its closing quote',
      text: `${HEAD}#KONTO 4010 "Inköp\n`,
      expected: {
        code: 'SIE_SYNTAX',
        line: L + 1,
        column: 13,
        message: expect.stringContaining('citattecken'),
      },
    },
    {
      name: 'an object list without its closing brace',
      text: rent('#TRANS 5010 {1 100 2500.00'),
      expected: { code: 'SIE_SYNTAX', line: L + 3, column: 13 },
    },
    {
      name: 'an object list with a dimension but no object',
      text: rent('#TRANS 5010 {1} 2500.00'),
      expected: { code: 'SIE_SYNTAX', line: L + 3, message: expect.stringContaining('par') },
    },
    {
      name: 'an object list whose dimension is not a number',
      text: rent('#TRANS 5010 {K 100} 2500.00'),
      expected: { code: 'SIE_SYNTAX', line: L + 3 },
    },
    {
      name: 'a row outside any voucher',
      text: `${HEAD}#TRANS 5010 {} 1\n`,
      expected: {
        code: 'SIE_SYNTAX',
        line: L + 1,
        message: expect.stringContaining('utanför en verifikation'),
      },
    },
    {
      name: 'a #VER not followed by {',
      text: `${HEAD}#VER A 1 20240310 ""\n#KONTO 4010 X\n`,
      expected: { code: 'SIE_SYNTAX', line: L + 1 },
    },
    {
      name: 'a } that closes nothing',
      text: `${HEAD}}\n`,
      expected: { code: 'SIE_SYNTAX', line: L + 1 },
    },
    {
      name: 'a { that belongs to no voucher',
      text: `${HEAD}#KONTO 4010 X\n{\n}\n`,
      expected: { code: 'SIE_SYNTAX', line: L + 2 },
    },
    {
      name: 'a line that is not a record',
      text: `${HEAD}3010 Intäkter\n`,
      expected: { code: 'SIE_SYNTAX', line: L + 1, column: 1 },
    },
    {
      name: 'a record missing a required field',
      text: `${HEAD}#KONTO\n`,
      expected: { code: 'SIE_SYNTAX', line: L + 1, message: 'Rad 15: #KONTO saknar kontonummer.' },
    },
    {
      name: 'an object list where a value belongs',
      text: `${HEAD}#KONTO {1 2} X\n`,
      expected: { code: 'SIE_SYNTAX', line: L + 1 },
    },
    {
      name: 'an unknown SIE type',
      text: '#SIETYP 5\n',
      expected: { code: 'SIE_SYNTAX', line: 1 },
    },
    {
      name: 'a fiscal year that ends before it starts',
      text: '#RAR 0 20241231 20240101\n',
      expected: { code: 'SIE_DATE', line: 1 },
    },
    { name: 'an empty file', text: '', expected: { code: 'SIE_EMPTY', line: 1, message: 'Filen är tom.' } },
    { name: 'a file of blank lines', text: '\n \t\r\n', expected: { code: 'SIE_EMPTY', line: 1 } },
    {
      name: 'a file with no SIE records at all',
      text: '#NAMN "inte SIE"\n',
      expected: { code: 'SIE_EMPTY', line: 1, message: expect.stringContaining('inga SIE-poster') },
    },
  ])('$name', ({ text, expected }) => {
    expect(errorsOf(text)).toEqual([expect.objectContaining(expected)])
  })
})

describe('what is not a problem', () => {
  it.each([
    {
      name: 'removed and added rows are not counted in the balance, #TRANS rows are',
      text: rent('#BTRANS 5010 {} 999.00\n#RTRANS 5010 {} 2500.00\n#TRANS 5010 {} 2500.00'),
    },
    {
      name: 'accounts need no #KONTO when the file declares none (an import file of vouchers)',
      text: '#SIETYP 4\n#VER "" "" 20240225 ""\n{\n#TRANS 7010 {1 "200"} 24150.00 "" "" 1.00\n#TRANS 1940 {} -24150.00\n}\n',
    },
    {
      name: 'an unknown account on a removed row',
      text: rent('#BTRANS 9999 {} 1.00\n#TRANS 5010 {} 2500.00'),
    },
    {
      name: 'periods of another year when no year is asked for',
      text: `${HEAD}#PSALDO 0 201901 3010 {} 1\n`,
    },
  ])('$name', ({ text }) => {
    expect(parseText(text).ok).toBe(true)
  })
})

describe('the year asked for', () => {
  const year = 2024
  it.each([
    {
      name: 'a file whose #RAR 0 is another year',
      text: HEAD.replace('#RAR 0 20240101', '#RAR 0 20230101').replace('20241231', '20231231'),
      expected: { code: 'SIE_PERIOD', line: 7, message: expect.stringContaining('gäller inte år 2024') },
    },
    {
      name: 'a period balance of year 0 outside #RAR 0',
      text: `${HEAD}#PSALDO 0 202501 3010 {} 1.00\n`,
      expected: {
        code: 'SIE_PERIOD',
        line: L + 1,
        message: expect.stringContaining('utanför räkenskapsåret'),
      },
    },
    {
      name: 'a voucher dated after the year',
      text: `${HEAD}#VER A 1 20250102 ""\n{\n#TRANS 5010 {} 1\n#TRANS 1930 {} -1\n}\n`,
      expected: { code: 'SIE_PERIOD', line: L + 1 },
    },
    {
      name: 'a row dated before the year',
      text: rent('#TRANS 5010 {} 2500.00 20231231'),
      expected: { code: 'SIE_PERIOD', line: L + 3 },
    },
    {
      name: 'a voucher outside the calendar year in a file without #RAR',
      text: '#KONTO 1930 B\n#VER A 1 20230102 ""\n{\n#TRANS 1930 {} 1\n#TRANS 1930 {} -1\n}\n',
      expected: { code: 'SIE_PERIOD', line: 2 },
    },
  ])('$name', ({ text, expected }) => {
    expect(parseText(text).ok).toBe(true)
    expect(errorsOf(text, { year })).toEqual([expect.objectContaining(expected)])
  })

  it('accepts last year’s balances and a broken fiscal year that starts in the year', () => {
    parseOk(`${HEAD}#PSALDO -1 202301 3010 {} 1.00\n`, { year })
    parseOk('#RAR 0 20240901 20250831\n#PSALDO 0 202508 3010 {} 1\n', { year })
    parseOk('#RAR 0 20240901 20250831\n', { year: 2025 })
  })
})

describe('the list of problems', () => {
  it('lists every problem of the file in line order, each with the file name', () => {
    const text = `${rent('#TRANS 5010 {} 12,50', '#TRANS 9999 {} -2500.00')}#KONTO\n`
    const errors = errorsOf(text, { fileName: 'bok.se' })
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['SIE_AMOUNT', L + 3],
      ['SIE_SYNTAX', L + 6],
    ])
    expect(errors.every((e) => e.file === 'bok.se')).toBe(true)
  })

  it(`stops at ${MAX_ERRORS} problems and says how many more there are`, () => {
    const text = HEAD + '#PSALDO 0 202401 3010 {} x\n'.repeat(250)
    const errors = errorsOf(text)
    expect(errors).toHaveLength(MAX_ERRORS + 1)
    expect(errors.at(-1)).toMatchObject({
      code: 'SIE_TOO_MANY_ERRORS',
      line: L + MAX_ERRORS + 1,
      message: expect.stringContaining('Ytterligare 150 fel'),
    })
  })

  it('can let an unbalanced voucher through as a warning when the caller asks', () => {
    const text = rent('#TRANS 5010 {} 2500.00', '#TRANS 1930 {} -2487.50')
    const result = parseText(text, { unbalancedVouchers: 'warning' })
    expect(result).toMatchObject({ ok: true, warnings: [{ code: 'SIE_UNBALANCED_VOUCHER', line: L + 1 }] })
  })

  it('never throws, whatever the bytes', () => {
    for (const bytes of [new Uint8Array([0xff, 0xfe, 0x00]), new Uint8Array(1000).fill(0x7b)]) {
      expect(() => parseSie(bytes)).not.toThrow()
    }
  })
})
