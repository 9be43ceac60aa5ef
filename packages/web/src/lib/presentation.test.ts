import type { FollowUpSummary, GoalGroup, IndicatorView, LevelSummary } from '@arshjul/domain'
import { describe, expect, it } from 'vitest'
import { countsSentence, latestComment } from './assignments.ts'
import { tint } from './colour.ts'
import { defaultFollowUp, summarySentence } from './follow-ups.ts'
import { formatAmount } from './format.ts'
import { directionText, indicatorTable } from './indicator-table.ts'

const followUp = (key: string, kind: FollowUpSummary['kind'], year: number): FollowUpSummary => ({
  key,
  kind,
  year,
  periodEnd: `${year}-12-31`,
  title: key,
  status: 'decided',
  administration: null,
  decisionRef: null,
  decidedOn: null,
})

const indicator = (over: Partial<IndicatorView>): IndicatorView => ({
  key: 'markreserv',
  name: 'Markreserv verksamhetsmark',
  description: null,
  unit: 'hectare',
  unitLabel: null,
  direction: 'increase',
  source: { kind: 'manual' },
  decimals: 0,
  scope: null,
  publicationLagYears: 0,
  lagNote: null,
  breakdowns: [],
  values: [
    { year: 2022, breakdown: 'total', value: 50, status: 'final' },
    { year: 2023, breakdown: 'total', value: 28, status: 'final' },
    { year: 2024, breakdown: 'total', value: 43, status: 'final' },
  ],
  targets: [{ year: 2024, breakdown: 'total', value: 50 }],
  goals: [],
  ...over,
})

describe('the follow-up a board page opens with', () => {
  it('is the newest one that assesses goals, not a newer business plan', () => {
    const list = [followUp('vp-2025', 'business-plan', 2025), followUp('vb-2024', 'annual', 2024)]
    expect(defaultFollowUp(list)?.key).toBe('vb-2024')
  })

  it('is not one still being written', () => {
    const open = { ...followUp('delar-2025', 'interim', 2025), status: 'open' as const }
    expect(defaultFollowUp([open, followUp('vb-2024', 'annual', 2024)])?.key).toBe('vb-2024')
    expect(defaultFollowUp([open])?.key).toBe('delar-2025')
  })

  it('is the newest of all when none assesses goals', () => {
    expect(defaultFollowUp([followUp('vp-2025', 'business-plan', 2025)])?.key).toBe('vp-2025')
    expect(defaultFollowUp([])).toBeUndefined()
  })
})

describe('the summary sentence', () => {
  const level = (key: string, label: string, rank: number, count: number) => ({
    key,
    label,
    rank,
    colour: '#1e7b34',
    symbol: '●',
    count,
  })
  const goals = (n: number, kind: 'goal' | 'initiative'): GoalGroup['goals'] =>
    Array.from({ length: n }, (_, i) => ({
      key: `${kind}-${i}`,
      kind,
      title: `Mål ${i}`,
      startYear: 2024,
      endYear: 2024,
      goalArea: null,
      parentGoals: [],
      assessment: null,
    }))

  it('counts levels with goals, highest first, in the municipality’s own words', () => {
    const summary: LevelSummary = {
      levels: [
        level('uppnatt', 'Uppnått', 2, 13),
        level('delvis', 'Delvis uppnått', 1, 5),
        level('ej', 'Ej uppnått', 0, 0),
      ],
      notAssessed: 0,
      total: 18,
    }
    expect(
      summarySentence('Verksamhetsberättelse 2024', [{ goalArea: null, goals: goals(18, 'goal') }], summary),
    ).toBe('Verksamhetsberättelse 2024 omfattar 18 mål. Alla har bedömts: 13 Uppnått och 5 Delvis uppnått.')
  })

  it('names initiatives and goals without an assessment', () => {
    const summary: LevelSummary = {
      levels: [level('helt', 'Helt uppfyllt', 3, 9)],
      notAssessed: 2,
      total: 11,
    }
    const groups = [{ goalArea: null, goals: [...goals(5, 'goal'), ...goals(6, 'initiative')] }]
    expect(summarySentence('VB 2024', groups, summary)).toBe(
      'VB 2024 omfattar 5 mål och 6 strategiska initiativ. 9 har bedömts: 9 Helt uppfyllt. 2 saknar bedömning.',
    )
  })
})

describe('an indicator as a table', () => {
  it('has one column per year and a target row', () => {
    const table = indicatorTable(indicator({}))
    expect(table.years).toEqual([2022, 2023, 2024])
    expect(table.rows.map((r) => [r.label, r.cells.map((c) => c.text)])).toEqual([
      ['Utfall', ['50', '28', '43']],
      ['Mål', [null, null, '50']],
    ])
  })

  it('marks preliminary and missing values and the year a lagging value refers to', () => {
    const table = indicatorTable(
      indicator({
        decimals: 1,
        values: [
          { year: 2022, breakdown: 'total', value: 38, status: 'final' },
          { year: 2023, breakdown: 'total', value: 41, status: 'preliminary', referenceYear: 2021 },
          { year: 2024, breakdown: 'total', value: null, status: 'missing' },
        ],
        targets: [],
      }),
    )
    const cells = table.rows[0]?.cells ?? []
    expect(cells.map((c) => [c.text, c.status, c.referenceYear])).toEqual([
      ['38,0', 'final', null],
      ['41,0', 'preliminary', 2021],
      [null, 'missing', null],
    ])
  })

  it('states a threshold with its value', () => {
    const threshold = indicator({
      unit: 'percent',
      direction: 'at-least',
      targets: [{ year: 2024, breakdown: 'total', value: 4, text: '≥4% Positiv trend' }],
    })
    expect(directionText(threshold)).toBe('Minst 4\u00a0%')
    expect(directionText(indicator({}))).toBe('Öka')
  })
})

describe('Swedish presentation', () => {
  it('shows an appropriation in the municipality’s unit', () => {
    expect(formatAmount(7_000_000, 'mkr', 1)).toBe('7,0\u00a0mkr')
    expect(formatAmount(1_240_840, 'tkr', 1)).toBe('1\u00a0240,8\u00a0tkr')
  })

  it('counts assignments per status in words', () => {
    expect(
      countsSentence({
        total: 32,
        counts: [
          { status: 'genomford', count: 28 },
          { status: 'pagar', count: 4 },
          { status: 'kvarstar', count: 0 },
        ],
      }),
    ).toBe('32 uppdrag: 28 genomförda och 4 pågår.')
  })

  it('takes the latest comment of an assignment', () => {
    expect(
      latestComment([
        { date: '2024-08-31', status: 'pagar', comment: 'Pågår enligt plan.' },
        { date: '2024-12-31', status: 'genomford', comment: 'Klart.' },
        { date: '2025-01-15', status: 'genomford' },
      ])?.date,
    ).toBe('2024-12-31')
  })
})

describe('badge colours', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
  }
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)
  }

  it.each(['#1e7b34', '#8cc63f', '#f5c518', '#d13438', '#000000', '#0000ff'])(
    'keep dark text readable on a tint of %s (at least 4.5:1)',
    (colour) => {
      expect(contrast('#1b1b1b', tint(colour))).toBeGreaterThanOrEqual(4.5)
    },
  )
})
