import { describe, expect, it } from 'vitest'
import {
  type AssessmentScale,
  countLevels,
  formatNumber,
  formatPercent,
  levelsHighestFirst,
  topLevel,
} from '../src/index.ts'

const linkoping: AssessmentScale = {
  name: 'Måluppfyllelse',
  usesTrend: false,
  levels: [
    { key: 'ej-uppnatt', label: 'Ej uppnått', rank: 0, colour: '#d13438', symbol: '○' },
    { key: 'uppnatt', label: 'Uppnått', rank: 2, colour: '#1e7b34', symbol: '●' },
    { key: 'delvis-uppnatt', label: 'Delvis uppnått', rank: 1, colour: '#f5c518', symbol: '◑' },
  ],
}

describe('countLevels', () => {
  const cases: {
    name: string
    levels: (string | null)[]
    expected: Record<string, number>
    notAssessed: number
  }[] = [
    {
      name: '13 achieved and 5 partly achieved, as in Linköping 2024',
      levels: [...Array(13).fill('uppnatt'), ...Array(5).fill('delvis-uppnatt')],
      expected: { uppnatt: 13, 'delvis-uppnatt': 5, 'ej-uppnatt': 0 },
      notAssessed: 0,
    },
    {
      name: 'goals without an assessment are counted apart, not as the lowest level',
      levels: ['uppnatt', null, null],
      expected: { uppnatt: 1, 'delvis-uppnatt': 0, 'ej-uppnatt': 0 },
      notAssessed: 2,
    },
    {
      name: 'a level that is not on the scale counts as not assessed',
      levels: ['helt-uppfyllt'],
      expected: { uppnatt: 0, 'delvis-uppnatt': 0, 'ej-uppnatt': 0 },
      notAssessed: 1,
    },
    {
      name: 'no goals give zero everywhere',
      levels: [],
      expected: { uppnatt: 0, 'delvis-uppnatt': 0, 'ej-uppnatt': 0 },
      notAssessed: 0,
    },
  ]
  it.each(cases)('$name', ({ levels, expected, notAssessed }) => {
    const result = countLevels(linkoping, levels)
    expect(Object.fromEntries(result.levels.map((l) => [l.key, l.count]))).toEqual(expected)
    expect(result.notAssessed).toBe(notAssessed)
    expect(result.total).toBe(levels.length)
  })

  it('lists levels highest first, whatever order the scale was written in', () => {
    expect(countLevels(linkoping, []).levels.map((l) => l.key)).toEqual([
      'uppnatt',
      'delvis-uppnatt',
      'ej-uppnatt',
    ])
    expect(levelsHighestFirst(linkoping).map((l) => l.rank)).toEqual([2, 1, 0])
    expect(topLevel(linkoping).key).toBe('uppnatt')
  })
})

describe('sv-SE number formatting', () => {
  it.each([
    { value: 1240.84, decimals: 1, text: '1\u00a0240,8' },
    { value: -281.65, decimals: 1, text: '\u2212281,7' },
    { value: 40000, decimals: 0, text: '40\u00a0000' },
    { value: 5.58, decimals: 2, text: '5,58' },
    { value: 0, decimals: 1, text: '0,0' },
  ])('$value with $decimals decimals is "$text"', ({ value, decimals, text }) => {
    expect(formatNumber(value, decimals)).toBe(text)
  })

  it('puts a non-breaking space before the percent sign', () => {
    expect(formatPercent(3.03, 2)).toBe('3,03\u00a0%')
  })
})
