import { describe, expect, it } from 'vitest'
import type { NumberCell, ReportDocument, TableBlock } from '../src/model.ts'
import { blocking, validateDocument } from '../src/validate.ts'
import { sampleDocument } from './fixtures/sample-document.ts'

/** The sample with the figures its drafted sentence cites (the HTML test keeps them missing on purpose). */
function copy(): ReportDocument {
  const doc = structuredClone(sampleDocument)
  const counted = { kind: 'computed' as const, label: 'Räknat ur bedömningarna' }
  doc.figures['goals.count'] = { label: 'Antal mål', exact: '2', source: counted }
  doc.figures['goals.level.helt'] = { label: 'Antal helt uppfyllda', exact: '1', source: counted }
  return doc
}

function operating(doc: ReportDocument): TableBlock {
  const table = doc.sections
    .flatMap((s) => s.blocks)
    .find((b): b is TableBlock => b.kind === 'table' && b.id === 'operating')
  if (!table) throw new Error('no operating table')
  return table
}
const cell = (table: TableBlock, row: number, column: number) => table.rows[row]?.cells[column] as NumberCell

describe('verification before issue', () => {
  it('passes a document whose identities hold', () => {
    expect(blocking(validateDocument(copy()))).toEqual([])
  })

  it('finds a row that does not add up to the total, and says where', () => {
    const doc = copy()
    cell(operating(doc), 1, 2).exact = '-680000000'
    const errors = blocking(validateDocument(doc))
    expect(errors).toContainEqual({
      severity: 'error',
      where: 'Tabell "Driftredovisning 2024", rad "Summa", kolumn "Utfall"',
      message:
        'Enheterna summerar till Summa: raderna summerar till −28,9 men summaraden visar −28,8.'.replace(
          /−28,9|−28,8/g,
          (m) => m,
        ),
    })
  })

  it('finds a deviation that is not outcome against budget under the sign rule', () => {
    const doc = copy()
    // 1,2 mkr favourable printed as unfavourable: the sign rule is broken on that row.
    cell(operating(doc), 1, 3).exact = '-120000000'
    const errors = blocking(validateDocument(doc))
    expect(errors.map((e) => e.where)).toContain(
      'Tabell "Driftredovisning 2024", rad "1011 KC Säkerhet & beredskap", kolumn "Avvikelse"',
    )
    expect(errors.find((e) => e.where.includes('1011'))?.message).toBe(
      'Avvikelse = utfall − budget: avvikelsen ska vara 1,2 men är −1,2.',
    )
  })

  it('finds the same figure printed as two different values', () => {
    const doc = copy()
    const figure = doc.figures['economy.total.outcome']
    if (!figure) throw new Error('no figure')
    figure.exact = '-2880000001'
    const errors = blocking(validateDocument(doc))
    expect(errors.some((e) => e.message.includes('samma siffra ska vara densamma överallt'))).toBe(true)
  })

  it('finds a sentence written when a figure had another value', () => {
    const doc = copy()
    doc.figures['goals.count'] = { label: 'Antal mål', exact: '3', source: { kind: 'computed', label: 'x' } }
    doc.figures['goals.level.helt'] = {
      label: 'Antal helt uppfyllda',
      exact: '1',
      source: { kind: 'computed', label: 'x' },
    }
    const errors = blocking(validateDocument(doc))
    expect(errors).toEqual([
      {
        severity: 'error',
        where: 'Avsnitt "Måluppföljning"',
        message: 'Texten skrevs när antal mål var 2; nu är den 3. Uppdatera texten.',
      },
    ])
  })

  it('re-counts a list against the count stated for it', () => {
    const doc = copy()
    doc.figures['goals.level.helt'] = {
      label: 'Antal helt uppfyllda',
      exact: '2',
      source: { kind: 'computed', label: 'x' },
    }
    doc.figures['goals.count'] = { label: 'Antal mål', exact: '2', source: { kind: 'computed', label: 'x' } }
    doc.checks = [
      {
        kind: 'count',
        label: 'Antal helt uppfyllt',
        figure: 'goals.level.helt',
        table: 'goal-summary',
        column: 1,
        match: 'Helt uppfyllt',
      },
      { kind: 'count', label: 'Antal mål', figure: 'goals.count', table: 'goal-summary', column: 0 },
    ]
    const errors = blocking(validateDocument(doc))
    expect(errors.map((e) => e.message)).toContain(
      'Antal helt uppfyllt: tabellen har 1 men dokumentet anger 2.',
    )
    expect(errors.map((e) => e.message).some((m) => m.startsWith('Antal mål'))).toBe(false)
  })

  it('notes rows that, rounded one by one, do not add up to the rounded total', () => {
    const doc = copy()
    const table = operating(doc)
    // −7,94 and −20,34 print as −7,9 and −20,3 (−28,2) but their exact sum −28,28 prints as −28,3.
    Object.assign(cell(table, 1, 1), { exact: '-794000000' })
    Object.assign(cell(table, 2, 1), { exact: '-2034000000' })
    Object.assign(cell(table, 3, 1), { exact: '-2828000000', value: -28.3, display: '−28,3' })
    doc.figures['economy.total.budget'] = {
      label: 'Budget',
      exact: '-2828000000',
      source: { kind: 'computed', label: 'x' },
    }
    const findings = validateDocument(doc)
    expect(blocking(findings).filter((f) => f.where.includes('Budget'))).toEqual([])
    expect(findings).toContainEqual({
      severity: 'note',
      where: 'Tabell "Driftredovisning 2024", rad "Summa", kolumn "Budget"',
      message:
        'De avrundade raderna summerar till −28,2 men summan visar −28,3: summan räknas på exakta belopp och avrundas sist.',
    })
  })

  it('notes a figure the source document printed differently, and keeps the computed one', () => {
    const doc = copy()
    doc.printed = [{ figure: 'economy.total.budget', printed: '-28,1', location: 'Sammanställningen' }]
    expect(validateDocument(doc)).toContainEqual({
      severity: 'note',
      where: 'Sammanställningen',
      message:
        'Källdokumentet trycker driftredovisning, summa, budget som -28,1; beräknat ur de exakta beloppen blir den −28,2, och det är det värde dokumentet visar.',
    })
    doc.printed = [{ figure: 'economy.total.budget', printed: '-28,2', location: 'Sammanställningen' }]
    expect(validateDocument(doc).filter((f) => f.where === 'Sammanställningen')).toEqual([])
  })
})
