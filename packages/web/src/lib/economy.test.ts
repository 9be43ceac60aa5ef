import type { AmountDisplay, OperatingFigures } from '@arshjul/domain'
import { describe, expect, it } from 'vitest'
import { ApiFailure } from './api.ts'
import {
  cellText,
  columnLabel,
  deviationSentence,
  favourable,
  importProblemsOf,
  importProblemText,
  investmentColumns,
  money,
  operatingColumns,
  statementAsIs,
  statementLines,
  toneBasis,
  toneWord,
} from './economy.ts'
import { commentConflictOf } from './economy-api.ts'

const MINUS = '\u2212'
const NBSP = '\u00a0'
const mkr = 100_000_000

const lulea: AmountDisplay = { unit: 'mkr', decimals: 1, sign: 'costs-negative' }
const linkoping: AmountDisplay = { unit: 'mnkr', decimals: 1, sign: 'costs-positive' }

function figures(values: Partial<OperatingFigures> = {}): OperatingFigures {
  return {
    budget: null,
    revisedBudget: null,
    periodBudget: null,
    outcome: null,
    forecast: null,
    previousForecast: null,
    previousYearOutcome: null,
    deviation: null,
    forecastDeviation: null,
    forecastChange: null,
    tone: null,
    ...values,
  }
}

describe('amounts', () => {
  it('shows a net cost (ledger sign, positive) in each convention with a true minus sign', () => {
    const netCost = 28_480_000_000 // 284,8 mkr
    expect(money(netCost, lulea)).toBe(`${MINUS}284,8`)
    expect(money(netCost, linkoping)).toBe('284,8')
  })

  it('prints a favourable-positive deviation as it is in both conventions', () => {
    expect(favourable(260_000_000, lulea)).toBe('2,6')
    expect(favourable(910_000_000, linkoping)).toBe('9,1')
    expect(favourable(-120_000_000, lulea)).toBe(`${MINUS}1,2`)
  })

  it('rounds last and never prints −0,0', () => {
    expect(money(4_000_000, lulea)).toBe('0,0') // 0,04 mkr
    expect(money(-4_000_000, lulea)).toBe('0,0')
    expect(money(5_000_000, lulea)).toBe(`${MINUS}0,1`) // 0,05 rounds away from zero
  })

  it('marks an amount that was not loaded with a dash', () => {
    expect(money(null, lulea)).toBe('–')
    expect(favourable(null, lulea)).toBe('–')
  })

  it('prints the allocation and the result as they are, and costs in the convention', () => {
    const f = figures({ outcome: 287 * mkr })
    expect(cellText(f, 'outcome', lulea)).toBe(`${MINUS}287,0`)
    expect(cellText(f, 'outcome', lulea, true)).toBe('287,0')
    expect(statementAsIs('allocation')).toBe(true)
    expect(statementAsIs('result')).toBe(true)
    expect(statementAsIs('netCost')).toBe(false)
    expect(statementAsIs('financeNet')).toBe(false)
  })
})

describe('deviation words', () => {
  it('has a word for every tone and none without one', () => {
    expect(toneWord('surplus')).toBe('Överskott')
    expect(toneWord('deficit')).toBe('Underskott')
    expect(toneWord('on-budget')).toBe('I nivå med budget')
    expect(toneWord(null)).toBeNull()
  })

  it('says the deviation in running text as a magnitude with its word', () => {
    expect(deviationSentence(-120_000_000, 'deficit', lulea)).toBe(
      `ett underskott på 1,2${NBSP}mkr jämfört med budget`,
    )
    expect(deviationSentence(910_000_000, 'surplus', linkoping)).toBe(
      `ett överskott på 9,1${NBSP}mnkr jämfört med budget`,
    )
    expect(deviationSentence(10_000_000, 'on-budget', lulea)).toBe(
      `i nivå med budget (avvikelse 0,1${NBSP}mkr)`,
    )
  })

  it('puts the word under the deviation the tone is based on, as the server decides it', () => {
    const withForecast = figures({ deviation: 1, forecastDeviation: -5, tone: 'deficit' })
    expect(toneBasis(withForecast, 8)).toBe('forecastDeviation')
    expect(toneBasis(withForecast, 12)).toBe('deviation')
    expect(toneBasis(figures({ deviation: 3, tone: 'surplus' }), 8)).toBe('deviation')
    expect(toneBasis(figures({ deviation: 3, tone: null }), 12)).toBeNull()
  })
})

describe('which columns a table shows', () => {
  it('shows only the amounts that were loaded, and always the budget', () => {
    const rows = [
      figures({ budget: 1, outcome: 2, deviation: 1 }),
      figures({ budget: 3, outcome: 4, deviation: -1 }),
    ]
    expect(operatingColumns(rows, 12)).toEqual(['budget', 'outcome', 'deviation'])
    expect(operatingColumns([figures()], 12)).toEqual(['budget'])
  })

  it('shows a period budget only for part of the year', () => {
    const rows = [figures({ budget: 1, periodBudget: 1, outcome: 1, deviation: 0 })]
    expect(operatingColumns(rows, 12)).not.toContain('periodBudget')
    expect(operatingColumns(rows, 8)).toEqual(['budget', 'periodBudget', 'outcome', 'deviation'])
  })

  it('adds the forecast, its change and last year when some row has them', () => {
    const rows = [
      figures({ budget: 1 }),
      null,
      figures({ forecast: 1, forecastChange: 2, forecastDeviation: 0, previousYearOutcome: 4 }),
    ]
    expect(operatingColumns(rows, 12)).toEqual([
      'budget',
      'forecast',
      'forecastChange',
      'forecastDeviation',
      'previousYearOutcome',
    ])
  })

  it('names the columns after the period', () => {
    expect(columnLabel('outcome', { year: 2024, throughMonth: 12 })).toBe('Utfall 2024')
    expect(columnLabel('outcome', { year: 2025, throughMonth: 8 })).toBe('Utfall jan–aug')
    expect(columnLabel('previousYearOutcome', { year: 2024, throughMonth: 12 })).toBe('Utfall 2023')
    expect(columnLabel('periodBudget', { year: 2025, throughMonth: 4 })).toBe('Budget jan–apr')
  })

  it('leaves statement lines without amounts out', () => {
    const statement = {
      netCost: figures({ outcome: 1 }),
      allocation: figures(),
      financeNet: figures(),
      result: figures({ outcome: -1 }),
    }
    expect(statementLines(statement)).toEqual(['netCost', 'result'])
  })

  it('shows the decided budget and the year for investments, the rest when present', () => {
    const project = {
      decidedTotal: null,
      accumulatedOutcome: 5,
      accumulatedDeviation: null,
      budget: null,
      revisedBudget: null,
      forecast: null,
      outcome: null,
      deviation: 2,
    }
    expect(investmentColumns([project as never])).toEqual([
      'decidedTotal',
      'accumulatedOutcome',
      'budget',
      'outcome',
      'deviation',
    ])
  })
})

describe('problems in an imported file', () => {
  it('reads the problems the server lists, with line and column', () => {
    const body = {
      error: {
        code: 'VALIDATION',
        message: 'Filen kunde inte läsas in: 2 fel.',
        details: [
          {
            path: 'rad 3, kolumn Belopp',
            line: 3,
            column: 'Belopp',
            message: 'Rad 3, kolumn Belopp: inte ett belopp',
          },
          { path: 'rad 7', line: 7, message: 'Måttet saknas' },
          { path: 'ansvar 9999', message: 'Okänt ansvar 9999' },
        ],
      },
    }
    const problems = importProblemsOf(body)
    expect(problems.map(importProblemText)).toEqual([
      'Rad 3, kolumn Belopp: inte ett belopp',
      'Rad 7: Måttet saknas',
      'Okänt ansvar 9999',
    ])
  })

  it('also reads the shape {details: {errors: [...]}}', () => {
    const body = { error: { details: { errors: [{ line: 2, column: 4, message: 'Fel år' }] } } }
    expect(importProblemsOf(body).map(importProblemText)).toEqual(['Rad 2, kolumn 4: Fel år'])
  })

  it('gives nothing for an answer without listed problems', () => {
    expect(importProblemsOf({ error: { message: 'x' } })).toEqual([])
    expect(importProblemsOf(null)).toEqual([])
    expect(importProblemsOf({ error: { details: [{ path: 'x' }] } })).toEqual([])
  })
})

describe('a refused comment save', () => {
  const current = {
    subject: { kind: 'board', key: '' },
    subjectName: 'Kommunstyrelsen',
    text: 'Sparad av någon annan.',
    version: 3,
    updatedAt: '2025-09-12T10:00:00Z',
    updatedBy: 'Cecilia Controller',
    draft: 'Kommunstyrelsen redovisar ett underskott på 3,1 mkr jämfört med budget.',
    editable: true,
  }
  const error = { code: 'CONFLICT', message: 'Någon annan har ändrat kommentaren.' }

  it('gives the version someone else saved, from either shape of 409', () => {
    expect(
      commentConflictOf(new ApiFailure(409, error.message, 'CONFLICT', [], { error, current }))?.version,
    ).toBe(3)
    expect(
      commentConflictOf(
        new ApiFailure(409, error.message, 'CONFLICT', [], { error: { ...error, details: { current } } }),
      )?.text,
    ).toBe('Sparad av någon annan.')
  })

  it('gives nothing for other refusals', () => {
    expect(commentConflictOf(new ApiFailure(400, 'Skriv en kommentar', 'VALIDATION'))).toBeNull()
    expect(commentConflictOf(new Error('x'))).toBeNull()
    expect(commentConflictOf(new ApiFailure(409, 'x', 'CONFLICT', [], { error }))).toBeNull()
  })
})
