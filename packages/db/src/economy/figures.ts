import {
  type AccountGroup,
  type AccountGroupKind,
  accountGroupOf,
  deviationTone,
  type Measure,
  type OperatingFigures,
  sumOre,
} from '@arshjul/domain'

/** An aggregated amount as read from economy_amounts (sums per combination of dimensions). */
export interface AmountCell {
  costCentre: string | null
  account: string | null
  accountGroup: string | null
  activityCode: string | null
  measure: Measure
  year: number
  month: number | null
  followUpId: string | null
  amountOre: number
}

/** The raw sums a row of a table needs, before deviations are derived. */
export interface Slots {
  budget: number | null
  revisedBudget: number | null
  periodBudget: number | null
  outcome: number | null
  forecast: number | null
  previousForecast: number | null
  previousYearOutcome: number | null
}

export interface Period {
  year: number
  throughMonth: number
  followUpId: string | null
  previousFollowUpId: string | null
}

const slotNames = [
  'budget',
  'revisedBudget',
  'periodBudget',
  'outcome',
  'forecast',
  'previousForecast',
  'previousYearOutcome',
] as const

/** Which slot of a period a cell counts in, if any. */
function slotOf(cell: AmountCell, p: Period): (typeof slotNames)[number] | null {
  const toDate = cell.month !== null && cell.month <= p.throughMonth
  if (cell.year === p.year) {
    switch (cell.measure) {
      case 'budget':
        return 'budget'
      case 'revised-budget':
        return 'revisedBudget'
      case 'period-budget':
        return toDate ? 'periodBudget' : null
      case 'outcome':
        return toDate ? 'outcome' : null
      case 'forecast':
        if (cell.followUpId !== null && cell.followUpId === p.followUpId) return 'forecast'
        if (cell.followUpId !== null && cell.followUpId === p.previousFollowUpId) return 'previousForecast'
        return null
      default:
        return null
    }
  }
  if (cell.year === p.year - 1 && cell.measure === 'outcome' && toDate) return 'previousYearOutcome'
  return null
}

/** Exact sums of the cells into the period's slots; a slot no cell reached stays null. */
export function slotsOf(cells: readonly AmountCell[], p: Period): Slots {
  const parts = new Map<string, number[]>()
  for (const cell of cells) {
    const slot = slotOf(cell, p)
    if (slot === null) continue
    const list = parts.get(slot)
    if (list) list.push(cell.amountOre)
    else parts.set(slot, [cell.amountOre])
  }
  const out = {} as Slots
  for (const name of slotNames) {
    const list = parts.get(name)
    out[name] = list ? sumOre(list) : null
  }
  return out
}

/** Slot by slot: the first of the candidates that has the slot (totals from one breakdown at a time). */
export function firstPresent(...candidates: Slots[]): Slots {
  const out = {} as Slots
  for (const name of slotNames) out[name] = candidates.find((c) => c[name] !== null)?.[name] ?? null
  return out
}

export function addSlots(a: Slots, b: Slots, factor = 1): Slots {
  const out = {} as Slots
  for (const name of slotNames) {
    const x = a[name]
    const y = b[name]
    out[name] = x === null && y === null ? null : (x ?? 0) + factor * (y ?? 0)
  }
  return out
}

export const emptySlots: Slots = {
  budget: null,
  revisedBudget: null,
  periodBudget: null,
  outcome: null,
  forecast: null,
  previousForecast: null,
  previousYearOutcome: null,
}

/**
 * Derive deviations from the sums. `orientation` says which way is favourable: for net costs
 * (ledger sign, costs positive) less is better; for the allocation and the result more is better.
 * Outcome is measured against the period budget during the year and against the (revised) annual
 * budget at year end, falling back to the period budget when no annual budget was loaded.
 */
export function toFigures(s: Slots, throughMonth: number, orientation: 'cost' | 'gain'): OperatingFigures {
  const favourable = (budget: number | null, value: number | null) =>
    budget === null || value === null ? null : orientation === 'cost' ? budget - value : value - budget
  const annualBudget = s.revisedBudget ?? s.budget
  const budgetToDate = throughMonth === 12 ? (annualBudget ?? s.periodBudget) : s.periodBudget
  const deviation = favourable(budgetToDate, s.outcome)
  const forecastDeviation = favourable(annualBudget, s.forecast)
  const forecastChange = favourable(s.previousForecast, s.forecast)
  const basis = forecastDeviation !== null && throughMonth < 12 ? forecastDeviation : deviation
  const basisBudget = forecastDeviation !== null && throughMonth < 12 ? annualBudget : budgetToDate
  return {
    ...s,
    deviation,
    forecastDeviation,
    forecastChange,
    tone: basis === null || basisBudget === null ? null : deviationTone(basis, basisBudget),
  }
}

/** The kind of amount a cell is: by its explicit group, by its account's group, or net cost. */
export function kindResolver(groups: readonly AccountGroup[]) {
  const byKey = new Map(groups.map((g) => [g.key, g]))
  const cache = new Map<string, AccountGroup | undefined>()
  const groupOf = (cell: AmountCell): AccountGroup | undefined => {
    if (cell.accountGroup !== null) return byKey.get(cell.accountGroup)
    if (cell.account === null) return undefined
    if (!cache.has(cell.account)) cache.set(cell.account, accountGroupOf(cell.account, groups))
    return cache.get(cell.account)
  }
  return {
    groupOf,
    kindOf: (cell: AmountCell): AccountGroupKind | null => groupOf(cell)?.kind ?? null,
  }
}
