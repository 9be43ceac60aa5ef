import {
  type InvestmentCategory,
  InvestmentStatus,
  investmentCategoryLabels,
  type Measure,
  measureLabels,
} from '@arshjul/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type InvestmentMeasure,
  type InvestmentProjectInfo,
  type InvestmentRow,
  investmentTemplateCsv,
  investmentTemplateXlsx,
  type OperatingRow,
  operatingTemplateCsv,
  operatingTemplateXlsx,
  parseInvestmentsCsv,
  parseInvestmentsXlsx,
  parseOperatingCsv,
  parseOperatingXlsx,
} from '../src/index.ts'
import { rowsOf, toCsv, written } from './spreadsheet-helpers.ts'

const RUNS = { numRuns: 1_000, seed: 20_250_214 }
/** exceljs takes some milliseconds per workbook each way, so XLSX gets fewer runs. */
const XLSX_RUNS = { numRuns: 100, seed: 20_250_214 }
const YEAR = 2025

const sign = fc.constantFrom('costs-negative' as const, 'costs-positive' as const)
const safeOre = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
const chars = (set: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...set.split('')), minLength: min, maxLength: max })
const digits = (min: number, max: number) => chars('0123456789', min, max)
const key = fc.tuple(chars('abcz09', 1, 1), chars('abcz09-', 0, 15)).map(([a, b]) => a + b)
// Codes with Swedish letters, and a leading "-" that the CSV writer must protect from Excel.
const costCentre = chars('aZ09_.-åÄö', 1, 20)

type Generated = Omit<OperatingRow, 'line'>

const operatingRow: fc.Arbitrary<Generated> = fc
  .constantFrom<Measure>('budget', 'revised-budget', 'period-budget', 'outcome', 'forecast', 'plan')
  .chain((measure) =>
    fc.record(
      {
        year: measure === 'plan' ? fc.integer({ min: YEAR + 1, max: YEAR + 5 }) : fc.constant(YEAR),
        month: fc.integer({ min: 1, max: 12 }),
        measure: fc.constant(measure),
        costCentre,
        account: digits(3, 8),
        accountGroup: key,
        activityCode: digits(3, 3),
        followUp: key,
        amountOre: safeOre,
      },
      {
        requiredKeys: [
          'year',
          'measure',
          'amountOre',
          ...(measure === 'period-budget' || measure === 'outcome' ? (['month'] as const) : []),
          ...(measure === 'forecast' ? (['followUp'] as const) : []),
        ],
      },
    ),
  )
  .map((row) => {
    // Only monthly measures have a month and only forecasts a follow-up; drop what the record added.
    const { month, followUp, ...rest } = row
    const monthly = row.measure === 'period-budget' || row.measure === 'outcome'
    return {
      ...rest,
      ...(monthly && month !== undefined ? { month } : {}),
      ...(row.measure === 'forecast' && followUp !== undefined ? { followUp } : {}),
    }
  })

const identity = (r: Generated) =>
  JSON.stringify([
    r.year,
    r.month,
    r.measure,
    r.costCentre,
    r.account,
    r.accountGroup,
    r.activityCode,
    r.followUp,
  ])
const operatingRows = fc.uniqueArray(operatingRow, { selector: identity, minLength: 1, maxLength: 25 })

const sum = (rows: readonly { amountOre: number }[]) => rows.reduce((s, r) => s + BigInt(r.amountOre), 0n)
const lined = <R>(rows: readonly R[]) => rows.map((r, i) => ({ line: i + 2, ...r }))

const amountStyle = fc.record({
  thousands: fc.constantFrom('', ' ', '\u00a0', '\u202f'),
  decimal: fc.constantFrom(',', '.'),
  minus: fc.constantFrom('-', '\u2212'),
  alwaysDecimals: fc.boolean(),
  suffix: fc.constantFrom('', ' kr'),
})
const csvStyle = fc.record({
  sep: fc.constantFrom(';', ',', '\t'),
  eol: fc.constantFrom('\r\n', '\n', '\r'),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
})
const labelCase = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toLowerCase(),
  (s: string) => s.toUpperCase(),
)

describe('operating CSV', () => {
  it('rows written by the template read back identically, with the exact öre sum', () => {
    fc.assert(
      fc.property(operatingRows, sign, (rows, convention) => {
        const csv = operatingTemplateCsv({ sign: convention, rows })
        const read = rowsOf(
          parseOperatingCsv(new TextEncoder().encode(csv), { year: YEAR, sign: convention }),
        )
        expect(read).toEqual(lined(rows))
        expect(sum(read)).toBe(sum(rows))
      }),
      RUNS,
    )
  })

  it('rows written as people and other programs write CSV read back identically', () => {
    fc.assert(
      fc.property(
        operatingRows,
        sign,
        csvStyle,
        amountStyle,
        labelCase,
        (rows, convention, style, amount, label) => {
          const header = [
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
          const cells = rows.map((r) => [
            String(r.year),
            r.month === undefined ? '' : String(r.month),
            label(measureLabels[r.measure]),
            r.costCentre ?? '',
            r.account ?? '',
            r.accountGroup ?? '',
            r.activityCode ?? '',
            r.followUp ?? '',
            written(r.amountOre * (convention === 'costs-negative' ? -1 : 1), amount),
          ])
          const text = toCsv([header.map(label), ...cells], style)
          const read = rowsOf(
            parseOperatingCsv(new TextEncoder().encode(text), { year: YEAR, sign: convention }),
          )
          expect(read).toEqual(lined(rows))
          expect(sum(read)).toBe(sum(rows))
        },
      ),
      RUNS,
    )
  })
})

const category = fc.constantFrom(...(Object.keys(investmentCategoryLabels) as InvestmentCategory[]))
// Names with everything CSV must quote or protect: separators, quotes, line breaks, formula starts.
// Line breaks are LF, as Excel types them; the readers turn CR and CRLF into LF.
const name = chars('aZ 09;,"\'\n\r\t=+-@åÖé€', 1, 30)
  .map((s) => s.trim().replace(/\r\n?/g, '\n'))
  .filter((s) => s !== '')
const projectInfo: fc.Arbitrary<InvestmentProjectInfo> = fc.record(
  {
    key,
    name,
    category,
    status: fc.constantFrom(...InvestmentStatus.options),
    decidedTotalOre: safeOre,
  },
  { requiredKeys: ['key', 'name', 'category', 'status'] },
)

type GeneratedInvestment = Omit<InvestmentRow, 'line'>

const investmentRows: fc.Arbitrary<GeneratedInvestment[]> = fc
  .uniqueArray(projectInfo, { selector: (p) => p.key, minLength: 1, maxLength: 5 })
  .chain((projects) =>
    fc.uniqueArray(
      fc
        .record({
          project: fc.constantFrom(...projects),
          measure: fc.constantFrom<InvestmentMeasure>(
            'budget',
            'revised-budget',
            'forecast',
            'outcome',
            'plan',
          ),
          planYear: fc.integer({ min: YEAR + 1, max: YEAR + 5 }),
          followUp: key,
          amountOre: safeOre,
        })
        .map(({ project, measure, planYear, followUp, amountOre }) => ({
          project,
          year: measure === 'plan' ? planYear : YEAR,
          measure,
          ...(measure === 'forecast' ? { followUp } : {}),
          amountOre,
        })),
      {
        selector: (r) => JSON.stringify([r.project.key, r.year, r.measure, r.followUp]),
        minLength: 1,
        maxLength: 20,
      },
    ),
  )

describe('investment CSV', () => {
  it('rows written by the template read back identically, with the exact öre sum', () => {
    fc.assert(
      fc.property(investmentRows, sign, (rows, convention) => {
        const csv = investmentTemplateCsv({ sign: convention, rows })
        const read = rowsOf(
          parseInvestmentsCsv(new TextEncoder().encode(csv), { year: YEAR, sign: convention }),
        )
        expect(read).toEqual(lined(rows))
        expect(sum(read)).toBe(sum(rows))
      }),
      RUNS,
    )
  })
})

describe('XLSX', () => {
  it('operating rows written by the template read back identically', async () => {
    await fc.assert(
      fc.asyncProperty(operatingRows, sign, async (rows, convention) => {
        const bytes = await operatingTemplateXlsx({ sign: convention, rows })
        const read = rowsOf(await parseOperatingXlsx(bytes, { year: YEAR, sign: convention }))
        expect(read).toEqual(lined(rows))
        expect(sum(read)).toBe(sum(rows))
      }),
      XLSX_RUNS,
    )
  })

  it('investment rows written by the template read back identically', async () => {
    await fc.assert(
      fc.asyncProperty(investmentRows, sign, async (rows, convention) => {
        const bytes = await investmentTemplateXlsx({ sign: convention, rows })
        const read = rowsOf(await parseInvestmentsXlsx(bytes, { year: YEAR, sign: convention }))
        expect(read).toEqual(lined(rows))
      }),
      XLSX_RUNS,
    )
  })
})
