import type { InternalControlView, PersonnelView } from '@arshjul/domain'
import { defaultRiskScale, riskBand, riskValue } from '@arshjul/domain'
import { describe, expect, it } from 'vitest'
import {
  bandRangesText,
  cellContent,
  computedText,
  defaultScope,
  HIDDEN_CELL_TEXT,
  hiddenCountText,
  internalControlYears,
  MISSING_CELL_TEXT,
  matrixRows,
  mayImportPersonnel,
  measureCaption,
  newKey,
  personnelColumns,
  scaleStep,
  scopeChoices,
  scopeYearsText,
  slug,
} from './personnel.ts'

const NBSP = '\u00a0'

type Measure = PersonnelView['measures'][number]
type Cell = Measure['rows'][number]['cells'][number]

const cell = (year: number, value: number | null, extra: Partial<Cell> = {}): Cell => ({
  year,
  period: null,
  value,
  hidden: false,
  computed: false,
  numerator: null,
  denominator: null,
  ...extra,
})

const sickLeave: Measure = {
  measure: 'sick-leave',
  label: 'Sjukfrånvaro',
  kind: 'percent',
  decimals: 2,
  numerator: 'sjukfrånvarotimmar',
  denominator: 'ordinarie arbetstid i timmar',
  rows: [
    { breakdown: {}, label: 'Samtliga', cells: [cell(2023, 3.1), cell(2024, 3.03)] },
    { breakdown: { gender: 'women' }, label: 'Kvinnor', cells: [cell(2023, 3.5), cell(2024, 3.44)] },
    { breakdown: { gender: 'men' }, label: 'Män', cells: [cell(2024, 2.03)] },
    { breakdown: { ageBand: '0-29' }, label: '29 år och yngre', cells: [cell(2024, 0.8)] },
  ],
}

describe('the measure’s caption', () => {
  it('names the unit in the caption, except for a ratio whose label says it', () => {
    expect(measureCaption({ label: 'Sjukfrånvaro', kind: 'percent' })).toBe('Sjukfrånvaro (procent)')
    expect(measureCaption({ label: 'Antal anställda', kind: 'count' })).toBe('Antal anställda (antal)')
    expect(measureCaption({ label: 'Genomsnittlig pensionsålder', kind: 'years' })).toBe(
      'Genomsnittlig pensionsålder (år)',
    )
    expect(measureCaption({ label: 'Sökande per annons', kind: 'ratio' })).toBe('Sökande per annons')
  })
})

describe('cells', () => {
  it('shows a dash for a protected cell and says why to a screen reader', () => {
    expect(HIDDEN_CELL_TEXT).toBe('dolt: färre än 10 personer')
    expect(cellContent(sickLeave, cell(2024, null, { hidden: true }))).toEqual({
      text: '–',
      spoken: HIDDEN_CELL_TEXT,
    })
  })

  it('tells a missing figure from a hidden one', () => {
    expect(cellContent(sickLeave, null)).toEqual({ text: '–', spoken: MISSING_CELL_TEXT })
    expect(cellContent(sickLeave, cell(2024, null))).toEqual({ text: '–', spoken: MISSING_CELL_TEXT })
  })

  it('shows a figure as written, with nothing extra to hear', () => {
    expect(cellContent(sickLeave, cell(2024, 3.03))).toEqual({ text: `3,03${NBSP}%`, spoken: null })
  })

  it('explains a computed figure by its numerator and denominator', () => {
    const text = computedText(sickLeave, { numerator: '1234.5', denominator: '40000' }).replace(/\s/g, ' ')
    expect(text).toBe('beräknat: 1 234,5 sjukfrånvarotimmar / 40 000 ordinarie arbetstid i timmar')
    expect(computedText({ numerator: null, denominator: null }, { numerator: null, denominator: null })).toBe(
      'beräknat: täljare / nämnare',
    )
  })

  it('says how many cells are hidden', () => {
    expect(hiddenCountText(1)).toBe('1 uppgift är dold.')
    expect(hiddenCountText(2)).toBe('2 uppgifter är dolda.')
  })

  it('has a column per year (and period), oldest first', () => {
    const withPeriod: Measure = {
      ...sickLeave,
      rows: [
        {
          breakdown: {},
          label: 'Samtliga',
          cells: [cell(2024, 1), cell(2023, 2), cell(2024, 3, { period: 'jan–jun' })],
        },
      ],
    }
    expect(personnelColumns(withPeriod).map((c) => c.label)).toEqual(['2023', '2024', '2024 jan–jun'])
    expect(personnelColumns(sickLeave).map((c) => c.year)).toEqual([2023, 2024])
  })

  it('names the scope and its years', () => {
    const scope = { kind: 'administration' as const, key: 'klf', name: 'Kommunledningsförvaltningen' }
    expect(scopeYearsText({ scope, years: [2022, 2020, 2024] })).toBe('Kommunledningsförvaltningen 2020–2024')
    expect(scopeYearsText({ scope, years: [2024] })).toBe('Kommunledningsförvaltningen 2024')
  })
})

describe('scopes', () => {
  const scopes = [
    { kind: 'administration' as const, key: 'kommunstaben', name: 'Kommunstaben' },
    { kind: 'administration' as const, key: 'ksf', name: 'Kommunstyrelseförvaltningen' },
    { kind: 'administration' as const, key: 'other', name: 'Annan förvaltning' },
    { kind: 'municipality' as const, key: 'kommunen', name: 'Luleå kommun' },
  ]
  const board = {
    administrations: [
      {
        key: 'kommunstaben',
        name: 'Kommunstaben',
        shortName: null,
        validFrom: '2019-01-01',
        validTo: '2023-12-31',
      },
      {
        key: 'ksf',
        name: 'Kommunstyrelseförvaltningen',
        shortName: 'KSF',
        validFrom: '2024-01-01',
        validTo: null,
      },
    ],
  }

  it('offers the board’s administrations, the current first, then the municipality', () => {
    expect(scopeChoices(scopes, board).map((s) => s.key)).toEqual(['ksf', 'kommunstaben', 'kommunen'])
    expect(defaultScope(scopeChoices(scopes, board))).toBe('ksf')
  })

  it('falls back to the municipality', () => {
    expect(scopeChoices(scopes.slice(3), board).map((s) => s.key)).toEqual(['kommunen'])
    expect(defaultScope([])).toBe('kommunen')
  })
})

describe('the risk matrix', () => {
  const scale = defaultRiskScale
  const matrix: InternalControlView['matrix'] = scale.probability.flatMap((_, p) =>
    scale.consequence.map((_c, c) => {
      const value = riskValue(p + 1, c + 1)
      return {
        probability: p + 1,
        consequence: c + 1,
        value,
        band: riskBand(value, scale),
        risks: p === 2 && c === 3 ? [{ key: 'r1', title: 'Sena leveranser' }] : [],
      }
    }),
  )

  it('runs probability from the highest down and consequence from the lowest across', () => {
    const rows = matrixRows({ matrix: [...matrix].reverse(), scale })
    expect(rows.map((r) => r.probability)).toEqual([4, 3, 2, 1])
    expect(rows.map((r) => r.label)).toEqual(['Sannolik', 'Möjlig', 'Mindre sannolik', 'Osannolik'])
    expect(rows[0]?.cells.map((c) => c.consequence)).toEqual([1, 2, 3, 4])
    expect(rows[0]?.cells.map((c) => c.value)).toEqual([4, 8, 12, 16])
  })

  it('says each cell’s band in words and lists its risks', () => {
    const rows = matrixRows({ matrix, scale })
    const possible = rows.find((r) => r.probability === 3)
    const cellOf = possible?.cells.find((c) => c.consequence === 4)
    expect(cellOf?.bandLabel).toBe('Hög risk')
    expect(cellOf?.risks.map((r) => r.title)).toEqual(['Sena leveranser'])
    expect(rows[3]?.cells[0]?.bandLabel).toBe('Låg risk')
  })

  it('explains the bands from the matrix', () => {
    expect(bandRangesText(matrix)).toBe(
      'Riskvärdet är sannolikhet × konsekvens. Låg risk: 1–3. Medelhög risk: 4–6. Hög risk: 8–16.',
    )
  })

  it('names a step of a scale with its number', () => {
    expect(scaleStep(scale.probability, 3)).toBe('Möjlig (3)')
    expect(scaleStep(scale.probability, 9)).toBe('9')
  })
})

describe('keys and years', () => {
  it('makes a key from a Swedish title', () => {
    expect(slug('Avtal för distansarbete')).toBe('avtal-for-distansarbete')
    expect(slug('  Åtgärder & mål – 2025! ')).toBe('atgarder-mal-2025')
    expect(slug('!!!')).toBe('')
  })

  it('makes a new key that none of the taken ones has', () => {
    expect(newKey(['ks', 2025, 'risk'], 'Sena leveranser', [])).toBe('ks-2025-risk-sena-leveranser')
    expect(
      newKey(['ks', 2025, 'risk'], 'Sena leveranser', [
        'ks-2025-risk-sena-leveranser',
        'ks-2025-risk-sena-leveranser-2',
      ]),
    ).toBe('ks-2025-risk-sena-leveranser-3')
    expect(newKey(['ks'], '???', [])).toBe('ks-utan-namn')
    expect(newKey(['ks'], 'x'.repeat(300), []).length).toBeLessThanOrEqual(120)
  })

  it('offers the years with internal control and with follow-ups, newest first', () => {
    expect(internalControlYears({ years: [2024, 2023], year: 2024 }, [2025, 2025, 2024, 2023])).toEqual([
      2025, 2024, 2023,
    ])
    expect(internalControlYears({ years: [], year: 2026 }, [])).toEqual([2026])
  })
})

describe('who may import personnel figures', () => {
  const grant = (role: 'admin' | 'controller' | 'reporter', scopeKind: 'municipality' | 'board') => ({
    role,
    municipality: '2580',
    scopeKind,
    scopeKey: scopeKind === 'board' ? 'ks' : '2580',
    scopeName: 'x',
  })

  it('takes a grant on the whole municipality that manages the cycle', () => {
    expect(mayImportPersonnel({ grants: [grant('admin', 'municipality')] }, '2580')).toBe(true)
    expect(mayImportPersonnel({ grants: [grant('controller', 'municipality')] }, '2580')).toBe(true)
    expect(mayImportPersonnel({ grants: [grant('controller', 'board')] }, '2580')).toBe(false)
    expect(mayImportPersonnel({ grants: [grant('reporter', 'municipality')] }, '2580')).toBe(false)
    expect(mayImportPersonnel({ grants: [grant('admin', 'municipality')] }, '0580')).toBe(false)
    expect(mayImportPersonnel(null, '2580')).toBe(false)
  })
})
