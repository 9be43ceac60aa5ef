import { describe, expect, it } from 'vitest'
import {
  AssessmentScale,
  countByStatus,
  Indicator,
  IndicatorTarget,
  IndicatorValue,
  isUnitValidOn,
  Key,
  MunicipalityCode,
} from '../src/index.ts'

describe('field rules', () => {
  it.each([
    ['0580', true],
    ['2580', true],
    ['580', false],
    ['05800', false],
    ['abcd', false],
  ])('municipality code %s valid: %s', (code, valid) => {
    expect(MunicipalityCode.safeParse(code).success).toBe(valid)
  })

  it.each([
    ['ks-2024-vb', true],
    ['Ks', false],
    ['mål', false],
    ['-leading', false],
    ['', false],
  ])('key %j valid: %s', (key, valid) => {
    expect(Key.safeParse(key).success).toBe(valid)
  })
})

describe('indicator values', () => {
  it.each([
    { name: 'a final value with a number is valid', v: { year: 2024, value: 43, status: 'final' }, ok: true },
    {
      name: 'a missing value ("I.U.") has no number',
      v: { year: 2024, value: null, status: 'missing' },
      ok: true,
    },
    {
      name: 'a missing value with a number is refused',
      v: { year: 2024, value: 1, status: 'missing' },
      ok: false,
    },
    {
      name: 'a final value without a number is refused',
      v: { year: 2024, value: null, status: 'final' },
      ok: false,
    },
    {
      name: 'a lagged value keeps the year measured',
      v: { year: 2023, value: 41, status: 'final', referenceYear: 2021 },
      ok: true,
    },
  ])('$name', ({ v, ok }) => {
    expect(IndicatorValue.safeParse(v).success).toBe(ok)
  })

  it('defaults the breakdown to the total', () => {
    expect(IndicatorValue.parse({ year: 2024, value: 1, status: 'final' }).breakdown).toBe('total')
  })

  it('refuses a target with neither value nor text', () => {
    expect(IndicatorTarget.safeParse({ year: 2024 }).success).toBe(false)
  })

  const base = {
    key: 'x',
    board: 'ks',
    name: 'X',
    unit: 'count',
    source: { kind: 'manual' },
    decimals: 0,
    order: 0,
  }
  it('refuses a value for a breakdown the indicator does not have', () => {
    const r = Indicator.safeParse({
      ...base,
      values: [{ year: 2024, breakdown: 'kvinnor', value: 1, status: 'final' }],
    })
    expect(r.success).toBe(false)
  })
  it('refuses two values for the same year and breakdown', () => {
    const v = { year: 2024, value: 1, status: 'final' }
    expect(Indicator.safeParse({ ...base, values: [v, v] }).success).toBe(false)
  })
  it('requires a target value for a threshold direction such as "≥ 4 %"', () => {
    expect(Indicator.safeParse({ ...base, direction: 'at-least' }).success).toBe(false)
    expect(
      Indicator.safeParse({ ...base, direction: 'at-least', targets: [{ year: 2024, value: 4 }] }).success,
    ).toBe(true)
  })
})

describe('assessment scales', () => {
  const level = (key: string, rank: number) => ({ key, label: key, rank, colour: '#000000', symbol: '●' })
  it('refuses two levels with the same rank', () => {
    expect(AssessmentScale.safeParse({ name: 's', levels: [level('a', 0), level('b', 0)] }).success).toBe(
      false,
    )
  })
  it('refuses a colour that is not #rrggbb', () => {
    expect(
      AssessmentScale.safeParse({ name: 's', levels: [{ ...level('a', 0), colour: 'red' }, level('b', 1)] })
        .success,
    ).toBe(false)
  })
})

describe('effective-dated units', () => {
  it.each([
    {
      name: 'a unit exists on its first day',
      unit: { validFrom: '2024-01-01' },
      day: '2024-01-01',
      valid: true,
    },
    {
      name: 'a unit does not exist before it starts',
      unit: { validFrom: '2024-01-01' },
      day: '2023-12-31',
      valid: false,
    },
    {
      name: 'a unit exists on its last day',
      unit: { validFrom: '2019-01-01', validTo: '2023-12-31' },
      day: '2023-12-31',
      valid: true,
    },
    {
      name: 'a unit closed at a reorganisation is gone the day after',
      unit: { validFrom: '2019-01-01', validTo: '2023-12-31' },
      day: '2024-01-01',
      valid: false,
    },
  ])('$name', ({ unit, day, valid }) => {
    expect(isUnitValidOn(unit, day)).toBe(valid)
  })
})

describe('countByStatus', () => {
  it('counts each status and gives zero to the rest', () => {
    const counts = countByStatus(['genomford', 'genomford', 'pagar'])
    expect(counts.genomford).toBe(2)
    expect(counts.pagar).toBe(1)
    expect(counts.kvarstar).toBe(0)
  })
})
