import { Buffer } from 'node:buffer'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  type InvestmentProjectInfo,
  investmentTemplateXlsx,
  operatingTemplateXlsx,
  parseInvestments,
  parseInvestmentsXlsx,
  parseOperating,
  parseOperatingXlsx,
} from '../src/index.ts'
import {
  errorsOf,
  makeZip,
  OPTIONS,
  onlyError,
  readZip,
  rowsOf,
  utf8,
  withPart,
} from './spreadsheet-helpers.ts'

const HEADINGS = [
  'År',
  'Månad',
  'Mått',
  'Ansvar',
  'Konto',
  'Kontogrupp',
  'Verksamhet',
  'Uppföljning',
  'Belopp',
]
const SHEET = 'xl/worksheets/sheet1.xml'

/** A workbook as exceljs writes it, with the given sheets of rows. */
async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** An operating sheet: the header and one data row, with `cells` put over a plain budget row. */
async function oneRow(cells: Partial<Record<string, ExcelJS.CellValue>>): Promise<Uint8Array> {
  const base: Record<string, ExcelJS.CellValue> = { År: 2025, Mått: 'Budget', Ansvar: '100', Belopp: 1 }
  const merged = { ...base, ...cells }
  return workbook({ Drift: [HEADINGS, HEADINGS.map((h) => merged[h] ?? null)] })
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  return wb
}

const instructionText = async (bytes: Uint8Array) => {
  const sheet = (await load(bytes)).getWorksheet('Instruktioner')
  const lines: string[] = []
  sheet?.eachRow((row) => lines.push(row.values?.toString() ?? ''))
  return lines.join('\n')
}

const project: InvestmentProjectInfo = {
  key: 'skola-norr',
  name: 'Skola Norr',
  category: 'expansion',
  status: 'ongoing',
  decidedTotalOre: 5_000_000_000,
}

describe('the XLSX templates', () => {
  it('have a bold, frozen header, text-formatted codes, cost centre names as notes, and instructions', async () => {
    const bytes = await operatingTemplateXlsx({
      sign: 'costs-negative',
      prefill: { costCentres: [{ code: '0100', name: 'Kommunstyrelsen' }], year: 2025, measure: 'budget' },
    })
    const wb = await load(bytes)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Drift', 'Instruktioner'])
    const sheet = wb.getWorksheet('Drift')
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADINGS])
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet?.getColumn(9).width).toBe(18)
    const centre = sheet?.getRow(2).getCell(4)
    expect(centre?.value).toBe('0100')
    expect(centre?.numFmt).toBe('@')
    expect(centre?.note).toBe('Kommunstyrelsen')
    const xml = new TextDecoder().decode(readZip(bytes).find((p) => p.name === SHEET)?.data)
    expect(xml).toContain('&quot;Budget,Reviderad budget,Periodbudget,Utfall,Prognos,Plan&quot;')
    const help = await instructionText(bytes)
    for (const text of ['Kostnader anges som negativa belopp', 'i kronor', 'Periodbudget', 'Uppföljning']) {
      expect(help).toContain(text)
    }
  })

  it('state the sign convention in use', async () => {
    const positive = await instructionText(await operatingTemplateXlsx({ sign: 'costs-positive' }))
    expect(positive).toContain('Kostnader anges som positiva belopp')
    const investments = await instructionText(await investmentTemplateXlsx({ sign: 'costs-negative' }))
    expect(investments).toContain('Utgifter anges som negativa belopp')
    expect(investments).toContain('Markförsäljning')
  })

  it('for investments have lists of categories and statuses', async () => {
    const bytes = await investmentTemplateXlsx({
      sign: 'costs-negative',
      prefill: { projects: [project], year: 2025, measure: 'budget' },
    })
    expect((await load(bytes)).worksheets.map((s) => s.name)).toEqual(['Investeringar', 'Instruktioner'])
    const xml = new TextDecoder().decode(readZip(bytes).find((p) => p.name === SHEET)?.data)
    expect(xml).toContain('&quot;Planerat,Pågående,Färdigställt&quot;')
    expect(xml).toContain('Exploatering bostadsområden')
  })
})

describe('reading XLSX', () => {
  it.each(['costs-negative', 'costs-positive'] as const)('reads back what was written (%s)', async (sign) => {
    const rows = [
      { year: 2025, measure: 'budget' as const, costCentre: '0100', account: '5010', amountOre: 123_456 },
      { year: 2025, month: 2, measure: 'outcome' as const, accountGroup: 'personal', amountOre: -1 },
      { year: 2025, measure: 'forecast' as const, activityCode: '407', followUp: 'delar-1', amountOre: 0 },
      // Beyond what Excel holds as a number: written as text, read back exactly.
      { year: 2027, measure: 'plan' as const, amountOre: Number.MAX_SAFE_INTEGER },
    ]
    const result = await parseOperatingXlsx(await operatingTemplateXlsx({ sign, rows }), { ...OPTIONS, sign })
    expect(rowsOf(result)).toEqual(rows.map((r, i) => ({ line: i + 2, ...r })))
    const investments = [
      { project, year: 2025, measure: 'budget' as const, amountOre: 1_000_000_000 },
      { project, year: 2025, measure: 'forecast' as const, followUp: 'delar-1', amountOre: 990_000_000 },
      {
        project: { key: 'tomt', name: 'Tomt', category: 'land-sale' as const, status: 'completed' as const },
        year: 2025,
        measure: 'outcome' as const,
        amountOre: -250_000_050,
      },
    ]
    const read = await parseInvestments(await investmentTemplateXlsx({ sign, rows: investments }), {
      ...OPTIONS,
      sign,
    })
    expect(rowsOf(read)).toEqual(investments.map((r, i) => ({ line: i + 2, ...r })))
  })

  it('reads a downloaded template filled in and saved again', async () => {
    const template = await operatingTemplateXlsx({
      sign: 'costs-negative',
      prefill: {
        costCentres: [
          { code: '100', name: 'KS' },
          { code: '200', name: 'Skola' },
        ],
        year: 2025,
        measure: 'budget',
      },
    })
    const wb = await load(template)
    const sheet = wb.getWorksheet('Drift')
    if (!sheet) throw new Error('no sheet')
    sheet.getCell('I3').value = -1_500_000.5
    sheet.getCell('E3').value = 5010
    const filled = new Uint8Array(await wb.xlsx.writeBuffer())
    const result = await parseOperating(filled, OPTIONS)
    expect(rowsOf(result)).toEqual([
      { line: 3, year: 2025, measure: 'budget', costCentre: '200', account: '5010', amountOre: 150_000_050 },
    ])
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['SHEET_SKIPPED_ROWS'])
  })

  it('reads numbers as codes, formula results, rich text and hyperlinks', async () => {
    const bytes = await oneRow({
      Mått: { richText: [{ text: 'Reviderad ' }, { text: 'budget', font: { bold: true } }] },
      Ansvar: { text: '100', hyperlink: 'https://example.org' },
      Konto: 5010,
      Verksamhet: 407,
      Belopp: { formula: '0.1+0.2', result: 0.1 + 0.2 },
    })
    expect(rowsOf(await parseOperatingXlsx(bytes, OPTIONS))).toEqual([
      {
        line: 2,
        year: 2025,
        measure: 'revised-budget',
        costCentre: '100',
        account: '5010',
        activityCode: '407',
        amountOre: -30,
      },
    ])
  })

  it.each([
    [
      'a date as amount',
      { Belopp: new Date(Date.UTC(2025, 0, 31)) },
      'SHEET_AMOUNT',
      '"2025-01-31" är ett datum',
    ],
    ['a date as year', { År: new Date(Date.UTC(2025, 0, 1)) }, 'SHEET_YEAR', 'är ett datum'],
    ['a boolean as amount', { Belopp: true }, 'SHEET_AMOUNT', '"SANT" är ett sanningsvärde'],
    ['an error value', { Belopp: { error: '#N/A' as const } }, 'SHEET_AMOUNT', 'felvärdet #N/A'],
    [
      'a formula without result',
      { Belopp: { formula: 'A1*2' } },
      'SHEET_AMOUNT',
      'formel utan beräknat värde',
    ],
    [
      'a formula with an error result',
      { Belopp: { formula: '1/0', result: { error: '#DIV/0!' as const } } },
      'SHEET_AMOUNT',
      '#DIV/0!',
    ],
    [
      'three decimals',
      { Belopp: 12.345 },
      'SHEET_AMOUNT',
      'Rad 2, kolumn Belopp: "12,345" har fler än två decimaler',
    ],
    ['a fractional year', { År: 2025.5 }, 'SHEET_YEAR', '"2025,5" är inget årtal'],
    ['a fractional month', { Mått: 'Utfall', Månad: 1.5 }, 'SHEET_MONTH', 'ingen månad'],
  ])('refuses %s', async (_, cells, code, message) => {
    const error = onlyError(await parseOperatingXlsx(await oneRow(cells), OPTIONS))
    expect(error).toMatchObject({ code, line: 2 })
    expect(error.message).toContain(message)
  })

  it('reads the sheet named Drift, else the first that is not the instructions', async () => {
    const data = [HEADINGS, [2025, null, 'Budget', '100', null, null, null, null, 7]]
    const other = [['nothing here']]
    const named = await workbook({ Annat: other, Drift: data })
    const first = await workbook({ Instruktioner: other, Data: data })
    for (const bytes of [named, first])
      expect(rowsOf(await parseOperatingXlsx(bytes, OPTIONS))).toHaveLength(1)
  })

  it('refuses a stray value far to the right without building the row out to it', async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('Drift')
    sheet.addRows([HEADINGS, [2025, null, 'Budget', '100', null, null, null, null, 7]])
    sheet.getCell('XFD2').value = 'oj'
    const error = onlyError(await parseOperatingXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), OPTIONS))
    expect(error).toMatchObject({ code: 'SHEET_EXTRA_CELLS', line: 2, column: 'XFD' })
  })
})

describe('damaged, foreign and hostile files', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'SHEET_EMPTY', 'tom'],
    ['a CSV file', utf8('År;Mått;Belopp'), 'SHEET_FORMAT', 'inte en Excel-arbetsbok'],
    [
      'an old .xls file',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'SHEET_FORMAT',
      '.xls',
    ],
    [
      'a zip header and noise',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array(200).fill(7)]),
      'SHEET_CORRUPT',
      'skadad',
    ],
    [
      'an OpenDocument spreadsheet',
      makeZip([
        { name: 'mimetype', data: utf8('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
        { name: 'content.xml', data: utf8('<office:document-content/>') },
      ]),
      'SHEET_FORMAT',
      '.ods',
    ],
    [
      'a zip that is no workbook',
      makeZip([{ name: 'a.txt', data: utf8('hej') }]),
      'SHEET_FORMAT',
      'xl/workbook.xml',
    ],
    [
      'an encrypted zip',
      makeZip([{ name: 'xl/workbook.xml', data: utf8('<workbook/>'), flags: 1 }]),
      'SHEET_CORRUPT',
      'krypterad',
    ],
  ])('refuses %s', async (_, bytes, code, message) => {
    const error = onlyError(await parseOperatingXlsx(bytes, OPTIONS))
    expect(error.code).toBe(code)
    expect(error.message).toContain(message)
  })

  it('refuses a truncated or bit-flipped template as damaged', async () => {
    const template = await operatingTemplateXlsx({
      sign: 'costs-negative',
      rows: [{ year: 2025, measure: 'budget', amountOre: 1 }],
    })
    const truncated = template.subarray(0, Math.floor(template.length / 2))
    expect(onlyError(await parseOperatingXlsx(truncated, OPTIONS)).code).toBe('SHEET_CORRUPT')
    // A changed byte inside a compressed part fails its checksum (or its inflation).
    const parts = makeZip([{ name: 'xl/workbook.xml', data: utf8('<workbook>'.repeat(100)) }])
    const flipped = parts.slice()
    const at = 30 + 'xl/workbook.xml'.length + 3
    flipped[at] = (flipped[at] ?? 0) ^ 0xff
    const error = onlyError(await parseOperatingXlsx(flipped, OPTIONS))
    expect(error.code).toBe('SHEET_CORRUPT')
    expect(error.message).toContain('xl/workbook.xml')
  })

  it('refuses a zip bomb before inflating it, and a part larger than it says', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024)
    const bomb = makeZip([{ name: 'xl/workbook.xml', data: zeros }])
    expect(bomb.length).toBeLessThan(100_000)
    let started = performance.now()
    const error = onlyError(
      await parseOperatingXlsx(bomb, { ...OPTIONS, maxUncompressedBytes: 16 * 1024 * 1024 }),
    )
    expect(error.code).toBe('SHEET_TOO_LARGE')
    expect(error.message).toContain('packas upp till mer än 16 MB')
    expect(performance.now() - started).toBeLessThan(1_000)
    // Declares 1 000 bytes, holds 64 MiB: inflation stops after 1 001 bytes.
    const liar = makeZip([{ name: 'xl/workbook.xml', data: zeros, declaredSize: 1_000 }])
    started = performance.now()
    expect(onlyError(await parseOperatingXlsx(liar, OPTIONS)).code).toBe('SHEET_CORRUPT')
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('refuses a file over the size limit, and more rows or cells than the limits', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({
      year: 2025,
      measure: 'budget' as const,
      costCentre: `${i}`,
      amountOre: 1,
    }))
    const template = await operatingTemplateXlsx({ sign: 'costs-negative', rows })
    const big = onlyError(await parseOperatingXlsx(template, { ...OPTIONS, maxBytes: 1_000 }))
    expect(big.code).toBe('SHEET_TOO_LARGE')
    expect(rowsOf(await parseOperatingXlsx(template, { ...OPTIONS, maxRows: 11 }))).toHaveLength(11)
    const many = onlyError(await parseOperatingXlsx(template, { ...OPTIONS, maxRows: 10 }))
    expect(many).toMatchObject({ code: 'SHEET_TOO_LARGE' })
    expect(many.message).toContain('fler än 10 rader')
    // The cell guard allows 16 per row on average (over at least 1 000 rows): 1 000 rows of 20 are more.
    const wideRow = [2025, null, 'Budget', ...Array(17).fill('')]
    const wide = await workbook({ Drift: [HEADINGS, ...Array.from({ length: 999 }, () => wideRow)] })
    const cells = onlyError(await parseOperatingXlsx(wide, { ...OPTIONS, maxRows: 2 }))
    expect(cells.code).toBe('SHEET_TOO_LARGE')
    expect(cells.message).toContain('fler än 16 000 celler')
  })

  it('does not expand merged ranges or validations over the whole sheet', async () => {
    const template = await operatingTemplateXlsx({
      sign: 'costs-negative',
      rows: [{ year: 2025, measure: 'budget', amountOre: 1 }],
    })
    const hostile = withPart(template, SHEET, (xml) =>
      xml
        .replace(/sqref="[^"]+"/g, 'sqref="A1:XFD1048576"')
        .replace(
          '</sheetData>',
          '</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>',
        ),
    )
    const started = performance.now()
    expect(rowsOf(await parseOperatingXlsx(hostile, OPTIONS))).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('never rejects: investments too give structured errors', async () => {
    const error = onlyError(await parseInvestmentsXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), OPTIONS))
    expect(error).toMatchObject({ code: 'SHEET_CORRUPT', line: 1 })
    expect(errorsOf(await parseInvestmentsXlsx(await oneRow({}), OPTIONS))[0]?.code).toBe('SHEET_HEADER')
  })
})
