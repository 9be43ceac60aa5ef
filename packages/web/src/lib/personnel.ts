/**
 * Pure helpers of the personnel and internal-control pages: what a hidden cell says, the columns of
 * a measure's table, the risk matrix's order and the keys of new risks and controls. How a figure is
 * written (`formatPersonnelValue`) and the sick-leave chart are in @arshjul/domain (charts.ts), which
 * the server's reports share.
 */
import type {
  BoardDetail,
  InternalControlView,
  PersonnelKind,
  PersonnelView,
  RiskView,
  SessionUser,
} from '@arshjul/domain'
import { formatNumber, formatPersonnelValue, permissions, riskBandLabels } from '@arshjul/domain'

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
