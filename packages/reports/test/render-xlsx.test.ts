import { Buffer } from 'node:buffer'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { ReportDocument, Row, TableBlock } from '../src/model.ts'
import { renderXlsx } from '../src/render/xlsx.ts'
import { sampleDocument } from './fixtures/sample-document.ts'

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  return workbook
}

const rendered = async (doc: ReportDocument) => load(await renderXlsx(doc))

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name)
  if (!sheet) throw new Error(`no sheet ${name}; the sheets are ${workbook.worksheets.map((s) => s.name)}`)
  return sheet
}

/** The row of a sheet whose first cell is `text`. */
function rowStartingWith(sheet: ExcelJS.Worksheet, text: string | number): ExcelJS.Row {
  for (let n = 1; n <= sheet.rowCount; n++) {
    if (sheet.getRow(n).getCell(1).value === text) return sheet.getRow(n)
  }
  throw new Error(`no row "${text}" in ${sheet.name}`)
}

/** What Excel requires of a sheet name. */
function expectValidSheetName(name: string): void {
  expect(name.length).toBeGreaterThan(0)
  expect(name.length).toBeLessThanOrEqual(31)
  expect(name).not.toMatch(/[[\]:*?/\\]/)
  expect(name).not.toMatch(/^'|'$/)
}

/** A one-column table with the given caption. */
function textTable(id: string, caption: string): TableBlock {
  return {
    kind: 'table',
    id,
    caption,
    columns: [{ key: 'text', label: 'Text', align: 'left' }],
    rows: [{ kind: 'data', cells: [{ kind: 'text', text: id }] }],
  }
}

function documentWith(tables: TableBlock[], change: Partial<ReportDocument> = {}): ReportDocument {
  return {
    ...sampleDocument,
    ...change,
    sections: [
      { id: 'first', title: 'Första', blocks: tables.slice(0, 1), sections: [] },
      {
        id: 'second',
        title: 'Andra',
        blocks: [],
        sections: [{ id: 'nested', title: 'Inre', blocks: tables.slice(1), sections: [] }],
      },
    ],
  }
}

describe('renderXlsx with the sample document', () => {
  it('has "Innehåll" first, then one sheet per table in document order', async () => {
    const workbook = await rendered(sampleDocument)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Innehåll',
      'Sammanställning måluppfyllelse',
      'Driftredovisning 2024',
    ])
    for (const sheet of workbook.worksheets) expectValidSheetName(sheet.name)
  })

  it('lists the document and links every table in "Innehåll"', async () => {
    const workbook = await rendered(sampleDocument)
    const contents = sheetOf(workbook, 'Innehåll')
    expect(contents.getCell('A1').value).toBe('Verksamhetsberättelse 2024')
    expect(contents.getCell('A1').font?.bold).toBe(true)
    expect(rowStartingWith(contents, 'Nämnd').getCell(2).value).toBe('Kommunstyrelsen')
    expect(rowStartingWith(contents, 'Kommun').getCell(2).value).toBe('Luleå kommun')
    expect(rowStartingWith(contents, 'År').getCell(2).value).toBe(2024)
    expect(rowStartingWith(contents, 'Beslut').getCell(2).value).toBe('KS 2025-02-24 § 31')

    const first = rowStartingWith(contents, 'Nr').number + 1
    const entries = [1, 2].map((offset) => contents.getRow(first + offset - 1))
    expect(entries.map((row) => row.getCell(1).value)).toEqual([1, 2])
    expect(entries.map((row) => row.getCell(2).value)).toEqual([
      'Sammanställning måluppfyllelse',
      'Driftredovisning 2024 (mkr)',
    ])
    expect(entries[1]?.getCell(3).value).toEqual({
      formula: `HYPERLINK("#'Driftredovisning 2024'!A1","Driftredovisning 2024")`,
      result: 'Driftredovisning 2024',
    })
    expect(entries[0]?.getCell(3).formula).toBe(
      `HYPERLINK("#'Sammanställning måluppfyllelse'!A1","Sammanställning måluppfyllelse")`,
    )
    expect(contents.getRow(first + 2).getCell(1).value).toBeNull()
  })

  it('writes the operating table with numbers as numbers, one decimal, negative stays negative', async () => {
    const sheet = sheetOf(await rendered(sampleDocument), 'Driftredovisning 2024')
    expect(sheet.getCell('A1').value).toBe('Driftredovisning 2024 (mkr)')
    expect(sheet.getCell('A1').font?.bold).toBe(true)
    expect(sheet.getRow(3).values).toEqual([undefined, 'Enhet', 'Budget', 'Utfall', 'Avvikelse'])
    expect(sheet.getCell('B3').font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })

    const group = rowStartingWith(sheet, 'Kommunstyrelseförvaltningen')
    expect(group.getCell(1).font?.bold).toBe(true)
    expect(group.getCell(2).value).toBeNull()

    const security = rowStartingWith(sheet, '1011 KC Säkerhet & beredskap')
    expect(security.getCell(2).value).toBe(-7.9)
    expect(typeof security.getCell(2).value).toBe('number')
    expect(security.getCell(2).numFmt).toBe('#,##0.0')
    expect(security.getCell(4).value).toBe(1.2)
    expect(security.getCell(1).font?.bold).not.toBe(true)

    const total = rowStartingWith(sheet, 'Summa')
    expect([2, 3, 4].map((column) => total.getCell(column).value)).toEqual([-28.2, -28.8, -0.6])
    for (const column of [1, 2, 3, 4]) {
      expect(total.getCell(column).font?.bold).toBe(true)
      expect(total.getCell(column).border?.top?.style).toBe('thin')
    }
    expect(total.getCell(2).numFmt).toBe('#,##0.0')
    expect(sheet.getCell(total.number + 2, 1).value).toBe('Budget efter omfördelningar under året.')
  })

  it('gives the columns widths from the hints and the texts', async () => {
    const sheet = sheetOf(await rendered(sampleDocument), 'Driftredovisning 2024')
    const unitWidth = sheet.getColumn(1).width ?? 0
    const budgetWidth = sheet.getColumn(2).width ?? 0
    expect(unitWidth).toBeGreaterThanOrEqual('1011 KC Säkerhet & beredskap'.length)
    expect(budgetWidth).toBeGreaterThanOrEqual(8)
    expect(budgetWidth).toBeLessThan(unitWidth)
  })

  it('writes a level as "symbol label", with the colour as fill', async () => {
    const sheet = sheetOf(await rendered(sampleDocument), 'Sammanställning måluppfyllelse')
    expect(sheet.getCell('A1').value).toBe('Sammanställning måluppfyllelse')
    expect(sheet.getRow(3).values).toEqual([undefined, 'Nämndmål', 'Bedömning'])
    const partly = rowStartingWith(sheet, 'Förbättrat företagsklimat').getCell(2)
    expect(partly.value).toBe('◑ Delvis uppfyllt')
    expect(partly.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5C518' } })
    const full = rowStartingWith(sheet, 'Öka takten i samhällsbyggnadsprocessen').getCell(2)
    expect(full.value).toBe('● Helt uppfyllt')
    // A plain table gets a filter on its header.
    expect(sheet.autoFilter).toBeTruthy()
  })

  it('sets the workbook properties from the decision', async () => {
    const workbook = await rendered(sampleDocument)
    expect(workbook.title).toBe('Verksamhetsberättelse 2024')
    expect(workbook.creator).toBe('Årshjul')
    expect(workbook.created.toISOString()).toBe('2025-02-24T00:00:00.000Z')
    expect(workbook.modified.toISOString()).toBe('2025-02-24T00:00:00.000Z')
  })

  it('renders the same workbook twice', async () => {
    const models = async () =>
      (await rendered(sampleDocument)).worksheets.map((sheet) => ({
        name: sheet.name,
        rows: sheet.getSheetValues(),
      }))
    expect(await models()).toEqual(await models())
  })
})

describe('renderXlsx sheet names', () => {
  it('shortens a long caption and removes forbidden characters', async () => {
    const long = 'Driftredovisning per verksamhet och ansvarsenhet, budget och utfall 2024'
    const forbidden = "'Budget/utfall: [KS] *prel*? \\ 2024'"
    const workbook = await rendered(
      documentWith([textTable('long', long), textTable('forbidden', forbidden)]),
    )
    const names = workbook.worksheets.map((sheet) => sheet.name)
    expect(names).toEqual(['Innehåll', 'Driftredovisning per verksamhet', 'Budget utfall KS prel 2024'])
    for (const name of names) expectValidSheetName(name)
    // The contents still show the whole caption.
    const contents = sheetOf(workbook, 'Innehåll')
    expect(rowStartingWith(contents, 1).getCell(2).value).toBe(long)
    expect(rowStartingWith(contents, 2).getCell(2).value).toBe(forbidden)
  })

  it('gives tables with the same caption distinct names, also at the length limit', async () => {
    const long = 'Investeringsredovisning per projekt och år'
    const tables = [
      textTable('a', 'Driftredovisning 2024'),
      textTable('b', 'Driftredovisning 2024'),
      textTable('c', 'DRIFTREDOVISNING 2024'),
      textTable('d', long),
      textTable('e', long),
      textTable('f', 'Innehåll'),
      textTable('g', ''),
    ]
    const workbook = await rendered(documentWith(tables))
    const names = workbook.worksheets.map((sheet) => sheet.name)
    expect(names).toEqual([
      'Innehåll',
      'Driftredovisning 2024',
      'Driftredovisning 2024 (2)',
      'DRIFTREDOVISNING 2024 (3)',
      'Investeringsredovisning per pro',
      'Investeringsredovisning per (2)',
      'Innehåll (2)',
      'Tabell 7',
    ])
    for (const name of names) expectValidSheetName(name)
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length)
    // Each table's sheet holds that table, and the links point at those sheets.
    const contents = sheetOf(workbook, 'Innehåll')
    tables.forEach((table, index) => {
      const name = names[index + 1] ?? ''
      expect(sheetOf(workbook, name).getCell('A4').value).toBe(table.id)
      const link = rowStartingWith(contents, index + 1).getCell(3)
      expect(link.formula).toBe(`HYPERLINK("#'${name}'!A1","${name}")`)
    })
  })

  it('quotes apostrophes and double quotes in links', async () => {
    const workbook = await rendered(documentWith([textTable('q', 'Nämndens "egna" mål och kommunens mål')]))
    const name = workbook.worksheets[1]?.name ?? ''
    expect(name).toBe('Nämndens "egna" mål och kommune')
    const link = rowStartingWith(sheetOf(workbook, 'Innehåll'), 1).getCell(3)
    expect(link.formula).toBe(
      `HYPERLINK("#'Nämndens ""egna"" mål och kommune'!A1","Nämndens ""egna"" mål och kommune")`,
    )

    const apostrophe = await rendered(documentWith([textTable('a', "Kommunens 'mål'")]))
    expect(apostrophe.worksheets[1]?.name).toBe("Kommunens 'mål")
    expect(rowStartingWith(sheetOf(apostrophe, 'Innehåll'), 1).getCell(3).formula).toBe(
      `HYPERLINK("#'Kommunens ''mål'!A1","Kommunens 'mål")`,
    )
  })
})

describe('renderXlsx details', () => {
  const row = (kind: Row['kind'], label: string, value: number | null, display: string): Row => ({
    kind,
    cells: [
      { kind: 'text', text: label },
      { kind: 'number', value, display, decimals: 2 },
    ],
  })
  const percentTable: TableBlock = {
    kind: 'table',
    id: 'percent',
    caption: 'Nyckeltal',
    columns: [
      { key: 'label', label: 'Mått', align: 'left' },
      { key: 'value', label: 'Värde', align: 'right' },
    ],
    rows: [
      row('data', 'Sjukfrånvaro', 3.03, '3,03 %'),
      row('data', 'Saknas', null, '–'),
      row('subtotal', 'Delsumma', -1234.5, '−1 234,50'),
    ],
    notes: ['Första noten.', 'Andra noten.'],
  }

  it('writes null as an empty cell, keeps percent as text in the format, and lists the notes', async () => {
    const sheet = sheetOf(await rendered(documentWith([percentTable])), 'Nyckeltal')
    const percent = rowStartingWith(sheet, 'Sjukfrånvaro').getCell(2)
    expect(percent.value).toBe(3.03)
    expect(percent.numFmt).toBe('#,##0.00" %"')
    expect(rowStartingWith(sheet, 'Saknas').getCell(2).value).toBeNull()
    const subtotal = rowStartingWith(sheet, 'Delsumma')
    expect(subtotal.getCell(2).value).toBe(-1234.5)
    expect(subtotal.getCell(2).numFmt).toBe('#,##0.00')
    expect(subtotal.getCell(1).font?.bold).toBe(true)
    expect(subtotal.getCell(2).border?.top?.style).toBe('thin')
    expect(sheet.getCell(subtotal.number + 2, 1).value).toBe('Första noten.')
    expect(sheet.getCell(subtotal.number + 3, 1).value).toBe('Andra noten.')
    // Sum rows would be sorted among the others, so no filter; the header stays frozen.
    expect(sheet.autoFilter).toBeFalsy()
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
  })

  it('says a report is decided when its source gave no reference', async () => {
    const decided = documentWith([percentTable], {
      followUp: { key: 'ks-2024-vb', status: 'decided', decisionRef: null, decidedOn: null },
    })
    const workbook = await rendered(decided)
    expect(rowStartingWith(sheetOf(workbook, 'Innehåll'), 'Beslut').getCell(2).value).toBe('Beslutad')
  })

  it('says "Ej beslutad" and uses a fixed date when there is no decision', async () => {
    const undecided = documentWith([percentTable], {
      followUp: { key: 'ks-2025-t1', status: 'draft', decisionRef: null, decidedOn: null },
    })
    const workbook = await rendered(undecided)
    expect(rowStartingWith(sheetOf(workbook, 'Innehåll'), 'Beslut').getCell(2).value).toBe('Ej beslutad')
    expect(workbook.created.toISOString()).toBe('2000-01-01T00:00:00.000Z')
    const again = await rendered(undecided)
    expect(again.modified.toISOString()).toBe(workbook.modified.toISOString())
  })

  it('writes a contents sheet alone when there are no tables', async () => {
    const workbook = await rendered({ ...sampleDocument, sections: [] })
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Innehåll'])
    expect(rowStartingWith(sheetOf(workbook, 'Innehåll'), 'Dokumentet har inga tabeller.')).toBeTruthy()
  })
})
