import { describe, expect, it } from 'vitest'
import {
  type AssessmentScale,
  analysisRequired,
  diffAgainstBaseline,
  type IndicatorInput,
  judgeIndicator,
  type PlanContent,
  readinessProblems,
  suggestLevel,
} from '../src/index.ts'

const lulea: AssessmentScale = {
  name: 'Måluppfyllelse',
  usesTrend: true,
  levels: [
    { key: 'helt', label: 'Helt uppfyllt', rank: 3, colour: '#1e7b34', symbol: '●' },
    { key: 'hog', label: 'I hög grad uppfyllt', rank: 2, colour: '#8cc63f', symbol: '◕' },
    { key: 'delvis', label: 'Delvis uppfyllt', rank: 1, colour: '#f5c518', symbol: '◑' },
    { key: 'ej', label: 'Ej uppfyllt', rank: 0, colour: '#d13438', symbol: '○' },
  ],
}

const v = (year: number, value: number | null) =>
  ({ year, breakdown: 'total', value, status: value === null ? 'missing' : 'final' }) as const
const indicator = (over: Partial<IndicatorInput>): IndicatorInput => ({
  key: 'i',
  name: 'I',
  direction: 'increase',
  values: [],
  targets: [],
  ...over,
})

describe('judging one indicator', () => {
  it.each([
    {
      name: 'Markreserv 43 ha against the target 50 ha, up from 28: improving',
      input: indicator({
        values: [v(2022, 50), v(2023, 28), v(2024, 43)],
        targets: [{ year: 2024, breakdown: 'total', value: 50 }],
      }),
      verdict: 'improving',
    },
    {
      name: 'a ranking of 275 with the target at most 50 (lower is better): not met',
      input: indicator({
        direction: 'at-most',
        values: [v(2023, 270), v(2024, 275)],
        targets: [{ year: 2024, breakdown: 'total', value: 50 }],
      }),
      verdict: 'not-met',
    },
    {
      name: 'a decrease wanted and achieved without a target: met',
      input: indicator({ direction: 'decrease', values: [v(2023, 28), v(2024, 24)] }),
      verdict: 'met',
    },
    {
      name: 'a missing latest value falls back to the latest outcome there is',
      input: indicator({
        values: [v(2022, 3.89), v(2023, 5.58), v(2024, null)],
        targets: [{ year: 2024, breakdown: 'total', value: 5 }],
      }),
      verdict: 'met',
    },
    { name: 'no values at all: no data', input: indicator({}), verdict: 'no-data' },
    {
      name: 'one value and no target: no data to compare',
      input: indicator({ values: [v(2024, 10)] }),
      verdict: 'no-data',
    },
  ])('$name', ({ input, verdict }) => {
    expect(judgeIndicator(input, 2024).verdict).toBe(verdict)
  })
})

describe('suggesting a level', () => {
  const met = indicator({ key: 'a', direction: 'decrease', values: [v(2023, 2), v(2024, 1)] })
  const notMet = indicator({ key: 'b', direction: 'decrease', values: [v(2023, 1), v(2024, 2)] })
  const improving = indicator({
    key: 'c',
    values: [v(2023, 1), v(2024, 2)],
    targets: [{ year: 2024, breakdown: 'total', value: 5 }],
  })

  it.each([
    { name: 'all met gives the top level', inds: [met, met], level: 'helt' },
    { name: 'half met gives a middle level', inds: [met, notMet], level: 'delvis' },
    { name: 'three of four points gives "i hög grad"', inds: [met, improving], level: 'hog' },
    { name: 'none met gives the lowest level', inds: [notMet], level: 'ej' },
  ])('$name', ({ inds, level }) => {
    expect(suggestLevel(lulea, inds, 2024).level?.key).toBe(level)
  })

  it('gives no level, and says why, when no indicator has figures', () => {
    const s = suggestLevel(lulea, [indicator({})], 2024)
    expect(s.level).toBeNull()
    expect(s.indicators[0]?.verdict).toBe('no-data')
    expect(s.rule).toMatch(/Indikatorer utan utfall räknas inte/)
  })
})

describe('when an analysis is required', () => {
  it.each([
    { chosen: 'helt', suggested: 'helt', required: false },
    { chosen: 'helt', suggested: null, required: false },
    { chosen: 'hog', suggested: 'hog', required: true },
    { chosen: 'helt', suggested: 'delvis', required: true },
  ])('level $chosen with suggestion $suggested: $required', ({ chosen, suggested, required }) => {
    expect(analysisRequired(lulea, chosen, suggested)).toBe(required)
  })

  it('refuses to mark a goal ready without the required analysis, in Swedish', () => {
    const problems = readinessProblems(
      'goal',
      {
        level: 'delvis',
        trend: null,
        forecastLevel: null,
        forecastText: null,
        analysis: '  ',
        deviations: [],
      },
      { scale: lulea, suggestedLevel: 'delvis' },
    )
    expect(problems).toEqual([
      { field: 'analysis', message: 'Skriv en analys: målet bedöms inte som helt uppfyllt.' },
    ])
  })
})

describe('when a control or a board text is ready', () => {
  const context = { scale: lulea, suggestedLevel: null }
  const control = (over: object) => ({
    result: 'Tjugo fakturor granskade.',
    level: 'helt',
    action: null,
    returnsNextYear: false,
    ...over,
  })

  it('needs a result and a level on the scale; a full level needs no action', () => {
    expect(readinessProblems('control', control({}), context)).toEqual([])
    expect(readinessProblems('control', control({ result: ' ', level: null }), context)).toEqual([
      { field: 'result', message: 'Beskriv vad kontrollen visade.' },
      { field: 'level', message: 'Välj en bedömning.' },
    ])
    expect(readinessProblems('control', control({ level: 'okand' }), context)).toEqual([
      { field: 'level', message: 'Bedömningen finns inte i kommunens skala.' },
    ])
  })

  it.each(['hog', 'delvis', 'ej'])(
    'a control at level %s shows shortcomings: it needs an action',
    (level) => {
      expect(readinessProblems('control', control({ level }), context)).toEqual([
        { field: 'action', message: 'Ange en åtgärd: kontrollen visar brister.' },
      ])
      expect(
        readinessProblems('control', control({ level, action: 'Utbildning i attest.' }), context),
      ).toEqual([])
    },
  )

  it.each([
    ['control-summary', 'Skriv en sammanfattande bedömning av den interna kontrollen.'],
    ['personnel', 'Skriv en kommentar om personalen.'],
  ] as const)('a %s part needs its text', (kind, message) => {
    expect(readinessProblems(kind, { text: '\n ' }, context)).toEqual([{ field: 'text', message }])
    expect(readinessProblems(kind, { text: 'Klart.' }, context)).toEqual([])
  })
})

describe('difference from the adopted business plan', () => {
  const goal = {
    key: 'g1',
    kind: 'goal' as const,
    title: 'Öka takten',
    description: null,
    financing: null,
    goalArea: null,
    startYear: 2025,
    endYear: 2025,
  }
  const ind = {
    key: 'i1',
    name: 'Markreserv',
    unit: 'hectare',
    direction: 'increase',
    goals: ['g1'],
    targets: [{ year: 2025, breakdown: 'total', value: 50 }],
  }
  const baseline: PlanContent = { goals: [goal], indicators: [ind] }

  it('finds nothing when nothing changed, whatever the order of targets', () => {
    const current: PlanContent = { goals: [goal], indicators: [{ ...ind, targets: [...ind.targets] }] }
    expect(diffAgainstBaseline(baseline, current)).toEqual([])
  })

  it('reports added, removed and changed goals and a changed target', () => {
    const current: PlanContent = {
      goals: [{ ...goal, key: 'g2', title: 'Nytt mål' }],
      indicators: [{ ...ind, targets: [{ year: 2025, breakdown: 'total', value: 60 }] }],
    }
    const diff = diffAgainstBaseline(baseline, current)
    expect(diff.map((c) => [c.kind, c.key, c.change])).toEqual([
      ['goal', 'g1', 'removed'],
      ['goal', 'g2', 'added'],
      ['indicator', 'i1', 'changed'],
    ])
    expect(diff[2]?.fields.map((f) => f.field)).toEqual(['targets'])
  })
})
