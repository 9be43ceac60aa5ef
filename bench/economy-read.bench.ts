// The operating table of a board over a year of ledger amounts: 200 cost centres × 60 accounts ×
// 12 months of outcome and period budget (288 000 rows, what a mid-sized municipality's ledger
// aggregates to), on the embedded database, or on PostgreSQL when DATABASE_URL is set (a database of
// its own, dropped afterwards). Reported next to a baseline in the same run: one SQL sum over the
// same rows, the least any report needs. Run: node --import tsx bench/economy-read.bench.ts
// (BENCH_CENTRES changes the size).
import {
  type AmountRow,
  createTestDatabase,
  createTestMunicipality,
  findBoard,
  readOperating,
  readOperatingDrill,
  replaceImport,
} from '../packages/db/src/index.ts'

const centres = Number(process.env.BENCH_CENTRES ?? 200)
const accounts = Array.from({ length: 60 }, (_, i) => String(3000 + i * 80))
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite'

const t = await createTestDatabase(engine)
try {
  const municipality = await createTestMunicipality(t.db, '9990')
  const [b] = await t.db.query<{ id: string }>(
    `INSERT INTO boards (municipality_id, key, name, short_name) VALUES ($1, 'ks', 'Kommunstyrelsen', 'KS') RETURNING id`,
    [municipality.id],
  )
  const [a] = await t.db.query<{ id: string }>(
    `INSERT INTO administrations (municipality_id, board_id, key, name, valid_from) VALUES ($1, $2, 'klf', 'Förvaltningen', '2020-01-01') RETURNING id`,
    [municipality.id, b?.id],
  )
  for (let c = 0; c < centres; c++) {
    const [u] = await t.db.query<{ id: string }>(
      `INSERT INTO org_units (municipality_id, administration_id, key, name, kind, valid_from) VALUES ($1, $2, $3, $4, 'unit', '2020-01-01') RETURNING id`,
      [municipality.id, a?.id, `enhet-${c}`, `Enhet ${c}`],
    )
    await t.db.query(
      'INSERT INTO cost_centres (municipality_id, code, name, org_unit_id) VALUES ($1, $2, $3, $4)',
      [municipality.id, String(10_000 + c), `Enhet ${c}`, u?.id],
    )
  }
  const board = await findBoard(t.db, '9990', 'ks')
  if (!board) throw new Error('no board')

  const rows: AmountRow[] = []
  let seed = 7
  let expected = 0
  for (let c = 0; c < centres; c++) {
    for (const account of accounts) {
      for (let month = 1; month <= 12; month++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
        const amount = (account < '4000' ? -1 : 1) * (1_000 + (seed % 5_000_000))
        if (month <= 8) expected += amount
        for (const measure of ['outcome', 'period-budget'] as const) {
          rows.push({
            year: 2025,
            month,
            measure,
            followUpId: null,
            costCentre: String(10_000 + c),
            account,
            accountGroup: null,
            activityCode: null,
            amountOre: measure === 'outcome' ? amount : amount + 100,
          })
        }
      }
    }
  }
  const loading = performance.now()
  await t.db.transaction((tx) =>
    replaceImport(
      tx,
      {
        municipalityId: municipality.id,
        boardId: null,
        year: 2025,
        scope: 'sie',
        sourceKind: 'sie',
        fileName: 'bench.se',
        sha256: null,
        actor: null,
      },
      rows,
    ),
  )
  const loaded = (performance.now() - loading) / 1000
  console.log(
    `economy read bench (${engine}): ${rows.length.toLocaleString('sv-SE')} amounts, ${centres} cost centres; loaded in ${loaded.toFixed(1)} s`,
  )

  const time = async <T>(work: () => Promise<T>, runs = 5): Promise<[T, number]> => {
    await work() // warm
    const started = performance.now()
    let result: T | undefined
    for (let i = 0; i < runs; i++) result = await work()
    return [result as T, (performance.now() - started) / runs]
  }
  const [sum, baseline] = await time(async () => {
    const [r] = await t.db.query<{ s: string }>(
      `SELECT sum(amount_ore)::text AS s FROM economy_amounts WHERE municipality_id = $1 AND year = 2025 AND measure = 'outcome' AND month <= 8`,
      [municipality.id],
    )
    return Number(r?.s)
  })
  const [view, table] = await time(() => readOperating(t.db, board, { year: 2025, throughMonth: 8 }))
  const [, drill] = await time(() =>
    readOperatingDrill(t.db, board, '10000', { year: 2025, throughMonth: 8 }),
  )
  if (sum !== expected || view.total.outcome !== expected) {
    throw new Error(`totals differ: expected ${expected}, sum ${sum}, table ${view.total.outcome}`)
  }
  console.log(`baseline (one SQL sum over the same rows): ${baseline.toFixed(0)} ms`)
  console.log(
    `operating table (${view.rows.length} rows, totals exact, through August): ${table.toFixed(0)} ms, ${(table / baseline).toFixed(1)}× the baseline`,
  )
  console.log(`drill-down of one cost centre (account groups and months): ${drill.toFixed(0)} ms`)
} finally {
  await t.dispose()
}
