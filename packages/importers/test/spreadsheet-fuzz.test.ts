import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  investmentTemplateCsv,
  investmentTemplateXlsx,
  operatingTemplateCsv,
  operatingTemplateXlsx,
  parseInvestmentsCsv,
  parseInvestmentsXlsx,
  parseOperatingCsv,
  parseOperatingXlsx,
  SHEET_MAX_ERRORS,
  type SheetErrorCode,
  type SheetResult,
} from '../src/index.ts'
import { makeZip, OPTIONS, readZip } from './spreadsheet-helpers.ts'

/**
 * Mutated uploads must never throw, never hang and always give rows or structured errors.
 * 10 000 CSV inputs and 10 000 XLSX inputs (SHEET_FUZZ_RUNS to change), half of each from the
 * operating and half from the investment template.
 */
const RUNS = Number(process.env.SHEET_FUZZ_RUNS ?? 10_000)
const SEED = 20_250_301

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
  'SHEET_MONTH',
  'SHEET_MEASURE',
  'SHEET_COST_CENTRE',
  'SHEET_ACCOUNT',
  'SHEET_ACCOUNT_GROUP',
  'SHEET_ACTIVITY',
  'SHEET_FOLLOW_UP',
  'SHEET_AMOUNT',
  'SHEET_PROJECT',
  'SHEET_PROJECT_NAME',
  'SHEET_CATEGORY',
  'SHEET_STATUS',
  'SHEET_PROJECT_CONFLICT',
  'SHEET_DUPLICATE',
  'SHEET_TOO_MANY_ERRORS',
])

/** Whether a result is well formed; SHEET_INTERNAL (a caught bug) counts as malformed here. */
function malformed<Row extends { line: number; amountOre: number }>(result: SheetResult<Row>): string[] {
  if (result.ok) {
    return result.rows
      .filter((r) => !Number.isSafeInteger(r.amountOre) || !Number.isInteger(r.line) || r.line < 2)
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
        (e.column !== undefined && e.column === ''),
    )
    .map((e) => JSON.stringify(e))
}

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'remove'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }

const CSV_TOKENS = [
  '"',
  '""',
  ';',
  ',',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\0',
  ' ',
  '-',
  ',5',
  '\u2212',
  'Prognos',
  'sep=,\n',
]
const XML_TOKENS = [
  '<',
  '>',
  '"',
  '&',
  '&amp;',
  '&#0;',
  ']]>',
  '<row r="5">',
  '</row>',
  '<c r="ZZZ9" t="s"><v>99999</v></c>',
  '<c r="A1048576"><v>1e308</v></c>',
  '<v>NaN</v>',
  't="e"',
  't="d"',
  't="inlineStr"',
  '<f>A1/0</f>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
  '&b;',
  'xl/worksheets/sheet9.xml',
]
const encode = (s: string) => new TextEncoder().encode(s)

const mutation = (tokens: readonly string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    // Mostly printable ASCII, so that not every flip ends in an encoding error.
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.nat(),
      value: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 255 })),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('remove' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 64 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.constantFrom(...tokens).map(encode),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ maxLength: 32 }),
    }),
  )

function mutate(source: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = source
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length
    switch (m.kind) {
      case 'flip':
        // A copy: Buffer#slice would share the source's memory and change it for later inputs.
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

const timings = { csv: [] as number[], xlsx: [] as number[] }

function summary(name: string, durations: number[]): string {
  const sorted = [...durations].sort((a, b) => a - b)
  const q = (p: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(2)
  const total = (sorted.reduce((a, b) => a + b, 0) / 1000).toFixed(1)
  return `${name}: ${sorted.length} inputs in ${total} s; per input p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`
}

afterAll(() => {
  // biome-ignore lint/suspicious/noConsole: the fuzz run reports its timing like a benchmark
  console.info(
    `${summary('Spreadsheet CSV fuzz', timings.csv)}\n${summary('Spreadsheet XLSX fuzz', timings.xlsx)}`,
  )
})

/** A filled template of each kind, with every column used, to mutate. */
const operatingRows = Array.from({ length: 12 }, (_, i) => ({
  year: 2025,
  month: i + 1,
  measure: 'outcome' as const,
  costCentre: `${100 + i}`,
  account: '5010',
  accountGroup: 'personal',
  activityCode: '407',
  amountOre: -123_456 * (i + 1),
}))
const project = {
  key: 'skola-norr',
  name: 'Skola "Norr"; etapp 2',
  category: 'expansion',
  status: 'ongoing',
} as const
const investmentRows = [
  {
    project: { ...project, decidedTotalOre: 5_000_000_000 },
    year: 2025,
    measure: 'budget' as const,
    amountOre: 1,
  },
  { project, year: 2025, measure: 'forecast' as const, followUp: 'delar-1', amountOre: 2 },
  { project, year: 2026, measure: 'plan' as const, amountOre: 3 },
]
const prefill = { costCentres: [{ code: '900', name: 'Nämnd' }], year: 2025, measure: 'budget' as const }

describe('fuzzed CSV uploads', () => {
  const sources = [
    {
      name: 'drift',
      bytes: encode(operatingTemplateCsv({ sign: 'costs-negative', prefill, rows: operatingRows })),
    },
    {
      name: 'investeringar',
      bytes: encode(investmentTemplateCsv({ sign: 'costs-positive', rows: investmentRows })),
    },
  ]

  it.each(sources)('$name: never throws or hangs, always rows or structured errors', ({ name, bytes }) => {
    const parse = name === 'drift' ? parseOperatingCsv : parseInvestmentsCsv
    fc.assert(
      fc.property(fc.array(mutation(CSV_TOKENS), { minLength: 1, maxLength: 4 }), (mutations) => {
        const input = mutate(bytes, mutations)
        const started = performance.now()
        const result = parse(input, OPTIONS)
        const elapsed = performance.now() - started
        timings.csv.push(elapsed)
        expect(elapsed).toBeLessThan(1_000)
        expect(malformed(result as SheetResult<{ line: number; amountOre: number }>)).toEqual([])
      }),
      { numRuns: RUNS / 2, seed: SEED },
    )
  })
})

describe('fuzzed XLSX uploads', () => {
  const sources: { name: string; bytes: Uint8Array }[] = []
  beforeAll(async () => {
    sources.push(
      {
        name: 'drift',
        bytes: new Uint8Array(
          await operatingTemplateXlsx({ sign: 'costs-negative', prefill, rows: operatingRows }),
        ),
      },
      {
        name: 'investeringar',
        bytes: new Uint8Array(await investmentTemplateXlsx({ sign: 'costs-positive', rows: investmentRows })),
      },
    )
  })

  /**
   * Half the inputs change the zip's bytes (most of these fail its checks, as real damage does);
   * the other half change the XML inside a part and zip it again with correct checksums, so that
   * exceljs and the cell readers see broken, hostile or odd workbooks.
   */
  const input = (source: Uint8Array) =>
    fc.oneof(
      fc.array(mutation(XML_TOKENS), { minLength: 1, maxLength: 3 }).map((m) => mutate(source, m)),
      fc.tuple(fc.nat(), fc.array(mutation(XML_TOKENS), { minLength: 1, maxLength: 3 })).map(([which, m]) => {
        const parts = readZip(source)
        const i = which % parts.length
        return makeZip(parts.map((p, k) => (k === i ? { name: p.name, data: mutate(p.data, m) } : p)))
      }),
    )

  it.each(['drift', 'investeringar'])(
    '%s: never throws or hangs, always rows or structured errors',
    async (name) => {
      const source = sources.find((s) => s.name === name)?.bytes ?? new Uint8Array()
      const parse = name === 'drift' ? parseOperatingXlsx : parseInvestmentsXlsx
      await fc.assert(
        fc.asyncProperty(input(source), async (bytes) => {
          const started = performance.now()
          const result = await parse(bytes, OPTIONS)
          const elapsed = performance.now() - started
          timings.xlsx.push(elapsed)
          expect(elapsed).toBeLessThan(2_000)
          expect(malformed(result as SheetResult<{ line: number; amountOre: number }>)).toEqual([])
        }),
        { numRuns: RUNS / 2, seed: SEED },
      )
    },
    180_000,
  )
})
