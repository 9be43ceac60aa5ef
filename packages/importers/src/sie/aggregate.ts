import type { SieFile, SieObjectList, SiePeriodBalance } from './types.ts'

export interface SieAggregateOptions {
  /** The calendar year: selects the #RAR starting in it (else ending in it); see `fiscalYearFor`. */
  readonly year: number
  /** The dimension whose objects are cost centres; 1 ("Kostnadsställe/resultatenhet") by default. */
  readonly costCentreDimension?: number
  /**
   * The dimension whose objects are activity codes (verksamhet), when the ledger books them; read
   * from the vouchers only (object balances are split by cost centre alone).
   */
  readonly activityDimension?: number
  /** Where outcome comes from; `auto` prefers the vouchers (see `aggregate`). */
  readonly outcomeSource?: 'auto' | 'balances' | 'transactions'
  /** How object rows of #PSALDO/#PBUDGET relate to the object-less rows; `auto` detects it. */
  readonly objectBalances?: 'auto' | 'total' | 'partition'
}

export interface SieAggregateRow {
  readonly account: string
  /** The object in the cost-centre dimension; null for amounts booked without one. */
  readonly costCentre: string | null
  /** The object in the activity dimension, when one was asked for and the row has one. */
  readonly activity?: string
  /** `YYYYMM` */
  readonly period: string
  /** Exact öre, debit positive: costs positive, income negative. */
  readonly outcomeOre: bigint
  readonly budgetOre: bigint
}

export interface SieAggregate {
  readonly rows: readonly SieAggregateRow[]
  readonly fiscalYear: { readonly index: number; readonly start: string; readonly end: string } | null
  readonly outcomeSource: 'balances' | 'transactions' | 'none'
  readonly objectBalances: 'total' | 'partition'
}

type MutableRow = { -readonly [K in keyof SieAggregateRow]: SieAggregateRow[K] }

/** Sums by account, cost centre and period in nested maps: no key strings built per row. */
class Accumulator {
  private readonly byAccount = new Map<string, Map<string | null, Map<string, MutableRow>>>()

  add(
    account: string,
    centre: string | null,
    period: string,
    field: 'outcomeOre' | 'budgetOre',
    ore: bigint,
  ) {
    let byCentre = this.byAccount.get(account)
    if (!byCentre) {
      byCentre = new Map()
      this.byAccount.set(account, byCentre)
    }
    let byPeriod = byCentre.get(centre)
    if (!byPeriod) {
      byPeriod = new Map()
      byCentre.set(centre, byPeriod)
    }
    const row = byPeriod.get(period)
    if (row) row[field] += ore
    else
      byPeriod.set(period, {
        account,
        costCentre: centre,
        period,
        outcomeOre: 0n,
        budgetOre: 0n,
        [field]: ore,
      })
  }

  rows(): MutableRow[] {
    return [...this.byAccount.values()].flatMap((c) => [...c.values()].flatMap((p) => [...p.values()]))
  }
}

/**
 * Outcome and budget per account, cost centre and month of one fiscal year, in exact öre.
 *
 * Outcome: from the #TRANS rows of the vouchers dated in the year (a row's own date, else its
 * voucher's), when there are any; otherwise from #PSALDO. Vouchers win because they are the
 * record itself and the balances are derived from them: where a file has both they agree, and
 * where they do not, the balances are partial (a type 4 export with two stray object balances).
 * Budget: always from #PBUDGET. Both are for the selected #RAR year (`fiscalYearFor`).
 *
 * Cost centre: the row's object in `costCentreDimension`; failing that, an object in a dimension
 * declared by #UNDERDIM below it (at any depth), so project 0036 of sub-dimension 61 counts as
 * project 0036 when dimension 6 is asked for (SIE 4 does not say which parent object a sub-object
 * belongs to, so it keeps its own id).
 *
 * Object balances (types 3 and 4) come in two shapes, told apart per file (`detectObjectBalances`):
 * - `total` (the standard): the `{}` row is the account's total and object rows break it down.
 *   A cost centre gets its object rows; the `{}` total minus those goes to "no cost centre"; rows
 *   with objects in other dimensions only are breakdowns already inside the total. An account
 *   and month with object rows but no `{}` row is taken to be fully allocated. The totals are thus
 *   never added on top of their own breakdown.
 * - `partition`: each row is the amount booked with exactly that object combination, `{}` being
 *   the part booked without objects; every row counts once, towards its cost centre or none.
 *
 * Rows whose outcome and budget are both zero are left out. Sorted by account, cost centre (none
 * first) and period, comparing strings.
 */
export function aggregate(file: SieFile, options: SieAggregateOptions): SieAggregate {
  const fiscalYear = fiscalYearFor(file, options.year)
  const objectBalances =
    options.objectBalances && options.objectBalances !== 'auto'
      ? options.objectBalances
      : detectObjectBalances(file, fiscalYear?.index ?? 0)
  if (fiscalYear === null) return { rows: [], fiscalYear, outcomeSource: 'none', objectBalances }
  const { start, end, index } = fiscalYear
  const inYear = (period: string) => period >= start.slice(0, 6) && period <= end.slice(0, 6)
  const costCentre = costCentreResolver(file, options.costCentreDimension ?? 1)
  const sums = new Accumulator()
  const add = sums.add.bind(sums)

  const hasTransactions = file.vouchers.some((v) =>
    v.rows.some((r) => r.kind === 'TRANS' && (r.date ?? v.date) >= start && (r.date ?? v.date) <= end),
  )
  const balances = file.periodBalances.filter((b) => b.year === index && inYear(b.period))
  const hasOutcomeBalances = balances.some((b) => b.kind === 'PSALDO')
  const requested = options.outcomeSource ?? 'auto'
  const outcomeSource =
    requested !== 'auto'
      ? requested
      : hasTransactions
        ? 'transactions'
        : hasOutcomeBalances
          ? 'balances'
          : 'none'

  // With an activity dimension, a voucher row's key is its cost centre and activity together, split
  // again below; the separator cannot occur in an object id (SIE text has no control characters).
  const activityOf = options.activityDimension ? costCentreResolver(file, options.activityDimension) : null
  const keyOf = (objects: SieObjectList): string | null => {
    const centre = costCentre(objects)
    const activity = activityOf?.(objects) ?? null
    return activity === null ? centre : `${centre ?? ''}${ACTIVITY_SEPARATOR}${activity}`
  }
  if (outcomeSource === 'transactions') {
    for (const voucher of file.vouchers) {
      for (const row of voucher.rows) {
        if (row.kind !== 'TRANS') continue
        const date = row.date ?? voucher.date
        if (date < start || date > end) continue
        add(row.account, keyOf(row.objects), date.slice(0, 6), 'outcomeOre', row.amountOre)
      }
    }
  } else if (outcomeSource === 'balances') {
    const outcome = balances.filter((b) => b.kind === 'PSALDO')
    addBalances(outcome, objectBalances, costCentre, (a, c, p, ore) => add(a, c, p, 'outcomeOre', ore))
  }
  const budget = balances.filter((b) => b.kind === 'PBUDGET')
  addBalances(budget, objectBalances, costCentre, (a, c, p, ore) => add(a, c, p, 'budgetOre', ore))

  const result = sums
    .rows()
    .filter((r) => r.outcomeOre !== 0n || r.budgetOre !== 0n)
    .map((r) => {
      const at = r.costCentre?.indexOf(ACTIVITY_SEPARATOR) ?? -1
      if (r.costCentre === null || at < 0) return r
      const centre = r.costCentre.slice(0, at)
      return { ...r, costCentre: centre === '' ? null : centre, activity: r.costCentre.slice(at + 1) }
    })
  result.sort(
    (a, b) =>
      compare(a.account, b.account) ||
      // Object ids are never empty, so '' puts "no cost centre" first.
      compare(a.costCentre ?? '', b.costCentre ?? '') ||
      compare(a.period, b.period),
  )
  return { rows: result, fiscalYear, outcomeSource, objectBalances }
}

const ACTIVITY_SEPARATOR = '\u0001'

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The fiscal year a calendar year means in this file: the #RAR starting in that year, else the one
 * ending in it (a broken year 2015-09-01–2016-08-31 is found by 2015 or 2016). A file without #RAR
 * is taken to cover the calendar year as year 0. Null when the file's years do not include it.
 */
export function fiscalYearFor(file: SieFile, year: number): SieAggregate['fiscalYear'] {
  const y = String(year)
  const found =
    file.fiscalYears.find((f) => f.start.startsWith(y)) ?? file.fiscalYears.find((f) => f.end.startsWith(y))
  if (found) return { index: found.index, start: found.start, end: found.end }
  return file.fiscalYears.length === 0 ? { index: 0, start: `${y}0101`, end: `${y}1231` } : null
}

function costCentreResolver(file: SieFile, dimension: number): (objects: SieObjectList) => string | null {
  const parentOf = new Map<number, number>()
  for (const d of file.dimensions) if (d.parent !== null) parentOf.set(d.number, d.parent)
  const below = (start: number) => {
    let current: number | undefined = start
    // A cycle of #UNDERDIM declarations must not hang the import: give up after a few levels.
    for (let depth = 0; depth < 16 && current !== undefined; depth++) {
      if (current === dimension) return true
      current = parentOf.get(current)
    }
    return false
  }
  const cache = new Map<SieObjectList, string | null>()
  return (objects) => {
    if (objects.length === 0) return null
    const cached = cache.get(objects)
    if (cached !== undefined) return cached
    const found = objects.find((o) => o.dimension === dimension) ?? objects.find((o) => below(o.dimension))
    const centre = found?.id ?? null
    cache.set(objects, centre)
    return centre
  }
}

function addBalances(
  balances: readonly SiePeriodBalance[],
  shape: SieAggregate['objectBalances'],
  costCentre: (objects: SieObjectList) => string | null,
  add: (account: string, centre: string | null, period: string, ore: bigint) => void,
): void {
  if (shape === 'partition') {
    for (const b of balances) add(b.account, costCentre(b.objects), b.period, b.amountOre)
    return
  }
  const groups = new Map<
    string,
    { account: string; period: string; total: bigint | null; allocated: bigint }
  >()
  for (const b of balances) {
    const key = `${b.account}\u0000${b.period}`
    let group = groups.get(key)
    if (!group) {
      group = { account: b.account, period: b.period, total: null, allocated: 0n }
      groups.set(key, group)
    }
    if (b.objects.length === 0) {
      group.total = (group.total ?? 0n) + b.amountOre
      continue
    }
    const centre = costCentre(b.objects)
    if (centre === null) continue
    add(b.account, centre, b.period, b.amountOre)
    group.allocated += b.amountOre
  }
  for (const g of groups.values()) if (g.total !== null) add(g.account, null, g.period, g.total - g.allocated)
}

/**
 * Tells the two shapes of object balances apart with the file's own year figures: for each account
 * that has object rows in #PSALDO, the year's change (#RES, else #UB − #IB) equals either the sum
 * of its `{}` rows (`total`) or the sum of all its rows (`partition`). The majority of accounts
 * decides; without evidence the standard's `total` applies.
 */
export function detectObjectBalances(file: SieFile, index: number): SieAggregate['objectBalances'] {
  const sums = new Map<string, { plain: bigint; all: bigint; objects: boolean }>()
  for (const b of file.periodBalances) {
    if (b.kind !== 'PSALDO' || b.year !== index) continue
    const s = sums.get(b.account) ?? { plain: 0n, all: 0n, objects: false }
    s.all += b.amountOre
    if (b.objects.length === 0) s.plain += b.amountOre
    else s.objects = true
    sums.set(b.account, s)
  }
  const result = new Map<string, bigint>()
  const opening = new Map<string, bigint>()
  const closing = new Map<string, bigint>()
  for (const y of file.yearBalances) {
    if (y.year !== index) continue
    const target = y.kind === 'RES' ? result : y.kind === 'IB' ? opening : closing
    target.set(y.account, (target.get(y.account) ?? 0n) + y.amountOre)
  }
  let total = 0
  let partition = 0
  for (const [account, s] of sums) {
    if (!s.objects) continue
    const change =
      result.get(account) ??
      (opening.has(account) || closing.has(account)
        ? (closing.get(account) ?? 0n) - (opening.get(account) ?? 0n)
        : undefined)
    if (change === undefined || s.plain === s.all) continue
    if (change === s.plain) total++
    else if (change === s.all) partition++
  }
  return partition > total ? 'partition' : 'total'
}
