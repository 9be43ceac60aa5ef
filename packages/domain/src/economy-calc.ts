import {
  assertOre,
  deviation,
  formatAmount,
  fromLedgerSign,
  type Ore,
  rollUp,
  roundToUnit,
  sumOre,
} from './economy.ts'
import type { AccountGroupKind } from './economy-model.ts'
import type { AmountUnit, SignConvention } from './municipality.ts'

/*
 * Calculations on operating amounts: splitting by shares, restating history into a later
 * organisation, the operating statement, how a deviation is presented and a first draft of the
 * comment on it. Everything is exact integer arithmetic on öre; rounding happens only in the text.
 * Unless a comment says otherwise, amounts are in the ledger's sign (costs positive, income
 * negative; the allocation positive when received).
 */

/** The whole, in parts per million. */
export const WHOLE_PPM = 1_000_000

// ---------------------------------------------------------------------------------------------
// Allocation by shares
// ---------------------------------------------------------------------------------------------

/**
 * Split an amount over shares (parts per million, summing to 1 000 000) so that the parts add up to
 * the amount exactly. Each part first gets the whole öre of its ideal share (rounded towards zero);
 * the öre left over go one each to the parts with the largest remainders, the earlier part first on
 * a tie (largest-remainder method). Every part is then within one öre of its ideal share.
 *
 * A negative amount is split as its magnitude and negated, so that splitting −x gives exactly the
 * negated parts of x: a cost and its reversal are split the same way.
 */
export function allocateByShares(amount: Ore, sharesPpm: readonly number[]): Ore[] {
  assertOre(amount)
  let total = 0
  for (const share of sharesPpm) {
    if (!Number.isSafeInteger(share) || share <= 0) {
      throw new RangeError(`Andelen ska vara ett positivt heltal miljondelar, fick ${share}`)
    }
    total += share
  }
  if (total !== WHOLE_PPM) {
    throw new RangeError(
      `Andelarna ska tillsammans vara 1 000 000 miljondelar (hela beloppet), men är ${total}`,
    )
  }
  // amount × share can exceed 2^53 (a billion kronor × a million), so the products are BigInt.
  const magnitude = BigInt(Math.abs(amount))
  const whole = BigInt(WHOLE_PPM)
  const parts: bigint[] = []
  const remainders: { index: number; remainder: bigint }[] = []
  let allocated = 0n
  sharesPpm.forEach((share, index) => {
    const product = magnitude * BigInt(share)
    const part = product / whole
    parts.push(part)
    remainders.push({ index, remainder: product % whole })
    allocated += part
  })
  // At most (number of shares − 1) öre are left, since each part lost less than one öre.
  let left = Number(magnitude - allocated)
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  )
  for (const { index } of remainders) {
    if (left === 0) break
    parts[index] = (parts[index] ?? 0n) + 1n
    left -= 1
  }
  // `|| 0` turns −0 (a zero part of a negative amount) into 0, so results compare equal with Object.is.
  return parts.map((p) => (amount < 0 ? -Number(p) : Number(p)) || 0)
}

// ---------------------------------------------------------------------------------------------
// Reorganisations
// ---------------------------------------------------------------------------------------------

/** Part of one cost centre's amounts moved to another cost centre. */
export type Move = { from: string; to: string; sharePpm: number }

/**
 * One change of the cost-centre structure, from a date. The moves out of one cost centre together
 * move all of it (a cost centre split in two has two moves whose shares add up to the whole).
 * Moves within one reorganisation are followed to the end: A→B and B→C on the same day put A's
 * amounts in C, which is why a cycle within one reorganisation has no meaning.
 */
export type Reorganisation = { key: string; effectiveFrom: string; moves: Move[] }

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Problems that make a list of reorganisations impossible to apply, in Swedish; empty when it is usable. */
export function checkReorganisations(reorgs: readonly Reorganisation[]): string[] {
  const problems: string[] = []
  const keys = new Set<string>()
  for (const reorg of reorgs) {
    const name = `Omorganisationen "${reorg.key}"`
    if (keys.has(reorg.key)) problems.push(`${name} finns två gånger`)
    keys.add(reorg.key)
    if (!isoDate.test(reorg.effectiveFrom)) {
      problems.push(`${name} har datumet "${reorg.effectiveFrom}", som inte är på formen ÅÅÅÅ-MM-DD`)
    }
    const outOf = new Map<string, Move[]>()
    for (const move of reorg.moves) {
      if (move.from === move.to) problems.push(`${name} flyttar ansvaret ${move.from} till sig självt`)
      if (!Number.isSafeInteger(move.sharePpm) || move.sharePpm <= 0 || move.sharePpm > WHOLE_PPM) {
        problems.push(
          `${name}: andelen från ${move.from} till ${move.to} ska vara ett heltal 1–1 000 000 miljondelar, är ${move.sharePpm}`,
        )
      }
      const list = outOf.get(move.from) ?? []
      list.push(move)
      outOf.set(move.from, list)
    }
    for (const [from, moves] of outOf) {
      const total = moves.reduce((sum, m) => sum + m.sharePpm, 0)
      if (total !== WHOLE_PPM) {
        problems.push(
          `${name}: andelarna som flyttas från ${from} är tillsammans ${total} miljondelar, inte hela (1 000 000)`,
        )
      }
    }
    const cycle = findCycle(outOf)
    if (cycle) problems.push(`${name} flyttar runt i en cirkel: ${cycle.join(' → ')}`)
  }
  return problems
}

/** A cycle among the moves of one reorganisation (self-moves are reported on their own), or undefined. */
function findCycle(outOf: ReadonlyMap<string, readonly Move[]>): string[] | undefined {
  const done = new Set<string>()
  const path: string[] = []
  const onPath = new Set<string>()
  const visit = (node: string): string[] | undefined => {
    if (onPath.has(node)) return [...path.slice(path.indexOf(node)), node]
    if (done.has(node)) return undefined
    onPath.add(node)
    path.push(node)
    for (const move of outOf.get(node) ?? []) {
      if (move.to === move.from) continue
      const found = visit(move.to)
      if (found) return found
    }
    path.pop()
    onPath.delete(node)
    done.add(node)
    return undefined
  }
  // Sorted, so that the same reorganisation always reports the same cycle.
  for (const start of [...outOf.keys()].sort()) {
    const found = visit(start)
    if (found) return found
  }
  return undefined
}

/** The reorganisations in force on `asOf`, in the order they took effect (same day: by key). */
function reorganisationsInForce(reorgs: readonly Reorganisation[], asOf: string): Reorganisation[] {
  if (!isoDate.test(asOf)) throw new RangeError(`Datumet "${asOf}" är inte på formen ÅÅÅÅ-MM-DD`)
  const problems = checkReorganisations(reorgs)
  if (problems.length > 0) throw new RangeError(problems.join('; '))
  // ISO dates compare correctly as strings.
  return reorgs
    .filter((r) => r.effectiveFrom <= asOf)
    .sort((a, b) =>
      a.effectiveFrom === b.effectiveFrom
        ? a.key < b.key
          ? -1
          : a.key > b.key
            ? 1
            : 0
        : a.effectiveFrom < b.effectiveFrom
          ? -1
          : 1,
    )
}

/** Moves of one reorganisation grouped by the cost centre they move out of. */
function movesByFrom(reorg: Reorganisation): Map<string, Move[]> {
  const outOf = new Map<string, Move[]>()
  for (const move of reorg.moves) {
    const list = outOf.get(move.from) ?? []
    list.push(move)
    outOf.set(move.from, list)
  }
  return outOf
}

/**
 * Split one amount through one reorganisation, following moves within it to a cost centre that is
 * not moved out. Splitting step by step (rather than multiplying shares) keeps every split exact.
 */
function carry(
  costCentre: string,
  amount: Ore,
  outOf: ReadonlyMap<string, readonly Move[]>,
): [string, Ore][] {
  const moves = outOf.get(costCentre)
  if (!moves) return [[costCentre, amount]]
  const parts = allocateByShares(
    amount,
    moves.map((m) => m.sharePpm),
  )
  return moves.flatMap((move, i) => carry(move.to, parts[i] ?? 0, outOf))
}

/**
 * Restate rows into the cost-centre structure in force on `asOf`, so that earlier years can be
 * compared with the present organisation. Each row is carried through every reorganisation that has
 * taken effect by then, in date order; a row of a cost centre that was split becomes one row per
 * part (parts of zero öre included, so that the result does not depend on the amount), each marked
 * with the cost centre it was booked on. Rows are not merged; `restateTotals` sums them. Rows of
 * cost centres that were never moved come back unchanged. The total is preserved exactly.
 *
 * Throws a RangeError when `checkReorganisations` finds problems, since the total could not be kept.
 */
export function restate<T extends { costCentre: string; amountOre: Ore }>(
  rows: readonly T[],
  reorgs: readonly Reorganisation[],
  asOf: string,
): Array<T & { restatedFrom?: string }> {
  const steps = reorganisationsInForce(reorgs, asOf).map(movesByFrom)
  return rows.flatMap((row) => {
    let parts: [string, Ore][] = [[row.costCentre, row.amountOre]]
    let moved = false
    for (const outOf of steps) {
      if (!parts.some(([cc]) => outOf.has(cc))) continue
      moved = true
      parts = parts.flatMap(([cc, amount]) => carry(cc, amount, outOf))
    }
    if (!moved) return [row]
    // A row that went A→B and back to A is marked too: it has been through a reorganisation.
    const from = (row as { restatedFrom?: string }).restatedFrom ?? row.costCentre
    return parts.map(([costCentre, amountOre]) => ({ ...row, costCentre, amountOre, restatedFrom: from }))
  })
}

/** Restated amounts summed per cost centre (in the order the cost centres first appear). */
export function restateTotals(
  rows: readonly { costCentre: string; amountOre: Ore }[],
  reorgs: readonly Reorganisation[],
  asOf: string,
): Map<string, Ore> {
  return rollUp(
    restate(rows, reorgs, asOf),
    (r) => r.costCentre,
    (r) => r.amountOre,
  )
}

// ---------------------------------------------------------------------------------------------
// Operating statement
// ---------------------------------------------------------------------------------------------

/** A row for the operating statement; without a group kind it counts as net cost (seed data per unit). */
export type StatementRow = { amountOre: Ore; groupKind?: AccountGroupKind | undefined }

/**
 * The operating statement of a unit or board, in the ledger's sign except `result`:
 * income (≤ 0 when there is income), costs, net cost = income + costs, finance net, allocation
 * (positive when received) and result = allocation − net cost − finance net, positive for a surplus.
 */
export type OperatingStatement = {
  income: Ore
  costs: Ore
  netCost: Ore
  financeNet: Ore
  allocation: Ore
  result: Ore
}

export function operatingStatement(rows: readonly StatementRow[]): OperatingStatement {
  const byKind = (kind: AccountGroupKind | undefined): Ore =>
    sumOre(rows.filter((r) => r.groupKind === kind).map((r) => r.amountOre))
  const income = byKind('income')
  const costs = sumOre([byKind('cost'), byKind(undefined)])
  const netCost = sumOre([income, costs])
  const financeNet = byKind('finance')
  const allocation = byKind('allocation')
  const result = sumOre([allocation, -netCost, -financeNet])
  return { income, costs, netCost, financeNet, allocation, result }
}

// ---------------------------------------------------------------------------------------------
// Presenting a deviation
// ---------------------------------------------------------------------------------------------

/**
 * How a deviation is presented. Deliberately not exported under a name: api-economy.ts exports the
 * same union as `DeviationTone` (a zod enum), and two exports of one name through index.ts would clash.
 */
type Tone = 'surplus' | 'deficit' | 'on-budget'

/** Shown together with the colour, never the colour alone (WCAG 1.4.1). */
export const toneLabels: Record<Tone, string> = {
  surplus: 'Överskott',
  deficit: 'Underskott',
  'on-budget': 'I nivå med budget',
}

/** Default limit for "i nivå med budget": 0,5 % of the budget, in parts per million. */
export const ON_BUDGET_THRESHOLD_PPM = 5_000

/**
 * How a deviation (favourable positive, as from `deviation`) is presented. It is on budget when it
 * is zero or smaller than `thresholdPpm` (default 5 000 ppm = 0,5 %) of the budget's magnitude; a
 * municipality that uses another limit passes it. With a budget of zero any deviation counts.
 */
export function deviationTone(
  deviationOre: Ore,
  budgetOre: Ore,
  thresholdPpm: number = ON_BUDGET_THRESHOLD_PPM,
): Tone {
  if (!Number.isSafeInteger(thresholdPpm) || thresholdPpm < 0 || thresholdPpm > WHOLE_PPM) {
    throw new RangeError(
      `Gränsen för i nivå med budget ska vara 0–1 000 000 miljondelar, fick ${thresholdPpm}`,
    )
  }
  if (deviationOre === 0) return 'on-budget'
  // |deviation| < threshold × |budget| compared in integers: both sides can exceed 2^53.
  const lhs = BigInt(Math.abs(deviationOre)) * BigInt(WHOLE_PPM)
  const rhs = BigInt(Math.abs(budgetOre)) * BigInt(thresholdPpm)
  if (lhs < rhs) return 'on-budget'
  return deviationOre > 0 ? 'surplus' : 'deficit'
}

/**
 * The change of a net-cost forecast since the previous one, favourable positive: a lower net cost
 * (ledger sign) is an improvement.
 */
export function forecastChange(previousOre: Ore, currentOre: Ore): Ore {
  return assertOre(previousOre - currentOre, 'Prognosförändringen')
}

// ---------------------------------------------------------------------------------------------
// Comment drafts
// ---------------------------------------------------------------------------------------------

export type DeviationCommentInput = {
  /** "Kontor Detaljplan", "Kommunstyrelseförvaltningen". */
  subjectName: string
  measureCompared: 'outcome' | 'forecast'
  /** Budget, ledger sign (a unit's net cost: positive). */
  budgetOre: Ore
  /** Outcome or forecast, ledger sign. */
  valueOre: Ore
  /** The previous follow-up's forecast, ledger sign. */
  previousForecastOre?: Ore | undefined
  /** Deviation per account group, favourable positive. */
  groups?: readonly { label: string; deviationOre: Ore }[] | undefined
  /** The municipality's display convention. */
  sign: SignConvention
  unit: AmountUnit
  decimals: number
  year: number
  /** Limit for "i nivå med budget", see `deviationTone`. */
  onBudgetThresholdPpm?: number | undefined
}

/**
 * "Personalkostnader" → "personalkostnader" for running text, but an initial abbreviation stays as it
 * is ("IT-kostnader", "VA-verksamhet"): only a capital followed by a non-capital is lowered.
 */
function inRunningText(label: string): string {
  const first = label.charAt(0)
  const second = label.charAt(1)
  const secondIsCapital =
    second !== '' &&
    second === second.toLocaleUpperCase('sv-SE') &&
    second !== second.toLocaleLowerCase('sv-SE')
  return secondIsCapital ? label : first.toLocaleLowerCase('sv-SE') + label.slice(1)
}

/**
 * A first draft of the comment on a deviation, in Swedish, from the figures alone; a person edits it.
 * The same figures always give the same text, and the display sign convention does not change it
 * (the deviation is favourable-positive in both). Amounts are rounded last, as magnitudes in the
 * main sentence and with their sign (favourable positive) for the contributing account groups.
 *
 * 1. The deviation: "X redovisar ett underskott på 5,4 mkr jämfört med budget." (outcome) or
 *    "X prognostiserar ett överskott på 2,1 mkr för helåret 2025 jämfört med budget." (forecast),
 *    or "… ett utfall i nivå med budget (avvikelse 0,1 mkr)." within the on-budget limit.
 * 2. With groups, for a surplus or deficit: the (at most) two groups with the largest deviation in
 *    the same direction, ties in the given order. Groups whose deviation rounds to zero are not
 *    named: they explain nothing at the printed precision.
 * 3. With a previous forecast: how the forecast changed ("förbättrats/försämrats med …", "är
 *    oförändrad" when the change rounds to zero); for an outcome, how it compares with the forecast.
 */
export function draftDeviationComment(input: DeviationCommentInput): string {
  const { subjectName, measureCompared, unit, decimals, sign } = input
  // Through the display convention and `deviation`, as the rest of the system does; for ledger
  // amounts this is budget − value in both conventions.
  const dev = deviation(fromLedgerSign(input.budgetOre, sign), fromLedgerSign(input.valueOre, sign), sign)
  const tone = deviationTone(dev, input.budgetOre, input.onBudgetThresholdPpm)
  const magnitude = formatAmount(Math.abs(dev), unit, decimals)
  const sentences: string[] = []

  const verb = measureCompared === 'forecast' ? 'prognostiserar' : 'redovisar'
  const period = measureCompared === 'forecast' ? ` för helåret ${input.year}` : ''
  if (tone === 'on-budget') {
    sentences.push(`${subjectName} ${verb} ett utfall i nivå med budget${period} (avvikelse ${magnitude}).`)
  } else {
    const word = tone === 'surplus' ? 'överskott' : 'underskott'
    sentences.push(`${subjectName} ${verb} ett ${word} på ${magnitude}${period} jämfört med budget.`)
  }

  if (input.groups && tone !== 'on-budget') {
    const direction = tone === 'surplus' ? 1 : -1
    const contributors = input.groups
      .map((g, index) => ({ ...g, index }))
      .filter(
        (g) => Math.sign(g.deviationOre) === direction && roundToUnit(g.deviationOre, unit, decimals) !== 0,
      )
      .sort((a, b) => Math.abs(b.deviationOre) - Math.abs(a.deviationOre) || a.index - b.index)
      .slice(0, 2)
      .map((g) => `${inRunningText(g.label)} (${formatAmount(g.deviationOre, unit, decimals)})`)
    if (contributors.length > 0) {
      const subject = tone === 'surplus' ? 'Överskottet' : 'Underskottet'
      sentences.push(`${subject} förklaras främst av ${contributors.join(' och ')}.`)
    }
  }

  if (input.previousForecastOre !== undefined) {
    const change = forecastChange(input.previousForecastOre, input.valueOre)
    const rounded = roundToUnit(change, unit, decimals)
    const amount = formatAmount(Math.abs(change), unit, decimals)
    if (measureCompared === 'forecast') {
      if (rounded === 0) sentences.push('Prognosen är oförändrad sedan föregående prognos.')
      else {
        const how = change > 0 ? 'förbättrats' : 'försämrats'
        sentences.push(`Prognosen har ${how} med ${amount} sedan föregående prognos.`)
      }
    } else if (rounded === 0) {
      sentences.push('Utfallet är i nivå med föregående prognos.')
    } else {
      const how = change > 0 ? 'bättre' : 'sämre'
      sentences.push(`Utfallet är ${amount} ${how} än föregående prognos.`)
    }
  }
  return sentences.join(' ')
}
