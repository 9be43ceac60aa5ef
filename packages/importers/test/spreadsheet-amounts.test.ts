import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { oreFromCellNumber, parseAmountText, toConventionSign, toLedgerSign } from '../src/index.ts'
import { written } from './spreadsheet-helpers.ts'

const RUNS = { numRuns: 1_000, seed: 20_250_101 }
const MAX = Number.MAX_SAFE_INTEGER

describe('amounts typed as text', () => {
  it.each([
    ['1 234,50', 123_450],
    ['1\u00a0234,50', 123_450],
    ['1\u202f234,5', 123_450],
    ['-1234', -123_400],
    ['1234.5', 123_450],
    ['\u22121 234', -123_400],
    ['+12', 1_200],
    ['0', 0],
    ['0,01', 1],
    ['-0,07', -7],
    ['007', 700],
    ['  42  ', 4_200],
    ['1 234,50 kr', 123_450],
    ['-12kr', -1_200],
    ['12 345 678 901,23', 1_234_567_890_123],
    ['90 071 992 547 409,91', MAX],
    ['-90071992547409.91', -MAX],
  ])('"%s" is %i öre', (text, ore) => {
    expect(parseAmountText(text)).toEqual({ ok: true, ore })
  })

  it('never gives negative zero', () => {
    const result = parseAmountText('-0,00')
    expect(result.ok && Object.is(result.ore, 0)).toBe(true)
  })

  it.each([
    ['12,345', 'decimals'],
    ['1.234', 'decimals'],
    ['1,000', 'decimals'],
    ['12,3456789', 'decimals'],
    ['1 23', 'format'],
    ['1 2345', 'format'],
    ['1,234.50', 'format'],
    ['1.234,50', 'format'],
    ['1e5', 'format'],
    ['1,23E+11', 'format'],
    ['', 'format'],
    ['abc', 'format'],
    ['12,', 'format'],
    [',5', 'format'],
    ['- 12', 'format'],
    ['--12', 'format'],
    ['(1 234)', 'format'],
    ['12 €', 'format'],
    ['90 071 992 547 409,92', 'range'],
    ['9'.repeat(80), 'range'],
  ])('"%s" is refused (%s)', (text, problem) => {
    expect(parseAmountText(text)).toEqual({ ok: false, problem })
  })
})

describe('amounts in XLSX number cells', () => {
  it.each([
    [1234.5, 123_450],
    [-1234, -123_400],
    [0.1 + 0.2, 30],
    [1234.5600000000002, 123_456],
    [9_999_999_999_999.99, 999_999_999_999_999],
    [-0, 0],
  ])('%d is %i öre', (value, ore) => {
    expect(oreFromCellNumber(value)).toEqual({ ok: true, ore })
  })

  it.each([
    [12.345, 'decimals'],
    [0.001, 'decimals'],
    [1e-7, 'decimals'],
    [Number.NaN, 'format'],
    [Number.POSITIVE_INFINITY, 'format'],
    [1e20, 'range'],
  ])('%d is refused (%s)', (value, problem) => {
    expect(oreFromCellNumber(value)).toEqual({ ok: false, problem })
  })
})

const style = fc.record({
  thousands: fc.constantFrom('', ' ', '\u00a0', '\u202f'),
  decimal: fc.constantFrom(',', '.'),
  minus: fc.constantFrom('-', '\u2212'),
  alwaysDecimals: fc.boolean(),
  suffix: fc.constantFrom('', ' kr', 'kr'),
})
const safeOre = fc.integer({ min: -MAX, max: MAX })
const sign = fc.constantFrom('costs-negative' as const, 'costs-positive' as const)

describe('properties', () => {
  it('any safe amount, written in any accepted style and either sign convention, reads back exactly', () => {
    fc.assert(
      fc.property(safeOre, style, sign, (ledgerOre, s, convention) => {
        const shown = toConventionSign(ledgerOre, convention)
        const parsed = parseAmountText(written(shown, s))
        expect(parsed.ok).toBe(true)
        if (parsed.ok) expect(toLedgerSign(parsed.ore, convention)).toBe(ledgerOre === 0 ? 0 : ledgerOre)
      }),
      RUNS,
    )
  })

  it('a third decimal is always refused, never rounded', () => {
    fc.assert(
      fc.property(safeOre, fc.integer({ min: 1, max: 9 }), style, (ore, extra, s) => {
        const text = `${written(ore, { ...s, alwaysDecimals: true, suffix: '' })}${extra}`
        expect(parseAmountText(text)).toEqual({ ok: false, problem: 'decimals' })
      }),
      RUNS,
    )
  })

  it('any amount Excel can hold (15 digits) comes back exactly from a float cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }), (ore) => {
        expect(oreFromCellNumber(ore / 100)).toEqual({ ok: true, ore: ore === 0 ? 0 : ore })
      }),
      RUNS,
    )
  })

  it('sign conversion is its own inverse and never yields -0', () => {
    fc.assert(
      fc.property(safeOre, sign, (ore, convention) => {
        const back = toLedgerSign(toConventionSign(ore, convention), convention)
        expect(Object.is(back, ore === 0 ? 0 : ore)).toBe(true)
      }),
      RUNS,
    )
  })
})
