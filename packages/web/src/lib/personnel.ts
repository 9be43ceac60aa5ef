/**
 * Pure helpers of the personnel and internal-control pages: how a figure is written, what a hidden
 * cell says, the columns of a measure's table, the sick-leave chart, the risk matrix's order and the
 * keys of new risks and controls.
 */
import type {
  BoardDetail,
  InternalControlView,
  PersonnelKind,
  PersonnelView,
  RiskView,
  SessionUser,
} from '@arshjul/domain'
import { formatNumber, permissions, riskBandLabels } from '@arshjul/domain'
import { joinSwedish } from './format.ts'

export type PersonnelMeasureView = PersonnelView['measures'][number]
export type PersonnelRowView = PersonnelMeasureView['rows'][number]
export type PersonnelCellView = PersonnelRowView['cells'][number]
export type PersonnelScope = PersonnelView['scope']
export type RiskBand = RiskView['band']

/** What a screen reader hears instead of the dash of a protected cell. */
export const HIDDEN_CELL_TEXT = 'dolt: färre än 10 personer'
/** What a screen reader hears instead of the dash of a year without a figure. */
export const MISSING_CELL_TEXT = 'uppgift saknas'
/** The rule of protected cells, shown whenever a view has any. */
export const HIDDEN_RULE =
  'Uppgifter om grupper med färre än 10 personer visas inte utanför förvaltningen, inte heller uppgifter som skulle avslöja dem.'

const NBSP = '\u00a0'

/**
 * A figure in sv-SE with the measure's decimals: 3.03 percent → "3,03 %", a count as a whole
 * number ("198"), an index, ratio or age as the number alone (the unit is in the caption).
 */
export function formatPersonnelValue(value: number, kind: PersonnelKind, decimals: number): string {
  if (kind === 'count') return formatNumber(Math.round(value), 0)
  const text = formatNumber(value, decimals)
  return kind === 'percent' ? `${text}${NBSP}%` : text
}

/** The unit a measure's caption names: "procent", "antal", "år", "index"; none for a ratio. */
export function personnelUnit(kind: PersonnelKind): string | null {
  switch (kind) {
    case 'percent':
      return 'procent'
    case 'count':
      return 'antal'
    case 'years':
      return 'år'
    case 'index':
      return 'index'
    case 'ratio':
      return null
  }
}

/** "Sjukfrånvaro (procent)", "Antal medarbetare per första linjens chef". */
export function measureCaption(measure: Pick<PersonnelMeasureView, 'label' | 'kind'>): string {
  const unit = personnelUnit(measure.kind)
  return unit ? `${measure.label} (${unit})` : measure.label
}

/** A stored quantity as written ("1234.5" → "1 234,5"), or the text itself when it is no number. */
function quantityText(raw: string): string {
  const number = Number(raw)
  if (!Number.isFinite(number)) return raw
  return formatNumber(number, Number.isInteger(number) ? 0 : Math.min(2, raw.split('.')[1]?.length ?? 0))
}

/** What a computed cell is computed from: "beräknat: 1 234 sjukfrånvarotimmar / 40 000 ordinarie …". */
export function computedText(
  measure: Pick<PersonnelMeasureView, 'numerator' | 'denominator'>,
  cell: Pick<PersonnelCellView, 'numerator' | 'denominator'>,
): string {
  const part = (quantity: string | null, what: string | null) =>
    [quantity === null ? null : quantityText(quantity), what].filter(Boolean).join(' ')
  const numerator = part(cell.numerator, measure.numerator) || 'täljare'
  const denominator = part(cell.denominator, measure.denominator) || 'nämnare'
  return `beräknat: ${numerator} / ${denominator}`
}

/** The general explanation below a table that has computed figures. */
export function computedNote(measure: Pick<PersonnelMeasureView, 'numerator' | 'denominator'>): string {
  const numerator = measure.numerator ?? 'täljare'
  const denominator = measure.denominator ?? 'nämnare'
  return `Markerade värden (*) är beräknade: täljare/nämnare, det vill säga ${numerator} delat med ${denominator}.`
}

export interface PersonnelColumn {
  key: string
  year: number
  period: string | null
  label: string
}

const columnKey = (year: number, period: string | null) => `${year}|${period ?? ''}`

/** The columns of a measure's table: each year (and period within it) that has a cell, oldest first. */
export function personnelColumns(measure: Pick<PersonnelMeasureView, 'rows'>): PersonnelColumn[] {
  const seen = new Map<string, PersonnelColumn>()
  for (const row of measure.rows) {
    for (const cell of row.cells) {
      const key = columnKey(cell.year, cell.period)
      if (!seen.has(key)) {
        seen.set(key, {
          key,
          year: cell.year,
          period: cell.period,
          label: cell.period ? `${cell.year} ${cell.period}` : String(cell.year),
        })
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.year - b.year || (a.period ?? '').localeCompare(b.period ?? ''))
}

/** A row's cell in a column, if it has one. */
export function cellAt(row: Pick<PersonnelRowView, 'cells'>, column: PersonnelColumn) {
  return row.cells.find((c) => columnKey(c.year, c.period) === column.key) ?? null
}

/** What a cell shows and what a screen reader hears in its place. */
export function cellContent(
  measure: Pick<PersonnelMeasureView, 'kind' | 'decimals'>,
  cell: Pick<PersonnelCellView, 'value' | 'hidden'> | null,
): { text: string; spoken: string | null } {
  if (cell?.hidden) return { text: '–', spoken: HIDDEN_CELL_TEXT }
  if (!cell || cell.value === null) return { text: '–', spoken: MISSING_CELL_TEXT }
  return { text: formatPersonnelValue(cell.value, measure.kind, measure.decimals), spoken: null }
}

/**
 * Whether the user may import personnel figures: an HR file covers the whole municipality, so it
 * takes a grant on the municipality that manages the cycle (an administrator or a controller there).
 */
export function mayImportPersonnel(
  user: Pick<SessionUser, 'grants'> | null | undefined,
  code: string,
): boolean {
  return (user?.grants ?? []).some(
    (g) =>
      g.municipality === code &&
      g.scopeKind === 'municipality' &&
      permissions[g.role].includes('manage-cycle'),
  )
}

/** "Kommunstyrelseförvaltningen 2024", "Kommunledningsförvaltningen 2020–2024". */
export function scopeYearsText(view: Pick<PersonnelView, 'scope' | 'years'>): string {
  const years = [...view.years].sort((a, b) => a - b)
  const first = years[0]
  const last = years[years.length - 1]
  if (first === undefined || last === undefined) return view.scope.name
  return `${view.scope.name} ${first === last ? first : `${first}–${last}`}`
}

/** "2 uppgifter är dolda", "1 uppgift är dold". */
export function hiddenCountText(count: number): string {
  return count === 1 ? '1 uppgift är dold.' : `${formatNumber(count, 0)} uppgifter är dolda.`
}

export interface ScopeChoice {
  key: string
  name: string
  kind: PersonnelScope['kind']
}

/**
 * The scopes the page offers: the board's administrations that have figures (the current ones
 * first, in the board's order), then the municipality as a whole.
 */
export function scopeChoices(
  scopes: readonly ScopeChoice[],
  board: Pick<BoardDetail, 'administrations'> | undefined,
): ScopeChoice[] {
  const administrations = [...(board?.administrations ?? [])].sort(
    (a, b) => Number(a.validTo !== null) - Number(b.validTo !== null),
  )
  const own = administrations
    .map((a) => scopes.find((s) => s.key === a.key && s.kind !== 'municipality'))
    .filter((s): s is ScopeChoice => s !== undefined)
  const municipality = scopes.filter((s) => s.kind === 'municipality')
  return [...own, ...municipality]
}

/** The scope a board's page opens with: the first of its choices, or the municipality. */
export function defaultScope(choices: readonly ScopeChoice[]): string {
  return choices[0]?.key ?? 'kommunen'
}

// ---------------------------------------------------------------------------------------------
// The sick-leave chart
// ---------------------------------------------------------------------------------------------

export interface SickLeaveSeries {
  name: string
  data: (number | null)[]
}

export interface SickLeaveChart {
  years: number[]
  series: SickLeaveSeries[]
  decimals: number
}

/**
 * Sick leave per year for everyone and by gender (the rows without employment, age or sick days);
 * null when there is no sick leave or fewer than two years to draw a line between.
 */
export function sickLeaveChart(view: Pick<PersonnelView, 'measures'>): SickLeaveChart | null {
  const measure = view.measures.find((m) => m.measure === 'sick-leave')
  if (!measure) return null
  const rows = measure.rows.filter(
    (r) =>
      r.breakdown.employment === undefined &&
      r.breakdown.ageBand === undefined &&
      r.breakdown.sickDays === undefined,
  )
  const years = [
    ...new Set(rows.flatMap((r) => r.cells.filter((c) => c.period === null).map((c) => c.year))),
  ].sort((a, b) => a - b)
  if (years.length < 2) return null
  const series = rows
    .map((r) => ({
      name: r.label,
      data: years.map((y) => r.cells.find((c) => c.year === y && c.period === null)?.value ?? null),
    }))
    .filter((s) => s.data.filter((v) => v !== null).length > 0)
  return series.length > 0 ? { years, series, decimals: measure.decimals } : null
}

/** The chart's text alternative, in a few sentences; the table has every value. */
export function sickLeaveSummary(chart: SickLeaveChart, scopeName: string): string {
  const first = chart.years[0]
  const last = chart.years[chart.years.length - 1]
  const sentences = [`Linjediagram över sjukfrånvaron i ${scopeName}, ${first}–${last}, i procent.`]
  for (const s of chart.series) {
    const points = s.data
      .map((v, i) =>
        v === null ? null : `${formatPersonnelValue(v, 'percent', chart.decimals)} ${chart.years[i]}`,
      )
      .filter((p): p is string => p !== null)
    sentences.push(`${s.name}: ${joinSwedish(points)}.`)
  }
  const hidden = chart.series.some((s) => s.data.some((v) => v === null))
  if (hidden) sentences.push('År utan värde saknas eller är dolda.')
  sentences.push('Alla värden finns i tabellen.')
  return sentences.join(' ')
}

const SERIES_COLOURS = ['#1d4f91', '#a3461f', '#3f6e12', '#6b3fa0']
const SYMBOLS = ['circle', 'triangle', 'rect', 'diamond']
const TEXT_COLOUR = '#1b1b1b'
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

/** ECharts option for the sick-leave chart (typed loosely, as the indicator charts). */
export function sickLeaveOption(chart: SickLeaveChart): Record<string, unknown> {
  // The axis steps are round; one decimal is enough for them (the points have the measure's).
  const format = (value: number) => formatNumber(value, Math.min(chart.decimals, 1))
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: TEXT_COLOUR, fontSize: 13 },
    grid: { left: 8, right: 24, top: 32, bottom: 40, containLabel: true },
    legend: { bottom: 0, selectedMode: false, textStyle: { color: TEXT_COLOUR }, itemWidth: 28 },
    xAxis: {
      type: 'category',
      data: chart.years.map(String),
      boundaryGap: false,
      axisLabel: { color: TEXT_COLOUR },
      axisLine: { lineStyle: { color: '#6b6b6b' } },
    },
    yAxis: {
      type: 'value',
      name: '%',
      min: 0,
      nameTextStyle: { color: TEXT_COLOUR, align: 'left' },
      axisLabel: { color: TEXT_COLOUR, formatter: format },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    // Each line has its own colour, symbol and dash, so that they differ without colour too.
    series: chart.series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      color: SERIES_COLOURS[i % SERIES_COLOURS.length],
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 8,
      lineStyle: { width: 2.5, type: i === 0 ? 'solid' : i === 1 ? 'dashed' : 'dotted' },
      connectNulls: false,
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Internal control
// ---------------------------------------------------------------------------------------------

export type MatrixCell = InternalControlView['matrix'][number]

export interface MatrixRow {
  probability: number
  label: string
  cells: (MatrixCell & { bandLabel: string })[]
}

/**
 * The risk matrix as table rows: probability from the highest down (as the heat map is drawn),
 * consequence from the lowest to the highest across; each cell with its band in words.
 */
export function matrixRows(view: Pick<InternalControlView, 'matrix' | 'scale'>): MatrixRow[] {
  const probabilities = view.scale.probability.map((label, i) => ({ probability: i + 1, label })).reverse()
  return probabilities.map(({ probability, label }) => ({
    probability,
    label,
    cells: view.matrix
      .filter((c) => c.probability === probability)
      .sort((a, b) => a.consequence - b.consequence)
      .map((c) => ({ ...c, bandLabel: riskBandLabels[c.band] })),
  }))
}

/** "Möjlig (3)": a step of the probability or consequence scale. */
export function scaleStep(labels: readonly string[], step: number): string {
  const label = labels[step - 1]
  return label ? `${label} (${step})` : String(step)
}

/** "1 risk", "3 risker". */
export function riskCountText(count: number): string {
  return count === 1 ? '1 risk' : `${formatNumber(count, 0)} risker`
}

/** A key's readable part from a title: "Avtal för distansarbete" → "avtal-for-distansarbete". */
export function slug(title: string): string {
  return title
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
}

/**
 * A new key for a risk or a control that none of `taken` has: "ks-2025-risk-sena-leveranser",
 * then "-2", "-3" … The server refuses a key another board uses, and a stale one is a conflict.
 */
export function newKey(parts: readonly (string | number)[], title: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  const base = [...parts.map(String), slug(title) || 'utan-namn'].join('-').slice(0, 110).replace(/-+$/g, '')
  if (!used.has(base)) return base
  for (let i = 2; ; i++) {
    const key = `${base}-${i}`
    if (!used.has(key)) return key
  }
}

/** The years to choose among: those with internal control and those with a follow-up to write in. */
export function internalControlYears(
  view: Pick<InternalControlView, 'years' | 'year'>,
  followUpYears: readonly number[],
): number[] {
  return [...new Set([...view.years, ...followUpYears, view.year])].sort((a, b) => b - a)
}

/** "Låg risk: riskvärde 1–3. Medelhög risk: 4–6. Hög risk: 8–16." from the matrix's own cells. */
export function bandRangesText(matrix: readonly Pick<MatrixCell, 'value' | 'band'>[]): string {
  const bands: RiskBand[] = ['low', 'medium', 'high']
  const parts = bands
    .map((band) => {
      const values = matrix.filter((c) => c.band === band).map((c) => c.value)
      if (values.length === 0) return null
      const min = Math.min(...values)
      const max = Math.max(...values)
      return `${riskBandLabels[band]}: ${min === max ? min : `${min}–${max}`}`
    })
    .filter((p): p is string => p !== null)
  return `Riskvärdet är sannolikhet × konsekvens. ${parts.join('. ')}.`
}
