import {
  type ActivityEconomyView,
  AppError,
  type OperatingDrillView,
  type OperatingFigures,
  type OperatingRow,
  type OperatingView,
  restate,
  sumOre,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import type { BoardContext } from '../read/context.ts'
import {
  type AmountCell,
  addSlots,
  emptySlots,
  firstPresent,
  kindResolver,
  type Period,
  type Slots,
  slotsOf,
  toFigures,
} from './figures.ts'
import { type CostCentreRecord, readAccountGroups, readCostCentres } from './store.ts'

export interface OperatingQuery {
  year?: number | undefined
  throughMonth?: number | undefined
  followUp?: string | undefined
  structure?: 'reported' | 'current' | undefined
}

interface FollowUpRef {
  id: string
  key: string
  title: string
}

/** The cost centres whose amounts belong to the board: mapped to one of its units. */
function boardCentres(centres: Map<string, CostCentreRecord>, board: BoardContext): string[] {
  return [...centres.values()].filter((c) => c.boardId === board.id).map((c) => c.code)
}

/**
 * Sums per combination of dimensions for the board, for the given years, with the plan years decided
 * together with the latest of them (plan 2026–2027 in the budget for 2025). With `throughMonth`, the
 * months up to it are summed in the database into one cell dated that month (what a table of the
 * period needs: a twelfth of the rows), and later months are left out.
 */
export async function readCells(
  db: Queryable,
  board: BoardContext,
  centres: string[],
  years: readonly number[],
  throughMonth?: number,
  onlyCostCentre?: string,
): Promise<AmountCell[]> {
  const rows = await db.query<{
    cost_centre: string | null
    account: string | null
    account_group: string | null
    activity_code: string | null
    measure: AmountCell['measure']
    year: number
    month: number | null
    follow_up_id: string | null
    sum: string
  }>(
    `SELECT cost_centre, account, account_group, activity_code, measure, year, period_month AS month,
            follow_up_id, sum(amount_ore)::text AS sum
       FROM (SELECT a.*, CASE WHEN a.month IS NULL OR $6::int IS NULL THEN a.month ELSE $6::int END AS period_month
               FROM economy_amounts_of_record a
              WHERE a.municipality_id = $1
                AND (a.board_id = $2 OR (a.board_id IS NULL AND a.cost_centre = ANY($3::text[])))
                AND (a.year = ANY($4::int[]) OR (a.measure = 'plan' AND a.year > $5 AND a.import_year = $5))
                AND ($6::int IS NULL OR a.month IS NULL OR a.month <= $6::int)
                AND ($7::text IS NULL OR a.cost_centre = $7::text)) scoped
      GROUP BY cost_centre, account, account_group, activity_code, measure, year, period_month, follow_up_id`,
    [
      board.municipality.id,
      board.id,
      centres,
      years,
      Math.max(...years),
      throughMonth ?? null,
      onlyCostCentre ?? null,
    ],
  )
  return rows.map((r) => ({
    costCentre: r.cost_centre,
    account: r.account,
    accountGroup: r.account_group,
    activityCode: r.activity_code,
    measure: r.measure,
    year: r.year,
    month: r.month,
    followUpId: r.follow_up_id,
    amountOre: toSafe(r.sum),
  }))
}

function toSafe(text: string): number {
  const n = Number(text)
  if (!Number.isSafeInteger(n)) throw new RangeError('Beloppet är för stort för att räknas exakt')
  return n
}

/** Years the board has operating amounts for (plan rows excluded), newest first. */
export async function economyYears(db: Queryable, board: BoardContext, centres: string[]): Promise<number[]> {
  const rows = await db.query<{ year: number }>(
    `SELECT DISTINCT year FROM economy_amounts_of_record
      WHERE municipality_id = $1 AND measure <> 'plan'
        AND (board_id = $2 OR (board_id IS NULL AND cost_centre = ANY($3::text[])))
      ORDER BY year DESC`,
    [board.municipality.id, board.id, centres],
  )
  return rows.map((r) => r.year)
}

/**
 * The period a table shows by default: through the last month with outcome in the year, so that eight
 * months of outcome are never set against a whole year's budget; the whole year when there is none.
 */
async function lastOutcomeMonth(
  db: Queryable,
  board: BoardContext,
  centres: string[],
  year: number,
): Promise<number> {
  const [row] = await db.query<{ month: number | null }>(
    `SELECT max(month) AS month FROM economy_amounts_of_record
      WHERE municipality_id = $1 AND year = $2 AND measure = 'outcome'
        AND (board_id = $3 OR (board_id IS NULL AND cost_centre = ANY($4::text[])))`,
    [board.municipality.id, year, board.id, centres],
  )
  return row?.month ?? 12
}

/**
 * The follow-up whose forecast is shown, and the one before it: the asked-for follow-up, or else
 * the latest of the year that has a forecast.
 */
async function forecastFollowUps(
  db: Queryable,
  board: BoardContext,
  year: number,
  key: string | undefined,
): Promise<{ current: FollowUpRef | null; previous: FollowUpRef | null }> {
  const rows = await db.query<{ id: string; key: string; title: string; has_forecast: boolean }>(
    `SELECT f.id, f.key, f.title,
            EXISTS (SELECT 1 FROM economy_amounts_of_record a WHERE a.follow_up_id = f.id AND a.year = $2)
         OR EXISTS (SELECT 1 FROM investment_amounts_of_record i WHERE i.follow_up_id = f.id AND i.year = $2) AS has_forecast
       FROM follow_ups f
      WHERE f.board_id = $1 AND f.year = $2
      ORDER BY f.period_end, f.key`,
    [board.id, year],
  )
  let index: number
  if (key !== undefined) {
    index = rows.findIndex((r) => r.key === key)
    if (index < 0)
      throw new AppError('NOT_FOUND', { userMessage: `Uppföljningen "${key}" finns inte för ${year}.` })
  } else {
    index = rows.map((r) => r.has_forecast).lastIndexOf(true)
  }
  const current = rows[index]
  if (!current) return { current: null, previous: null }
  const previous = rows
    .slice(0, index)
    .reverse()
    .find((r) => r.has_forecast)
  const ref = (r: { id: string; key: string; title: string }) => ({ id: r.id, key: r.key, title: r.title })
  return { current: ref(current), previous: previous ? ref(previous) : null }
}

interface Reorg {
  key: string
  effectiveFrom: string
  moves: { from: string; to: string; sharePpm: number }[]
}

export async function readReorganisations(db: Queryable, municipalityId: string): Promise<Reorg[]> {
  const rows = await db.query<{
    key: string
    effective_from: string
    from_code: string
    to_code: string
    share_ppm: number
  }>(
    `SELECT r.key, r.effective_from::text, m.from_code, m.to_code, m.share_ppm
       FROM reorganisations r JOIN reorganisation_moves m ON m.reorganisation_id = r.id
      WHERE r.municipality_id = $1
      ORDER BY r.effective_from, r.key, m.from_code, m.to_code`,
    [municipalityId],
  )
  const byKey = new Map<string, Reorg>()
  for (const r of rows) {
    const reorg = byKey.get(r.key) ?? { key: r.key, effectiveFrom: r.effective_from, moves: [] }
    reorg.moves.push({ from: r.from_code, to: r.to_code, sharePpm: r.share_ppm })
    byKey.set(r.key, reorg)
  }
  return [...byKey.values()]
}

function isUndimensioned(c: AmountCell): boolean {
  return c.costCentre === null && c.activityCode === null && c.accountGroup === null && c.account === null
}

/** The operating table of a board for a year and period: per cost centre, totals, statement, plans. */
export async function readOperating(
  db: Queryable,
  board: BoardContext,
  q: OperatingQuery,
): Promise<OperatingView> {
  const centres = await readCostCentres(db, board.municipality.id)
  const own = boardCentres(centres, board)
  const years = await economyYears(db, board, own)
  const year = q.year ?? years[0] ?? new Date().getFullYear()
  const throughMonth = q.throughMonth ?? (await lastOutcomeMonth(db, board, own, year))
  const structure = q.structure ?? 'reported'
  const fus = await forecastFollowUps(db, board, year, q.followUp)
  const period: Period = {
    year,
    throughMonth,
    followUpId: fus.current?.id ?? null,
    previousFollowUpId: fus.previous?.id ?? null,
  }
  const { kindOf } = kindResolver(await readAccountGroups(db, board.municipality.id))
  let cells = await readCells(db, board, own, [year, year - 1], throughMonth)

  const restatedFrom = new Map<string, Set<string>>()
  if (structure === 'current') {
    const reorgs = await readReorganisations(db, board.municipality.id)
    const today = new Date().toISOString().slice(0, 10)
    const withCentre = cells.filter((c) => c.costCentre !== null) as (AmountCell & { costCentre: string })[]
    const moved = restate(withCentre, reorgs, today)
    for (const c of moved) {
      if (c.restatedFrom === undefined) continue
      const set = restatedFrom.get(c.costCentre) ?? new Set<string>()
      set.add(c.restatedFrom)
      restatedFrom.set(c.costCentre, set)
    }
    cells = [...cells.filter((c) => c.costCentre === null), ...moved]
  }

  const netCostCell = (c: AmountCell) => {
    const kind = kindOf(c)
    return kind === null || kind === 'income' || kind === 'cost'
  }
  const operatingCells = cells.filter((c) => c.measure !== 'plan' && netCostCell(c))
  const byCentre = new Map<string, AmountCell[]>()
  for (const c of operatingCells) {
    if (c.costCentre === null) continue
    const list = byCentre.get(c.costCentre)
    if (list) list.push(c)
    else byCentre.set(c.costCentre, [c])
  }
  // The municipality's own order of its cost centres (as its reports list them), then by code.
  const orderOf = (code: string) => centres.get(code)?.sortOrder ?? Number.MAX_SAFE_INTEGER
  const codes = [...byCentre.keys()].sort(
    (a, b) => orderOf(a) - orderOf(b) || a.localeCompare(b, 'sv', { numeric: true }),
  )
  const rows: OperatingRow[] = []
  let centreSum: Slots = emptySlots
  const subtotalSlots = new Map<string, Slots>()
  let former: Slots = emptySlots
  const formerNames: string[] = []
  for (const code of codes) {
    const slots = slotsOf(byCentre.get(code) ?? [], period)
    if (Object.values(slots).every((v) => v === null)) continue
    centreSum = addSlots(centreSum, slots)
    const record = centres.get(code)
    const onlyLastYear = Object.entries(slots).every(([k, v]) => k === 'previousYearOutcome' || v === null)
    if (onlyLastYear) {
      former = addSlots(former, slots)
      formerNames.push(record?.name ?? `Ansvar ${code}`)
      continue
    }
    const admKey = record?.administrationKey ?? ''
    subtotalSlots.set(admKey, addSlots(subtotalSlots.get(admKey) ?? emptySlots, slots))
    rows.push({
      costCentre: { code, name: record?.name ?? `Ansvar ${code}` },
      unit: record?.unitKey && record.unitName ? { key: record.unitKey, name: record.unitName } : null,
      administration:
        record?.administrationKey && record.administrationName
          ? { key: record.administrationKey, name: record.administrationName }
          : null,
      figures: toFigures(slots, throughMonth, 'cost'),
      restatedFrom: [...(restatedFrom.get(code) ?? [])].sort(),
    })
  }
  const undimensioned = slotsOf(operatingCells.filter(isUndimensioned), period)
  const hasUndimensioned = Object.values(undimensioned).some((v) => v !== null)
  const activitySlots = slotsOf(
    operatingCells.filter((c) => c.costCentre === null && c.activityCode !== null),
    period,
  )
  const groupSlots = slotsOf(
    operatingCells.filter((c) => c.costCentre === null && c.activityCode === null && !isUndimensioned(c)),
    period,
  )
  const netCost = firstPresent(addSlots(centreSum, undimensioned), activitySlots, groupSlots)
  const allocation = slotsOf(
    cells.filter((c) => c.measure !== 'plan' && kindOf(c) === 'allocation'),
    period,
  )
  const finance = slotsOf(
    cells.filter((c) => c.measure !== 'plan' && kindOf(c) === 'finance'),
    period,
  )
  // The result needs the allocation: a board printed without one (Linköping's KS) has no result.
  const withAllocation = addSlots(addSlots(allocation, netCost, -1), finance, -1)
  const result = Object.fromEntries(
    Object.entries(withAllocation).map(([k, v]) => [k, allocation[k as keyof Slots] === null ? null : v]),
  ) as unknown as Slots

  const planYears = [
    ...new Set(cells.filter((c) => c.measure === 'plan' && c.year > year).map((c) => c.year)),
  ].sort()
  const plans = planYears.map((y) => ({
    year: y,
    netCost: sumOre(
      cells.filter((c) => c.measure === 'plan' && c.year === y && netCostCell(c)).map((c) => c.amountOre),
    ),
  }))

  return {
    board: { key: board.key, name: board.name },
    year,
    throughMonth,
    followUp: fus.current ? { key: fus.current.key, title: fus.current.title } : null,
    previousFollowUp: fus.previous ? { key: fus.previous.key, title: fus.previous.title } : null,
    display: displayOf(board),
    structure,
    rows,
    formerUnits:
      formerNames.length === 0
        ? null
        : { names: formerNames, figures: toFigures(former, throughMonth, 'cost') },
    notBrokenDown: hasUndimensioned ? toFigures(undimensioned, throughMonth, 'cost') : null,
    total: toFigures(netCost, throughMonth, 'cost'),
    subtotals:
      subtotalSlots.size < 2
        ? []
        : [...subtotalSlots.entries()].map(([key, slots]) => {
            const adm = rows.find((r) => r.administration?.key === key)?.administration ?? null
            return { administration: adm, figures: toFigures(slots, throughMonth, 'cost') }
          }),
    statement: {
      netCost: toFigures(netCost, throughMonth, 'cost'),
      allocation: toFigures(allocation, throughMonth, 'gain'),
      financeNet: toFigures(finance, throughMonth, 'cost'),
      result: toFigures(result, throughMonth, 'gain'),
    },
    plans,
    years,
    hasAccountDetail: operatingCells.some(
      (c) => c.costCentre !== null && (c.account !== null || c.accountGroup !== null),
    ),
  }
}

export function displayOf(board: BoardContext) {
  const s = board.municipality.settings
  return { unit: s.amountUnit, decimals: s.amountDecimals, sign: s.signConvention }
}

/** One cost centre's amounts per account group and per month: the drill-down of a table row. */
export async function readOperatingDrill(
  db: Queryable,
  board: BoardContext,
  code: string,
  q: OperatingQuery,
): Promise<OperatingDrillView> {
  const centres = await readCostCentres(db, board.municipality.id)
  const own = boardCentres(centres, board)
  const year = q.year ?? (await economyYears(db, board, own))[0] ?? new Date().getFullYear()
  const throughMonth = q.throughMonth ?? 12
  const all = await readCells(db, board, own, [year, year - 1], undefined, code)
  const cells = all.filter((c) => c.costCentre === code && c.measure !== 'plan')
  if (cells.length === 0 && !own.includes(code)) {
    throw new AppError('NOT_FOUND', { userMessage: `Ansvaret ${code} har inga belopp för nämnden.` })
  }
  const groups = await readAccountGroups(db, board.municipality.id)
  const { groupOf } = kindResolver(groups)
  const period: Period = { year, throughMonth, followUpId: null, previousFollowUpId: null }
  const byGroup = new Map<string, AmountCell[]>()
  for (const c of cells) {
    const key = groupOf(c)?.key ?? (c.account === null ? '' : '?')
    const list = byGroup.get(key)
    if (list) list.push(c)
    else byGroup.set(key, [c])
  }
  const order = [...groups.map((g) => g.key), '?', '']
  const groupRows = [...byGroup.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([key, list]) => {
      const g = groups.find((x) => x.key === key)
      const orientation = g?.kind === 'allocation' ? 'gain' : 'cost'
      return {
        key: key === '' ? 'ej-specificerat' : key === '?' ? 'okopplade-konton' : key,
        label: g?.label ?? (key === '' ? 'Ej specificerat på konto' : 'Konton utanför kontogrupperna'),
        kind: g?.kind ?? null,
        figures: toFigures(slotsOf(list, period), throughMonth, orientation) satisfies OperatingFigures,
      }
    })
  const months = Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
    const sumFor = (measure: 'period-budget' | 'outcome', y: number) => {
      const list = cells.filter((c) => c.measure === measure && c.year === y && c.month === month)
      return list.length === 0 ? null : sumOre(list.map((c) => c.amountOre))
    }
    return {
      month,
      periodBudget: sumFor('period-budget', year),
      outcome: sumFor('outcome', year),
      previousYearOutcome: sumFor('outcome', year - 1),
    }
  })
  const record = centres.get(code)
  return {
    costCentre: { code, name: record?.name ?? `Ansvar ${code}` },
    year,
    display: displayOf(board),
    groups: groupRows,
    months: months.filter(
      (m) => m.periodBudget !== null || m.outcome !== null || m.previousYearOutcome !== null,
    ),
  }
}

/** Net costs per SCB activity code. */
export async function readActivities(
  db: Queryable,
  board: BoardContext,
  q: OperatingQuery,
): Promise<ActivityEconomyView> {
  const centres = await readCostCentres(db, board.municipality.id)
  const own = boardCentres(centres, board)
  const year = q.year ?? (await economyYears(db, board, own))[0] ?? new Date().getFullYear()
  const throughMonth = q.throughMonth ?? 12
  const { kindOf } = kindResolver(await readAccountGroups(db, board.municipality.id))
  const cells = (await readCells(db, board, own, [year, year - 1], throughMonth)).filter((c) => {
    const kind = kindOf(c)
    return (
      c.activityCode !== null &&
      c.measure !== 'plan' &&
      (kind === null || kind === 'income' || kind === 'cost')
    )
  })
  const labels = await db.query<{ code: string; label: string }>(
    `SELECT DISTINCT ON (code) code, label FROM activity_codes
      WHERE municipality_id = $1 OR municipality_id IS NULL
      ORDER BY code, municipality_id NULLS LAST`,
    [board.municipality.id],
  )
  const labelOf = new Map(labels.map((l) => [l.code, l.label]))
  const period: Period = { year, throughMonth, followUpId: null, previousFollowUpId: null }
  const codes = [...new Set(cells.map((c) => c.activityCode as string))].sort()
  const rows = codes.map((code) => ({
    code,
    label: labelOf.get(code) ?? `Verksamhet ${code}`,
    figures: toFigures(
      slotsOf(
        cells.filter((c) => c.activityCode === code),
        period,
      ),
      throughMonth,
      'cost',
    ),
  }))
  return {
    year,
    display: displayOf(board),
    rows,
    total: toFigures(slotsOf(cells, period), throughMonth, 'cost'),
  }
}
