import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  amountPrintingAs,
  deviation,
  formatAmount,
  fromLedgerSign,
  type Ore,
  rollUp,
  roundToUnit,
  sumOre,
} from '../src/index.ts'

const RUNS = { numRuns: 1_000, seed: 20_261_124 }
// Amounts up to ±10 billion kronor, in öre.
const ore = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 })

describe('deviation', () => {
  it.each([
    {
      name: 'a cost below budget is favourable when costs are shown positive',
      budget: 654_0,
      outcome: 632_1,
      sign: 'costs-positive',
      expected: 21_9,
    },
    {
      name: 'a cost overrun is negative when costs are shown positive',
      budget: 100,
      outcome: 130,
      sign: 'costs-positive',
      expected: -30,
    },
    {
      name: 'a cost overrun is negative when costs are shown negative',
      budget: -100,
      outcome: -130,
      sign: 'costs-negative',
      expected: -30,
    },
    {
      name: 'a saving is positive when costs are shown negative',
      budget: -281_7,
      outcome: -278_6,
      sign: 'costs-negative',
      expected: 3_1,
    },
    {
      name: 'income above budget is favourable when costs are shown negative',
      budget: 50,
      outcome: 80,
      sign: 'costs-negative',
      expected: 30,
    },
  ] as const)('$name', ({ budget, outcome, sign, expected }) => {
    expect(deviation(budget, outcome, sign)).toBe(expected)
  })

  it('means the same under both conventions once the amounts are shown in each', () => {
    fc.assert(
      fc.property(ore, ore, (budgetLedger, outcomeLedger) => {
        const positive = deviation(
          fromLedgerSign(budgetLedger, 'costs-positive'),
          fromLedgerSign(outcomeLedger, 'costs-positive'),
          'costs-positive',
        )
        const negative = deviation(
          fromLedgerSign(budgetLedger, 'costs-negative'),
          fromLedgerSign(outcomeLedger, 'costs-negative'),
          'costs-negative',
        )
        return positive === negative
      }),
      RUNS,
    )
  })

  it('is zero exactly when the outcome meets the budget', () => {
    fc.assert(
      fc.property(
        ore,
        (amount) =>
          deviation(amount, amount, 'costs-positive') === 0 &&
          deviation(amount, amount, 'costs-negative') === 0,
      ),
      RUNS,
    )
  })
})

describe('roll-ups', () => {
  const rows = fc.array(fc.record({ unit: fc.constantFrom('A', 'B', 'C', 'D'), amount: ore }), {
    maxLength: 200,
  })

  it('unit totals add up to the grand total, exactly', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const perUnit = rollUp(
          rs,
          (r) => r.unit,
          (r) => r.amount,
        )
        return sumOre(perUnit.values()) === sumOre(rs.map((r) => r.amount))
      }),
      RUNS,
    )
  })

  it('do not depend on the order of the rows', () => {
    fc.assert(
      fc.property(rows, fc.func(fc.integer()), (rs, key) => {
        const shuffled = [...rs].sort((a, b) => key(a.amount) - key(b.amount))
        const a = rollUp(
          rs,
          (r) => r.unit,
          (r) => r.amount,
        )
        const b = rollUp(
          shuffled,
          (r) => r.unit,
          (r) => r.amount,
        )
        return [...a.keys()].every((k) => a.get(k) === b.get(k)) && a.size === b.size
      }),
      RUNS,
    )
  })
})

describe('rounding for display', () => {
  it.each([
    { amount: 28_163_456_789, unit: 'mkr', decimals: 1, text: '281,6\u00a0mkr' },
    { amount: -28_165_000_000, unit: 'mkr', decimals: 1, text: '\u2212281,7\u00a0mkr' },
    { amount: 27_562_700_000, unit: 'tkr', decimals: 0, text: '275\u00a0627\u00a0tkr' },
    { amount: 63_210_000_000, unit: 'mnkr', decimals: 1, text: '632,1\u00a0mnkr' },
    { amount: -4_000_000, unit: 'mkr', decimals: 1, text: '0,0\u00a0mkr' },
  ] as const)('$amount öre is "$text"', ({ amount, unit, decimals, text }) => {
    expect(formatAmount(amount, unit, decimals)).toBe(text)
  })

  it('rounds half away from zero, symmetrically', () => {
    expect(roundToUnit(5_000_000, 'mkr', 1)).toBe(0.1)
    expect(roundToUnit(-5_000_000, 'mkr', 1)).toBe(-0.1)
    fc.assert(
      fc.property(
        ore,
        (a) => roundToUnit(-a, 'tkr', 1) === -roundToUnit(a, 'tkr', 1) || roundToUnit(a, 'tkr', 1) === 0,
      ),
      RUNS,
    )
  })

  it('stays within half a step of the exact amount', () => {
    fc.assert(
      fc.property(
        ore,
        fc.constantFrom('tkr', 'mkr') as fc.Arbitrary<'tkr' | 'mkr'>,
        fc.integer({ min: 0, max: 2 }),
        (a, unit, decimals) => {
          const perUnit = unit === 'tkr' ? 100_000 : 100_000_000
          const step = perUnit / 10 ** decimals
          return Math.abs(roundToUnit(a, unit, decimals) * perUnit - a) <= step / 2 + 1e-6 * perUnit
        },
      ),
      RUNS,
    )
  })

  it('computes totals from exact rows, so a printed total can differ from the sum of printed rows', () => {
    // Two rows that print as −140,8 each; their exact total prints as −281,7, as in Luleå's report.
    const rows: Ore[] = [-14_084_000_000, -14_084_000_000]
    expect(rows.map((r) => formatAmount(r, 'mkr', 1))).toEqual([
      '\u2212140,8\u00a0mkr',
      '\u2212140,8\u00a0mkr',
    ])
    expect(formatAmount(sumOre(rows), 'mkr', 1)).toBe('\u2212281,7\u00a0mkr')
  })

  it('makes demo amounts that print exactly as the source printed them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_9, max: 99_999_9 }), (tenths) => {
        const printed = tenths / 10
        return roundToUnit(amountPrintingAs(printed, 'mkr', 1), 'mkr', 1) === printed
      }),
      RUNS,
    )
  })
})
