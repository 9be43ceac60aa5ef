import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appendAudit,
  createTestDatabase,
  DEMO_SEED_DIR,
  migrate,
  SeedValidationError,
  SeedWouldEraseWorkError,
  seedDemo,
  type TestDatabase,
  testEngines,
} from '../src/index.ts'

const TABLES = [
  'municipalities',
  'boards',
  'administrations',
  'org_units',
  'goal_areas',
  'municipal_goals',
  'board_goals',
  'board_goal_parents',
  'activities',
  'assignments',
  'assignment_updates',
  'indicators',
  'indicator_goals',
  'indicator_values',
  'indicator_targets',
  'follow_ups',
  'assessments',
  'report_parts',
  'follow_up_snapshots',
  'role_grants',
]

/** A fingerprint of every row of every domain table (ignoring the load timestamps). */
async function snapshot(t: TestDatabase): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const table of TABLES) {
    const [row] = await t.db.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg((to_jsonb(x) - 'created_at' - 'taken_at')::text, '|' ORDER BY (to_jsonb(x) - 'created_at' - 'taken_at')::text)) AS h FROM ${table} x`,
    )
    out[table] = `${row?.n}:${row?.h}`
  }
  return out
}

describe.each(testEngines())('demo data on %s', (engine) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(engine)
  })
  afterAll(async () => {
    await t.dispose()
  })

  it('applies each migration once', async () => {
    const again = await migrate(t.db)
    expect(again.applied).toEqual([])
    expect(again.alreadyApplied).toBeGreaterThan(0)
  })

  it('loads both demo municipalities, and a second load leaves exactly the same data', async () => {
    const first = await seedDemo(t.db)
    expect(first.map((c) => c.municipality).sort()).toEqual(['0580', '2580'])
    const before = await snapshot(t)
    await seedDemo(t.db)
    expect(await snapshot(t)).toEqual(before)
    expect(before.municipalities?.startsWith('2:')).toBe(true)
  })

  describe('an invalid data file', () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'arshjul-seed-'))
      // A copy of the demo data with one broken reference in Linköping's annual report.
      for (const folder of ['0580-linkoping', '2580-lulea']) {
        await mkdir(join(dir, folder))
      }
      const { readdir } = await import('node:fs/promises')
      for (const folder of ['0580-linkoping', '2580-lulea']) {
        for (const name of await readdir(join(DEMO_SEED_DIR, folder))) {
          let text = await readFile(join(DEMO_SEED_DIR, folder, name), 'utf8')
          if (folder === '0580-linkoping' && name === 'ks-2024-verksamhetsberattelse.json') {
            const data = JSON.parse(text)
            data.assessments[0].level = 'nastan-uppnatt'
            text = JSON.stringify(data)
          }
          await writeFile(join(dir, folder, name), text)
        }
      }
    })
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true })
    })

    it('stops the load naming file, path and reason, and changes nothing', async () => {
      const before = await snapshot(t)
      const error = await seedDemo(t.db, dir).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(SeedValidationError)
      const problems = (error as SeedValidationError).problems
      expect(problems).toEqual([
        {
          file: join('0580-linkoping', 'ks-2024-verksamhetsberattelse.json'),
          path: 'assessments[0].level',
          message: 'Nivån "nastan-uppnatt" finns inte i kommunens skala',
        },
      ])
      expect(await snapshot(t)).toEqual(before)
    })
  })

  it('keeps municipalities apart: replacing one leaves the other untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arshjul-seed-'))
    try {
      await mkdir(join(dir, '9999-test'))
      const lulea = JSON.parse(
        await readFile(join(DEMO_SEED_DIR, '2580-lulea', '00-municipality.json'), 'utf8'),
      )
      lulea.municipality = '9999'
      lulea.definition.code = '9999'
      lulea.definition.name = 'Testkommun'
      await writeFile(join(dir, '9999-test', '00-municipality.json'), JSON.stringify(lulea))
      const before = await t.db.query(
        'SELECT b.key, b.name FROM boards b JOIN municipalities m ON m.id = b.municipality_id WHERE m.code = $1 ORDER BY b.key',
        ['2580'],
      )
      await seedDemo(t.db, dir)
      await seedDemo(t.db, dir)
      const after = await t.db.query(
        'SELECT b.key, b.name FROM boards b JOIN municipalities m ON m.id = b.municipality_id WHERE m.code = $1 ORDER BY b.key',
        ['2580'],
      )
      expect(after).toEqual(before)
      const [count] = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM boards b JOIN municipalities m ON m.id = b.municipality_id WHERE m.code = '9999'",
      )
      expect(count?.n).toBe(1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a missing indicator value that carries a number, in the database itself', async () => {
    const [ind] = await t.db.query<{ id: string }>('SELECT id FROM indicators LIMIT 1')
    await expect(
      t.db.query(
        "INSERT INTO indicator_values (indicator_id, year, breakdown, value, status) VALUES ($1, 1999, 'total', 5, 'missing')",
        [ind?.id],
      ),
    ).rejects.toThrow()
  })
})

describe.each(testEngines())('reloading the demo data over work done on %s', (engine) => {
  it('refuses to erase work unless asked to reset', async () => {
    const t = await createTestDatabase(engine)
    try {
      await seedDemo(t.db)
      const [m] = await t.db.query<{ id: string }>("SELECT id FROM municipalities WHERE code = '2580'")
      await t.db.transaction((tx) =>
        appendAudit(tx, {
          chain: m?.id ?? '',
          actor: { id: null, name: 'Test' },
          action: 'part.save',
          entityKind: 'goal',
          entityId: m?.id ?? '',
          summary: 'en ändring',
          before: null,
          after: null,
        }),
      )
      const error = await seedDemo(t.db).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(SeedWouldEraseWorkError)
      expect((error as Error).message).toMatch(/kommun 2580 har 1 ändringar gjorda i Årshjul/)
      await seedDemo(t.db, undefined, { reset: true })
    } finally {
      await t.dispose()
    }
  })
})
