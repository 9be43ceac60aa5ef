import { describe, expect, it } from 'vitest'
import {
  operatingTemplateCsv,
  parseInvestmentsCsv,
  parseOperatingCsv,
  type SheetParseOptions,
} from '../src/index.ts'
import {
  errorsOf,
  INVESTMENT_HEADER,
  OPERATING_HEADER,
  OPTIONS,
  onlyError,
  rowsOf,
  utf8,
} from './spreadsheet-helpers.ts'

/** One operating data row (row 2) from its cells, in template order. */
const operating = (cells: string, options: SheetParseOptions = OPTIONS) =>
  parseOperatingCsv(utf8(OPERATING_HEADER, cells), options)

describe('operating rows', () => {
  it('reads every column', () => {
    expect(rowsOf(operating('2025;3;Utfall;Å-1100;50101;Personal;407;;-1 234,56'))).toEqual([
      {
        line: 2,
        year: 2025,
        month: 3,
        measure: 'outcome',
        costCentre: 'Å-1100',
        account: '50101',
        accountGroup: 'personal',
        activityCode: '407',
        amountOre: 123_456,
      },
    ])
  })

  it.each([
    ['Budget', 'budget'],
    ['budget', 'budget'],
    ['REVIDERAD BUDGET', 'revised-budget'],
    ['Reviderad  budget', 'revised-budget'],
    ['revised-budget', 'revised-budget'],
    ['Plan', 'plan'],
  ])('reads the annual measure "%s"', (label, measure) => {
    const year = measure === 'plan' ? 2026 : 2025
    expect(rowsOf(operating(`${year};;${label};;;;;;1`))[0]?.measure).toBe(measure)
  })

  it.each([
    ['Periodbudget', 'period-budget'],
    ['utfall', 'outcome'],
    ['outcome', 'outcome'],
  ])('reads the monthly measure "%s"', (label, measure) => {
    expect(rowsOf(operating(`2025;12;${label};;;;;;1`))[0]).toMatchObject({ measure, month: 12 })
  })

  it('reads a forecast with its follow-up, in lower case', () => {
    expect(rowsOf(operating('2025;;Prognos;100;;;;Delar-1;-10'))[0]).toMatchObject({
      measure: 'forecast',
      followUp: 'delar-1',
      amountOre: 1_000,
    })
  })

  it('converts from the municipality’s sign convention to the ledger’s', () => {
    const text = ['2025;;Budget;100;3010;;;;5000', '2025;;Budget;100;5010;;;;-3000']
    const negative = parseOperatingCsv(utf8(OPERATING_HEADER, ...text), OPTIONS)
    const positive = parseOperatingCsv(utf8(OPERATING_HEADER, ...text), {
      ...OPTIONS,
      sign: 'costs-positive',
    })
    expect(rowsOf(negative).map((r) => r.amountOre)).toEqual([-500_000, 300_000])
    expect(rowsOf(positive).map((r) => r.amountOre)).toEqual([500_000, -300_000])
  })

  it.each([
    [
      'an amount with three decimals',
      '2025;;Budget;;;;;;12,345',
      'SHEET_AMOUNT',
      'Belopp',
      '"12,345" har fler än två decimaler',
    ],
    [
      'an amount that is not a number',
      '2025;;Budget;;;;;;tolv',
      'SHEET_AMOUNT',
      'Belopp',
      '"tolv" är inget belopp',
    ],
    ['an amount in exponent form', '2025;;Budget;;;;;;1,2E+11', 'SHEET_AMOUNT', 'Belopp', 'exponent'],
    [
      'an amount too large to hold',
      '2025;;Budget;;;;;;100000000000000',
      'SHEET_AMOUNT',
      'Belopp',
      'för stort',
    ],
    ['no year', ';;Budget;;;;;;1', 'SHEET_YEAR', 'År', 'värde saknas'],
    ['a two-digit year', '25;;Budget;;;;;;1', 'SHEET_YEAR', 'År', 'fyra siffror'],
    ['another year', '2024;;Budget;;;;;;1', 'SHEET_YEAR', 'År', 'ska vara 2025, inte 2024'],
    ['a plan for this year', '2025;;Plan;;;;;;1', 'SHEET_YEAR', 'År', 'senare år än 2025'],
    ['no measure', '2025;;;;;;;;1', 'SHEET_MEASURE', 'Mått', 'värde saknas'],
    [
      'an unknown measure',
      '2025;;Budgetram;;;;;;1',
      'SHEET_MEASURE',
      'Mått',
      '"Budget", "Reviderad budget", "Periodbudget", "Utfall", "Prognos" eller "Plan"',
    ],
    [
      'a month on an annual measure',
      '2025;4;Budget;;;;;;1',
      'SHEET_MONTH',
      'Månad',
      'Budget är ett årsbelopp',
    ],
    [
      'no month on a monthly measure',
      '2025;;Utfall;;;;;;1',
      'SHEET_MONTH',
      'Månad',
      'Utfall anges per månad',
    ],
    ['month 13', '2025;13;Utfall;;;;;;1', 'SHEET_MONTH', 'Månad', '"13" är ingen månad'],
    ['month 0', '2025;0;Utfall;;;;;;1', 'SHEET_MONTH', 'Månad', 'ingen månad'],
    ['a month name', '2025;jan;Utfall;;;;;;1', 'SHEET_MONTH', 'Månad', 'ingen månad'],
    ['a cost centre with a space', '2025;;Budget;11 00;;;;;1', 'SHEET_COST_CENTRE', 'Ansvar', 'ansvarskod'],
    [
      'a cost centre of 21 characters',
      `2025;;Budget;${'1'.repeat(21)};;;;;1`,
      'SHEET_COST_CENTRE',
      'Ansvar',
      'högst 20',
    ],
    ['a two-digit account', '2025;;Budget;;50;;;;1', 'SHEET_ACCOUNT', 'Konto', '3–8 siffror'],
    ['a nine-digit account', '2025;;Budget;;501012345;;;;1', 'SHEET_ACCOUNT', 'Konto', 'inget konto'],
    ['an account with a letter', '2025;;Budget;;5010a;;;;1', 'SHEET_ACCOUNT', 'Konto', 'inget konto'],
    [
      'an account group with a space',
      '2025;;Budget;;;per sonal;;;1',
      'SHEET_ACCOUNT_GROUP',
      'Kontogrupp',
      'nyckel',
    ],
    ['a two-digit activity code', '2025;;Budget;;;;47;;1', 'SHEET_ACTIVITY', 'Verksamhet', 'tre siffror'],
    [
      'a forecast without follow-up',
      '2025;;Prognos;;;;;;1',
      'SHEET_FOLLOW_UP',
      'Uppföljning',
      'fyll i Uppföljning',
    ],
    [
      'a budget with a follow-up',
      '2025;;Budget;;;;;delar-1;1',
      'SHEET_FOLLOW_UP',
      'Uppföljning',
      'bara för Prognos',
    ],
    [
      'a follow-up that is not a key',
      '2025;;Prognos;;;;;delår 1;1',
      'SHEET_FOLLOW_UP',
      'Uppföljning',
      'nyckel',
    ],
  ])('refuses %s', (_, cells, code, column, message) => {
    const error = onlyError(operating(cells))
    expect(error).toMatchObject({ code, line: 2, column })
    expect(error.message).toMatch(new RegExp(`^Rad 2, kolumn ${column}: `))
    expect(error.message).toContain(message)
  })

  it('writes the example message of the issue', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `2025;${i + 1};Utfall;;;;;;1`)
    const error = onlyError(
      parseOperatingCsv(utf8(OPERATING_HEADER, ...rows, '2025;6;Utfall;;;;;;12,345'), OPTIONS),
    )
    expect(error.message).toMatch(/^Rad 7, kolumn Belopp: "12,345" har fler än två decimaler/)
  })

  it('reports every problem of every row at once', () => {
    const errors = errorsOf(
      parseOperatingCsv(
        utf8(OPERATING_HEADER, '2024;13;Utfall;;;;;;x', '2025;;Budget;;;;;;1', '2025;;Nej;;;;;;1'),
        OPTIONS,
      ),
    )
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'SHEET_YEAR'],
      [2, 'SHEET_MONTH'],
      [2, 'SHEET_AMOUNT'],
      [4, 'SHEET_MEASURE'],
    ])
  })

  it('skips a row without an amount, with a warning, but still checks its other cells', () => {
    const ok = parseOperatingCsv(
      utf8(OPERATING_HEADER, '2025;;Budget;100;;;;;', '2025;;Budget;200;;;;;5'),
      OPTIONS,
    )
    expect(ok.ok && ok.warnings).toEqual([
      {
        code: 'SHEET_SKIPPED_ROWS',
        line: 2,
        message: '1 rad utan belopp hoppades över (den första är rad 2).',
      },
    ])
    expect(rowsOf(ok).map((r) => r.costCentre)).toEqual(['200'])
    // An amount typed one column too far left lands in Uppföljning and is not silently lost.
    const shifted = onlyError(operating('2025;;Budget;100;;;;5000;'))
    expect(shifted.code).toBe('SHEET_FOLLOW_UP')
  })

  it('refuses the same amount twice, naming the first row', () => {
    const text = ['2025;;Budget;100;5010;;;;1', '2025;;Budget;100;5011;;;;1', '2025;;budget;100;5010;;;;2']
    const error = onlyError(parseOperatingCsv(utf8(OPERATING_HEADER, ...text), OPTIONS))
    expect(error).toMatchObject({ code: 'SHEET_DUPLICATE', line: 4 })
    expect(error.message).toContain('finns redan på rad 2')
  })

  it('reads a prefilled template with some amounts filled in', () => {
    const template = operatingTemplateCsv({
      sign: 'costs-negative',
      prefill: {
        costCentres: [
          { code: '100', name: 'Kommunstyrelsen' },
          { code: '200', name: 'Skola' },
          { code: '300', name: 'Omsorg' },
        ],
        year: 2025,
        measure: 'budget',
      },
    })
    expect(template.split('\r\n').slice(0, 2)).toEqual([`\uFEFF${OPERATING_HEADER}`, '2025;;Budget;100;;;;;'])
    const filled = template.replace('2025;;Budget;200;;;;;', '2025;;Budget;200;;;;;-1 500 000')
    const result = parseOperatingCsv(utf8(filled), OPTIONS)
    expect(rowsOf(result)).toEqual([
      { line: 3, year: 2025, measure: 'budget', costCentre: '200', amountOre: 150_000_000 },
    ])
    expect(result.ok && result.warnings[0]?.message).toContain('2 rader utan belopp')
  })

  it('prefills twelve rows per cost centre for a monthly measure, and the follow-up for a forecast', () => {
    const centres = [{ code: '100', name: 'KS' }]
    const monthly = operatingTemplateCsv({
      sign: 'costs-negative',
      prefill: { costCentres: centres, year: 2025, measure: 'period-budget' },
    })
    expect(monthly.trimEnd().split('\r\n')).toHaveLength(13)
    const forecast = operatingTemplateCsv({
      sign: 'costs-negative',
      prefill: { costCentres: centres, year: 2025, measure: 'forecast', followUp: 'delar-1' },
    })
    expect(forecast).toContain('2025;;Prognos;100;;;;delar-1;')
    expect(() =>
      operatingTemplateCsv({
        sign: 'costs-negative',
        prefill: { costCentres: centres, year: 2025, measure: 'forecast' },
      }),
    ).toThrow(RangeError)
  })
})

const investment = (...rows: string[]) => parseInvestmentsCsv(utf8(INVESTMENT_HEADER, ...rows), OPTIONS)

describe('investment rows', () => {
  it('reads a project over several rows, with its decided total from the row that has it', () => {
    const rows = rowsOf(
      investment(
        'skola-norr;Skola Norr;Expansion;Pågående;;2025;Budget;;-10 000 000',
        'skola-norr;Skola Norr;expansion;ongoing;-50 000 000;2025;Prognos;delar-1;-9 500 000',
        'Skola-Norr;Skola Norr;EXPANSION;PÅGÅENDE;;2026;Plan;;-20 000 000',
        'tomt-5;Tomt 5;Markförsäljning;Färdigställt;;2025;Utfall;;2 000 000',
      ),
    )
    const skola = {
      key: 'skola-norr',
      name: 'Skola Norr',
      category: 'expansion',
      status: 'ongoing',
      decidedTotalOre: 5_000_000_000,
    }
    expect(rows).toEqual([
      { line: 2, project: skola, year: 2025, measure: 'budget', amountOre: 1_000_000_000 },
      {
        line: 3,
        project: skola,
        year: 2025,
        measure: 'forecast',
        followUp: 'delar-1',
        amountOre: 950_000_000,
      },
      { line: 4, project: skola, year: 2026, measure: 'plan', amountOre: 2_000_000_000 },
      {
        line: 5,
        project: { key: 'tomt-5', name: 'Tomt 5', category: 'land-sale', status: 'completed' },
        year: 2025,
        measure: 'outcome',
        // Land sale income is negative in the ledger.
        amountOre: -200_000_000,
      },
    ])
  })

  it.each([
    ['a key with a space', 'skola norr;S;Övrigt;Planerat;;2025;Budget;;1', 'SHEET_PROJECT', 'Projekt'],
    ['no key', ';S;Övrigt;Planerat;;2025;Budget;;1', 'SHEET_PROJECT', 'Projekt'],
    ['no name', 'p;;Övrigt;Planerat;;2025;Budget;;1', 'SHEET_PROJECT_NAME', 'Namn'],
    [
      'a name over 200 characters',
      `p;${'x'.repeat(201)};Övrigt;Planerat;;2025;Budget;;1`,
      'SHEET_PROJECT_NAME',
      'Namn',
    ],
    ['an unknown category', 'p;P;Skolor;Planerat;;2025;Budget;;1', 'SHEET_CATEGORY', 'Kategori'],
    ['an unknown status', 'p;P;Övrigt;Klart;;2025;Budget;;1', 'SHEET_STATUS', 'Status'],
    [
      'a bad decided total',
      'p;P;Övrigt;Planerat;1,234;2025;Budget;;1',
      'SHEET_AMOUNT',
      'Beslutad totalbudget',
    ],
    ['a period budget', 'p;P;Övrigt;Planerat;;2025;Periodbudget;;1', 'SHEET_MEASURE', 'Mått'],
    [
      'a forecast without follow-up',
      'p;P;Övrigt;Planerat;;2025;Prognos;;1',
      'SHEET_FOLLOW_UP',
      'Uppföljning',
    ],
    ['another year', 'p;P;Övrigt;Planerat;;2024;Utfall;;1', 'SHEET_YEAR', 'År'],
  ])('refuses %s', (_, row, code, column) => {
    expect(onlyError(investment(row))).toMatchObject({ code, column, line: 2 })
  })

  it.each([
    ['name', 'p;Q;Övrigt;Planerat;;2025;Utfall;;1', 'Namn', 'namnet "P" på rad 2 men "Q" här'],
    ['category', 'p;P;Expansion;Planerat;;2025;Utfall;;1', 'Kategori', 'kategorin "Övrigt"'],
    ['status', 'p;P;Övrigt;Pågående;;2025;Utfall;;1', 'Status', 'statusen "Planerat"'],
    [
      'decided total',
      'p;P;Övrigt;Planerat;-2;2025;Utfall;;1',
      'Beslutad totalbudget',
      '"−1,00 kr" på rad 2 men "−2,00 kr"',
    ],
  ])('refuses a project whose %s differs between rows', (_, second, column, message) => {
    const error = onlyError(investment('p;P;Övrigt;Planerat;-1;2025;Budget;;1', second))
    expect(error).toMatchObject({ code: 'SHEET_PROJECT_CONFLICT', line: 3, column })
    expect(error.message).toContain(message)
  })

  it('refuses the same project amount twice', () => {
    const error = onlyError(
      investment('p;P;Övrigt;Planerat;;2025;Budget;;1', 'p;P;Övrigt;Planerat;;2025;budget;;2'),
    )
    expect(error).toMatchObject({ code: 'SHEET_DUPLICATE', line: 3 })
  })

  it('recognises the operating template', () => {
    const errors = errorsOf(parseInvestmentsCsv(utf8(OPERATING_HEADER, '2025;;Budget;;;;;;1'), OPTIONS))
    expect(errors.map((e) => e.code)).toEqual(['SHEET_HEADER', 'SHEET_HEADER'])
    expect(errors[0]?.message).toContain('mall för drift')
    expect(errors[1]?.message).toContain('"Projekt", "Namn", "Kategori" och "Status" saknas')
  })
})
