import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  breakdownKey,
  groupSizeOf,
  parseBreakdownKey,
  personnelValue,
  type SuppressionCell,
  suppressSmallGroups,
} from '../src/index.ts'

describe('personnel figures by the rules of their measure', () => {
  it('sick leave is sick hours over ordinary hours, in per cent', () => {
    // 3,03 % of 100 000 hours: 3 030 sick hours.
    expect(personnelValue('sick-leave', { numerator: '3030', denominator: '100000' })).toBe(3.03)
    // 1 234,5 / 36 000,25 = 3,4291428…%: exact digits, truncated at the sixth decimal.
    expect(personnelValue('sick-leave', { numerator: '1234.5', denominator: '36000.25' })).toBe(3.429142)
  })
  it('a count is its numerator, a ready-made figure its value, a ratio a plain quotient', () => {
    expect(personnelValue('headcount', { numerator: '198' })).toBe(198)
    expect(personnelValue('hme', { value: 88 })).toBe(88)
    expect(personnelValue('employees-per-manager', { numerator: '540', denominator: '24' })).toBe(22.5)
  })
  it('the computed value wins over a given one, and there is no share of nobody', () => {
    expect(personnelValue('frisknarvaro', { numerator: '50', denominator: '100', value: 49 })).toBe(50)
    expect(personnelValue('sick-leave', { numerator: '0', denominator: '0' })).toBeNull()
  })
  it('percentages are exact to six decimals for any quantities (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (n, d) => {
          fc.pre(n <= d)
          const v = personnelValue('sick-leave', { numerator: String(n), denominator: String(d) }) as number
          const exact = (BigInt(n) * 100_000_000n) / BigInt(d)
          expect(v).toBe(Number(exact) / 1_000_000)
          expect(v).toBeGreaterThanOrEqual(0)
          expect(v).toBeLessThanOrEqual(100)
        },
      ),
      { numRuns: 1_000 },
    )
  })
  it('breakdown keys are stable and round-trip', () => {
    expect(breakdownKey({ gender: 'women', employment: 'permanent' })).toBe(
      'employment=permanent;gender=women',
    )
    expect(parseBreakdownKey('employment=permanent;ageBand=60-')).toEqual({
      employment: 'permanent',
      ageBand: '60-',
    })
    expect(breakdownKey({})).toBe('')
  })
})

describe('group sizes from the headcounts', () => {
  const headcounts = [
    { breakdown: { employment: 'permanent' as const }, count: 198 },
    { breakdown: { employment: 'permanent' as const, gender: 'women' as const }, count: 143 },
    { breakdown: { employment: 'permanent' as const, gender: 'men' as const }, count: 55 },
    { breakdown: { employment: 'temporary' as const }, count: 19 },
    { breakdown: { employment: 'temporary' as const, gender: 'women' as const }, count: 11 },
    { breakdown: { employment: 'temporary' as const, gender: 'men' as const }, count: 8 },
  ]
  it('exact, summed over finer cells, or unknown', () => {
    expect(groupSizeOf({ employment: 'temporary', gender: 'men' }, headcounts)).toBe(8)
    expect(groupSizeOf({ gender: 'women' }, headcounts)).toBe(154)
    expect(groupSizeOf({}, headcounts)).toBe(217)
    expect(groupSizeOf({ gender: 'men', sickDays: '0' }, headcounts)).toBe(63)
    expect(groupSizeOf({ ageBand: '30-49' }, headcounts)).toBeNull()
  })
})

describe('suppression of small groups', () => {
  const cell = (
    id: string,
    breakdown: SuppressionCell['breakdown'],
    groupSize: number | null,
  ): SuppressionCell => ({
    id,
    measure: 'headcount',
    year: 2024,
    breakdown,
    groupSize,
  })

  it('hides a group under 10 and the smallest cell that would give it away', () => {
    // Temporary: 19 = 11 women + 8 men. Men (8) is hidden; women (11) then too, or 19 − 11 shows 8.
    const cells = [
      cell('temp', { employment: 'temporary' }, 19),
      cell('temp-w', { employment: 'temporary', gender: 'women' }, 11),
      cell('temp-m', { employment: 'temporary', gender: 'men' }, 8),
      cell('perm', { employment: 'permanent' }, 198),
      cell('perm-w', { employment: 'permanent', gender: 'women' }, 143),
      cell('perm-m', { employment: 'permanent', gender: 'men' }, 55),
    ]
    const hidden = suppressSmallGroups(cells)
    expect([...hidden].sort()).toEqual(['temp-m', 'temp-w'])
  })

  it('applies to every measure about the small group, e.g. sick leave of 8 men', () => {
    const cells: SuppressionCell[] = [
      { id: 'sick-all', measure: 'sick-leave', year: 2024, breakdown: {}, groupSize: 217 },
      { id: 'sick-w', measure: 'sick-leave', year: 2024, breakdown: { gender: 'women' }, groupSize: 154 },
      { id: 'sick-m', measure: 'sick-leave', year: 2024, breakdown: { gender: 'men' }, groupSize: 9 },
    ]
    expect([...suppressSmallGroups(cells)].sort()).toEqual(['sick-m', 'sick-w'])
  })

  it('keeps going across splits until no split has exactly one hidden cell', () => {
    // Age bands of permanent employees (shares of 100 %): 4 people under 30 hidden → the next smallest too.
    const band = (id: string, ageBand: string, n: number): SuppressionCell => ({
      id,
      measure: 'age-distribution',
      year: 2024,
      breakdown: { employment: 'permanent', ageBand },
      groupSize: n,
    })
    const cells = [band('a1', '0-29', 4), band('a2', '30-49', 110), band('a3', '50-', 84)]
    expect([...suppressSmallGroups(cells)].sort()).toEqual(['a1', 'a3'])
  })

  it('a split without its whole shown gives nothing away and needs no second cell', () => {
    const cells = [cell('w', { gender: 'women' }, 154), cell('m', { gender: 'men' }, 7)]
    expect([...suppressSmallGroups(cells)]).toEqual(['m'])
  })

  it('shows figures whose group size is unknown, and nothing when all groups are large', () => {
    const cells = [cell('x', { gender: 'women' }, null), cell('y', { gender: 'men' }, 40)]
    expect(suppressSmallGroups(cells).size).toBe(0)
  })

  it('never leaves exactly one hidden cell in a split (property)', () => {
    const arb = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 2, maxLength: 6 })
    fc.assert(
      fc.property(arb, (sizes) => {
        const bands = ['0-29', '30-39', '40-49', '50-59', '60-', '19-24']
        const cells: SuppressionCell[] = sizes.map((n, i) => ({
          id: `c${i}`,
          measure: 'age-distribution',
          year: 2024,
          breakdown: { employment: 'permanent', ageBand: bands[i] as string },
          groupSize: n,
        }))
        const hidden = suppressSmallGroups(cells)
        expect(hidden.size === 1).toBe(false)
        for (const c of cells) if ((c.groupSize ?? 99) < 10) expect(hidden.has(c.id)).toBe(true)
      }),
      { numRuns: 1_000 },
    )
  })
})
