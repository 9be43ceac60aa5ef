import { describe, expect, it } from 'vitest'
import { aggregate, type SieAggregateOptions } from '../../src/index.ts'
import { HEAD, lines, parseOk } from './helpers.ts'

type Row = [account: string, costCentre: string | null, period: string, outcomeOre: bigint, budgetOre: bigint]

function rowsOf(text: string, options: Partial<SieAggregateOptions> = {}): Row[] {
  const result = aggregate(parseOk(text), { year: 2024, ...options })
  return result.rows.map((r) => [r.account, r.costCentre, r.period, r.outcomeOre, r.budgetOre])
}

const VOUCHERS = lines(`
  #VER A 1 20240115 "Hyra"
  {
    #TRANS 5010 {1 100} 1000.00
    #TRANS 5010 {6 P1 1 "200"} 500.00
    #TRANS 1930 {} -1500.00
  }
  #VER A 2 20240220 "Faktura"
  {
    #TRANS 3010 {1 100} -200.00 20240301
    #TRANS 1930 {} 200.00 20240301
  }
  #VER A 3 20240221 "Rättelse"
  {
    #BTRANS 5010 {1 100} 999.00
    #RTRANS 5010 {1 100} 50.00
    #TRANS 5010 {1 100} 50.00
    #TRANS 1930 {} -50.00
    #TRANS 5010 {1 200} 10.00
    #TRANS 5010 {1 200} -10.00
  }
`)

/** Type 3 in the standard's shape: {} is the account total, object rows break it down. */
const TOTALS = lines(`
  #PSALDO 0 202401 7010 {} 76000.00
  #PSALDO 0 202401 7010 {1 AO} 24000.00
  #PSALDO 0 202401 7010 {1 IB} 27000.00
  #PSALDO 0 202401 7010 {1 LS} 20000.00
  #PSALDO 0 202401 7010 {6 P1} 70000.00
  #PSALDO 0 202402 7010 {1 AO} 100.00
  #PBUDGET 0 202401 7010 {1 AO} 25000.00
  #PBUDGET 0 202401 7010 {} 26000.00
  #PBUDGET -1 202301 7010 {1 AO} 9.00
  #RES 0 7010 76000.00
`)

/** The shape of a real Avendo export: each row is one object combination, {} the part without any. */
const PARTITION = lines(`
  #PSALDO 0 202401 4010 {} 3972.50
  #PSALDO 0 202401 4010 {"7" "4"} 223290.00
  #PSALDO 0 202401 1510 {"7" "1"} 473000.00
  #PSALDO 0 202401 1510 {"1" "Nord" "7" "1"} -171513.00
  #PSALDO 0 202401 1510 {"1" "Nord" "7" "4"} 9031.00
  #PSALDO 0 202401 1510 {"1" "Syd" "6" "0001" "7" "4"} 63000.00
  #RES 0 4010 227262.50
  #IB 0 1510 1000.00
  #UB 0 1510 374518.00
`)

describe('aggregate', () => {
  it.each([
    {
      name: 'vouchers give outcome per account, cost centre and month; a row’s own date decides its month',
      text: HEAD + VOUCHERS,
      options: {},
      expected: [
        ['1930', null, '202401', -150000n, 0n],
        ['1930', null, '202402', -5000n, 0n],
        ['1930', null, '202403', 20000n, 0n],
        ['3010', '100', '202403', -20000n, 0n],
        ['5010', '100', '202401', 100000n, 0n],
        ['5010', '100', '202402', 5000n, 0n],
        ['5010', '200', '202401', 50000n, 0n],
      ],
    },
    {
      name: 'outcome from vouchers and budget from #PBUDGET meet on the same row',
      text: `${HEAD}${VOUCHERS}#PBUDGET 0 202401 5010 {1 100} 900.00\n#PBUDGET 0 202406 5010 {} 12.00\n`,
      options: {},
      expected: [
        ['1930', null, '202401', -150000n, 0n],
        ['1930', null, '202402', -5000n, 0n],
        ['1930', null, '202403', 20000n, 0n],
        ['3010', '100', '202403', -20000n, 0n],
        ['5010', null, '202406', 0n, 1200n],
        ['5010', '100', '202401', 100000n, 90000n],
        ['5010', '100', '202402', 5000n, 0n],
        ['5010', '200', '202401', 50000n, 0n],
      ],
    },
    {
      name: 'standard object balances: cost centres get their rows, the rest of the {} total has none, nothing twice',
      text: HEAD + TOTALS,
      options: {},
      expected: [
        ['7010', null, '202401', 500000n, 100000n],
        ['7010', 'AO', '202401', 2400000n, 2500000n],
        ['7010', 'AO', '202402', 10000n, 0n],
        ['7010', 'IB', '202401', 2700000n, 0n],
        ['7010', 'LS', '202401', 2000000n, 0n],
      ],
    },
    {
      name: 'object balances partitioned by object combination count every row once',
      text: HEAD + PARTITION,
      options: {},
      expected: [
        ['1510', null, '202401', 47300000n, 0n],
        ['1510', 'Nord', '202401', -16248200n, 0n],
        ['1510', 'Syd', '202401', 6300000n, 0n],
        ['4010', null, '202401', 22726250n, 0n],
      ],
    },
    {
      name: 'the same rows read as standard totals lose the parts booked outside dimension 1',
      text: HEAD + PARTITION,
      options: { objectBalances: 'total' },
      expected: [
        ['1510', 'Nord', '202401', -16248200n, 0n],
        ['1510', 'Syd', '202401', 6300000n, 0n],
        ['4010', null, '202401', 397250n, 0n],
      ],
    },
    {
      name: 'vouchers win over period balances when a file has both',
      text: `${HEAD}${VOUCHERS}#PSALDO 0 202401 5010 {} 1.00\n`,
      options: {},
      expected: 7,
    },
    {
      name: 'period balances can be asked for instead',
      text: `${HEAD}${VOUCHERS}#PSALDO 0 202401 5010 {} 1.00\n`,
      options: { outcomeSource: 'balances' },
      expected: [['5010', null, '202401', 100n, 0n]],
    },
    {
      name: 'an earlier calendar year selects #RAR -1',
      text: `${HEAD}#PSALDO -1 202305 3010 {} -1.00\n#PSALDO 0 202405 3010 {} -2.00\n`,
      options: { year: 2023 },
      expected: [['3010', null, '202305', -100n, 0n]],
    },
    {
      name: 'a year the file does not cover gives no rows',
      text: `${HEAD}#PSALDO 0 202405 3010 {} -2.00\n`,
      options: { year: 2022 },
      expected: [],
    },
    {
      name: 'a broken fiscal year is found by the year it ends in',
      text: '#RAR 0 20240901 20250831\n#PSALDO 0 202502 3010 {} -2.00\n',
      options: { year: 2025 },
      expected: [['3010', null, '202502', -200n, 0n]],
    },
    {
      name: 'a file without #RAR covers the calendar year',
      text: '#VER "" "" 20240225 ""\n{\n#TRANS 7010 {1 "200"} 1.00\n#TRANS 1940 {} -1.00\n}\n',
      options: {},
      expected: [
        ['1940', null, '202402', -100n, 0n],
        ['7010', '200', '202402', 100n, 0n],
      ],
    },
  ] satisfies {
    name: string
    text: string
    options: Partial<SieAggregateOptions>
    expected: Row[] | number
  }[])('$name', ({ text, options, expected }) => {
    const rows = rowsOf(text, options)
    if (typeof expected === 'number') expect(rows).toHaveLength(expected)
    else expect(rows).toEqual(expected)
  })

  it('reports where outcome came from and which shape of object balances it found', () => {
    const year = 2024
    expect(aggregate(parseOk(HEAD + VOUCHERS), { year })).toMatchObject({ outcomeSource: 'transactions' })
    expect(aggregate(parseOk(HEAD + TOTALS), { year })).toMatchObject({
      outcomeSource: 'balances',
      objectBalances: 'total',
      fiscalYear: { index: 0, start: '20240101', end: '20241231' },
    })
    expect(aggregate(parseOk(HEAD + PARTITION), { year })).toMatchObject({ objectBalances: 'partition' })
    expect(aggregate(parseOk(HEAD), { year })).toMatchObject({ rows: [], outcomeSource: 'none' })
  })

  describe('cost centres in sub-dimensions', () => {
    const text = lines(`
      #DIM 1 Resultatenhet
      #DIM 6 Projekt
      #UNDERDIM 61 "Delprojekt" 6
      #UNDERDIM 611 "Delprojekt nivå 2" 61
      #UNDERDIM 90 "Ring" 91
      #UNDERDIM 91 "Ring" 90
      #VER A 1 20240105 ""
      {
        #TRANS 3041 {1 Nord 61 0036} -1.00
        #TRANS 3041 {61 0036 6 0001} -2.00
        #TRANS 3041 {611 X} -4.00
        #TRANS 3041 {90 R} -8.00
        #TRANS 1930 {} 15.00
      }
    `)
    it.each([
      {
        name: 'an object of a sub-dimension counts for its parent dimension, at any depth; a direct one wins',
        dimension: 6,
        expected: [
          ['1930', null, '202401', 1500n, 0n],
          ['3041', null, '202401', -800n, 0n],
          ['3041', '0001', '202401', -200n, 0n],
          ['3041', '0036', '202401', -100n, 0n],
          ['3041', 'X', '202401', -400n, 0n],
        ],
      },
      {
        name: 'dimension 1 sees only its own objects; a cycle of #UNDERDIM does not hang',
        dimension: 1,
        expected: [
          ['1930', null, '202401', 1500n, 0n],
          ['3041', null, '202401', -1400n, 0n],
          ['3041', 'Nord', '202401', -100n, 0n],
        ],
      },
    ] satisfies { name: string; dimension: number; expected: Row[] }[])(
      '$name',
      ({ dimension, expected }) => {
        expect(rowsOf(text, { costCentreDimension: dimension })).toEqual(expected)
      },
    )
  })
})
