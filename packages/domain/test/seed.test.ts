import { describe, expect, it } from 'vitest'
import { checkSeedSet, type NamedSeedFile, SeedFile } from '../src/index.ts'

const definition = {
  code: '9999',
  name: 'Testkommun',
  settings: {
    signConvention: 'costs-positive',
    amountUnit: 'mnkr',
    amountDecimals: 1,
    assessmentScale: {
      name: 'Skala',
      levels: [
        { key: 'ja', label: 'Uppnått', rank: 1, colour: '#1e7b34', symbol: '●' },
        { key: 'nej', label: 'Ej uppnått', rank: 0, colour: '#d13438', symbol: '○' },
      ],
    },
  },
}

function file(name: string, data: Record<string, unknown>): NamedSeedFile {
  return { name, data: SeedFile.parse({ schemaVersion: 1, municipality: '9999', ...data }) }
}

const base = file('a.json', {
  definition,
  boards: [{ key: 'ks', name: 'Kommunstyrelsen', shortName: 'KS' }],
  followUps: [
    {
      key: 'vb',
      board: 'ks',
      kind: 'annual',
      year: 2024,
      periodEnd: '2024-12-31',
      title: 'VB',
      status: 'decided',
    },
  ],
  boardGoals: [
    { key: 'g1', board: 'ks', kind: 'goal', title: 'Mål', startYear: 2024, endYear: 2024, order: 0 },
  ],
})

describe('checkSeedSet', () => {
  it('accepts a consistent set', () => {
    expect(checkSeedSet([base])).toEqual([])
  })

  it.each([
    {
      name: 'an assessment of an unknown goal',
      extra: { assessments: [{ goal: 'g2', followUp: 'vb', level: 'ja' }] },
      path: 'assessments[0].goal',
    },
    {
      name: 'a level that is not on the scale',
      extra: { assessments: [{ goal: 'g1', followUp: 'vb', level: 'kanske' }] },
      path: 'assessments[0].level',
    },
    {
      name: 'a key used twice',
      extra: {
        boardGoals: [
          { key: 'g1', board: 'ks', kind: 'goal', title: 'Igen', startYear: 2024, endYear: 2024, order: 1 },
        ],
      },
      path: 'boardGoals[0].key',
    },
    {
      name: 'a goal under an unknown goal area',
      extra: {
        boardGoals: [
          {
            key: 'g9',
            board: 'ks',
            kind: 'goal',
            title: 'X',
            startYear: 2024,
            endYear: 2024,
            goalArea: 'okand',
            order: 1,
          },
        ],
      },
      path: 'boardGoals[0].goalArea',
    },
  ])('reports $name with file and path', ({ extra, path }) => {
    const problems = checkSeedSet([base, file('b.json', extra)])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'b.json', path })
    expect(problems[0]?.message).toMatch(/[a-zåäö]/)
  })

  it('requires exactly one file to define the municipality', () => {
    const problems = checkSeedSet([file('b.json', {})])
    expect(problems.map((p) => p.path)).toContain('definition')
  })
})
