import { Buffer } from 'node:buffer'
import {
  employmentLabels,
  genderLabels,
  investmentCategoryLabels,
  investmentStatusLabels,
  type Measure,
  MIN_GROUP_SIZE,
  measureLabels,
  type PersonnelBreakdown,
  type PersonnelMeasure,
  personnelMeasures,
  type SignConvention,
} from '@arshjul/domain'
import ExcelJS from 'exceljs'
import { columnLetter } from './cells.ts'
import { formatCsv, protectFormula } from './csv.ts'
import { INVESTMENT_COLUMNS, INVESTMENT_MEASURES, type InvestmentColumn } from './investments.ts'
import { formatOreForCsv, toConventionSign } from './number.ts'
import { isMonthly, OPERATING_COLUMNS, OPERATING_MEASURES, type OperatingColumn } from './operating.ts'
import { PERSONNEL_COLUMNS, PERSONNEL_MEASURES, type PersonnelColumn, plainDecimal } from './personnel.ts'
import type { InvestmentMeasure, InvestmentProjectInfo, OperatingRow, PersonnelRow } from './types.ts'

/**
 * The templates controllers download: CSV (UTF-8 with BOM, `;`, as Excel saves "CSV UTF-8") and
 * XLSX (a data sheet with a bold, frozen header, text-formatted code columns and drop-down lists,
 * and an "Instruktioner" sheet). Amounts are written in the municipality's sign convention, so a
 * template filled in and uploaded reads back to the same ledger-signed rows.
 */

/** An operating row to write; without `amountOre` the Belopp cell is left empty for the user. */
export type OperatingTemplateRow = Omit<OperatingRow, 'line' | 'amountOre'> & { readonly amountOre?: number }

export interface OperatingPrefill {
  /** One row per cost centre (twelve, one per month, for period budget and outcome). */
  readonly costCentres: readonly { readonly code: string; readonly name: string }[]
  readonly year: number
  readonly measure: Measure
  /** Required for a forecast, which belongs to a follow-up. */
  readonly followUp?: string
}

export interface OperatingTemplateOptions {
  readonly sign: SignConvention
  readonly prefill?: OperatingPrefill
  /** Rows with amounts (ledger sign), e.g. to hand out this year's budget; written after the prefill. */
  readonly rows?: readonly OperatingTemplateRow[]
}

export interface InvestmentTemplateRow {
  readonly project: InvestmentProjectInfo
  readonly year: number
  readonly measure: InvestmentMeasure
  readonly followUp?: string
  /** Ledger sign; left empty when absent. */
  readonly amountOre?: number
}

export interface InvestmentPrefill {
  /** One row per project. */
  readonly projects: readonly InvestmentProjectInfo[]
  readonly year: number
  readonly measure: InvestmentMeasure
  readonly followUp?: string
}

export interface InvestmentTemplateOptions {
  readonly sign: SignConvention
  readonly prefill?: InvestmentPrefill
  readonly rows?: readonly InvestmentTemplateRow[]
}

/** A personnel figure to write; without numerator, denominator and value the row is left to fill in. */
export type PersonnelTemplateRow = Omit<PersonnelRow, 'line'>

export interface PersonnelPrefill {
  /** The units (or administrations) to fill in: one row per unit and main measure. */
  readonly units: readonly { readonly key: string; readonly name: string }[]
  readonly year: number
}

export interface PersonnelTemplateOptions {
  readonly prefill?: PersonnelPrefill
  /** Figures to write after the prefill, e.g. to hand out last year's for comparison. */
  readonly rows?: readonly PersonnelTemplateRow[]
}

/** A value to write: text, a whole number, or an amount (öre, already in the convention's sign). */
type Out =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'amount'; readonly ore: number }
  /** A non-negative decimal as text with a point ("1234.5"), as personnel quantities are kept. */
  | { readonly kind: 'decimal'; readonly text: string }
  | undefined

type ColumnType = 'text' | 'int' | 'amount' | 'decimal'

interface Layout<K extends string> {
  readonly sheetName: string
  readonly columns: readonly {
    readonly key: K
    readonly name: string
    readonly type: ColumnType
    readonly width: number
  }[]
  readonly rows: readonly { readonly values: Readonly<Partial<Record<K, Out>>>; readonly note?: string }[]
  /** Drop-down lists by column. */
  readonly lists: Readonly<Partial<Record<K, readonly string[]>>>
  readonly instructions: readonly (readonly string[])[]
  /** The column whose cells get each row's note (a cost centre's or unit's name); Ansvar if absent. */
  readonly noteKey?: K
}

const text = (value: string | undefined): Out =>
  value === undefined ? undefined : { kind: 'text', text: value }
const int = (value: number | undefined): Out => (value === undefined ? undefined : { kind: 'int', value })
const amount = (ore: number | undefined, sign: SignConvention): Out =>
  ore === undefined ? undefined : { kind: 'amount', ore: toConventionSign(ore, sign) }
const decimal = (value: string | undefined): Out =>
  value === undefined ? undefined : { kind: 'decimal', text: value }

// ---------------------------------------------------------------------------------------------
// Drift

const OPERATING_TYPES: Record<OperatingColumn, { type: ColumnType; width: number }> = {
  year: { type: 'int', width: 8 },
  month: { type: 'int', width: 8 },
  measure: { type: 'text', width: 18 },
  costCentre: { type: 'text', width: 12 },
  account: { type: 'text', width: 10 },
  accountGroup: { type: 'text', width: 18 },
  activityCode: { type: 'text', width: 12 },
  followUp: { type: 'text', width: 16 },
  amount: { type: 'amount', width: 18 },
}

function operatingPrefillRows(
  prefill: OperatingPrefill | undefined,
): { row: OperatingTemplateRow; note: string }[] {
  if (!prefill) return []
  if (prefill.measure === 'forecast' && prefill.followUp === undefined) {
    throw new RangeError('A forecast template needs prefill.followUp: every forecast belongs to a follow-up')
  }
  const months = isMonthly(prefill.measure) ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [undefined]
  return prefill.costCentres.flatMap((cc) =>
    months.map((month) => ({
      row: {
        year: prefill.year,
        ...(month === undefined ? {} : { month }),
        measure: prefill.measure,
        costCentre: cc.code,
        ...(prefill.measure === 'forecast' && prefill.followUp ? { followUp: prefill.followUp } : {}),
      },
      note: cc.name,
    })),
  )
}

function operatingLayout(options: OperatingTemplateOptions): Layout<OperatingColumn> {
  const rows = [
    ...operatingPrefillRows(options.prefill),
    ...(options.rows ?? []).map((row) => ({ row, note: undefined })),
  ]
  return {
    sheetName: 'Drift',
    columns: OPERATING_COLUMNS.map((c) => ({ key: c.key, name: c.name, ...OPERATING_TYPES[c.key] })),
    rows: rows.map(({ row, note }) => ({
      values: {
        year: int(row.year),
        month: int(row.month),
        measure: text(measureLabels[row.measure]),
        costCentre: text(row.costCentre),
        account: text(row.account),
        accountGroup: text(row.accountGroup),
        activityCode: text(row.activityCode),
        followUp: text(row.followUp),
        amount: amount(row.amountOre, options.sign),
      },
      ...(note === undefined ? {} : { note }),
    })),
    lists: { measure: OPERATING_MEASURES.map((m) => measureLabels[m]) },
    instructions: operatingInstructions(options.sign),
  }
}

/** The operating template (or an export of operating rows) as CSV text, BOM included. */
export function operatingTemplateCsv(options: OperatingTemplateOptions): string {
  return layoutCsv(operatingLayout(options))
}

/** The operating template as an XLSX workbook: sheets "Drift" and "Instruktioner". */
export function operatingTemplateXlsx(options: OperatingTemplateOptions): Promise<Buffer> {
  return layoutXlsx(operatingLayout(options))
}

// ---------------------------------------------------------------------------------------------
// Investeringar

const INVESTMENT_TYPES: Record<InvestmentColumn, { type: ColumnType; width: number }> = {
  project: { type: 'text', width: 18 },
  name: { type: 'text', width: 32 },
  category: { type: 'text', width: 30 },
  status: { type: 'text', width: 14 },
  decidedTotal: { type: 'amount', width: 20 },
  year: { type: 'int', width: 8 },
  measure: { type: 'text', width: 18 },
  followUp: { type: 'text', width: 16 },
  amount: { type: 'amount', width: 18 },
}

function investmentPrefillRows(prefill: InvestmentPrefill | undefined): InvestmentTemplateRow[] {
  if (!prefill) return []
  if (prefill.measure === 'forecast' && prefill.followUp === undefined) {
    throw new RangeError('A forecast template needs prefill.followUp: every forecast belongs to a follow-up')
  }
  return prefill.projects.map((project) => ({
    project,
    year: prefill.year,
    measure: prefill.measure,
    ...(prefill.measure === 'forecast' && prefill.followUp ? { followUp: prefill.followUp } : {}),
  }))
}

function investmentLayout(options: InvestmentTemplateOptions): Layout<InvestmentColumn> {
  const prefilled = investmentPrefillRows(options.prefill)
  return {
    sheetName: 'Investeringar',
    columns: INVESTMENT_COLUMNS.map((c) => ({ key: c.key, name: c.name, ...INVESTMENT_TYPES[c.key] })),
    rows: [...prefilled, ...(options.rows ?? [])].map((row) => ({
      values: {
        project: text(row.project.key),
        name: text(row.project.name),
        category: text(investmentCategoryLabels[row.project.category]),
        status: text(investmentStatusLabels[row.project.status]),
        decidedTotal: amount(row.project.decidedTotalOre, options.sign),
        year: int(row.year),
        measure: text(measureLabels[row.measure]),
        followUp: text(row.followUp),
        amount: amount(row.amountOre, options.sign),
      },
    })),
    lists: {
      category: Object.values<string>(investmentCategoryLabels),
      status: Object.values<string>(investmentStatusLabels),
      measure: INVESTMENT_MEASURES.map((m) => measureLabels[m]),
    },
    instructions: investmentInstructions(options.sign),
  }
}

/** The investment template (or an export of investment rows) as CSV text, BOM included. */
export function investmentTemplateCsv(options: InvestmentTemplateOptions): string {
  return layoutCsv(investmentLayout(options))
}

/** The investment template as an XLSX workbook: sheets "Investeringar" and "Instruktioner". */
export function investmentTemplateXlsx(options: InvestmentTemplateOptions): Promise<Buffer> {
  return layoutXlsx(investmentLayout(options))
}

// ---------------------------------------------------------------------------------------------
// Personal

const PERSONNEL_TYPES: Record<PersonnelColumn, { type: ColumnType; width: number }> = {
  unit: { type: 'text', width: 20 },
  year: { type: 'int', width: 8 },
  // Text, so that Excel keeps "2025-08" and "1-7" as typed instead of turning them into dates.
  period: { type: 'text', width: 10 },
  measure: { type: 'text', width: 42 },
  employment: { type: 'text', width: 22 },
  gender: { type: 'text', width: 10 },
  ageBand: { type: 'text', width: 12 },
  sickDays: { type: 'text', width: 10 },
  numerator: { type: 'decimal', width: 14 },
  denominator: { type: 'decimal', width: 14 },
  value: { type: 'decimal', width: 12 },
}

/**
 * The figures every unit reports each year, prefilled for each unit: headcount by employment and
 * gender, and sick leave in total and by gender.
 */
const PERSONNEL_PREFILL: readonly {
  readonly measure: PersonnelMeasure
  readonly breakdown: PersonnelBreakdown
}[] = [
  { measure: 'headcount', breakdown: { employment: 'permanent', gender: 'women' } },
  { measure: 'headcount', breakdown: { employment: 'permanent', gender: 'men' } },
  { measure: 'headcount', breakdown: { employment: 'temporary', gender: 'women' } },
  { measure: 'headcount', breakdown: { employment: 'temporary', gender: 'men' } },
  { measure: 'sick-leave', breakdown: {} },
  { measure: 'sick-leave', breakdown: { gender: 'women' } },
  { measure: 'sick-leave', breakdown: { gender: 'men' } },
]

function personnelPrefillRows(
  prefill: PersonnelPrefill | undefined,
): { row: PersonnelTemplateRow; note: string }[] {
  if (!prefill) return []
  return prefill.units.flatMap((unit) =>
    PERSONNEL_PREFILL.map(({ measure, breakdown }) => ({
      row: { unit: unit.key, year: prefill.year, measure, breakdown },
      note: unit.name,
    })),
  )
}

function personnelLayout(options: PersonnelTemplateOptions): Layout<PersonnelColumn> {
  const rows = [
    ...personnelPrefillRows(options.prefill),
    ...(options.rows ?? []).map((row) => ({ row, note: undefined })),
  ]
  return {
    sheetName: 'Personal',
    columns: PERSONNEL_COLUMNS.map((c) => ({ key: c.key, name: c.name, ...PERSONNEL_TYPES[c.key] })),
    rows: rows.map(({ row, note }) => ({
      values: {
        unit: text(row.unit),
        year: int(row.year),
        period: text(row.period),
        measure: text(personnelMeasures[row.measure].label),
        employment: text(row.breakdown.employment && employmentLabels[row.breakdown.employment]),
        gender: text(row.breakdown.gender && genderLabels[row.breakdown.gender]),
        ageBand: text(row.breakdown.ageBand),
        sickDays: text(row.breakdown.sickDays),
        numerator: decimal(row.numerator),
        denominator: decimal(row.denominator),
        value: decimal(row.value === undefined ? undefined : plainDecimal(row.value)),
      },
      ...(note === undefined ? {} : { note }),
    })),
    lists: {
      measure: PERSONNEL_MEASURES.map((m) => personnelMeasures[m].label),
      employment: Object.values<string>(employmentLabels),
      gender: Object.values<string>(genderLabels),
    },
    instructions: personnelInstructions(),
    noteKey: 'unit',
  }
}

/** The personnel template (or an export of personnel figures) as CSV text, BOM included. */
export function personnelTemplateCsv(options: PersonnelTemplateOptions = {}): string {
  return layoutCsv(personnelLayout(options))
}

/** The personnel template as an XLSX workbook: sheets "Personal" and "Instruktioner". */
export function personnelTemplateXlsx(options: PersonnelTemplateOptions = {}): Promise<Buffer> {
  return layoutXlsx(personnelLayout(options))
}

// ---------------------------------------------------------------------------------------------
// Instructions

const signSentence = (sign: SignConvention, kind: 'operating' | 'investments') => {
  const negative = sign === 'costs-negative'
  if (kind === 'operating') {
    return negative
      ? 'Kostnader anges som negativa belopp och intäkter som positiva belopp.'
      : 'Kostnader anges som positiva belopp och intäkter som negativa belopp.'
  }
  return negative
    ? 'Utgifter anges som negativa belopp och inkomster (till exempel vid markförsäljning) som positiva belopp.'
    : 'Utgifter anges som positiva belopp och inkomster (till exempel vid markförsäljning) som negativa belopp.'
}

const AMOUNTS = 'Belopp anges i kronor (inte tkr eller mkr), med högst två decimaler.'
const COMMON = [
  'Rubrikraden (rad 1) ska stå kvar. Kolumnerna får flyttas men inte döpas om, och inga andra kolumner får läggas till.',
  'Rader där Belopp är tomt hoppas över. Ett belopp med en viss kombination av år, mått och övriga kolumner får bara finnas på en rad.',
  'Spara filen som Excel-arbetsbok (.xlsx) eller som CSV UTF-8 (kommaavgränsad). Hela filen läses in eller ingenting: innehåller den fel visas alla fel med rad och kolumn.',
]

function operatingInstructions(sign: SignConvention): string[][] {
  return [
    ['Mall för driftbelopp'],
    [],
    ['Så fyller du i', 'Varje rad på bladet Drift är ett belopp.'],
    ['', AMOUNTS],
    ['', `${signSentence(sign, 'operating')} Det är kommunens teckenregel.`],
    ...COMMON.map((t) => ['', t]),
    [],
    ['Kolumn', 'Innehåll'],
    [
      'År',
      'Året beloppet gäller, med fyra siffror. Alla rader gäller filens år utom Plan, som gäller ett senare år.',
    ],
    ['Månad', 'Månadens nummer, 1–12, för Periodbudget och Utfall. Lämnas tom för årsbelopp.'],
    ['Mått', 'Ett av måtten nedan.'],
    ['Ansvar', 'Ansvarskod (kostnadsställe). Lämnas tom för belopp på nämndnivå.'],
    ['Konto', 'Konto enligt kontoplanen, 3–8 siffror. Frivillig.'],
    ['Kontogrupp', 'Kontogruppens nyckel, till exempel personal eller lokalhyror. Frivillig.'],
    [
      'Verksamhet',
      'Verksamhetskod enligt SCB:s räkenskapssammandrag, tre siffror, till exempel 407. Frivillig.',
    ],
    ['Uppföljning', 'Uppföljningens nyckel. Fylls i för Prognos och lämnas tom för övriga mått.'],
    ['Belopp', `${AMOUNTS} ${signSentence(sign, 'operating')}`],
    [],
    ['Mått', 'Betydelse'],
    ['Budget', 'Årsbudget. Ingen månad.'],
    ['Reviderad budget', 'Årsbudget efter beslutade ändringar. Ingen månad.'],
    ['Periodbudget', 'Budgeten fördelad per månad. Kräver Månad.'],
    ['Utfall', 'Bokfört utfall per månad. Kräver Månad.'],
    ['Prognos', 'Prognos för helåret i en uppföljning. Ingen månad; kräver Uppföljning.'],
    ['Plan', 'Planbelopp för ett senare år i budgetbeslutet. Ingen månad.'],
  ]
}

function investmentInstructions(sign: SignConvention): string[][] {
  const categories = Object.values<string>(investmentCategoryLabels).join(', ')
  return [
    ['Mall för investeringar'],
    [],
    ['Så fyller du i', 'Varje rad på bladet Investeringar är ett belopp för ett projekt.'],
    ['', AMOUNTS],
    ['', `${signSentence(sign, 'investments')} Det är kommunens teckenregel.`],
    ...COMMON.map((t) => ['', t]),
    [],
    ['Kolumn', 'Innehåll'],
    [
      'Projekt',
      'Projektets nyckel: a–z, 0–9 och bindestreck, till exempel skola-norr. Ett projekt har samma nyckel, namn, kategori och status på alla sina rader.',
    ],
    ['Namn', 'Projektets namn.'],
    ['Kategori', `En av: ${categories}.`],
    ['Status', 'Planerat, Pågående eller Färdigställt.'],
    [
      'Beslutad totalbudget',
      'Projektets beslutade totala budget i kronor, för hela projekttiden, med samma teckenregel som Belopp. Frivillig; räcker på en av projektets rader.',
    ],
    [
      'År',
      'Året beloppet gäller, med fyra siffror. Alla rader gäller filens år utom Plan, som gäller ett senare år.',
    ],
    ['Mått', 'Budget, Reviderad budget, Prognos, Utfall eller Plan (belopp för ett senare år).'],
    ['Uppföljning', 'Uppföljningens nyckel. Fylls i för Prognos och lämnas tom för övriga mått.'],
    ['Belopp', `${AMOUNTS} ${signSentence(sign, 'investments')}`],
  ]
}

/** What to fill in for each measure, from the domain's description of its numerator and denominator. */
function personnelMeasureHelp(measure: PersonnelMeasure): string {
  const info = personnelMeasures[measure]
  const quantities = `Täljare: ${info.numerator ?? ''}. Nämnare: ${info.denominator ?? ''}.`
  switch (info.kind) {
    case 'count':
      return 'Antal personer i Täljare. Nämnare och Värde lämnas tomma.'
    case 'percent':
      return `Andel i procent. ${quantities} Eller, om underlaget saknas, procentsatsen (0–100) i Värde.`
    case 'ratio':
      return `Kvot. ${quantities} Eller, om underlaget saknas, kvoten i Värde.`
    case 'index':
      return 'Index. Bara Värde; Täljare och Nämnare lämnas tomma.'
    case 'years':
      return 'Antal år. Bara Värde; Täljare och Nämnare lämnas tomma.'
  }
}

function personnelInstructions(): string[][] {
  return [
    ['Mall för personaluppgifter'],
    [],
    [
      'Så fyller du i',
      'Varje rad på bladet Personal är en uppgift: ett mått för en enhet, ett år (eller en period) och en grupp anställda.',
    ],
    [
      '',
      'Tal skrivs utan tecken, med decimalkomma (decimalpunkt går också) och mellanslag som tusentalsavgränsare om du vill. Täljare och Nämnare har högst fyra decimaler.',
    ],
    [
      '',
      'Procent skrivs som tal, 3,03 för 3,03 %. Använd inte Excels cellformat Procent: där sparas 3,03 % som 0,0303.',
    ],
    [
      '',
      'Rader där Täljare, Nämnare och Värde alla är tomma hoppas över. En uppgift med en viss kombination av enhet, år, period, mått och grupp får bara finnas på en rad.',
    ],
    [
      '',
      'Antal uppdelade på grupper får inte bli fler än totalen: till exempel får kvinnor och män bland tillsvidareanställda tillsammans inte vara fler än alla tillsvidareanställda, och åldersgrupperna tillsammans inte fler än alla anställda.',
    ],
    [
      '',
      `Uppgifter om grupper med färre än ${MIN_GROUP_SIZE} personer visas inte utanför förvaltningen, och inte heller uppgifter som skulle avslöja dem. Fyll ändå i alla grupper: uppgifterna sparas och används i förvaltningens egna underlag.`,
    ],
    ['', COMMON[0] ?? ''],
    ['', COMMON[2] ?? ''],
    [],
    ['Kolumn', 'Innehåll'],
    [
      'Enhet',
      'Enhetens eller förvaltningens nyckel (a–z, 0–9 och bindestreck, till exempel hemtjanst-norr), eller kommunen för hela kommunen.',
    ],
    ['År', 'Året uppgiften gäller, med fyra siffror.'],
    [
      'Period',
      'Frivillig. Månaden uppgiften gäller inom året, som ÅÅÅÅ-MM, till exempel 2025-08 för delårsrapporten per augusti. Lämnas tom för helåret.',
    ],
    ['Mått', 'Ett av måtten nedan, med namnet som det står där.'],
    [
      'Anställningsform',
      'Frivillig. Tillsvidareanställda eller Visstidsanställda (Tillsvidare och Visstid går också). Tom betyder alla anställda.',
    ],
    ['Kön', 'Frivillig. Kvinnor eller Män. Tom betyder alla.'],
    [
      'Åldersgrupp',
      'Frivillig. Lägsta och högsta ålder med bindestreck, till exempel 30-49; 60- betyder 60 år och äldre och -29 betyder 29 år och yngre. Tom betyder alla åldrar.',
    ],
    ['Sjukdagar', 'Frivillig, för Frisknärvaro: ett antal sjukdagar (0) eller ett intervall (1-7).'],
    [
      'Täljare',
      'Underlaget över bråkstrecket, till exempel sjukfrånvarotimmar. För Antal anställda skrivs antalet här.',
    ],
    ['Nämnare', 'Underlaget under bråkstrecket, till exempel ordinarie arbetstid i timmar. Tom för antal.'],
    [
      'Värde',
      'Måttets färdiga värde, när underlaget saknas (till exempel HME eller pensionsålder). Finns både underlag och värde räknas värdet fram ur underlaget.',
    ],
    [],
    ['Mått', 'Vad som fylls i'],
    ...PERSONNEL_MEASURES.map((m) => [personnelMeasures[m].label, personnelMeasureHelp(m)]),
  ]
}

// ---------------------------------------------------------------------------------------------
// Writing

function csvValue(out: Out): string {
  if (out === undefined) return ''
  switch (out.kind) {
    case 'text':
      return protectFormula(out.text)
    case 'int':
      return String(out.value)
    case 'amount':
      return formatOreForCsv(out.ore)
    case 'decimal':
      // A decimal comma, as Swedish Excel reads a number from CSV.
      return out.text.replace('.', ',')
  }
}

function layoutCsv<K extends string>(layout: Layout<K>): string {
  const header = layout.columns.map((c) => c.name)
  const rows = layout.rows.map((r) => layout.columns.map((c) => csvValue(r.values[c.key])))
  return formatCsv([header, ...rows])
}

/**
 * Excel keeps 15 significant digits, so amounts up to 10^13 kr are written as numbers, which the
 * reader turns back into the same öre (see `oreFromCellNumber`). Larger ones, far beyond any
 * municipality, are written as text so that they too survive exactly.
 */
const EXACT_AS_NUMBER = 1e15

function xlsxValue(out: Out): ExcelJS.CellValue {
  if (out === undefined) return null
  switch (out.kind) {
    case 'text':
      return out.text
    case 'int':
      return out.value
    case 'amount':
      return Math.abs(out.ore) < EXACT_AS_NUMBER ? out.ore / 100 : formatOreForCsv(out.ore)
    case 'decimal':
      // Up to 15 significant digits a number holds the decimal exactly as Excel shows it; a longer
      // one (a quantity may have 16) is written as text, which the reader reads the same.
      return out.text.replace('.', '').replace(/^0+/, '').length <= 15
        ? Number(out.text)
        : out.text.replace('.', ',')
  }
}

const NUMBER_FORMATS: Record<ColumnType, string> = {
  text: '@',
  int: '0',
  amount: '#,##0.00',
  decimal: 'General',
}

/** exceljs has range data validations (`worksheet.dataValidations.add`) but does not declare them. */
interface WithDataValidations {
  readonly dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void }
}

async function layoutXlsx<K extends string>(layout: Layout<K>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Årshjul'
  const sheet = workbook.addWorksheet(layout.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = layout.columns.map((c) => ({
    header: c.name,
    key: c.key,
    width: c.width,
    style: { numFmt: NUMBER_FORMATS[c.type] },
  }))
  sheet.getRow(1).font = { bold: true }
  const noteKey: string = layout.noteKey ?? 'costCentre'
  const noteColumn = layout.columns.findIndex((c) => c.key === noteKey) + 1
  for (const row of layout.rows) {
    const added = sheet.addRow(layout.columns.map((c) => xlsxValue(row.values[c.key])))
    if (row.note !== undefined && noteColumn > 0) added.getCell(noteColumn).note = row.note
  }
  const help = workbook.addWorksheet('Instruktioner')
  help.columns = [{ width: 22 }, { width: 110 }]
  for (const line of layout.instructions) help.addRow([...line])
  help.getRow(1).font = { bold: true, size: 14 }
  help.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' }
    if (row.getCell(1).value === 'Kolumn' || row.getCell(1).value === 'Mått') row.font = { bold: true }
  })
  // After the instructions, so that a hidden sheet of long lists comes last.
  addValidations(sheet, layout)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Excel refuses a list written in the formula when it is longer than this (the workbook "needs repair"). */
const MAX_INLINE_LIST = 255

/**
 * A drop-down list's source: the values in the formula, or, when they are too long for that or
 * hold a comma (the personnel measures' labels are), a column of a hidden sheet "Listor".
 */
function listFormula(workbook: ExcelJS.Workbook, list: readonly string[]): string {
  const inline = `"${list.join(',')}"`
  if (inline.length <= MAX_INLINE_LIST && !list.some((item) => item.includes(','))) return inline
  const lists = workbook.getWorksheet('Listor') ?? workbook.addWorksheet('Listor', { state: 'hidden' })
  const column = lists.columnCount + 1
  list.forEach((item, i) => {
    lists.getCell(i + 1, column).value = item
  })
  const letter = columnLetter(column - 1)
  return `Listor!$${letter}$1:$${letter}$${list.length}`
}

/** Drop-down lists, and whole numbers for year and month, on the rows a user is likely to fill. */
function addValidations<K extends string>(sheet: ExcelJS.Worksheet, layout: Layout<K>): void {
  const validations = (sheet as unknown as WithDataValidations).dataValidations
  const last = Math.max(1_000, layout.rows.length + 1_000)
  layout.columns.forEach((column, index) => {
    const letter = columnLetter(index)
    const range = `${letter}2:${letter}${last}`
    const list = layout.lists[column.key]
    if (list) {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [listFormula(sheet.workbook, list)],
        showErrorMessage: true,
        errorTitle: column.name,
        error: `Välj ett av värdena i listan: ${list.join(', ')}.`,
      })
    } else if (column.key === 'month') {
      validations.add(range, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [1, 12],
        showErrorMessage: true,
        errorTitle: column.name,
        error: 'Månaden ska vara ett heltal 1–12.',
      })
    }
  })
}
