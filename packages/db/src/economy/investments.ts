import {
  type FramesView,
  type InvestmentCategory,
  type InvestmentRow,
  type InvestmentStatus,
  type InvestmentView,
  investmentCategoryLabels,
  investmentStatusLabels,
  isLandDevelopment,
  sumOre,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import type { BoardContext } from '../read/context.ts'
import { displayOf } from './operating.ts'

type Totals = InvestmentView['totals']['all']

function sumNullable(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null)
  return present.length === 0 ? null : sumOre(present)
}

/** Favourable-positive for expenditure: budget minus outcome (land-sale income is negative in the ledger). */
function favourable(budget: number | null, value: number | null): number | null {
  return budget === null || value === null ? null : budget - value
}

function totalsOf(rows: readonly InvestmentRow[]): Totals {
  const t = {
    decidedTotal: sumNullable(rows.map((r) => r.decidedTotal)),
    accumulatedOutcome: sumNullable(rows.map((r) => r.accumulatedOutcome)),
    budget: sumNullable(rows.map((r) => r.budget)),
    revisedBudget: sumNullable(rows.map((r) => r.revisedBudget)),
    forecast: sumNullable(rows.map((r) => r.forecast)),
    outcome: sumNullable(rows.map((r) => r.outcome)),
  }
  return {
    ...t,
    accumulatedDeviation: sumNullable(rows.map((r) => r.accumulatedDeviation)),
    deviation: sumNullable(rows.map((r) => r.deviation)),
  }
}

/**
 * The investment table of a board for a year: per project the decided total, the outcome since the
 * start (all outcome up to the year), this year's budget, revised budget, forecast and outcome, and
 * plan years. Land development is totalled separately. The forecast is the given follow-up's, or the
 * latest one of the year that has a forecast.
 */
export async function readInvestments(
  db: Queryable,
  board: BoardContext,
  q: { year?: number | undefined; followUp?: string | undefined },
): Promise<InvestmentView> {
  const [latest] = await db.query<{ year: number | null }>(
    `SELECT max(a.year) AS year FROM investment_amounts_of_record a JOIN investment_projects p ON p.id = a.project_id
      WHERE p.board_id = $1 AND a.measure <> 'plan'`,
    [board.id],
  )
  const year = q.year ?? latest?.year ?? new Date().getFullYear()
  const projects = await db.query<{
    id: string
    key: string
    name: string
    category: InvestmentCategory
    status: InvestmentStatus
    decided_total_ore: string | null
    note: string | null
  }>(
    `SELECT id, key, name, category, status, decided_total_ore::text, note FROM investment_projects
      WHERE board_id = $1 ORDER BY key`,
    [board.id],
  )
  const amounts = await db.query<{
    project_id: string
    year: number
    measure: string
    follow_up_id: string | null
    fu_key: string | null
    fu_end: string | null
    sum: string
  }>(
    `SELECT a.project_id, a.year, a.measure, a.follow_up_id, f.key AS fu_key, f.period_end::text AS fu_end,
            sum(a.amount_ore)::text AS sum
       FROM investment_amounts_of_record a
       JOIN investment_projects p ON p.id = a.project_id
       LEFT JOIN follow_ups f ON f.id = a.follow_up_id
      WHERE p.board_id = $1
      GROUP BY a.project_id, a.year, a.measure, a.follow_up_id, f.key, f.period_end`,
    [board.id],
  )
  const forecasts = amounts
    .filter((a) => a.measure === 'forecast' && a.year === year && a.fu_key !== null)
    .sort((a, b) => `${a.fu_end}${a.fu_key}`.localeCompare(`${b.fu_end}${b.fu_key}`))
  const forecastKey = q.followUp ?? forecasts.at(-1)?.fu_key ?? null

  const rows: InvestmentRow[] = []
  for (const p of projects) {
    const own = amounts.filter((a) => a.project_id === p.id)
    // A project is in a year's table when it has amounts for the year, or is still going on from earlier.
    const shown = own.some(
      (a) => (a.year === year && a.measure !== 'plan') || (a.year < year && p.status !== 'completed'),
    )
    if (!shown) continue
    const sumOf = (pred: (a: (typeof own)[number]) => boolean) =>
      sumNullable(own.filter(pred).map((a) => Number(a.sum)))
    const budget = sumOf((a) => a.measure === 'budget' && a.year === year)
    const revisedBudget = sumOf((a) => a.measure === 'revised-budget' && a.year === year)
    const outcome = sumOf((a) => a.measure === 'outcome' && a.year === year)
    const forecast = sumOf((a) => a.measure === 'forecast' && a.year === year && a.fu_key === forecastKey)
    const accumulatedOutcome = sumOf((a) => a.measure === 'outcome' && a.year <= year)
    const decidedTotal = p.decided_total_ore === null ? null : Number(p.decided_total_ore)
    const plans = [...new Set(own.filter((a) => a.measure === 'plan' && a.year > year).map((a) => a.year))]
      .sort()
      .map((y) => ({ year: y, amount: sumOf((a) => a.measure === 'plan' && a.year === y) ?? 0 }))
    rows.push({
      key: p.key,
      name: p.name,
      category: p.category,
      categoryLabel: investmentCategoryLabels[p.category],
      status: p.status,
      statusLabel: investmentStatusLabels[p.status],
      landDevelopment: isLandDevelopment(p.category),
      decidedTotal,
      accumulatedOutcome,
      accumulatedDeviation: favourable(decidedTotal, accumulatedOutcome),
      budget,
      revisedBudget,
      forecast,
      outcome,
      deviation: favourable(revisedBudget ?? budget, outcome),
      plans,
      note: p.note,
    })
  }
  const planYears = [...new Set(rows.flatMap((r) => r.plans.map((p) => p.year)))].sort()
  return {
    year,
    display: displayOf(board),
    projects: rows,
    totals: {
      excludingLandDevelopment: totalsOf(rows.filter((r) => !r.landDevelopment)),
      landDevelopment: totalsOf(rows.filter((r) => r.landDevelopment)),
      all: totalsOf(rows),
    },
    planYears,
  }
}

/** Frame-change lists and appropriation splits of a board (for one year, or all). */
export async function readFrames(
  db: Queryable,
  board: BoardContext,
  q: { year?: number | undefined },
): Promise<FramesView> {
  const lists = await db.query<{
    id: string
    key: string
    year: number
    kind: 'frame-changes' | 'appropriation-split'
    title: string
  }>(
    `SELECT id, key, year, kind, title FROM frame_lists
      WHERE board_id = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year DESC, kind, key`,
    [board.id, q.year ?? null],
  )
  const items = await db.query<{
    list_id: string
    label: string
    amount_ore: string
    cost_centre: string | null
  }>(
    `SELECT i.list_id, i.label, i.amount_ore::text, i.cost_centre FROM frame_items i
       JOIN frame_lists l ON l.id = i.list_id WHERE l.board_id = $1 ORDER BY i.list_id, i.sort_order`,
    [board.id],
  )
  return {
    display: displayOf(board),
    lists: lists.map((l) => {
      const own = items
        .filter((i) => i.list_id === l.id)
        .map((i) => ({ label: i.label, amount: Number(i.amount_ore), costCentre: i.cost_centre }))
      return {
        key: l.key,
        year: l.year,
        kind: l.kind,
        title: l.title,
        items: own,
        total: sumOre(own.map((i) => i.amount)),
      }
    }),
  }
}
