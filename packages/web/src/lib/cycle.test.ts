import type { IndicatorView, PartDetail, SessionUser } from '@arshjul/domain'
import { describe, expect, it } from 'vitest'
import { indicatorModel } from '../components/part/models.ts'
import { actionsAt, mayOverview, safeReturnPath } from './access.ts'
import { describeValue, progressOf, progressSentence } from './cycle.ts'
import { parseDecimal, parseYear, placeProblems, rowsToContent, valueRows } from './part-form.ts'

describe('numbers typed the Swedish way', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['\u22123,2', -3.2],
    ['-3', -3],
    [',5', 0.5],
    ['  7 ', 7],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value)
  })

  it('reads an empty field as no value', () => {
    expect(parseDecimal('  ')).toBeNull()
  })

  it.each(['12,5,3', 'tolv', '12 %', '1e3', '--2'])('does not guess at %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined()
  })

  it('reads a year of four digits, and nothing else', () => {
    expect(parseYear('2026')).toBe(2026)
    expect(parseYear('')).toBeNull()
    expect(parseYear('26')).toBeUndefined()
    expect(parseYear('3000')).toBeUndefined()
  })
})

const indicator = (over: Partial<IndicatorView> = {}): IndicatorView => ({
  key: 'kvinnor-i-chefsroller',
  name: 'Andel kvinnor i chefsroller',
  description: null,
  unit: 'percent',
  unitLabel: null,
  direction: 'increase',
  source: { kind: 'hr' },
  decimals: 1,
  scope: null,
  publicationLagYears: 0,
  lagNote: null,
  breakdowns: [
    { key: 'total', kind: 'total', label: 'Hela kommunen' },
    { key: 'ksf', kind: 'category', label: 'Kommunstyrelseförvaltningen' },
  ],
  values: [],
  targets: [],
  goals: [],
  ...over,
})

describe('the rows of an indicator part', () => {
  it('has one row per breakdown for the year, the total first, with what was saved', () => {
    const rows = valueRows(indicator(), 2025, {
      values: [
        { year: 2024, breakdown: 'total', value: 51, status: 'final', comment: null },
        { year: 2025, breakdown: 'ksf', value: 48.5, status: 'final', comment: 'Utan vikarier' },
      ],
    })
    expect(rows).toEqual([
      { breakdown: 'total', label: 'Hela kommunen', valueText: '', status: 'preliminary', comment: '' },
      {
        breakdown: 'ksf',
        label: 'Kommunstyrelseförvaltningen',
        valueText: '48,5',
        status: 'final',
        comment: 'Utan vikarier',
      },
    ])
  })

  it('has a single "Totalt" row when the indicator has no breakdowns', () => {
    const rows = valueRows(indicator({ breakdowns: [] }), 2025, { values: [] })
    expect(rows.map((r) => r.label)).toEqual(['Totalt'])
  })

  it('keeps other years, leaves untouched rows out, and knows which row each value came from', () => {
    const previous = {
      values: [{ year: 2024, breakdown: 'total', value: 51, status: 'final' as const, comment: null }],
    }
    const result = rowsToContent(
      [
        { breakdown: 'total', label: 'Hela kommunen', valueText: '', status: 'preliminary', comment: '' },
        { breakdown: 'ksf', label: 'KSF', valueText: '1 048,25', status: 'preliminary', comment: ' ' },
      ],
      2025,
      previous,
    )
    expect(result.unreadable).toEqual([])
    expect(result.content.values).toEqual([
      previous.values[0],
      { year: 2025, breakdown: 'ksf', value: 1048.25, status: 'preliminary', comment: null },
    ])
    expect(result.breakdownAt).toEqual([null, 'ksf'])
  })

  it('keeps a row marked missing without a value, and reports a value it cannot read', () => {
    const result = rowsToContent(
      [
        { breakdown: 'total', label: 'Totalt', valueText: '', status: 'missing', comment: '' },
        { breakdown: 'ksf', label: 'KSF', valueText: '12,x', status: 'final', comment: '' },
      ],
      2025,
      { values: [] },
    )
    expect(result.content.values).toEqual([
      { year: 2025, breakdown: 'total', value: null, status: 'missing', comment: null },
    ])
    expect(result.unreadable).toEqual(['ksf'])
  })
})

const user = (grants: SessionUser['grants']): SessionUser => ({
  id: 'u',
  name: 'Cecilia Controller',
  email: 'c@example',
  grants,
})

describe('what the signed-in user may do with a follow-up', () => {
  const place = { municipality: '2580', board: 'ks', administration: 'ksf' }

  it('gives a board controller review and the cycle, but not the head of administration’s approval', () => {
    const actions = actionsAt(
      user([
        { role: 'controller', municipality: '2580', scopeKind: 'board', scopeKey: 'ks', scopeName: 'KS' },
      ]),
      place,
    )
    expect([...actions].sort()).toEqual(['decide', 'manage-cycle', 'read', 'report', 'review'])
    expect(mayOverview(actions)).toBe(true)
  })

  it('gives the head of administration approval of the administration’s follow-up', () => {
    const head = user([
      {
        role: 'head-of-administration',
        municipality: '2580',
        scopeKind: 'administration',
        scopeKey: 'ksf',
        scopeName: 'KSF',
      },
    ])
    expect(actionsAt(head, place).has('approve')).toBe(true)
    expect(actionsAt(head, { ...place, administration: 'kommunstaben' }).has('approve')).toBe(false)
  })

  it('gives nothing for another municipality, another board or a unit-level reporter', () => {
    expect(
      actionsAt(
        user([
          { role: 'controller', municipality: '0580', scopeKind: 'board', scopeKey: 'ks', scopeName: 'KS' },
        ]),
        place,
      ).size,
    ).toBe(0)
    expect(
      actionsAt(
        user([
          { role: 'controller', municipality: '2580', scopeKind: 'board', scopeKey: 'bun', scopeName: 'BUN' },
        ]),
        place,
      ).size,
    ).toBe(0)
    const reporter = user([
      { role: 'reporter', municipality: '2580', scopeKind: 'org-unit', scopeKey: 'ksf-hr', scopeName: 'HR' },
    ])
    expect(mayOverview(actionsAt(reporter, place))).toBe(false)
  })
})

describe('the page to return to after signing in', () => {
  it.each([
    ['/2580/ks/uppgifter?uppfoljning=ksf-2025-delar', '/2580/ks/uppgifter?uppfoljning=ksf-2025-delar'],
    ['//evil.example/logga-in', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/logga-in?tillbaka=/', '/'],
    [undefined, '/'],
  ])('%j leads to %j', (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected)
  })
})

describe('progress of the reporting', () => {
  it('counts ready and approved parts as done, rounding the share down', () => {
    const progress = progressOf([
      { status: 'not-started', count: 5 },
      { status: 'ready', count: 3 },
      { status: 'approved', count: 1 },
      { status: 'returned', count: 2 },
    ])
    expect(progress).toMatchObject({ total: 11, done: 4, percent: 36 })
    expect(progress.counts.map((c) => c.status)).toEqual([
      'not-started',
      'draft',
      'ready',
      'returned',
      'approved',
    ])
    expect(progressSentence(progress)).toBe('4 av 11 delar är klarmarkerade eller granskade (36\u00a0%).')
  })

  it('says so when there is nothing to report', () => {
    expect(progressSentence(progressOf([]))).toBe('Det finns inga delar att rapportera.')
  })
})

describe('values in the baseline comparison', () => {
  it.each([
    [null, '–'],
    [12.5, '12,5'],
    [-3, '\u22123'],
    ['Öka', 'Öka'],
    [['ksf25-mal-a', 'ksf25-mal-b'], 'ksf25-mal-a; ksf25-mal-b'],
    [
      [
        { year: 2025, breakdown: 'total', value: 80 },
        { year: 2026, breakdown: 'total', text: 'Positiv trend' },
      ],
      '2025: 80; 2026: Positiv trend',
    ],
    [{ text: 'Inom ram', amountKronor: 7000000 }, 'Inom ram'],
  ])('shows %j as %j', (value, text) => {
    expect(describeValue(value)).toBe(text)
  })
})

describe('the server’s problems placed at the form’s fields', () => {
  it('puts the first message per field at the field and the rest of the problems in the summary', () => {
    const fieldOf = (path: string) => (path === 'analysis' || path === 'level' ? path : null)
    expect(
      placeProblems(
        [
          { path: 'analysis', message: 'Skriv en analys: målet bedöms inte som helt uppfyllt.' },
          { path: 'analysis', message: 'Ett andra meddelande om samma fält.' },
          { path: 'okänt', message: 'Något annat.' },
        ],
        fieldOf,
      ),
    ).toEqual({
      fields: { analysis: 'Skriv en analys: målet bedöms inte som helt uppfyllt.' },
      general: ['Något annat.'],
    })
  })

  it('finds the row of an indicator value from its position in the content', () => {
    const part = {
      followUp: { year: 2025 },
      content: { values: [{ year: 2024, breakdown: 'total', value: 51, status: 'final', comment: null }] },
    } as unknown as PartDetail
    const rows = [
      { breakdown: 'total', label: 'Totalt', valueText: '', status: 'final' as const, comment: '' },
      { breakdown: 'ksf', label: 'KSF', valueText: '', status: 'missing' as const, comment: '' },
    ]
    // Position 0 is 2024's value; position 1 is the only row touched this year.
    expect(indicatorModel.fieldOf('values.1.value', rows, part)).toBe('values.ksf.value')
    expect(indicatorModel.fieldOf('values', rows, part)).toBe('values.total.value')
    expect(indicatorModel.fieldOf('analysis', rows, part)).toBeNull()
  })
})
