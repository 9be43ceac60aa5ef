import {
  breakdownKey,
  employmentLabels,
  genderLabels,
  type PersonnelBreakdown,
  type PersonnelKind,
  PersonnelMeasure,
  personnelMeasures,
} from '@arshjul/domain'
import { type Cell, display, swedishNumber } from './cells.ts'
import { type Parsed, parseYear, RowReader } from './fields.ts'
import { list, messages } from './messages.ts'
import type { Problems } from './problems.ts'
import { looksLikeZip, parseCsvSheet, parseXlsxSheet, type SheetSpec } from './read.ts'
import { type ColumnSpec, normalHeading, type TableRow } from './table.ts'
import type {
  PersonnelRow,
  SheetErrorCode,
  SheetLimits,
  SheetParseOptions,
  SheetProblem,
  SheetResult,
} from './types.ts'

/**
 * The HR export template: one personnel figure per row, by unit (or the whole municipality), year,
 * optional period, measure and group of people (employment, gender, age band, sick days). A figure
 * is the underlying quantities (Täljare, and Nämnare for shares), a ready-made value, or both, as
 * the measure's kind allows. Units are only checked for their form: the caller knows the
 * municipality's units and administrations and reports unknown keys with the row's line.
 */

export type PersonnelColumn =
  | 'unit'
  | 'year'
  | 'period'
  | 'measure'
  | 'employment'
  | 'gender'
  | 'ageBand'
  | 'sickDays'
  | 'numerator'
  | 'denominator'
  | 'value'

/**
 * The columns, in the template's order. The breakdown columns a file does not use may be deleted;
 * Täljare and Värde are optional columns because a file may carry only one kind of figure.
 */
export const PERSONNEL_COLUMNS: readonly ColumnSpec<PersonnelColumn>[] = [
  { key: 'unit', name: 'Enhet', required: true },
  { key: 'year', name: 'År', required: true },
  { key: 'period', name: 'Period', required: false },
  { key: 'measure', name: 'Mått', required: true },
  { key: 'employment', name: 'Anställningsform', required: false },
  { key: 'gender', name: 'Kön', required: false },
  { key: 'ageBand', name: 'Åldersgrupp', required: false },
  { key: 'sickDays', name: 'Sjukdagar', required: false },
  { key: 'numerator', name: 'Täljare', required: false },
  { key: 'denominator', name: 'Nämnare', required: false },
  { key: 'value', name: 'Värde', required: false },
]

const HEADINGS = Object.fromEntries(PERSONNEL_COLUMNS.map((c) => [c.key, c.name])) as Record<
  PersonnelColumn,
  string
>

/** Every measure, in the domain's order (the order the template lists them). */
export const PERSONNEL_MEASURES: readonly PersonnelMeasure[] = PersonnelMeasure.options

export interface PersonnelParseOptions extends SheetLimits {
  /** The year the import is for. */
  readonly year: number
  /**
   * 'import-year' (the default): every row must be for `year`. 'any': any year 1990–2100, for HR
   * files that carry a series of several years.
   */
  readonly allowYears?: 'import-year' | 'any'
}

// ---------------------------------------------------------------------------------------------
// Cells

const ok = <T>(v: T | undefined): Parsed<T> => ({ ok: true, value: v })
const bad = <T>(code: SheetErrorCode, detail: string): Parsed<T> => ({ ok: false, code, detail })

/**
 * A cell's text for a column of codes and labels, as fields.ts reads such cells: a number counts
 * as its digits, dates, booleans and error values are refused.
 */
function textOf(cell: Cell, code: SheetErrorCode, expected: string): Parsed<string> {
  switch (cell.kind) {
    case 'empty':
      return ok(undefined)
    case 'text':
      return ok(cell.text)
    case 'number':
      return ok(
        Number.isInteger(cell.value) && cell.value >= 0 ? String(cell.value) : swedishNumber(cell.value),
      )
    case 'date':
      return bad(code, messages.isDate(cell.iso, expected))
    case 'boolean':
      return bad(code, messages.isBoolean(display(cell), expected))
    case 'error':
      return bad(code, messages.isError(cell.text))
  }
}

/**
 * Labels compared the way people type them: case, Unicode form and runs of spaces ignored, and any
 * dash read as a hyphen, since the domain's labels use en dashes ("dag 1–14") that nobody types.
 */
const normalLabel = (text: string) => normalHeading(text).replace(/[\u2010-\u2015\u2212]/g, '-')

/** `Key` in municipality.ts: lower case, so "Hemtjanst" is read as the key it can only mean. */
const KEY = /^[a-z0-9][a-z0-9-]{0,119}$/
const MUNICIPALITY = new Set(['kommunen', 'hela kommunen'])

export function parseUnit(cell: Cell): Parsed<string> {
  const text = textOf(cell, 'SHEET_PERSONNEL_UNIT', 'en enhet')
  if (!text.ok || text.value === undefined) return text
  const normal = normalHeading(text.value)
  if (MUNICIPALITY.has(normal)) return ok('kommunen')
  return KEY.test(normal) ? ok(normal) : bad('SHEET_PERSONNEL_UNIT', messages.unit(text.value))
}

const PERIOD = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/

/**
 * "ÅÅÅÅ-MM". A full date is read as its month: Excel turns a typed "2025-08" into the date
 * 2025-08-01, and HR systems often give a period as its last day ("2025-08-31").
 */
export function parsePeriod(cell: Cell, example: number): Parsed<string> {
  const shown = cell.kind === 'date' ? cell.iso : undefined
  const text = shown === undefined ? textOf(cell, 'SHEET_PERSONNEL_PERIOD', 'en period') : ok(shown)
  if (!text.ok || text.value === undefined) return text
  const match = PERIOD.exec(text.value.trim())
  const month = Number(match?.[2])
  const day = match?.[3] === undefined ? 1 : Number(match[3])
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) {
    return bad('SHEET_PERSONNEL_PERIOD', messages.period(text.value, example))
  }
  return ok(`${match[1]}-${String(month).padStart(2, '0')}`)
}

export function parsePersonnelMeasure(cell: Cell): Parsed<PersonnelMeasure> {
  const text = textOf(cell, 'SHEET_MEASURE', 'ett mått')
  if (!text.ok) return text
  if (text.value === undefined) return ok(undefined)
  const wanted = normalLabel(text.value)
  const found = PERSONNEL_MEASURES.find(
    (m) => m === wanted || normalLabel(personnelMeasures[m].label) === wanted,
  )
  if (found !== undefined) return ok(found)
  const labels = PERSONNEL_MEASURES.map((m) => personnelMeasures[m].label)
  return bad('SHEET_MEASURE', messages.measure(text.value, labels))
}

/** A fixed set of words per value: the domain's label, its short forms and the key. */
function synonyms<T extends string>(
  words: Readonly<Record<T, readonly string[]>>,
  code: SheetErrorCode,
  message: (value: string) => string,
): (cell: Cell) => Parsed<T> {
  const byWord = new Map<string, T>()
  for (const [value, list] of Object.entries(words) as [T, readonly string[]][]) {
    for (const word of list) byWord.set(normalLabel(word), value)
  }
  return (cell) => {
    const text = textOf(cell, code, 'ett av de tillåtna värdena')
    if (!text.ok) return text
    if (text.value === undefined) return ok(undefined)
    const found = byWord.get(normalLabel(text.value))
    return found === undefined ? bad(code, message(text.value)) : ok(found)
  }
}

type Employment = NonNullable<PersonnelBreakdown['employment']>
type Gender = NonNullable<PersonnelBreakdown['gender']>

export const parseEmployment = synonyms<Employment>(
  {
    permanent: [employmentLabels.permanent, 'Tillsvidare', 'Tillsvidareanställd', 'permanent'],
    temporary: [employmentLabels.temporary, 'Visstid', 'Visstidsanställd', 'temporary'],
  },
  'SHEET_PERSONNEL_EMPLOYMENT',
  messages.employment,
)

export const parseGender = synonyms<Gender>(
  { women: [genderLabels.women, 'Kvinna', 'K', 'women'], men: [genderLabels.men, 'Man', 'M', 'men'] },
  'SHEET_PERSONNEL_GENDER',
  messages.gender,
)

/** Dashes as hyphens, spaces and a trailing "år" dropped: "30 – 49 år" is "30-49". */
const compactRange = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*år$/i, '')
    .replace(/\s+/g, '')

/** The ways of writing a band, each giving [lowest, highest or undefined for no upper end]. */
const AGE_BANDS: readonly ((t: string) => [number, number | undefined] | null)[] = [
  (t) => {
    const m = /^(\d{1,2})-(\d{1,3})$/.exec(t)
    return m ? [Number(m[1]), Number(m[2])] : null
  },
  (t) => {
    const m = /^(?:(\d{1,2})-|(\d{1,2})\+|(?:>=|≥)(\d{1,2}))$/.exec(t)
    return m ? [Number(m[1] ?? m[2] ?? m[3]), undefined] : null
  },
  (t) => {
    const m = /^(?:-|<=|≤)(\d{1,3})$/.exec(t)
    return m ? [0, Number(m[1])] : null
  },
  (t) => {
    const m = /^<(\d{1,3})$/.exec(t)
    return m && Number(m[1]) > 0 ? [0, Number(m[1]) - 1] : null
  },
  (t) => {
    const m = /^>(\d{1,2})$/.exec(t)
    return m && Number(m[1]) < 99 ? [Number(m[1]) + 1, undefined] : null
  },
]

/**
 * An age band as the domain writes it ("30-49", "60-"), from the ways HR exports and people write
 * bands: "30–49", "-29" and "<=29" (29 and younger, i.e. "0-29"), ">=50" and "50+" ("50-"), "<30"
 * and ">49". A negative number is "-29" turned into a number by Excel.
 */
export function parseAgeBand(cell: Cell): Parsed<string> {
  const text = textOf(cell, 'SHEET_PERSONNEL_AGE_BAND', 'en åldersgrupp')
  if (!text.ok || text.value === undefined) return text
  const band = AGE_BANDS.reduce<[number, number | undefined] | null>(
    (found, read) => found ?? read(compactRange(text.value ?? '')),
    null,
  )
  if (band === null) return bad('SHEET_PERSONNEL_AGE_BAND', messages.ageBand(text.value))
  const [lo, hi] = band
  if (hi !== undefined && lo > hi) return bad('SHEET_PERSONNEL_AGE_BAND', messages.ageBandOrder(text.value))
  return ok(`${lo}-${hi ?? ''}`)
}

/** Frisknärvaro's sick-day bands: a number of days ("0") or a range ("1-7", "1–7"). */
export function parseSickDays(cell: Cell): Parsed<string> {
  const text = textOf(cell, 'SHEET_PERSONNEL_SICK_DAYS', 'ett antal sjukdagar')
  if (!text.ok || text.value === undefined) return text
  const m = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(compactRange(text.value))
  if (!m) return bad('SHEET_PERSONNEL_SICK_DAYS', messages.sickDays(text.value))
  const lo = Number(m[1])
  if (m[2] === undefined) return ok(String(lo))
  const hi = Number(m[2])
  return lo > hi ? bad('SHEET_PERSONNEL_SICK_DAYS', messages.sickDays(text.value)) : ok(`${lo}-${hi}`)
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Digits before the decimal separator that a `Quantity` holds, and decimals it keeps. */
const MAX_WHOLE_DIGITS = 12
const MAX_QUANTITY_DECIMALS = 4

/**
 * A non-negative decimal as typed: thousands separated by a space, a no-break space or a narrow
 * no-break space (only between groups of three, so "1 23" is not 123), "," or "." as the decimal
 * separator. Unlike kronor amounts, "1,234" is read as a decimal: both separators always are, and
 * figures with up to four decimals are common. A leading minus is caught to say so, and a trailing
 * "%" to allow "3,03 %" for percentages (Excel saves a percent-formatted cell so in CSV).
 */
const DECIMAL = /^([-\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[,.](\d+))?([ \u00a0\u202f]?%)?$/

interface Decimal {
  /** Without separators or leading zeros ("0" for none). */
  readonly whole: string
  /** Without trailing zeros ("" for none). */
  readonly fraction: string
  readonly percent: boolean
}

type DecimalProblem = 'format' | 'negative' | 'range'

/** A decimal's text form with a point: the domain's `Quantity` when it has at most four decimals. */
const pointText = (d: Decimal) => (d.fraction === '' ? d.whole : `${d.whole}.${d.fraction}`)

function decimalFromText(text: string): Decimal | DecimalProblem {
  const trimmed = text.trim()
  // Long enough for any figure we can hold; the cap bounds the work per cell.
  if (trimmed.length > 64) return /^[\d \u00a0\u202f,.]+$/.test(trimmed) ? 'range' : 'format'
  const m = DECIMAL.exec(trimmed)
  if (!m) return 'format'
  if (m[1] !== '') return 'negative'
  const whole = (m[2] ?? '').replace(/[ \u00a0\u202f]/g, '').replace(/^0+(?=\d)/, '')
  if (whole.length > MAX_WHOLE_DIGITS) return 'range'
  return { whole, fraction: (m[3] ?? '').replace(/0+$/, ''), percent: m[4] !== undefined }
}

/** A decimal with at most `decimals` decimals from a float, read as Excel shows it. */
function decimalFromNumber(value: number, decimals: number): Decimal | DecimalProblem | 'decimals' {
  if (!Number.isFinite(value)) return 'format'
  if (value < 0) return 'negative'
  if (value >= 10 ** MAX_WHOLE_DIGITS) return 'range'
  // The shortest decimal that is this float, what Excel shows. Below 1e12 it has an exponent only
  // when tiny (1e-7), and then it is the binary noise below the decimals kept, handled next.
  const shortest = String(value)
  if (!shortest.includes('e')) {
    const parsed = decimalFromText(shortest)
    if (typeof parsed === 'string' || parsed.fraction.length <= decimals) return parsed
  }
  // A formula's binary noise (=0.1+0.2 is 0.30000000000000004) is not a real decimal: within a
  // millionth of the last kept decimal, the value is the rounded one.
  const scale = 10 ** decimals
  const scaled = value * scale
  const rounded = Math.round(scaled)
  if (Math.abs(scaled - rounded) > 1e-6 || !Number.isSafeInteger(rounded)) return 'decimals'
  const digits = String(rounded).padStart(decimals + 1, '0')
  return {
    whole: digits.slice(0, -decimals).replace(/^0+(?=\d)/, ''),
    fraction: digits.slice(-decimals).replace(/0+$/, ''),
    percent: false,
  }
}

/**
 * A non-negative number as plain decimal text with a point, never with an exponent: what
 * `String` gives, with "1e-7" written out as "0.0000001". Templates write values with it.
 */
export function plainDecimal(value: number): string {
  const shortest = String(value)
  const m = /^(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(shortest)
  if (!m) return shortest
  const digits = (m[1] ?? '') + (m[2] ?? '')
  const point = 1 + Number(m[3])
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length)
  return `${digits.slice(0, point)}.${digits.slice(point)}`
}

function decimalOf(cell: Cell, code: SheetErrorCode, example: string, decimals: number | null) {
  const problem = (kind: DecimalProblem | 'decimals', shown: string): Parsed<Decimal> => {
    switch (kind) {
      case 'format':
        return bad(code, messages.numberFormat(shown, example))
      case 'negative':
        return bad(
          code,
          code === 'SHEET_PERSONNEL_VALUE' ? messages.valueNegative(shown) : messages.quantityNegative(shown),
        )
      case 'range':
        return bad(code, messages.numberRange(shown))
      case 'decimals':
        return bad(code, messages.quantityDecimals(shown))
    }
  }
  if (cell.kind === 'number' && decimals !== null) {
    const read = decimalFromNumber(cell.value, decimals)
    return typeof read === 'string' ? problem(read, display(cell)) : ok(read)
  }
  const text = textOf(cell, code, 'ett tal')
  if (!text.ok) return text
  if (text.value === undefined) return ok(undefined)
  const read = decimalFromText(text.value)
  if (typeof read === 'string') return problem(read, text.value)
  if (decimals !== null && read.fraction.length > decimals) return problem('decimals', text.value)
  return ok(read)
}

/** Täljare and Nämnare: the domain's `Quantity` text ("1234.5"), at most four decimals. */
export function parseQuantity(cell: Cell): Parsed<string> {
  const read = decimalOf(cell, 'SHEET_PERSONNEL_QUANTITY', '1234,5', MAX_QUANTITY_DECIMALS)
  if (!read.ok) return read
  if (read.value === undefined) return ok(undefined)
  // A "%" belongs to a finished percentage, not to hours or people.
  if (read.value.percent)
    return bad('SHEET_PERSONNEL_QUANTITY', messages.numberFormat(display(cell), '1234,5'))
  return ok(pointText(read.value))
}

/** Värde: any number of decimals; `percent` when typed with a "%", allowed for percentages only. */
export function parseValue(cell: Cell): Parsed<{ value: number; percent: boolean }> {
  // A number cell is already the value; only its sign and size are checked (`+ 0` drops a -0).
  if (cell.kind === 'number') {
    const shown = display(cell)
    if (!Number.isFinite(cell.value))
      return bad('SHEET_PERSONNEL_VALUE', messages.numberFormat(shown, '3,25'))
    if (cell.value < 0) return bad('SHEET_PERSONNEL_VALUE', messages.valueNegative(shown))
    if (cell.value >= 10 ** MAX_WHOLE_DIGITS) return bad('SHEET_PERSONNEL_VALUE', messages.numberRange(shown))
    return ok({ value: cell.value + 0, percent: false })
  }
  const read = decimalOf(cell, 'SHEET_PERSONNEL_VALUE', '3,25', null)
  if (!read.ok) return read
  if (read.value === undefined) return ok(undefined)
  return ok({ value: Number(pointText(read.value)), percent: read.value.percent })
}

/** Quantities as exact integers of ten-thousandths, for comparing and adding without floats. */
const SCALE = 10_000n
function scaled(quantity: string): bigint {
  const [whole = '0', fraction = ''] = quantity.split('.')
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(4, '0').slice(0, 4))
}

/** Ten-thousandths as a Swedish number for messages: 12345000n → "1 234,5". */
function shownScaled(value: bigint): string {
  const whole = (value / SCALE).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  const fraction = (value % SCALE).toString().padStart(4, '0').replace(/0+$/, '')
  return fraction === '' ? whole : `${whole},${fraction}`
}

const shownQuantity = (quantity: string) => shownScaled(scaled(quantity))

// ---------------------------------------------------------------------------------------------
// The template

const ECONOMY_ONLY = new Set(['belopp', 'månad', 'ansvar', 'konto', 'kontogrupp', 'projekt', 'verksamhet'])

/**
 * The template's steps for the shared reader. Built per upload: the row rules need the personnel
 * options, which the shared reader's (economy) options do not carry, and the count of skipped rows
 * for the warning.
 */
function personnelSpec(
  options: PersonnelParseOptions,
  seen: { skipped: number },
): SheetSpec<PersonnelColumn, PersonnelRow> {
  return {
    columns: PERSONNEL_COLUMNS,
    sheetNames: ['Personal'],
    hint: (unknown) => (unknown.some((u) => ECONOMY_ONLY.has(u)) ? messages.economyHint() : ''),
    readRows: (rows, _economy, problems) => {
      const read = readPersonnelRows(rows, options, problems)
      seen.skipped = read.skipped.length
      return read
    },
  }
}

/**
 * The shared reader's options: its sign convention is for kronor and is never read for personnel
 * figures, but the type asks for one.
 */
const sharedOptions = (options: PersonnelParseOptions): SheetParseOptions => ({
  ...options,
  sign: 'costs-positive',
})

/** The shared reader's warning speaks of Belopp; personnel rows are skipped for other columns. */
function withPersonnelWording(result: SheetResult<PersonnelRow>, skipped: number): SheetResult<PersonnelRow> {
  if (!result.ok) return result
  const warnings = result.warnings.map(
    (w): SheetProblem =>
      w.code === 'SHEET_SKIPPED_ROWS' ? { ...w, message: messages.personnelSkipped(skipped, w.line) } : w,
  )
  return { ok: true, rows: result.rows, warnings }
}

/** Reads a CSV upload of the personnel template. Never throws. */
export function parsePersonnelCsv(
  bytes: Uint8Array,
  options: PersonnelParseOptions,
): SheetResult<PersonnelRow> {
  const seen = { skipped: 0 }
  const result = parseCsvSheet(bytes, sharedOptions(options), personnelSpec(options, seen))
  return withPersonnelWording(result, seen.skipped)
}

/** Reads an XLSX upload of the personnel template (sheet "Personal", else the first). Never rejects. */
export async function parsePersonnelXlsx(
  bytes: Uint8Array,
  options: PersonnelParseOptions,
): Promise<SheetResult<PersonnelRow>> {
  const seen = { skipped: 0 }
  const result = await parseXlsxSheet(bytes, sharedOptions(options), personnelSpec(options, seen))
  return withPersonnelWording(result, seen.skipped)
}

/** Reads an upload of either kind, told apart by its first bytes. */
export async function parsePersonnel(
  bytes: Uint8Array,
  options: PersonnelParseOptions,
): Promise<SheetResult<PersonnelRow>> {
  return looksLikeZip(bytes) ? parsePersonnelXlsx(bytes, options) : parsePersonnelCsv(bytes, options)
}

/** Reads an upload whose format the caller knows. */
export async function parsePersonnelSheet(
  bytes: Uint8Array,
  format: 'csv' | 'xlsx',
  options: PersonnelParseOptions,
): Promise<SheetResult<PersonnelRow>> {
  return format === 'xlsx' ? parsePersonnelXlsx(bytes, options) : parsePersonnelCsv(bytes, options)
}

// ---------------------------------------------------------------------------------------------
// Rows

interface Figures {
  readonly numerator: string | undefined
  readonly denominator: string | undefined
  readonly value: { value: number; percent: boolean } | undefined
}

/**
 * Which of Täljare, Nämnare and Värde the measure's kind takes. Presence is judged by the cells,
 * not the parsed values, so a malformed Täljare is reported once (as malformed), not again as
 * missing. A row with none of the three is not checked here: it is skipped.
 */
function checkFigures(
  r: RowReader<PersonnelColumn>,
  row: TableRow<PersonnelColumn>,
  measure: PersonnelMeasure,
  figures: Figures,
): void {
  const info = personnelMeasures[measure]
  const has = (key: PersonnelColumn) => !r.isEmpty(key)
  const kind: PersonnelKind = info.kind
  switch (kind) {
    case 'count':
      if (has('denominator'))
        r.report('SHEET_PERSONNEL_FIGURES', 'denominator', messages.countHasDenominator(info.label))
      if (has('value')) r.report('SHEET_PERSONNEL_FIGURES', 'value', messages.countHasValue(info.label))
      break
    case 'percent':
    case 'ratio':
      if (has('numerator') && !has('denominator')) {
        r.report(
          'SHEET_PERSONNEL_FIGURES',
          'denominator',
          messages.needsDenominator(info.label, info.denominator ?? ''),
        )
      }
      if (has('denominator') && !has('numerator')) {
        r.report(
          'SHEET_PERSONNEL_FIGURES',
          'numerator',
          messages.needsNumerator(info.label, info.numerator ?? ''),
        )
      }
      break
    case 'index':
    case 'years':
      if (has('numerator')) r.report('SHEET_PERSONNEL_FIGURES', 'numerator', messages.valueOnly(info.label))
      if (has('denominator'))
        r.report('SHEET_PERSONNEL_FIGURES', 'denominator', messages.valueOnly(info.label))
      break
  }
  const { numerator, denominator, value } = figures
  if (value?.percent && kind !== 'percent') {
    r.report('SHEET_PERSONNEL_VALUE', 'value', messages.percentSign(display(row.cell('value')), info.label))
  }
  if (kind === 'percent' && value !== undefined && value.value > 100) {
    r.report('SHEET_PERSONNEL_RANGE', 'value', messages.percentRange(display(row.cell('value'))))
  }
  if ((kind === 'percent' || kind === 'ratio') && numerator !== undefined && denominator !== undefined) {
    const n = scaled(numerator)
    const d = scaled(denominator)
    // No share or ratio of nothing: `personnelValue` would have no value to show.
    if (d === 0n) r.report('SHEET_PERSONNEL_RANGE', 'denominator', messages.zeroDenominator())
    else if (kind === 'percent' && n > d) {
      r.report(
        'SHEET_PERSONNEL_RANGE',
        'numerator',
        messages.numeratorAboveDenominator(shownQuantity(numerator), shownQuantity(denominator)),
      )
    }
  }
}

/** Unit, year, period, measure and group: what makes two rows the same figure. */
const identity = (row: Omit<PersonnelRow, 'line' | 'numerator' | 'denominator' | 'value'>) =>
  JSON.stringify([row.unit, row.year, row.period ?? '', row.measure, breakdownKey(row.breakdown)])

function readPersonnelRows(
  rows: readonly TableRow<PersonnelColumn>[],
  options: PersonnelParseOptions,
  problems: Problems,
): { rows: PersonnelRow[]; skipped: number[] } {
  const out: PersonnelRow[] = []
  const skipped: number[] = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const r = new RowReader(row, HEADINGS, problems)
    const unit = r.read('unit', parseUnit, { code: 'SHEET_PERSONNEL_UNIT' })
    const year = r.read('year', (c) => parseYear(c, options.year), { code: 'SHEET_YEAR' })
    const period = r.read('period', (c) => parsePeriod(c, year ?? options.year))
    const measure = r.read('measure', parsePersonnelMeasure, { code: 'SHEET_MEASURE' })
    const employment = r.read('employment', parseEmployment)
    const gender = r.read('gender', parseGender)
    const ageBand = r.read('ageBand', parseAgeBand)
    const sickDays = r.read('sickDays', parseSickDays)
    const numerator = r.read('numerator', parseQuantity)
    const denominator = r.read('denominator', parseQuantity)
    const value = r.read('value', parseValue)
    if (year !== undefined && options.allowYears !== 'any' && year !== options.year) {
      r.report('SHEET_YEAR', 'year', messages.personnelWrongYear(year, options.year))
    }
    if (period !== undefined && year !== undefined && !period.startsWith(`${year}-`)) {
      r.report('SHEET_PERSONNEL_PERIOD', 'period', messages.periodYear(period, year))
    }
    const empty = r.isEmpty('numerator') && r.isEmpty('denominator') && r.isEmpty('value')
    if (measure !== undefined && !empty) checkFigures(r, row, measure, { numerator, denominator, value })
    if (!r.valid || unit === undefined || year === undefined || measure === undefined) continue
    // A row without any figure carries nothing: a prefilled row nobody filled in. Its other cells
    // are still checked above, so a figure typed into the wrong column is an error, not a loss.
    if (empty) {
      skipped.push(row.line)
      continue
    }
    const breakdown: PersonnelBreakdown = {
      ...(employment === undefined ? {} : { employment }),
      ...(gender === undefined ? {} : { gender }),
      ...(ageBand === undefined ? {} : { ageBand }),
      ...(sickDays === undefined ? {} : { sickDays }),
    }
    const fields = { unit, year, ...(period === undefined ? {} : { period }), measure, breakdown }
    const key = identity(fields)
    const first = seen.get(key)
    if (first !== undefined) {
      problems.add('SHEET_DUPLICATE', row.line, messages.personnelDuplicate(row.line, first))
      continue
    }
    seen.set(key, row.line)
    out.push({
      line: row.line,
      ...fields,
      ...(numerator === undefined ? {} : { numerator }),
      ...(denominator === undefined ? {} : { denominator }),
      ...(value === undefined ? {} : { value: value.value }),
    })
  }
  checkBreakdownSums(out, problems)
  // The shared reader would say that no row has a Belopp; say what this template lacks instead.
  if (out.length === 0 && problems.count === 0) {
    problems.add('SHEET_EMPTY', skipped[0] ?? 1, messages.noFigures())
  }
  return { rows: out, skipped }
}

// ---------------------------------------------------------------------------------------------
// Parts and totals

const DIMENSIONS = ['employment', 'gender', 'ageBand', 'sickDays'] as const
type Dimension = (typeof DIMENSIONS)[number]

/** A part as the message names it: "Kvinnor", "Tillsvidareanställda", "30-49 år", "1-7 sjukdagar". */
function partName(dimension: Dimension, breakdown: PersonnelBreakdown): string {
  switch (dimension) {
    case 'employment':
      return breakdown.employment ? employmentLabels[breakdown.employment] : ''
    case 'gender':
      return breakdown.gender ? genderLabels[breakdown.gender] : ''
    case 'ageBand': {
      const band = breakdown.ageBand ?? ''
      return band.endsWith('-') ? `${band.slice(0, -1)} år och äldre` : `${band} år`
    }
    case 'sickDays':
      return breakdown.sickDays ? `${breakdown.sickDays} sjukdagar` : ''
  }
}

/** A band "30-49", "60-" or "0" as the inclusive range it covers. */
function bandRange(band: string): [number, number] {
  const [lo = '0', hi] = band.split('-')
  if (hi === undefined) return [Number(lo), Number(lo)]
  return [Number(lo), hi === '' ? Number.POSITIVE_INFINITY : Number(hi)]
}

/**
 * Whether bands can be added up: only when no two overlap. A municipality may report both "50-"
 * and "60-"; their sum counts people twice and says nothing about the total.
 */
function disjoint(bands: readonly string[]): boolean {
  const ranges = bands.map(bandRange).sort((a, b) => a[0] - b[0])
  return ranges.every((range, i) => i === 0 || range[0] > (ranges[i - 1]?.[1] ?? -1))
}

/**
 * Counts split along one dimension cannot add up to more than their total: women and men under
 * permanent employment against all permanent employees, the age bands against everyone, and so on
 * for each dimension and each total present in the same unit, year, period and measure. People
 * outside every part (another gender, hourly staff) may make the parts add up to less, never more.
 * Reported on the total's row, with both figures. Linear in the rows: parts are indexed by their
 * total's identity rather than searched for.
 */
function checkBreakdownSums(rows: readonly PersonnelRow[], problems: Problems): void {
  const counts = rows.filter(
    (r) => personnelMeasures[r.measure].kind === 'count' && r.numerator !== undefined,
  )
  const whole = (r: PersonnelRow, breakdown: PersonnelBreakdown) =>
    JSON.stringify([r.unit, r.year, r.period ?? '', r.measure, breakdownKey(breakdown)])
  const parts = new Map<string, PersonnelRow[]>()
  for (const row of counts) {
    for (const dimension of DIMENSIONS) {
      if (row.breakdown[dimension] === undefined) continue
      const key = `${dimension}|${whole(row, { ...row.breakdown, [dimension]: undefined })}`
      const list = parts.get(key)
      if (list) list.push(row)
      else parts.set(key, [row])
    }
  }
  const column = HEADINGS.numerator
  const order = PERSONNEL_COLUMNS.findIndex((c) => c.key === 'numerator')
  for (const total of counts) {
    for (const dimension of DIMENSIONS) {
      if (total.breakdown[dimension] !== undefined) continue
      const found = parts.get(`${dimension}|${whole(total, total.breakdown)}`)
      if (!found) continue
      if (dimension === 'ageBand' || dimension === 'sickDays') {
        if (!disjoint(found.map((p) => p.breakdown[dimension] ?? ''))) continue
      }
      const sum = found.reduce((s, p) => s + scaled(p.numerator ?? '0'), 0n)
      const limit = scaled(total.numerator ?? '0')
      if (sum <= limit) continue
      const names = list(found.map((p) => partName(dimension, p.breakdown)))
      const detail = messages.breakdownExceeds(
        names,
        found.map((p) => p.line),
        shownScaled(sum),
        shownScaled(limit),
      )
      problems.add(
        'SHEET_PERSONNEL_BREAKDOWN',
        total.line,
        messages.cell(total.line, column, detail),
        column,
        order,
      )
    }
  }
}
