import { Buffer } from 'node:buffer'
import {
  breakdownKey,
  type PersonnelBreakdown,
  PersonnelFigure,
  type PersonnelMeasure,
  personnelMeasures,
} from '@arshjul/domain'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  PERSONNEL_COLUMNS,
  PERSONNEL_MEASURES,
  type PersonnelParseOptions,
  type PersonnelRow,
  parsePersonnel,
  parsePersonnelCsv,
  parsePersonnelSheet,
  parsePersonnelXlsx,
  personnelTemplateCsv,
  personnelTemplateXlsx,
  SHEET_MAX_ERRORS,
  type SheetErrorCode,
  type SheetResult,
} from '../src/index.ts'
import { errorsOf, makeZip, onlyError, readZip, rowsOf, toCsv, utf8 } from './spreadsheet-helpers.ts'

const YEAR = 2025
const OPTIONS: PersonnelParseOptions = { year: YEAR }
const HEADINGS = [
  'Enhet',
  'År',
  'Period',
  'Mått',
  'Anställningsform',
  'Kön',
  'Åldersgrupp',
  'Sjukdagar',
  'Täljare',
  'Nämnare',
  'Värde',
]
const HEADER = HEADINGS.join(';')

/** Data rows (from row 2) given by their cells, in template order. */
const csv = (lines: readonly string[], options: PersonnelParseOptions = OPTIONS) =>
  parsePersonnelCsv(utf8(HEADER, ...lines), options)

/** One data row from the columns it fills; the rest are empty. */
function line(cells: Partial<Record<string, string>>): string {
  return HEADINGS.map((h) => cells[h] ?? '').join(';')
}

const headcount = (cells: Partial<Record<string, string>>) =>
  line({ Enhet: 'vof', År: '2025', Mått: 'Antal anställda', ...cells })

async function workbook(rows: ExcelJS.CellValue[][], name = 'Personal'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet(name).addRows(rows)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  return wb
}

describe('personnel rows', () => {
  it('reads every column', () => {
    const rows = csv([
      'Kommunen;2025;2025-08;Antal anställda;Tillsvidare;K;30–49;;1 234;;',
      'hemtjanst-norr;2025;;Sjukfrånvaro;;;;;12 345,25;400 000,5;',
      'VOF;2025;;frisknarvaro;;;;1–7;12;40;30',
      'vof;2025;;HME;;;;;;;78,5',
    ])
    expect(rowsOf(rows)).toEqual([
      {
        line: 2,
        unit: 'kommunen',
        year: 2025,
        period: '2025-08',
        measure: 'headcount',
        breakdown: { employment: 'permanent', gender: 'women', ageBand: '30-49' },
        numerator: '1234',
      },
      {
        line: 3,
        unit: 'hemtjanst-norr',
        year: 2025,
        measure: 'sick-leave',
        breakdown: {},
        numerator: '12345.25',
        denominator: '400000.5',
      },
      {
        line: 4,
        unit: 'vof',
        year: 2025,
        measure: 'frisknarvaro',
        breakdown: { sickDays: '1-7' },
        numerator: '12',
        denominator: '40',
        value: 30,
      },
      { line: 5, unit: 'vof', year: 2025, measure: 'hme', breakdown: {}, value: 78.5 },
    ])
    expect(rows.ok && rows.warnings).toEqual([])
  })

  it.each([
    ...PERSONNEL_MEASURES.map((m) => [personnelMeasures[m].label, m] as const),
    ...PERSONNEL_MEASURES.map((m) => [m, m] as const),
    ['ANTAL ANSTÄLLDA', 'headcount'],
    ['  antal   anställda ', 'headcount'],
    ['Andel sjukfrånvaro dag 1-14', 'sick-leave-days-1-14-share'],
    ['andel sjukfrånvaro dag 15—59', 'sick-leave-days-15-59-share'],
  ] as const)('reads the measure "%s"', (label, measure) => {
    const kind = personnelMeasures[measure].kind
    const figures =
      kind === 'count'
        ? { Täljare: '5' }
        : kind === 'index' || kind === 'years'
          ? { Värde: '5' }
          : { Täljare: '1', Nämnare: '2' }
    expect(rowsOf(csv([line({ Enhet: 'x', År: '2025', Mått: label, ...figures })]))[0]?.measure).toBe(measure)
  })

  it.each([
    ['Anställningsform', 'Tillsvidareanställda', { employment: 'permanent' }],
    ['Anställningsform', 'tillsvidare', { employment: 'permanent' }],
    ['Anställningsform', 'Tillsvidareanställd', { employment: 'permanent' }],
    ['Anställningsform', 'PERMANENT', { employment: 'permanent' }],
    ['Anställningsform', 'Visstidsanställda', { employment: 'temporary' }],
    ['Anställningsform', 'Visstid', { employment: 'temporary' }],
    ['Anställningsform', 'temporary', { employment: 'temporary' }],
    ['Kön', 'Kvinnor', { gender: 'women' }],
    ['Kön', 'kvinna', { gender: 'women' }],
    ['Kön', 'K', { gender: 'women' }],
    ['Kön', 'women', { gender: 'women' }],
    ['Kön', 'Män', { gender: 'men' }],
    ['Kön', 'man', { gender: 'men' }],
    ['Kön', 'm', { gender: 'men' }],
    ['Kön', 'men', { gender: 'men' }],
    ['Åldersgrupp', '30-49', { ageBand: '30-49' }],
    ['Åldersgrupp', '30–49', { ageBand: '30-49' }],
    ['Åldersgrupp', '30 - 49 år', { ageBand: '30-49' }],
    ['Åldersgrupp', '60-', { ageBand: '60-' }],
    ['Åldersgrupp', '60+', { ageBand: '60-' }],
    ['Åldersgrupp', '>=50', { ageBand: '50-' }],
    ['Åldersgrupp', '≥50', { ageBand: '50-' }],
    ['Åldersgrupp', '>49', { ageBand: '50-' }],
    ['Åldersgrupp', '-29', { ageBand: '0-29' }],
    ['Åldersgrupp', '<=29', { ageBand: '0-29' }],
    ['Åldersgrupp', '<30', { ageBand: '0-29' }],
    ['Åldersgrupp', '0-29', { ageBand: '0-29' }],
    ['Sjukdagar', '0', { sickDays: '0' }],
    ['Sjukdagar', '1-7', { sickDays: '1-7' }],
    ['Sjukdagar', '8 – 14', { sickDays: '8-14' }],
  ] as const)('reads %s "%s"', (column, text, breakdown) => {
    expect(rowsOf(csv([headcount({ [column]: text, Täljare: '10' })]))[0]?.breakdown).toEqual(breakdown)
  })

  it.each([
    ['1234', '1234'],
    ['1 234', '1234'],
    ['1\u00a0234,5', '1234.5'],
    ['1\u202f234 567.25', '1234567.25'],
    ['0,5', '0.5'],
    ['007', '7'],
    ['12,5000', '12.5'],
    ['12,0', '12'],
    ['1,234', '1.234'],
    ['0', '0'],
    ['999999999999,9999', '999999999999.9999'],
  ])('reads the quantity "%s" as "%s"', (text, quantity) => {
    expect(rowsOf(csv([headcount({ Täljare: text })]))[0]?.numerator).toBe(quantity)
  })

  it.each([
    ['3,03', 3.03],
    ['3.03', 3.03],
    ['3,03 %', 3.03],
    ['3,03%', 3.03],
    ['100', 100],
    ['0', 0],
    ['33,333333', 33.333333],
  ])('reads the percentage value "%s"', (text, value) => {
    const row = line({ Enhet: 'x', År: '2025', Mått: 'Sjukfrånvaro', Värde: text })
    expect(rowsOf(csv([row]))[0]?.value).toBe(value)
  })

  it.each([
    ['2025-08', '2025-08'],
    ['2025-8', '2025-08'],
    ['2025-08-31', '2025-08'],
  ])('reads the period "%s"', (text, period) => {
    expect(rowsOf(csv([headcount({ Period: text, Täljare: '1' })]))[0]?.period).toBe(period)
  })

  it('reads any year 1990–2100 with allowYears "any"', () => {
    const rows = csv(
      [headcount({ År: '2019', Täljare: '1' }), headcount({ År: '2024', Period: '2024-04', Täljare: '1' })],
      { year: YEAR, allowYears: 'any' },
    )
    expect(rowsOf(rows).map((r) => [r.year, r.period])).toEqual([
      [2019, undefined],
      [2024, '2024-04'],
    ])
  })

  it.each<[string, Record<string, string>, SheetErrorCode, string, string]>([
    ['no unit', { Enhet: '' }, 'SHEET_PERSONNEL_UNIT', 'Enhet', 'värde saknas'],
    [
      'a unit with spaces',
      { Enhet: 'Vård och omsorg' },
      'SHEET_PERSONNEL_UNIT',
      'Enhet',
      'kommunen för hela',
    ],
    ['a unit with å', { Enhet: 'vård' }, 'SHEET_PERSONNEL_UNIT', 'Enhet', '"vård" är ingen enhet'],
    ['a unit starting with -', { Enhet: '-vof' }, 'SHEET_PERSONNEL_UNIT', 'Enhet', 'ingen enhet'],
    ['no year', { År: '' }, 'SHEET_YEAR', 'År', 'värde saknas'],
    ['a two-digit year', { År: '25' }, 'SHEET_YEAR', 'År', 'fyra siffror'],
    ['another year', { År: '2024' }, 'SHEET_YEAR', 'År', 'ska vara 2025, inte 2024'],
    ['a period that is no month', { Period: '2025-13' }, 'SHEET_PERSONNEL_PERIOD', 'Period', 'ÅÅÅÅ-MM'],
    [
      'a period in words',
      { Period: 'augusti' },
      'SHEET_PERSONNEL_PERIOD',
      'Period',
      '"augusti" är ingen period',
    ],
    [
      'a period in another year',
      { Period: '2024-12' },
      'SHEET_PERSONNEL_PERIOD',
      'Period',
      'inte i året 2025',
    ],
    ['no measure', { Mått: '' }, 'SHEET_MEASURE', 'Mått', 'värde saknas'],
    [
      'an unknown measure',
      { Mått: 'Övertid' },
      'SHEET_MEASURE',
      'Mått',
      '"Antal anställda", "Åldersfördelning"',
    ],
    [
      'an unknown employment',
      { Anställningsform: 'Timanställd' },
      'SHEET_PERSONNEL_EMPLOYMENT',
      'Anställningsform',
      'Tillsvidare eller Visstid',
    ],
    ['an unknown gender', { Kön: 'X' }, 'SHEET_PERSONNEL_GENDER', 'Kön', 'Kvinnor eller Män'],
    [
      'an age band in words',
      { Åldersgrupp: 'äldre' },
      'SHEET_PERSONNEL_AGE_BAND',
      'Åldersgrupp',
      'till exempel 30-49',
    ],
    [
      'an age band upside down',
      { Åldersgrupp: '49-30' },
      'SHEET_PERSONNEL_AGE_BAND',
      'Åldersgrupp',
      'lägsta åldern högre',
    ],
    [
      'an age band of three digits',
      { Åldersgrupp: '100-' },
      'SHEET_PERSONNEL_AGE_BAND',
      'Åldersgrupp',
      'ingen åldersgrupp',
    ],
    ['sick days in words', { Sjukdagar: 'många' }, 'SHEET_PERSONNEL_SICK_DAYS', 'Sjukdagar', '(1-7)'],
    [
      'sick days upside down',
      { Sjukdagar: '7-1' },
      'SHEET_PERSONNEL_SICK_DAYS',
      'Sjukdagar',
      'inget antal sjukdagar',
    ],
    [
      'a negative quantity',
      { Täljare: '-5' },
      'SHEET_PERSONNEL_QUANTITY',
      'Täljare',
      'kan inte vara negativa',
    ],
    ['a true minus', { Täljare: '\u22125' }, 'SHEET_PERSONNEL_QUANTITY', 'Täljare', 'är negativt'],
    [
      'five decimals',
      { Täljare: '1,23456' },
      'SHEET_PERSONNEL_QUANTITY',
      'Täljare',
      'fler än fyra decimaler',
    ],
    [
      'a quantity in words',
      { Täljare: 'tolv' },
      'SHEET_PERSONNEL_QUANTITY',
      'Täljare',
      '"tolv" är inget tal',
    ],
    ['an exponent', { Täljare: '1,2E+5' }, 'SHEET_PERSONNEL_QUANTITY', 'Täljare', 'exponent'],
    ['thirteen digits', { Täljare: '1234567890123' }, 'SHEET_PERSONNEL_QUANTITY', 'Täljare', 'för stort'],
    ['wrong thousands', { Täljare: '1 23' }, 'SHEET_PERSONNEL_QUANTITY', 'Täljare', 'inget tal'],
    ['a percent sign on a quantity', { Täljare: '5 %' }, 'SHEET_PERSONNEL_QUANTITY', 'Täljare', 'inget tal'],
    [
      'a count with a denominator',
      { Täljare: '5', Nämnare: '10' },
      'SHEET_PERSONNEL_FIGURES',
      'Nämnare',
      'ingen nämnare',
    ],
    ['a count as a value', { Värde: '5' }, 'SHEET_PERSONNEL_FIGURES', 'Värde', 'skriv det i Täljare'],
  ])('refuses %s', (_name, cells, code, column, text) => {
    const error = onlyError(csv([headcount({ Täljare: '10', ...cells })]))
    expect(error).toMatchObject({ code, line: 2, column })
    expect(error.message).toContain(`Rad 2, kolumn ${column}: `)
    expect(error.message).toContain(text)
  })

  it.each<[string, Record<string, string>, SheetErrorCode, string, string]>([
    [
      'a share without its denominator',
      { Mått: 'Sjukfrånvaro', Täljare: '5' },
      'SHEET_PERSONNEL_FIGURES',
      'Nämnare',
      'fyll i Nämnare (ordinarie arbetstid i timmar)',
    ],
    [
      'a ratio without its denominator',
      { Mått: 'Sökande per annons', Täljare: '5', Värde: '5' },
      'SHEET_PERSONNEL_FIGURES',
      'Nämnare',
      'fyll i Nämnare (annonser)',
    ],
    [
      'a denominator alone',
      { Mått: 'Sjukfrånvaro', Nämnare: '5' },
      'SHEET_PERSONNEL_FIGURES',
      'Täljare',
      'nämnare utan täljare',
    ],
    [
      'an index with a numerator',
      { Mått: 'Chefindex', Täljare: '5', Värde: '70' },
      'SHEET_PERSONNEL_FIGURES',
      'Täljare',
      'bara som ett färdigt värde',
    ],
    [
      'years with a denominator',
      { Mått: 'Genomsnittlig pensionsålder', Nämnare: '5', Värde: '64' },
      'SHEET_PERSONNEL_FIGURES',
      'Nämnare',
      'bara som ett färdigt värde',
    ],
    [
      'a percentage over 100',
      { Mått: 'Sjukfrånvaro', Värde: '100,01' },
      'SHEET_PERSONNEL_RANGE',
      'Värde',
      'mellan 0 och 100',
    ],
    [
      'a numerator above its denominator',
      { Mått: 'Andel heltidsanställda', Täljare: '1 200,5', Nämnare: '1 200' },
      'SHEET_PERSONNEL_RANGE',
      'Täljare',
      'Täljaren är större än nämnaren (1 200,5 mot 1 200)',
    ],
    [
      'a zero denominator',
      { Mått: 'Antal medarbetare per första linjens chef', Täljare: '0', Nämnare: '0,0' },
      'SHEET_PERSONNEL_RANGE',
      'Nämnare',
      'nämnaren är 0',
    ],
    ['a negative value', { Mått: 'HME', Värde: '-3' }, 'SHEET_PERSONNEL_VALUE', 'Värde', 'aldrig negativa'],
    [
      'a value in words',
      { Mått: 'HME', Värde: 'hög' },
      'SHEET_PERSONNEL_VALUE',
      'Värde',
      '"hög" är inget tal',
    ],
    [
      'a percent sign on a ratio',
      { Mått: 'Sökande per annons', Värde: '5 %' },
      'SHEET_PERSONNEL_VALUE',
      'Värde',
      'ingen andel i procent',
    ],
    ['a huge value', { Mått: 'HME', Värde: '1000000000000' }, 'SHEET_PERSONNEL_VALUE', 'Värde', 'för stort'],
  ])('refuses %s', (_name, cells, code, column, text) => {
    const error = onlyError(csv([line({ Enhet: 'vof', År: '2025', ...cells })]))
    expect(error).toMatchObject({ code, line: 2, column })
    expect(error.message).toContain(text)
  })

  it('accepts a ratio above 1, a share with both quantities and value, and an index over 100', () => {
    const rows = csv([
      line({ Enhet: 'a', År: '2025', Mått: 'Sökande per annons', Täljare: '40', Nämnare: '3' }),
      line({ Enhet: 'a', År: '2025', Mått: 'Sjukfrånvaro', Täljare: '3', Nämnare: '100', Värde: '3' }),
      line({ Enhet: 'a', År: '2025', Mått: 'Sjukfrånvaro', Kön: 'Kvinnor', Täljare: '100', Nämnare: '100' }),
      line({ Enhet: 'a', År: '2025', Mått: 'Chefindex', Värde: '120' }),
    ])
    expect(rowsOf(rows)).toHaveLength(4)
  })

  it('reports every error of a row, left to right, and of every row', () => {
    const errors = errorsOf(
      csv([
        line({ Enhet: 'A B', År: '2024', Mått: 'Sjukfrånvaro', Kön: 'X', Täljare: '-1' }),
        headcount({ Täljare: '5' }),
        line({ Enhet: 'a', År: '2025', Mått: 'Okänt', Värde: '1' }),
      ]),
    )
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'Enhet', 'SHEET_PERSONNEL_UNIT'],
      [2, 'År', 'SHEET_YEAR'],
      [2, 'Kön', 'SHEET_PERSONNEL_GENDER'],
      [2, 'Täljare', 'SHEET_PERSONNEL_QUANTITY'],
      [2, 'Nämnare', 'SHEET_PERSONNEL_FIGURES'],
      [4, 'Mått', 'SHEET_MEASURE'],
    ])
  })

  it('refuses a duplicate, however its labels are written', () => {
    const result = csv([
      headcount({ Anställningsform: 'Tillsvidare', Kön: 'K', Täljare: '5' }),
      headcount({ Anställningsform: 'Tillsvidare', Kön: 'M', Täljare: '5' }),
      line({
        Enhet: 'VOF',
        År: '2025',
        Mått: 'headcount',
        Anställningsform: 'permanent',
        Kön: 'Kvinnor',
        Täljare: '6',
      }),
    ])
    const error = onlyError(result)
    expect(error).toMatchObject({ code: 'SHEET_DUPLICATE', line: 4 })
    expect(error.message).toContain('finns redan på rad 2')
  })

  it('does not count figures for other periods, units, groups or years as duplicates', () => {
    const rows = csv(
      [
        headcount({ Täljare: '5' }),
        headcount({ Täljare: '5', Period: '2025-08' }),
        headcount({ Täljare: '5', Enhet: 'kommunen' }),
        headcount({ Täljare: '5', År: '2024' }),
        headcount({ Täljare: '3', Åldersgrupp: '30-49' }),
        headcount({ Täljare: '2', Sjukdagar: '0' }),
      ],
      { year: YEAR, allowYears: 'any' },
    )
    expect(rowsOf(rows)).toHaveLength(6)
  })

  it('skips rows without figures with a warning, and refuses a file with nothing else', () => {
    const result = csv([headcount({}), headcount({ Kön: 'K', Täljare: '1' }), headcount({ Kön: 'M' })])
    expect(rowsOf(result)).toHaveLength(1)
    expect(result.ok && result.warnings).toEqual([
      {
        code: 'SHEET_SKIPPED_ROWS',
        line: 2,
        message: '2 rader utan Täljare, Nämnare och Värde hoppades över (den första är rad 2).',
      },
    ])
    expect(onlyError(csv([headcount({}), headcount({ Kön: 'M' })]))).toMatchObject({
      code: 'SHEET_EMPTY',
      line: 2,
      message: expect.stringContaining('Fyll i Täljare (och Nämnare) eller Värde'),
    })
  })

  it('still checks the other cells of a row without figures', () => {
    expect(onlyError(csv([headcount({ Kön: 'Okänt' })]))).toMatchObject({
      code: 'SHEET_PERSONNEL_GENDER',
      column: 'Kön',
    })
  })
})

describe('parts and totals of counts', () => {
  it('refuses women and men under an employment adding up to more than its total', () => {
    const error = onlyError(
      csv([
        headcount({ Anställningsform: 'Tillsvidare', Kön: 'K', Täljare: '60' }),
        headcount({ Anställningsform: 'Tillsvidare', Kön: 'M', Täljare: '50,5' }),
        headcount({ Anställningsform: 'Tillsvidare', Täljare: '110' }),
        // Temporary staff have their own total, which holds.
        headcount({ Anställningsform: 'Visstid', Kön: 'K', Täljare: '5' }),
        headcount({ Anställningsform: 'Visstid', Täljare: '5' }),
      ]),
    )
    expect(error).toMatchObject({ code: 'SHEET_PERSONNEL_BREAKDOWN', line: 4, column: 'Täljare' })
    expect(error.message).toBe(
      'Rad 4, kolumn Täljare: summan för "Kvinnor" och "Män" (raderna 2, 3) är 110,5, mer än totalen 110 ' +
        'på den här raden. Kontrollera att delarna och totalen gäller samma personer.',
    )
  })

  it('refuses women and men adding up to more than everyone, and age bands likewise', () => {
    const errors = errorsOf(
      csv([
        headcount({ Täljare: '100' }),
        headcount({ Kön: 'Kvinnor', Täljare: '70' }),
        headcount({ Kön: 'Män', Täljare: '31' }),
        headcount({ Åldersgrupp: '-29', Täljare: '30' }),
        headcount({ Åldersgrupp: '30-49', Täljare: '40' }),
        headcount({ Åldersgrupp: '50-', Täljare: '40' }),
      ]),
    )
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['SHEET_PERSONNEL_BREAKDOWN', 2, 'Täljare'],
      ['SHEET_PERSONNEL_BREAKDOWN', 2, 'Täljare'],
    ])
    expect(errors[0]?.message).toContain('"Kvinnor" och "Män" (raderna 3, 4) är 101, mer än totalen 100')
    expect(errors[1]?.message).toContain(
      '"0-29 år", "30-49 år" och "50 år och äldre" (raderna 5, 6, 7) är 110, mer än totalen 100',
    )
  })

  it('refuses one part larger than its total, and employments larger than everyone', () => {
    const errors = errorsOf(
      csv([
        headcount({ Täljare: '10' }),
        headcount({ Anställningsform: 'Tillsvidare', Täljare: '11' }),
        headcount({ Anställningsform: 'Tillsvidare', Åldersgrupp: '60-', Täljare: '12' }),
      ]),
    )
    expect(errors.map((e) => [e.line, e.message.match(/summan för [^(]+/)?.[0]])).toEqual([
      [2, 'summan för "Tillsvidareanställda" '],
      [3, 'summan för "60 år och äldre" '],
    ])
  })

  it('accepts parts that add up to the total or less (people outside every part)', () => {
    const rows = csv([
      headcount({ Täljare: '100' }),
      headcount({ Kön: 'K', Täljare: '60' }),
      headcount({ Kön: 'M', Täljare: '40' }),
      headcount({ Anställningsform: 'Tillsvidare', Täljare: '80' }),
      headcount({ Anställningsform: 'Visstid', Täljare: '15' }),
    ])
    expect(rowsOf(rows)).toHaveLength(5)
  })

  it('compares only within the same unit, year, period and measure', () => {
    const rows = csv(
      [
        headcount({ Täljare: '10' }),
        headcount({ Kön: 'K', Täljare: '20', Enhet: 'annan' }),
        headcount({ Kön: 'K', Täljare: '20', Period: '2025-08' }),
        headcount({ Kön: 'K', Täljare: '20', År: '2024' }),
        line({ Enhet: 'vof', År: '2025', Mått: 'Åldersfördelning', Täljare: '20', Nämnare: '20' }),
        line({
          Enhet: 'vof',
          År: '2025',
          Mått: 'Åldersfördelning',
          Åldersgrupp: '30-49',
          Täljare: '15',
          Nämnare: '20',
        }),
        line({
          Enhet: 'vof',
          År: '2025',
          Mått: 'Åldersfördelning',
          Åldersgrupp: '50-',
          Täljare: '15',
          Nämnare: '20',
        }),
      ],
      { year: YEAR, allowYears: 'any' },
    )
    expect(rowsOf(rows)).toHaveLength(7)
  })

  it('does not add up overlapping age bands or sick-day bands', () => {
    const rows = csv([
      headcount({ Täljare: '100' }),
      headcount({ Åldersgrupp: '50-', Täljare: '60' }),
      headcount({ Åldersgrupp: '60-', Täljare: '45' }),
      headcount({ Sjukdagar: '0-7', Täljare: '60' }),
      headcount({ Sjukdagar: '5-14', Täljare: '60' }),
    ])
    expect(rowsOf(rows)).toHaveLength(5)
  })
})

describe('the header', () => {
  it('names a missing column', () => {
    const text = HEADINGS.filter((h) => h !== 'Enhet').join(';')
    const error = onlyError(parsePersonnelCsv(utf8(text, '2025;;Antal anställda;;;;;1;;'), OPTIONS))
    expect(error).toMatchObject({ code: 'SHEET_HEADER', line: 1 })
    expect(error.message).toContain('kolumnen "Enhet" saknas')
  })

  it('reads columns in any order, without the optional ones', () => {
    const rows = parsePersonnelCsv(utf8('Täljare;mått;ENHET;År', '12;Antal anställda;vof;2025'), OPTIONS)
    expect(rowsOf(rows)).toEqual([
      { line: 2, unit: 'vof', year: 2025, measure: 'headcount', breakdown: {}, numerator: '12' },
    ])
  })

  it('suggests the economy import for an economy file', () => {
    const errors = errorsOf(
      parsePersonnelCsv(utf8('År;Månad;Mått;Ansvar;Belopp', '2025;1;Utfall;1;1'), OPTIONS),
    )
    expect(errors.map((e) => e.code)).toEqual(['SHEET_HEADER', 'SHEET_HEADER'])
    expect(errors[0]?.message).toContain('"Månad", "Ansvar" och "Belopp" finns inte i mallen')
    expect(errors[0]?.message).toContain('mall för ekonomi')
  })

  it('refuses a value under no heading', () => {
    expect(onlyError(csv([`${headcount({ Täljare: '1' })};extra`]))).toMatchObject({
      code: 'SHEET_EXTRA_CELLS',
      line: 2,
      column: 'L',
    })
  })
})

describe('the personnel templates', () => {
  const units = [
    { key: 'vof', name: 'Vård- och omsorgsförvaltningen' },
    { key: 'hemtjanst-norr', name: 'Hemtjänst Norr' },
  ]

  it('as CSV: the header, and the main measures prefilled for each unit', () => {
    const text = personnelTemplateCsv({ prefill: { units, year: YEAR } })
    const lines = text.split('\r\n')
    expect(lines[0]).toBe(`\uFEFF${HEADER}`)
    expect(lines.slice(1, 8)).toEqual([
      'vof;2025;;Antal anställda;Tillsvidareanställda;Kvinnor;;;;;',
      'vof;2025;;Antal anställda;Tillsvidareanställda;Män;;;;;',
      'vof;2025;;Antal anställda;Visstidsanställda;Kvinnor;;;;;',
      'vof;2025;;Antal anställda;Visstidsanställda;Män;;;;;',
      'vof;2025;;Sjukfrånvaro;;;;;;;',
      'vof;2025;;Sjukfrånvaro;;Kvinnor;;;;;',
      'vof;2025;;Sjukfrånvaro;;Män;;;;;',
    ])
    expect(lines).toHaveLength(1 + 14 + 1)
    expect(PERSONNEL_COLUMNS.map((c) => c.name)).toEqual(HEADINGS)
  })

  it('an unfilled prefilled template is refused as having no figures; a partly filled one skips the rest', async () => {
    const text = personnelTemplateCsv({ prefill: { units, year: YEAR } })
    expect(onlyError(parsePersonnelCsv(utf8(text), OPTIONS)).code).toBe('SHEET_EMPTY')
    const filled = text.replace('vof;2025;;Sjukfrånvaro;;;;;;;', 'vof;2025;;Sjukfrånvaro;;;;;1 200,5;40 000;')
    const result = parsePersonnelCsv(utf8(filled), OPTIONS)
    expect(rowsOf(result)).toEqual([
      {
        line: 6,
        unit: 'vof',
        year: 2025,
        measure: 'sick-leave',
        breakdown: {},
        numerator: '1200.5',
        denominator: '40000',
      },
    ])
    expect(result.ok && result.warnings[0]?.message).toContain('13 rader utan Täljare')
    const xlsx = await personnelTemplateXlsx({ prefill: { units, year: YEAR } })
    expect(onlyError(await parsePersonnelXlsx(xlsx, OPTIONS)).code).toBe('SHEET_EMPTY')
  })

  it('as XLSX: sheets, frozen bold header, text columns, unit names as notes, lists and instructions', async () => {
    const bytes = await personnelTemplateXlsx({ prefill: { units, year: YEAR } })
    const wb = await load(bytes)
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Personal', 'visible'],
      ['Instruktioner', 'visible'],
      ['Listor', 'hidden'],
    ])
    const sheet = wb.getWorksheet('Personal')
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADINGS])
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet?.getRow(2).getCell(1).note).toBe('Vård- och omsorgsförvaltningen')
    for (const column of [1, 3, 7, 8]) expect(sheet?.getRow(2).getCell(column).numFmt).toBe('@')
    const xml = new TextDecoder().decode(
      readZip(bytes).find((p) => p.name === 'xl/worksheets/sheet1.xml')?.data,
    )
    // The measures' labels are too long for a list in the formula (255 characters): a hidden sheet.
    expect(xml).toContain('<formula1>Listor!$A$1:$A$15</formula1>')
    expect(xml).toContain('&quot;Tillsvidareanställda,Visstidsanställda&quot;')
    expect(xml).toContain('&quot;Kvinnor,Män&quot;')
    const lists = wb.getWorksheet('Listor')
    expect(lists?.getColumn(1).values.slice(1)).toEqual(
      PERSONNEL_MEASURES.map((m) => personnelMeasures[m].label),
    )
    const help: string[] = []
    wb.getWorksheet('Instruktioner')?.eachRow((row) => help.push(row.values?.toString() ?? ''))
    const text = help.join('\n')
    for (const heading of HEADINGS) expect(text).toContain(`,${heading},`)
    for (const m of PERSONNEL_MEASURES) {
      const info = personnelMeasures[m]
      expect(text).toContain(info.label)
      if (info.numerator) expect(text).toContain(`Täljare: ${info.numerator}. Nämnare: ${info.denominator}.`)
    }
    expect(text).toContain('färre än 10 personer visas inte utanför förvaltningen')
  })

  const filled: Omit<PersonnelRow, 'line'>[] = [
    { unit: 'kommunen', year: 2025, measure: 'headcount', breakdown: {}, numerator: '4321' },
    {
      unit: 'vof',
      year: 2025,
      period: '2025-08',
      measure: 'headcount',
      breakdown: { employment: 'permanent', gender: 'women', ageBand: '30-49' },
      numerator: '120',
    },
    {
      unit: 'vof',
      year: 2025,
      measure: 'sick-leave',
      breakdown: { gender: 'men' },
      numerator: '12345.6789',
      denominator: '999999999999.9999',
      value: 0.0000012,
    },
    { unit: 'vof', year: 2025, measure: 'age-distribution', breakdown: { ageBand: '60-' }, value: 12.5 },
    { unit: 'vof', year: 2025, measure: 'age-distribution', breakdown: { ageBand: '0-29' }, value: 0 },
    {
      unit: 'vof',
      year: 2025,
      measure: 'frisknarvaro',
      breakdown: { employment: 'temporary', sickDays: '1-7' },
      numerator: '0.5',
      denominator: '3',
    },
    { unit: 'hemtjanst-norr', year: 2025, measure: 'hme', breakdown: {}, value: 78 },
    { unit: 'hemtjanst-norr', year: 2025, measure: 'retirement-age', breakdown: {}, value: 64.3 },
    {
      unit: 'hemtjanst-norr',
      year: 2025,
      measure: 'applicants-per-ad',
      breakdown: {},
      numerator: '1234',
      denominator: '17',
      value: 72.58823529411765,
    },
  ]
  const expected = filled.map((r, i) => ({ line: i + 2, ...r }))

  it('a filled CSV template reads back to the same figures', () => {
    const text = personnelTemplateCsv({ rows: filled })
    expect(text).toContain('vof;2025;;Sjukfrånvaro;;Män;;;12345,6789;999999999999,9999;0,0000012')
    expect(rowsOf(parsePersonnelCsv(utf8(text), OPTIONS))).toEqual(expected)
  })

  it('a filled XLSX template reads back to the same figures, and as auto-detected and named format', async () => {
    const bytes = new Uint8Array(await personnelTemplateXlsx({ rows: filled }))
    expect(rowsOf(await parsePersonnelXlsx(bytes, OPTIONS))).toEqual(expected)
    expect(rowsOf(await parsePersonnel(bytes, OPTIONS))).toEqual(expected)
    expect(rowsOf(await parsePersonnelSheet(bytes, 'xlsx', OPTIONS))).toEqual(expected)
    const text = utf8(personnelTemplateCsv({ rows: filled }))
    expect(rowsOf(await parsePersonnel(text, OPTIONS))).toEqual(expected)
    expect(rowsOf(await parsePersonnelSheet(text, 'csv', OPTIONS))).toEqual(expected)
    expect(onlyError(await parsePersonnelSheet(bytes, 'csv', OPTIONS)).code).toBe('SHEET_FORMAT')
  })

  it('a template filled in Excel reads back', async () => {
    const wb = await load(await personnelTemplateXlsx({ prefill: { units: units.slice(0, 1), year: YEAR } }))
    const sheet = wb.getWorksheet('Personal')
    if (!sheet) throw new Error('no sheet')
    sheet.getCell('I2').value = 120
    sheet.getCell('I6').value = { formula: 'SUM(1000.1,0.2)', result: 1000.1 + 0.2 }
    sheet.getCell('J6').value = 41_250.75
    const result = await parsePersonnelXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), OPTIONS)
    expect(rowsOf(result)).toEqual([
      {
        line: 2,
        unit: 'vof',
        year: 2025,
        measure: 'headcount',
        breakdown: { employment: 'permanent', gender: 'women' },
        numerator: '120',
      },
      {
        line: 6,
        unit: 'vof',
        year: 2025,
        measure: 'sick-leave',
        breakdown: {},
        numerator: '1000.3',
        denominator: '41250.75',
      },
    ])
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['SHEET_SKIPPED_ROWS'])
  })
})

describe('reading XLSX cells', () => {
  const row = (cells: Partial<Record<string, ExcelJS.CellValue>>) => {
    const merged: Record<string, ExcelJS.CellValue> = {
      Enhet: 'vof',
      År: 2025,
      Mått: 'Antal anställda',
      ...cells,
    }
    return workbook([HEADINGS, HEADINGS.map((h) => merged[h] ?? null)])
  }

  it('reads numbers, dates Excel made of periods, and "-29" Excel made a number', async () => {
    const bytes = await row({
      Enhet: 100,
      Period: new Date(Date.UTC(2025, 7, 1)),
      Åldersgrupp: -29,
      Täljare: 0.1 + 0.2,
    })
    expect(rowsOf(await parsePersonnelXlsx(bytes, OPTIONS))).toEqual([
      {
        line: 2,
        unit: '100',
        year: 2025,
        period: '2025-08',
        measure: 'headcount',
        breakdown: { ageBand: '0-29' },
        numerator: '0.3',
      },
    ])
  })

  it('reads a value cell as it is', async () => {
    const bytes = await row({ Mått: 'Sjukfrånvaro', Värde: 100 / 33 })
    expect(rowsOf(await parsePersonnelXlsx(bytes, OPTIONS))[0]?.value).toBe(100 / 33)
  })

  it.each<[string, Partial<Record<string, ExcelJS.CellValue>>, SheetErrorCode, string, string]>([
    [
      'a quantity with five decimals',
      { Täljare: 1.23456 },
      'SHEET_PERSONNEL_QUANTITY',
      'Täljare',
      'fyra decimaler',
    ],
    ['a negative quantity', { Täljare: -1 }, 'SHEET_PERSONNEL_QUANTITY', 'Täljare', 'negativ'],
    ['a huge quantity', { Täljare: 1e15 }, 'SHEET_PERSONNEL_QUANTITY', 'Täljare', 'för stort'],
    [
      'a date as quantity',
      { Täljare: new Date(Date.UTC(2025, 0, 1)) },
      'SHEET_PERSONNEL_QUANTITY',
      'Täljare',
      'är ett datum',
    ],
    [
      'a date as sick days',
      { Sjukdagar: new Date(Date.UTC(2025, 6, 1)), Täljare: 1 },
      'SHEET_PERSONNEL_SICK_DAYS',
      'Sjukdagar',
      'är ett datum',
    ],
    ['a boolean as gender', { Kön: true, Täljare: 1 }, 'SHEET_PERSONNEL_GENDER', 'Kön', 'sanningsvärde'],
    [
      'an error value',
      { Mått: 'HME', Täljare: null, Värde: { error: '#DIV/0!' as const } },
      'SHEET_PERSONNEL_VALUE',
      'Värde',
      'felvärdet #DIV/0!',
    ],
    [
      'a negative value',
      { Mått: 'HME', Täljare: null, Värde: -0.5 },
      'SHEET_PERSONNEL_VALUE',
      'Värde',
      'negativ',
    ],
    [
      'a percentage above 100',
      { Mått: 'Sjukfrånvaro', Täljare: null, Värde: 100.5 },
      'SHEET_PERSONNEL_RANGE',
      'Värde',
      'mellan 0 och 100',
    ],
  ])('refuses %s', async (_name, cells, code, column, text) => {
    const error = onlyError(await parsePersonnelXlsx(await row({ Täljare: 1, ...cells }), OPTIONS))
    expect(error).toMatchObject({ code, line: 2, column })
    expect(error.message).toContain(text)
  })

  it('picks the sheet named Personal', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Instruktioner').addRow(['Läs mig'])
    wb.addWorksheet('Annat').addRow(['x'])
    wb.addWorksheet('PERSONAL').addRows([
      HEADINGS,
      ['vof', 2025, null, 'Antal anställda', null, null, null, null, 3],
    ])
    const rows = rowsOf(await parsePersonnelXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), OPTIONS))
    expect(rows.map((r) => r.numerator)).toEqual(['3'])
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

const RUNS = { numRuns: 1_000, seed: 20_250_615 }

const chars = (set: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...set.split('')), minLength: min, maxLength: max })
const unitKey = fc.oneof(
  fc.constant('kommunen'),
  fc.tuple(chars('abz09', 1, 1), chars('abz09-', 0, 12)).map(([a, b]) => a + b),
)

/** A quantity as exact ten-thousandths: the expected text, and the ways to write it. */
const SCALE = 10_000n
const quantityText = (scaled: bigint) => {
  const fraction = (scaled % SCALE).toString().padStart(4, '0').replace(/0+$/, '')
  return fraction === '' ? (scaled / SCALE).toString() : `${scaled / SCALE}.${fraction}`
}
const numberStyle = fc.record({
  decimal: fc.constantFrom(',', '.'),
  thousands: fc.constantFrom('', ' ', '\u00a0', '\u202f'),
  zeros: fc.constantFrom('', '0', '00'),
})
type NumberStyle = { decimal: string; thousands: string; zeros: string }
/** A quantity written independently of the code under test: separators, trailing zeros. */
function writtenQuantity(text: string, style: NumberStyle): string {
  const [whole = '', fraction] = text.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, style.thousands)
  return fraction === undefined ? grouped : `${grouped}${style.decimal}${fraction}${style.zeros}`
}

const breakdown: fc.Arbitrary<{ value: PersonnelBreakdown; written: string[] }> = fc
  .record(
    {
      employment: fc.constantFrom(
        ['permanent', 'Tillsvidareanställda'],
        ['permanent', 'tillsvidare'],
        ['permanent', 'PERMANENT'],
        ['temporary', 'Visstid'],
        ['temporary', 'visstidsanställda'],
      ),
      gender: fc.constantFrom(
        ['women', 'Kvinnor'],
        ['women', 'k'],
        ['men', 'Män'],
        ['men', 'M'],
        ['men', 'man'],
      ),
      ageBand: fc.oneof(
        fc
          .tuple(
            fc.integer({ min: 0, max: 99 }),
            fc.integer({ min: 0, max: 200 }),
            fc.constantFrom('-', '–', ' - '),
          )
          .filter(([lo, hi]) => lo <= hi)
          .map(([lo, hi, dash]) => [`${lo}-${hi}`, `${lo}${dash}${hi}`]),
        fc
          .tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom('-', '+', '>='))
          .map(([lo, form]) => [`${lo}-`, form === '>=' ? `>=${lo}` : `${lo}${form}`]),
        fc
          .tuple(fc.integer({ min: 0, max: 200 }), fc.constantFrom('-', '<='))
          .map(([hi, form]) => [`0-${hi}`, `${form}${hi}`]),
      ),
      sickDays: fc.oneof(
        fc.integer({ min: 0, max: 999 }).map((d) => [String(d), String(d)]),
        fc
          .tuple(
            fc.integer({ min: 0, max: 999 }),
            fc.integer({ min: 0, max: 999 }),
            fc.constantFrom('-', '–'),
          )
          .filter(([lo, hi]) => lo <= hi)
          .map(([lo, hi, dash]) => [`${lo}-${hi}`, `${lo}${dash}${hi}`]),
      ),
    },
    { requiredKeys: [] },
  )
  .map((b) => ({
    value: Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v?.[0]])) as PersonnelBreakdown,
    written: (['employment', 'gender', 'ageBand', 'sickDays'] as const).map((k) => b[k]?.[1] ?? ''),
  }))

interface Generated {
  readonly row: Omit<PersonnelRow, 'line'>
  readonly cells: (style: NumberStyle) => string[]
}

const measureText = (m: PersonnelMeasure) =>
  fc.constantFrom(
    personnelMeasures[m].label,
    personnelMeasures[m].label.toUpperCase(),
    personnelMeasures[m].label.replaceAll('–', '-'),
    m,
  )

/** Quantities and values by the measure's kind, so that every generated row is valid. */
function figures(m: PersonnelMeasure) {
  const kind = personnelMeasures[m].kind
  const big = fc.bigInt({ min: 0n, max: 10n ** 16n - 1n })
  const value = (max: number) => fc.integer({ min: 0, max: max * 10_000 }).map((n) => quantityText(BigInt(n)))
  switch (kind) {
    case 'count':
      return big.map((n) => ({ numerator: quantityText(n) }))
    case 'percent':
    case 'ratio':
      return fc.oneof(
        fc
          .tuple(fc.bigInt({ min: 1n, max: 10n ** 16n - 1n }), big, fc.option(value(100), { nil: undefined }))
          .map(([d, n, v]) => ({
            numerator: quantityText(kind === 'percent' ? n % (d + 1n) : n),
            denominator: quantityText(d),
            ...(v === undefined ? {} : { value: v }),
          })),
        value(kind === 'percent' ? 100 : 100_000).map((v) => ({ value: v })),
      )
    default:
      return value(1_000).map((v) => ({ value: v }))
  }
}

const generatedRow: fc.Arbitrary<Generated> = fc
  .constantFrom(...PERSONNEL_MEASURES)
  .chain((measure) =>
    fc.record({
      measure: fc.constant(measure),
      label: measureText(measure),
      unit: unitKey,
      unitCase: fc.boolean(),
      year: fc.integer({ min: 1990, max: 2100 }),
      month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      breakdown,
      figures: figures(measure),
      percentSign: fc.boolean(),
    }),
  )
  .map((g) => {
    const period = g.month === undefined ? undefined : `${g.year}-${String(g.month).padStart(2, '0')}`
    const { numerator, denominator, value } = g.figures as {
      numerator?: string
      denominator?: string
      value?: string
    }
    const row: Omit<PersonnelRow, 'line'> = {
      unit: g.unit,
      year: g.year,
      ...(period === undefined ? {} : { period }),
      measure: g.measure,
      breakdown: g.breakdown.value,
      ...(numerator === undefined ? {} : { numerator }),
      ...(denominator === undefined ? {} : { denominator }),
      ...(value === undefined ? {} : { value: Number(value) }),
    }
    const sign = g.percentSign && personnelMeasures[g.measure].kind === 'percent' ? ' %' : ''
    return {
      row,
      cells: (style: NumberStyle) => [
        g.unitCase ? g.unit.toUpperCase() : g.unit,
        String(g.year),
        period ?? '',
        g.label,
        ...g.breakdown.written,
        numerator === undefined ? '' : writtenQuantity(numerator, style),
        denominator === undefined ? '' : writtenQuantity(denominator, style),
        value === undefined ? '' : writtenQuantity(value, style) + sign,
      ],
    }
  })

const identity = (r: Omit<PersonnelRow, 'line'>) =>
  JSON.stringify([r.unit, r.year, r.period ?? '', r.measure, breakdownKey(r.breakdown)])

/**
 * Counts get a unit of their own, so that random counts never form a part and a total that
 * disagree (that rule has its own tests above).
 */
const generatedRows = fc
  .array(generatedRow, { minLength: 1, maxLength: 20 })
  .map((rows) =>
    rows.map((g, i) =>
      personnelMeasures[g.row.measure].kind === 'count'
        ? {
            row: { ...g.row, unit: `c${i}-${g.row.unit}` },
            cells: (s: NumberStyle) => [`c${i}-${g.row.unit}`, ...g.cells(s).slice(1)],
          }
        : g,
    ),
  )
  .filter((rows) => new Set(rows.map((g) => identity(g.row))).size === rows.length)

const csvStyle = fc.record({
  sep: fc.constantFrom(';', ',', '\t'),
  eol: fc.constantFrom('\r\n', '\n', '\r'),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
})

describe('personnel CSV properties', () => {
  it('random valid rows, written as people and other programs write CSV, read back identically', () => {
    fc.assert(
      fc.property(generatedRows, csvStyle, numberStyle, (rows, style, numbers) => {
        const text = toCsv([HEADINGS, ...rows.map((g) => g.cells(numbers))], style)
        const read = rowsOf(
          parsePersonnelCsv(new TextEncoder().encode(text), { year: YEAR, allowYears: 'any' }),
        )
        expect(read).toEqual(rows.map((g, i) => ({ line: i + 2, ...g.row })))
        // What is read is what the domain stores.
        for (const r of read) expect(PersonnelFigure.safeParse(r).success).toBe(true)
      }),
      RUNS,
    )
  })

  it('rows written by the CSV template read back identically', () => {
    fc.assert(
      fc.property(generatedRows, (rows) => {
        const text = personnelTemplateCsv({ rows: rows.map((g) => g.row) })
        const read = rowsOf(parsePersonnelCsv(utf8(text), { year: YEAR, allowYears: 'any' }))
        expect(read).toEqual(rows.map((g, i) => ({ line: i + 2, ...g.row })))
      }),
      { ...RUNS, numRuns: 300 },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Fuzz

const FUZZ_SEED = 20_250_616
const CODES = new Set<SheetErrorCode>([
  'SHEET_EMPTY',
  'SHEET_FORMAT',
  'SHEET_ENCODING',
  'SHEET_CORRUPT',
  'SHEET_TOO_LARGE',
  'SHEET_CSV',
  'SHEET_HEADER',
  'SHEET_EXTRA_CELLS',
  'SHEET_YEAR',
  'SHEET_MEASURE',
  'SHEET_DUPLICATE',
  'SHEET_TOO_MANY_ERRORS',
  'SHEET_PERSONNEL_UNIT',
  'SHEET_PERSONNEL_PERIOD',
  'SHEET_PERSONNEL_EMPLOYMENT',
  'SHEET_PERSONNEL_GENDER',
  'SHEET_PERSONNEL_AGE_BAND',
  'SHEET_PERSONNEL_SICK_DAYS',
  'SHEET_PERSONNEL_QUANTITY',
  'SHEET_PERSONNEL_VALUE',
  'SHEET_PERSONNEL_FIGURES',
  'SHEET_PERSONNEL_RANGE',
  'SHEET_PERSONNEL_BREAKDOWN',
])

/** What is wrong with a result's shape; SHEET_INTERNAL (a caught bug) counts as wrong here. */
function malformed(result: SheetResult<PersonnelRow>): string[] {
  if (result.ok) {
    return result.rows
      .filter((r) => !Number.isInteger(r.line) || r.line < 2 || !PersonnelFigure.safeParse(r).success)
      .map((r) => `bad row ${JSON.stringify(r)}`)
  }
  if (result.errors.length === 0) return ['no errors']
  if (result.errors.length > SHEET_MAX_ERRORS + 1) return ['too many errors']
  return result.errors
    .filter(
      (e) =>
        !CODES.has(e.code as SheetErrorCode) ||
        !Number.isInteger(e.line) ||
        e.line < 1 ||
        e.message === '' ||
        e.column === '',
    )
    .map((e) => JSON.stringify(e))
}

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'remove'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }

const encode = (s: string) => new TextEncoder().encode(s)
const CSV_TOKENS = [
  '"',
  ';',
  ',',
  '\n',
  '\r\n',
  ' ',
  '-',
  '–',
  ',5',
  '%',
  '\u2212',
  'Kvinnor',
  'kommunen',
  '2024',
  '60-',
  '1e9',
]
const XML_TOKENS = [
  '<',
  '>',
  '"',
  '&amp;',
  '</row>',
  '<c r="Z9"><v>-1</v></c>',
  '<v>NaN</v>',
  't="e"',
  't="d"',
  '<v>1e308</v>',
]

const mutation = (tokens: readonly string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.nat(),
      value: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 255 })),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('remove' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 32 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.constantFrom(...tokens).map(encode),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ maxLength: 16 }),
    }),
  )

function mutate(source: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = source
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length
    switch (m.kind) {
      case 'flip':
        bytes = Uint8Array.from(bytes)
        if (bytes.length > 0) bytes[at] = m.value
        break
      case 'truncate':
        bytes = bytes.subarray(0, at)
        break
      case 'remove':
        bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)])
        break
      case 'insert':
        bytes = new Uint8Array([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)])
        break
    }
  }
  return bytes
}

/** A filled template with every column, two units' prefill and parts with their totals. */
const fuzzRows: Omit<PersonnelRow, 'line'>[] = [
  { unit: 'vof', year: 2025, measure: 'headcount', breakdown: {}, numerator: '100' },
  { unit: 'vof', year: 2025, measure: 'headcount', breakdown: { gender: 'women' }, numerator: '60' },
  { unit: 'vof', year: 2025, measure: 'headcount', breakdown: { gender: 'men' }, numerator: '40' },
  { unit: 'vof', year: 2025, measure: 'headcount', breakdown: { ageBand: '0-29' }, numerator: '30' },
  {
    unit: 'vof',
    year: 2025,
    period: '2025-08',
    measure: 'sick-leave',
    breakdown: { employment: 'permanent', gender: 'women' },
    numerator: '1234.5',
    denominator: '40000',
  },
  { unit: 'kommunen', year: 2025, measure: 'frisknarvaro', breakdown: { sickDays: '1-7' }, value: 35.5 },
  { unit: 'kommunen', year: 2025, measure: 'hme', breakdown: {}, value: 78 },
]
const fuzzPrefill = { units: [{ key: 'vof', name: 'VOF' }], year: 2025 }

describe('fuzzed personnel uploads', () => {
  it('CSV: 2 000 mutated files never throw or hang, and give rows or structured errors', () => {
    const source = encode(personnelTemplateCsv({ prefill: fuzzPrefill, rows: fuzzRows }))
    expect(rowsOf(parsePersonnelCsv(source, OPTIONS))).toHaveLength(fuzzRows.length)
    fc.assert(
      fc.property(fc.array(mutation(CSV_TOKENS), { minLength: 1, maxLength: 4 }), (mutations) => {
        const started = performance.now()
        const result = parsePersonnelCsv(mutate(source, mutations), OPTIONS)
        expect(performance.now() - started).toBeLessThan(1_000)
        expect(malformed(result)).toEqual([])
      }),
      { numRuns: 2_000, seed: FUZZ_SEED },
    )
  })

  it('XLSX: 500 mutated workbooks never throw or hang, and give rows or structured errors', async () => {
    const source = new Uint8Array(await personnelTemplateXlsx({ prefill: fuzzPrefill, rows: fuzzRows }))
    expect(rowsOf(await parsePersonnelXlsx(source, OPTIONS))).toHaveLength(fuzzRows.length)
    const parts = readZip(source)
    // Half damage the zip itself; half change the XML of one part and zip it again correctly.
    const input = fc.oneof(
      fc.array(mutation(XML_TOKENS), { minLength: 1, maxLength: 3 }).map((m) => mutate(source, m)),
      fc.tuple(fc.nat(), fc.array(mutation(XML_TOKENS), { minLength: 1, maxLength: 3 })).map(([which, m]) => {
        const i = which % parts.length
        return makeZip(parts.map((p, k) => (k === i ? { name: p.name, data: mutate(p.data, m) } : p)))
      }),
    )
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const started = performance.now()
        const result = await parsePersonnelXlsx(bytes, OPTIONS)
        expect(performance.now() - started).toBeLessThan(2_000)
        expect(malformed(result)).toEqual([])
      }),
      { numRuns: 500, seed: FUZZ_SEED },
    )
  }, 60_000)
})
