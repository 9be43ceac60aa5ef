import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AmountRow,
  type BoardContext,
  createTestDatabase,
  createTestMunicipality,
  findBoard,
  readEconomyComment,
  readInvestments,
  readOperating,
  readOperatingDrill,
  replaceImport,
  saveEconomyComment,
  type TestDatabase,
  testEngines,
} from '../src/index.ts'

const row = (r: Partial<AmountRow> & Pick<AmountRow, 'measure' | 'amountOre'>): AmountRow => ({
  year: 2025,
  month: null,
  followUpId: null,
  costCentre: null,
  account: null,
  accountGroup: null,
  activityCode: null,
  ...r,
})

describe.each(testEngines())('economy read model (%s)', (engine) => {
  let t: TestDatabase
  let board: BoardContext
  let mid: string
  const fu: Record<string, string> = {}

  beforeAll(async () => {
    t = await createTestDatabase(engine)
    const db = t.db
    mid = (await createTestMunicipality(db, '9998')).id
    const [b] = await db.query<{ id: string }>(
      `INSERT INTO boards (municipality_id, key, name, short_name) VALUES ($1, 'ks', 'Kommunstyrelsen', 'KS') RETURNING id`,
      [mid],
    )
    const [a] = await db.query<{ id: string }>(
      `INSERT INTO administrations (municipality_id, board_id, key, name, valid_from) VALUES ($1, $2, 'klf', 'Kommunledningsförvaltningen', '2020-01-01') RETURNING id`,
      [mid, b?.id],
    )
    for (const [key, name] of [
      ['ekonomi', 'Ekonomikontoret'],
      ['hr', 'HR-kontoret'],
      ['stab', 'Staben'],
    ] as const) {
      const [u] = await db.query<{ id: string }>(
        `INSERT INTO org_units (municipality_id, administration_id, key, name, kind, valid_from) VALUES ($1, $2, $3, $4, 'office', '2020-01-01') RETURNING id`,
        [mid, a?.id, key, name],
      )
      await db.query(
        'INSERT INTO cost_centres (municipality_id, code, name, org_unit_id) VALUES ($1, $2, $3, $4)',
        [mid, key.toUpperCase(), name, u?.id],
      )
    }
    for (const [key, end] of [
      ['t1', '2025-04-30'],
      ['delar', '2025-08-31'],
      ['vb', '2025-12-31'],
    ] as const) {
      const [f] = await db.query<{ id: string }>(
        `INSERT INTO follow_ups (municipality_id, board_id, key, kind, year, period_end, title, status)
         VALUES ($1, $2, $3, 'interim', 2025, $4, $5, 'open') RETURNING id`,
        [mid, b?.id, key, end, `Uppföljning ${key}`],
      )
      fu[key] = f?.id as string
    }
    await db.query(
      `INSERT INTO reorganisations (id, municipality_id, key, effective_from, description) VALUES (gen_random_uuid(), $1, 'r', '2025-01-01', 'Staben delas')`,
      [mid],
    )
    await db.query(
      `INSERT INTO reorganisation_moves (reorganisation_id, from_code, to_code, share_ppm)
       SELECT id, 'STAB', 'EKONOMI', 250000 FROM reorganisations WHERE key = 'r'
       UNION ALL SELECT id, 'STAB', 'HR', 750000 FROM reorganisations WHERE key = 'r'`,
    )
    const found = await findBoard(db, '9998', 'ks')
    if (!found) throw new Error('no board')
    board = found
    const months = (
      centre: string,
      account: string,
      perMonth: number,
      measure: 'outcome' | 'period-budget',
      n = 12,
    ) =>
      Array.from({ length: n }, (_, i) =>
        row({ measure, month: i + 1, costCentre: centre, account, amountOre: perMonth }),
      )
    await db.transaction((tx) =>
      replaceImport(
        tx,
        {
          municipalityId: mid,
          boardId: board.id,
          year: 2025,
          scope: 'test',
          sourceKind: 'seed',
          fileName: 'test',
          sha256: null,
          actor: null,
        },
        [
          // Ekonomi: personnel 1 000 000,01 kr per month budgeted, 1 100 000 spent per month through August.
          ...months('EKONOMI', '5010', 100_000_001, 'period-budget'),
          ...months('EKONOMI', '5010', 110_000_000, 'outcome', 8),
          ...months('EKONOMI', '3010', -5_000_000, 'outcome', 8),
          row({ measure: 'budget', costCentre: 'EKONOMI', amountOre: 1_200_000_012 }),
          row({ measure: 'forecast', costCentre: 'EKONOMI', followUpId: fu.t1, amountOre: 1_250_000_000 }),
          row({ measure: 'forecast', costCentre: 'EKONOMI', followUpId: fu.delar, amountOre: 1_230_000_000 }),
          // HR: annual budget only, outcome in two months.
          row({ measure: 'budget', costCentre: 'HR', amountOre: 600_000_000 }),
          row({ measure: 'outcome', month: 3, costCentre: 'HR', account: '6010', amountOre: 250_000_000 }),
          row({ measure: 'outcome', month: 12, costCentre: 'HR', account: '7010', amountOre: 333_333_333 }),
          // Staben existed before the reorganisation; its 2024 outcome is restated into Ekonomi and HR.
          row({ measure: 'outcome', year: 2024, month: 12, costCentre: 'STAB', amountOre: 100_000_001 }),
          // The allocation and a plan year, for the board as a whole.
          row({ measure: 'budget', accountGroup: 'kommunbidrag', amountOre: 1_800_000_012 }),
          row({ measure: 'plan', year: 2026, amountOre: 1_900_000_000 }),
        ],
      ),
    )
  })
  afterAll(async () => {
    await t.dispose()
  })

  it('totals are exact sums of the rows, with deviations favourable-positive', async () => {
    const view = await readOperating(t.db, board, { year: 2025, throughMonth: 8, followUp: 'delar' })
    const ekonomi = view.rows.find((r) => r.costCentre.code === 'EKONOMI')
    expect(ekonomi?.figures.periodBudget).toBe(800_000_008)
    expect(ekonomi?.figures.outcome).toBe(880_000_000 - 40_000_000)
    // 840 000 000 öre spent against 800 000 008 budgeted: a deficit of 39 999 992 öre.
    expect(ekonomi?.figures.deviation).toBe(-39_999_992)
    expect(ekonomi?.figures.forecast).toBe(1_230_000_000)
    expect(ekonomi?.figures.previousForecast).toBe(1_250_000_000)
    expect(ekonomi?.figures.forecastChange).toBe(20_000_000)
    expect(ekonomi?.figures.forecastDeviation).toBe(1_200_000_012 - 1_230_000_000)
    expect(ekonomi?.figures.tone).toBe('deficit')
    const hr = view.rows.find((r) => r.costCentre.code === 'HR')
    expect(hr?.figures.outcome).toBe(250_000_000)
    expect(hr?.figures.periodBudget).toBeNull()
    expect(view.total.outcome).toBe(840_000_000 + 250_000_000)
    expect(view.statement.allocation.budget).toBe(1_800_000_012)
    expect(view.statement.result.budget).toBe(1_800_000_012 - 1_200_000_012 - 600_000_000)
    expect(view.plans).toEqual([{ year: 2026, netCost: 1_900_000_000 }])
    expect(view.followUp?.key).toBe('delar')
    expect(view.previousFollowUp?.key).toBe('t1')
    expect(view.hasAccountDetail).toBe(true)
  })

  it('at year end the outcome is measured against the annual budget', async () => {
    const view = await readOperating(t.db, board, { year: 2025 })
    const hr = view.rows.find((r) => r.costCentre.code === 'HR')
    expect(hr?.figures.deviation).toBe(600_000_000 - 583_333_333)
    expect(hr?.figures.tone).toBe('surplus')
  })

  it('drill-down by account group and month', async () => {
    const drill = await readOperatingDrill(t.db, board, 'EKONOMI', { year: 2025, throughMonth: 8 })
    // The annual budget and the forecasts were loaded without accounts: their own group.
    expect(drill.groups.map((g) => g.key)).toEqual(['intakter', 'personal', 'ej-specificerat'])
    expect(drill.groups.find((g) => g.key === 'personal')?.figures.outcome).toBe(880_000_000)
    expect(drill.months).toHaveLength(12)
    expect(drill.months[0]).toEqual({
      month: 1,
      periodBudget: 100_000_001,
      outcome: 105_000_000,
      previousYearOutcome: null,
    })
  })

  it('restated in today’s structure, shares are exact and the total is kept', async () => {
    const reported = await readOperating(t.db, board, { year: 2025 })
    const current = await readOperating(t.db, board, { year: 2025, structure: 'current' })
    // As reported, the ceased unit's last-year outcome is one line of its own; restated, it is moved.
    expect(reported.rows.map((r) => r.costCentre.code)).toEqual(['EKONOMI', 'HR'])
    expect(reported.formerUnits).toMatchObject({
      names: ['Staben'],
      figures: { previousYearOutcome: 100_000_001 },
    })
    expect(current.formerUnits).toBeNull()
    expect(current.rows.map((r) => r.costCentre.code)).toEqual(['EKONOMI', 'HR'])
    expect(reported.total.previousYearOutcome).toBe(100_000_001)
    expect(current.total.previousYearOutcome).toBe(100_000_001)
    const ek = current.rows.find((r) => r.costCentre.code === 'EKONOMI')
    const hr = current.rows.find((r) => r.costCentre.code === 'HR')
    expect((ek?.figures.previousYearOutcome ?? 0) + (hr?.figures.previousYearOutcome ?? 0)).toBe(100_000_001)
    expect(ek?.figures.previousYearOutcome).toBe(25_000_000)
    expect(ek?.restatedFrom).toEqual(['STAB'])
  })

  it('comments: a draft from the figures, versions, and conflicts', async () => {
    const view = await readEconomyComment(
      t.db,
      board,
      'delar',
      { kind: 'cost-centre', code: 'EKONOMI' },
      true,
    )
    expect(view.draft).toMatch(
      /^Ekonomikontoret prognostiserar ett underskott på 0,3\u00a0mkr för helåret 2025/,
    )
    expect(view.draft).toContain('Prognosen har förbättrats med 0,2\u00a0mkr')
    expect(view.version).toBe(0)
    const actor = { id: null, name: 'Test' }
    const saved = await t.db.transaction((tx) =>
      saveEconomyComment(
        tx,
        board,
        'delar',
        { kind: 'cost-centre', code: 'EKONOMI' },
        { text: 'Första', version: 0, actor },
      ),
    )
    expect(saved).toEqual({ outcome: 'saved', version: 1 })
    const stale = await t.db.transaction((tx) =>
      saveEconomyComment(
        tx,
        board,
        'delar',
        { kind: 'cost-centre', code: 'EKONOMI' },
        { text: 'Andra', version: 0, actor },
      ),
    )
    expect(stale).toEqual({ outcome: 'conflict' })
    const after = await readEconomyComment(
      t.db,
      board,
      'delar',
      { kind: 'cost-centre', code: 'EKONOMI' },
      true,
    )
    expect(after.text).toBe('Första')
  })

  it('a re-import of the same scope replaces, never duplicates', async () => {
    const imp = {
      municipalityId: mid,
      boardId: board.id,
      year: 2025,
      scope: 'budget-fil',
      sourceKind: 'csv' as const,
      fileName: 'b.csv',
      sha256: null,
      actor: { id: null, name: 'Test' },
    }
    const rows = [row({ measure: 'revised-budget', costCentre: 'HR', amountOre: 610_000_000 })]
    await t.db.transaction((tx) => replaceImport(tx, imp, rows))
    const second = await t.db.transaction((tx) => replaceImport(tx, imp, rows))
    expect(second.replaced?.fileName).toBe('b.csv')
    const view = await readOperating(t.db, board, { year: 2025 })
    expect(view.rows.find((r) => r.costCentre.code === 'HR')?.figures.revisedBudget).toBe(610_000_000)
  })

  it('investments: empty for a board with none', async () => {
    const inv = await readInvestments(t.db, board, { year: 2025 })
    expect(inv.projects).toEqual([])
    expect(inv.totals.all.budget).toBeNull()
  })
})
