import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type AccountGroupKind,
  type AmountUnit,
  allocateByShares,
  checkReorganisations,
  type DeviationCommentInput,
  deviationTone,
  draftDeviationComment,
  forecastChange,
  formatAmount,
  type Move,
  type Ore,
  operatingStatement,
  type Reorganisation,
  restate,
  restateTotals,
  type SignConvention,
  type StatementRow,
  sumOre,
  toneLabels,
} from '../src/index.ts'

const RUNS = { numRuns: 1_000, seed: 20_261_125 }
// Amounts up to ±10 billion kronor, in öre.
const ore = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 })
const kr = (kronor: number): Ore => kronor * 100
const MINUS = '\u2212'
const NBSP = '\u00a0'

/** 1–8 positive shares summing to 1 000 000: the gaps between distinct cut points. */
const sharesPpm = fc.uniqueArray(fc.integer({ min: 1, max: 999_999 }), { maxLength: 7 }).map((cuts) => {
  const points = [0, ...cuts.sort((a, b) => a - b), 1_000_000]
  return points.slice(1).map((p, i) => p - (points[i] ?? 0))
})

describe('allocateByShares', () => {
  it('splits by the largest remainder, earlier parts first on a tie', () => {
    expect(allocateByShares(100, [333_334, 333_333, 333_333])).toEqual([34, 33, 33])
    expect(allocateByShares(2, [333_334, 333_333, 333_333])).toEqual([1, 1, 0])
    // Equal remainders: the earlier part gets the öre.
    expect(allocateByShares(1, [500_000, 500_000])).toEqual([1, 0])
    expect(allocateByShares(kr(1_000), [250_000, 750_000])).toEqual([kr(250), kr(750)])
    expect(allocateByShares(0, [500_000, 500_000])).toEqual([0, 0])
  })

  it('splits a negative amount as the negated split of its magnitude', () => {
    expect(allocateByShares(-100, [333_334, 333_333, 333_333])).toEqual([-34, -33, -33])
    expect(allocateByShares(-1, [500_000, 500_000])).toEqual([-1, 0])
  })

  it('rejects shares that are not the whole or not positive integers, in Swedish', () => {
    expect(() => allocateByShares(100, [500_000, 400_000])).toThrow(/1 000 000 miljondelar/)
    expect(() => allocateByShares(100, [])).toThrow(RangeError)
    expect(() => allocateByShares(100, [1_000_001, -1])).toThrow(/positivt heltal/)
    expect(() => allocateByShares(100, [0, 1_000_000])).toThrow(/positivt heltal/)
    expect(() => allocateByShares(100, [500_000.5, 499_999.5])).toThrow(/positivt heltal/)
    expect(() => allocateByShares(0.5, [1_000_000])).toThrow(RangeError)
  })

  it('always sums to the amount, each part within one öre of its ideal share', () => {
    const big = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
    fc.assert(
      fc.property(fc.oneof(ore, big), sharesPpm, (amount, shares) => {
        const parts = allocateByShares(amount, shares)
        if (parts.length !== shares.length) return false
        if (sumOre(parts) !== amount) return false
        return parts.every((part, i) => {
          // |part − amount × share / 10^6| < 1, compared in integers.
          const gap = BigInt(part) * 1_000_000n - BigInt(amount) * BigInt(shares[i] ?? 0)
          return (gap < 0n ? -gap : gap) < 1_000_000n
        })
      }),
      RUNS,
    )
  })

  it('is symmetric: −x splits into the negated parts of x', () => {
    fc.assert(
      fc.property(ore, sharesPpm, (amount, shares) => {
        const negated = allocateByShares(-amount, shares)
        return allocateByShares(amount, shares).every((p, i) => Object.is(negated[i], -p || 0))
      }),
      RUNS,
    )
  })
})

describe('checkReorganisations', () => {
  const base = { key: 'r', effectiveFrom: '2024-01-01' }

  it('accepts a merger, a split and a chain within one reorganisation', () => {
    expect(
      checkReorganisations([
        {
          ...base,
          moves: [
            { from: '1100', to: '1200', sharePpm: 1_000_000 },
            { from: '1200', to: '1300', sharePpm: 400_000 },
            { from: '1200', to: '1400', sharePpm: 600_000 },
          ],
        },
      ]),
    ).toEqual([])
  })

  it('reports shares out of one cost centre that are not the whole', () => {
    const problems = checkReorganisations([
      {
        ...base,
        moves: [
          { from: '1100', to: '1200', sharePpm: 400_000 },
          { from: '1100', to: '1300', sharePpm: 500_000 },
        ],
      },
    ])
    expect(problems).toEqual([
      'Omorganisationen "r": andelarna som flyttas från 1100 är tillsammans 900000 miljondelar, inte hela (1 000 000)',
    ])
  })

  it('reports a cycle and a move to itself', () => {
    const cycle: Move[] = [
      { from: 'A', to: 'B', sharePpm: 1_000_000 },
      { from: 'B', to: 'C', sharePpm: 1_000_000 },
      { from: 'C', to: 'A', sharePpm: 1_000_000 },
    ]
    expect(checkReorganisations([{ ...base, moves: cycle }])).toEqual([
      'Omorganisationen "r" flyttar runt i en cirkel: A → B → C → A',
    ])
    expect(checkReorganisations([{ ...base, moves: [{ from: 'A', to: 'A', sharePpm: 1_000_000 }] }])).toEqual(
      ['Omorganisationen "r" flyttar ansvaret A till sig självt'],
    )
  })

  it('reports a bad share, a bad date and a key used twice', () => {
    const problems = checkReorganisations([
      { ...base, moves: [{ from: 'A', to: 'B', sharePpm: 1_000_000 }] },
      { key: 'r', effectiveFrom: '2024-1-1', moves: [{ from: 'A', to: 'B', sharePpm: 0 }] },
    ])
    expect(problems).toHaveLength(4)
    expect(problems.join('\n')).toMatch(/finns två gånger/)
    expect(problems.join('\n')).toMatch(/ÅÅÅÅ-MM-DD/)
    expect(problems.join('\n')).toMatch(/heltal 1–1 000 000/)
  })

  it('allows moving back in a later reorganisation (not a cycle)', () => {
    expect(
      checkReorganisations([
        { key: 'a', effectiveFrom: '2023-01-01', moves: [{ from: 'A', to: 'B', sharePpm: 1_000_000 }] },
        { key: 'b', effectiveFrom: '2024-01-01', moves: [{ from: 'B', to: 'A', sharePpm: 1_000_000 }] },
      ]),
    ).toEqual([])
  })
})

type Row = { costCentre: string; amountOre: Ore; year: number }
const whole = (from: string, to: string): Move => ({ from, to, sharePpm: 1_000_000 })

describe('restate', () => {
  const rows: Row[] = [
    { costCentre: 'A', amountOre: kr(1_000), year: 2022 },
    { costCentre: 'B', amountOre: kr(500), year: 2022 },
    { costCentre: 'X', amountOre: kr(7), year: 2022 },
  ]
  const aToB: Reorganisation = { key: 'a-till-b', effectiveFrom: '2023-01-01', moves: [whole('A', 'B')] }
  const bToC: Reorganisation = { key: 'b-till-c', effectiveFrom: '2024-01-01', moves: [whole('B', 'C')] }

  it('carries a chain of reorganisations in date order: A→B in 2023 and B→C in 2024 put A in C', () => {
    const restated = restate(rows, [bToC, aToB], '2024-06-30')
    expect(restated).toEqual([
      { costCentre: 'C', amountOre: kr(1_000), year: 2022, restatedFrom: 'A' },
      { costCentre: 'C', amountOre: kr(500), year: 2022, restatedFrom: 'B' },
      { costCentre: 'X', amountOre: kr(7), year: 2022 },
    ])
    const direct = restateTotals(
      rows,
      [{ key: 'direkt', effectiveFrom: '2024-01-01', moves: [whole('A', 'C'), whole('B', 'C')] }],
      '2024-06-30',
    )
    expect(restateTotals(rows, [aToB, bToC], '2024-06-30')).toEqual(direct)
    expect([...direct]).toEqual([
      ['C', kr(1_500)],
      ['X', kr(7)],
    ])
  })

  it('applies only the reorganisations in force on the date', () => {
    expect([...restateTotals(rows, [aToB, bToC], '2023-12-31')]).toEqual([
      ['B', kr(1_500)],
      ['X', kr(7)],
    ])
    expect(restate(rows, [aToB, bToC], '2022-12-31')).toEqual(rows)
  })

  it('splits by shares and keeps the total exactly', () => {
    const split: Reorganisation = {
      key: 'delning',
      effectiveFrom: '2024-01-01',
      moves: [
        { from: 'A', to: 'P', sharePpm: 333_334 },
        { from: 'A', to: 'Q', sharePpm: 333_333 },
        { from: 'A', to: 'R', sharePpm: 333_333 },
      ],
    }
    const restated = restate([{ costCentre: 'A', amountOre: 100, year: 2023 }], [split], '2024-01-01')
    expect(restated.map((r) => [r.costCentre, r.amountOre, r.restatedFrom])).toEqual([
      ['P', 34, 'A'],
      ['Q', 33, 'A'],
      ['R', 33, 'A'],
    ])
  })

  it('follows moves within one reorganisation to the end', () => {
    const sameDay: Reorganisation = {
      key: 'samma-dag',
      effectiveFrom: '2024-01-01',
      moves: [whole('A', 'B'), whole('B', 'C')],
    }
    expect([...restateTotals(rows, [sameDay], '2024-01-01')]).toEqual([
      ['C', kr(1_500)],
      ['X', kr(7)],
    ])
  })

  it('refuses reorganisations with problems and a malformed date', () => {
    const cycle: Reorganisation = {
      key: 'cirkel',
      effectiveFrom: '2024-01-01',
      moves: [whole('A', 'B'), whole('B', 'A')],
    }
    expect(() => restate(rows, [cycle], '2024-12-31')).toThrow(/cirkel/)
    expect(() => restate(rows, [aToB], '2024')).toThrow(/ÅÅÅÅ-MM-DD/)
  })

  const CENTRES = ['A', 'B', 'C', 'D', 'E', 'F']
  const rowArb = fc.record({
    costCentre: fc.constantFrom(...CENTRES, 'Z'),
    amountOre: ore,
    year: fc.constant(2020),
  })
  const date = fc
    .record({ year: fc.integer({ min: 2020, max: 2026 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}-01`)

  /**
   * A valid reorganisation: cost centres in a random order, moves only to later ones in that order
   * (so there is no cycle), one to three targets each with shares from positive weights.
   */
  const reorgArb = (wholeOnly: boolean) =>
    fc
      .record({
        order: fc.shuffledSubarray(CENTRES, { minLength: CENTRES.length }),
        effectiveFrom: date,
        outs: fc.array(
          fc.record({
            moved: fc.boolean(),
            picks: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: wholeOnly ? 1 : 3 }),
            weights: fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 3, maxLength: 3 }),
          }),
          { minLength: CENTRES.length - 1, maxLength: CENTRES.length - 1 },
        ),
      })
      .map(({ order, effectiveFrom, outs }) => {
        const moves: Move[] = []
        outs.forEach((out, i) => {
          if (!out.moved) return
          const later = order.length - 1 - i
          const targets = [...new Set(out.picks.map((p) => order[i + 1 + (p % later)] ?? ''))]
          const weights = out.weights.slice(0, targets.length)
          const sum = weights.reduce((a, b) => a + b, 0)
          const shares = weights.map((w) => Math.floor((w * 1_000_000) / sum))
          shares[0] = (shares[0] ?? 0) + 1_000_000 - shares.reduce((a, b) => a + b, 0)
          targets.forEach((to, j) => {
            moves.push({ from: order[i] ?? '', to, sharePpm: shares[j] ?? 0 })
          })
        })
        return { effectiveFrom, moves }
      })
  const reorgsArb = (wholeOnly = false) =>
    fc
      .array(reorgArb(wholeOnly), { maxLength: 4 })
      .map((list) => list.map((r, i): Reorganisation => ({ key: `r${i}`, ...r })))
  const asOf = fc.oneof(date, fc.constant('2099-12-31'))
  const total = (rs: readonly { amountOre: Ore }[]) => sumOre(rs.map((r) => r.amountOre))
  const sorted = (m: Map<string, Ore>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

  it('generates valid reorganisations (the generator itself)', () => {
    fc.assert(
      fc.property(reorgsArb(), (reorgs) => checkReorganisations(reorgs).length === 0),
      RUNS,
    )
  })

  it('preserves the total exactly', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), reorgsArb(), asOf, (rs, reorgs, on) => {
        const restated = restate(rs, reorgs, on)
        return total(restated) === total(rs) && sumOre(restateTotals(rs, reorgs, on).values()) === total(rs)
      }),
      RUNS,
    )
  })

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        fc
          .array(rowArb, { maxLength: 20 })
          .chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        reorgsArb(),
        asOf,
        ([rs, shuffled], reorgs, on) => {
          expect(sorted(restateTotals(shuffled, reorgs, on))).toEqual(sorted(restateTotals(rs, reorgs, on)))
          const key = (r: Row & { restatedFrom?: string }) =>
            `${r.costCentre}|${r.restatedFrom}|${r.amountOre}`
          expect(restate(shuffled, reorgs, on).map(key).sort()).toEqual(
            restate(rs, reorgs, on).map(key).sort(),
          )
        },
      ),
      RUNS,
    )
  })

  it('composes: restating in two steps equals restating at once', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), reorgsArb(), fc.nat(), (rs, reorgs, cut) => {
        // Dates ordered by key so that splitting the list in two keeps the date order.
        const ordered = reorgs.map((r, i) => ({ ...r, effectiveFrom: `${2020 + i}-01-01` }))
        const at = cut % (ordered.length + 1)
        const stepwise = restate(
          restate(rs, ordered.slice(0, at), '2099-12-31'),
          ordered.slice(at),
          '2099-12-31',
        )
        expect(stepwise).toEqual(restate(rs, ordered, '2099-12-31'))
      }),
      RUNS,
    )
  })

  it('composes whole moves: each amount ends where the chain of moves leads', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), reorgsArb(true), asOf, (rs, reorgs, on) => {
        // The model: follow each cost centre through the reorganisations in force, one by one.
        const inForce = reorgs
          .filter((r) => r.effectiveFrom <= on)
          .sort((a, b) =>
            a.effectiveFrom === b.effectiveFrom
              ? a.key < b.key
                ? -1
                : 1
              : a.effectiveFrom < b.effectiveFrom
                ? -1
                : 1,
          )
        const follow = (cc: string): string =>
          inForce.reduce((at, r) => {
            let here = at
            for (;;) {
              const move = r.moves.find((m) => m.from === here)
              if (!move) return here
              here = move.to
            }
          }, cc)
        const expected = new Map<string, Ore>()
        for (const r of rs)
          expected.set(follow(r.costCentre), (expected.get(follow(r.costCentre)) ?? 0) + r.amountOre)
        expect(sorted(restateTotals(rs, reorgs, on))).toEqual(sorted(expected))
      }),
      RUNS,
    )
  })

  it('is the identity without reorganisations in force', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), reorgsArb(), (rs, reorgs) => {
        const none = restate(rs, [], '2099-12-31')
        const future = restate(rs, reorgs, '2019-12-31')
        return (
          none.length === rs.length &&
          none.every((r, i) => r === rs[i]) &&
          future.every((r, i) => r === rs[i])
        )
      }),
      RUNS,
    )
  })
})

describe('operatingStatement', () => {
  it('sums the statement of a unit in the ledger sign', () => {
    const rows: StatementRow[] = [
      { amountOre: kr(-2_000_000), groupKind: 'income' },
      { amountOre: kr(9_000_000), groupKind: 'cost' },
      { amountOre: kr(4_000_000), groupKind: 'cost' },
      // Seed data printed per unit, without account detail, counts as net cost.
      { amountOre: kr(500_000) },
      { amountOre: kr(100_000), groupKind: 'finance' },
      { amountOre: kr(12_000_000), groupKind: 'allocation' },
    ]
    expect(operatingStatement(rows)).toEqual({
      income: kr(-2_000_000),
      costs: kr(13_500_000),
      netCost: kr(11_500_000),
      financeNet: kr(100_000),
      allocation: kr(12_000_000),
      result: kr(400_000),
    })
    expect(operatingStatement([])).toEqual({
      income: 0,
      costs: 0,
      netCost: 0,
      financeNet: 0,
      allocation: 0,
      result: 0,
    })
  })

  const kind = fc.constantFrom<AccountGroupKind | undefined>(
    'income',
    'cost',
    'finance',
    'allocation',
    undefined,
  )
  // Rows without a kind lack the property altogether, as seed rows do.
  const rowsArb: fc.Arbitrary<StatementRow[]> = fc.array(
    fc
      .record({ amountOre: ore, groupKind: kind })
      .map((r): StatementRow => (r.groupKind ? r : { amountOre: r.amountOre })),
    { maxLength: 30 },
  )

  it('result = allocation − net cost − finance net, and net cost = income + costs, exactly', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const s = operatingStatement(rows)
        const nonAllocation = sumOre(rows.filter((r) => r.groupKind !== 'allocation').map((r) => r.amountOre))
        return (
          s.result === s.allocation - s.netCost - s.financeNet &&
          s.netCost === s.income + s.costs &&
          s.result === s.allocation - nonAllocation
        )
      }),
      RUNS,
    )
  })

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          expect(operatingStatement(shuffled)).toEqual(operatingStatement(rows))
        },
      ),
      RUNS,
    )
  })
})

describe('deviationTone', () => {
  it.each([
    { deviation: kr(-5_400_000), budget: kr(13_100_000), tone: 'deficit' },
    { deviation: kr(2_100_000), budget: kr(281_700_000), tone: 'surplus' },
    { deviation: 0, budget: 0, tone: 'on-budget' },
    { deviation: 1, budget: 0, tone: 'surplus' },
    // 0,5 % of 100 mkr is 500 tkr: just below is on budget, at the limit is not.
    { deviation: kr(-499_999), budget: kr(100_000_000), tone: 'on-budget' },
    { deviation: kr(-500_000), budget: kr(100_000_000), tone: 'deficit' },
    // The budget's sign does not matter (ledger and display signs differ).
    { deviation: kr(400_000), budget: kr(-100_000_000), tone: 'on-budget' },
  ] as const)('$deviation against $budget is $tone', ({ deviation, budget, tone }) => {
    expect(deviationTone(deviation, budget)).toBe(tone)
  })

  it('takes another limit as a parameter', () => {
    expect(deviationTone(kr(-900_000), kr(100_000_000), 10_000)).toBe('on-budget')
    expect(deviationTone(kr(-900_000), kr(100_000_000), 0)).toBe('deficit')
    expect(() => deviationTone(1, 1, -1)).toThrow(RangeError)
  })

  it('has a Swedish word for every tone, so colour is never alone', () => {
    expect(toneLabels).toEqual({
      surplus: 'Överskott',
      deficit: 'Underskott',
      'on-budget': 'I nivå med budget',
    })
  })
})

describe('forecastChange', () => {
  it('is favourable positive for net costs', () => {
    expect(forecastChange(kr(280_800_000), kr(279_600_000))).toBe(kr(1_200_000))
    expect(forecastChange(kr(100), kr(130))).toBe(kr(-30))
  })
})

describe('draftDeviationComment', () => {
  const lulea = { sign: 'costs-negative', unit: 'mkr', decimals: 1 } as const

  it('writes the deficit of Kontor Detaljplan (Luleå)', () => {
    const input: DeviationCommentInput = {
      subjectName: 'Kontor Detaljplan',
      measureCompared: 'outcome',
      budgetOre: kr(13_100_000),
      valueOre: kr(18_500_000),
      year: 2024,
      ...lulea,
    }
    expect(draftDeviationComment(input)).toBe(
      `Kontor Detaljplan redovisar ett underskott på 5,4${NBSP}mkr jämfört med budget.`,
    )
    // The same figures shown with costs positive (Linköping's convention) give the same words.
    expect(draftDeviationComment({ ...input, sign: 'costs-positive' })).toBe(draftDeviationComment(input))
  })

  it('names the two largest contributors in the same direction, with a true minus sign', () => {
    const text = draftDeviationComment({
      subjectName: 'Kontor Detaljplan',
      measureCompared: 'outcome',
      budgetOre: kr(13_100_000),
      valueOre: kr(18_500_000),
      year: 2024,
      groups: [
        { label: 'Verksamhetens intäkter', deviationOre: kr(-2_000_000) },
        { label: 'Lokalhyror', deviationOre: kr(-500_000) },
        { label: 'Övriga kostnader', deviationOre: kr(200_000) },
        { label: 'Personalkostnader', deviationOre: kr(-3_100_000) },
      ],
      ...lulea,
    })
    expect(text).toBe(
      `Kontor Detaljplan redovisar ett underskott på 5,4${NBSP}mkr jämfört med budget. ` +
        `Underskottet förklaras främst av personalkostnader (${MINUS}3,1${NBSP}mkr) och verksamhetens intäkter (${MINUS}2,0${NBSP}mkr).`,
    )
  })

  it('writes a forecast surplus with the year and the change since the previous forecast', () => {
    const input: DeviationCommentInput = {
      subjectName: 'Kommunstyrelseförvaltningen',
      measureCompared: 'forecast',
      budgetOre: kr(281_700_000),
      valueOre: kr(279_600_000),
      previousForecastOre: kr(280_800_000),
      groups: [
        { label: 'IT-kostnader', deviationOre: kr(1_500_000) },
        { label: 'Personalkostnader', deviationOre: kr(-300_000) },
      ],
      year: 2025,
      ...lulea,
    }
    expect(draftDeviationComment(input)).toBe(
      `Kommunstyrelseförvaltningen prognostiserar ett överskott på 2,1${NBSP}mkr för helåret 2025 jämfört med budget. ` +
        `Överskottet förklaras främst av IT-kostnader (1,5${NBSP}mkr). ` +
        `Prognosen har förbättrats med 1,2${NBSP}mkr sedan föregående prognos.`,
    )
    expect(draftDeviationComment({ ...input, groups: undefined, previousForecastOre: kr(278_000_000) })).toBe(
      `Kommunstyrelseförvaltningen prognostiserar ett överskott på 2,1${NBSP}mkr för helåret 2025 jämfört med budget. ` +
        `Prognosen har försämrats med 1,6${NBSP}mkr sedan föregående prognos.`,
    )
    // A change that prints as 0,0 mkr is no change at the printed precision.
    expect(
      draftDeviationComment({ ...input, groups: undefined, previousForecastOre: kr(279_640_000) }),
    ).toMatch(/Prognosen är oförändrad sedan föregående prognos\.$/)
  })

  it('writes an outcome in line with the budget, and compares an outcome with the last forecast', () => {
    const input: DeviationCommentInput = {
      subjectName: 'Kontor Detaljplan',
      measureCompared: 'outcome',
      budgetOre: kr(100_000_000),
      valueOre: kr(100_100_000),
      groups: [{ label: 'Personalkostnader', deviationOre: kr(-100_000) }],
      year: 2024,
      ...lulea,
    }
    expect(draftDeviationComment(input)).toBe(
      `Kontor Detaljplan redovisar ett utfall i nivå med budget (avvikelse 0,1${NBSP}mkr).`,
    )
    expect(draftDeviationComment({ ...input, previousForecastOre: kr(100_900_000) })).toBe(
      `Kontor Detaljplan redovisar ett utfall i nivå med budget (avvikelse 0,1${NBSP}mkr). ` +
        `Utfallet är 0,8${NBSP}mkr bättre än föregående prognos.`,
    )
    expect(draftDeviationComment({ ...input, measureCompared: 'forecast' })).toBe(
      `Kontor Detaljplan prognostiserar ett utfall i nivå med budget för helåret 2024 (avvikelse 0,1${NBSP}mkr).`,
    )
  })

  it('rounds the magnitude last, half away from zero', () => {
    const text = draftDeviationComment({
      subjectName: 'Kontor Detaljplan',
      measureCompared: 'outcome',
      budgetOre: kr(13_100_000),
      valueOre: kr(18_550_000),
      year: 2024,
      ...lulea,
    })
    expect(text).toBe(`Kontor Detaljplan redovisar ett underskott på 5,5${NBSP}mkr jämfört med budget.`)
  })

  const units: AmountUnit[] = ['kr', 'tkr', 'mkr', 'mnkr']
  const labels = [
    'Personalkostnader',
    'Verksamhetens intäkter',
    'Lokalhyror',
    'IT-kostnader',
    'Övriga kostnader',
  ]
  const near = fc
    .tuple(ore, fc.integer({ min: -10_000_000, max: 10_000_000 }))
    .map(([b, d]) => [b, b + d] as const)
  const inputArb = fc.record({
    subjectName: fc.constantFrom('Kontor Detaljplan', 'Kommunstyrelseförvaltningen'),
    measureCompared: fc.constantFrom<'outcome' | 'forecast'>('outcome', 'forecast'),
    figures: fc.oneof(fc.tuple(ore, ore), near),
    previousForecastOre: fc.option(ore, { nil: undefined }),
    groups: fc.option(
      fc.array(fc.record({ label: fc.constantFrom(...labels), deviationOre: ore }), { maxLength: 6 }),
      {
        nil: undefined,
      },
    ),
    sign: fc.constantFrom<SignConvention>('costs-negative', 'costs-positive'),
    unit: fc.constantFrom(...units),
    decimals: fc.integer({ min: 0, max: 3 }),
    year: fc.integer({ min: 2020, max: 2030 }),
  })
  const toInput = ({
    figures,
    ...rest
  }: typeof inputArb extends fc.Arbitrary<infer T> ? T : never): DeviationCommentInput => ({
    ...rest,
    budgetOre: figures[0],
    valueOre: figures[1],
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        // Two separately built inputs: nothing may depend on object identity or hidden state.
        const first = draftDeviationComment(toInput(raw))
        const second = draftDeviationComment(toInput(structuredClone(raw)))
        return first === second
      }),
      RUNS,
    )
  })

  it('prints |deviation| rounded last, with words that agree with deviationTone', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw)
        const first = draftDeviationComment(input).split('. ')[0] ?? ''
        const dev = input.budgetOre - input.valueOre
        const amount = formatAmount(Math.abs(dev), input.unit, input.decimals)
        const tone = deviationTone(dev, input.budgetOre)
        if (tone === 'on-budget') {
          expect(first).toContain(`i nivå med budget`)
          expect(first).toContain(`(avvikelse ${amount})`)
        } else {
          expect(first).toContain(`ett ${tone === 'surplus' ? 'överskott' : 'underskott'} på ${amount}`)
          expect(first).not.toMatch(tone === 'surplus' ? /underskott/ : /överskott/)
        }
        expect(first).not.toContain(MINUS)
      }),
      RUNS,
    )
  })

  it('gives identical text for the same economic situation under both sign conventions', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw)
        return (
          draftDeviationComment({ ...input, sign: 'costs-positive' }) ===
          draftDeviationComment({ ...input, sign: 'costs-negative' })
        )
      }),
      RUNS,
    )
  })

  it('names at most two contributors, all in the direction of the deviation', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw)
        const text = draftDeviationComment(input)
        const explanation = text.match(/(Över|Under)skottet förklaras främst av (.*?)\.(?: |$)/)
        if (!explanation) return true
        const named = explanation[2]?.split(' och ') ?? []
        expect(named.length).toBeLessThanOrEqual(2)
        // A deficit is explained by negative group deviations and a surplus by positive ones.
        for (const n of named) expect(n.includes(MINUS)).toBe(explanation[1] === 'Under')
      }),
      RUNS,
    )
  })
})
