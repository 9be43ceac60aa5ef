import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, seedDemo, type TestDatabase, testEngines } from '../src/index.ts'

// The database itself refuses to change a decided follow-up, whatever the application does.
describe.each(testEngines())('decided follow-ups on %s', (engine) => {
  let t: TestDatabase
  let followUpId: string
  beforeAll(async () => {
    t = await createTestDatabase(engine)
    await seedDemo(t.db)
    const [row] = await t.db.query<{ id: string }>(
      `SELECT f.id FROM follow_ups f JOIN municipalities m ON m.id = f.municipality_id
        WHERE m.code = '0580' AND f.key = 'ks-2024-vb' AND f.status = 'decided'`,
    )
    if (!row) throw new Error('decided demo follow-up missing')
    followUpId = row.id
  })
  afterAll(async () => {
    await t.dispose()
  })

  it.each([
    ['update the follow-up', "UPDATE follow_ups SET title = 'Ändrad' WHERE id = $1"],
    ['reopen the follow-up', "UPDATE follow_ups SET status = 'open' WHERE id = $1"],
    ['delete the follow-up', 'DELETE FROM follow_ups WHERE id = $1'],
    ['change an assessment', "UPDATE assessments SET level = 'ej-uppnatt' WHERE follow_up_id = $1"],
    ['delete an assessment', 'DELETE FROM assessments WHERE follow_up_id = $1'],
    [
      'add an assessment',
      `INSERT INTO assessments (municipality_id, goal_id, follow_up_id, level)
       SELECT municipality_id, id, $1, 'uppnatt' FROM board_goals WHERE key = 'god-trygghet-och-sakerhet'
       ON CONFLICT DO NOTHING`,
    ],
    [
      'change the frozen snapshot',
      "UPDATE follow_up_snapshots SET content = '{}'::jsonb WHERE follow_up_id = $1",
    ],
    ['delete the frozen snapshot', 'DELETE FROM follow_up_snapshots WHERE follow_up_id = $1'],
    ['change an economy comment', "UPDATE economy_comments SET text = 'Ändrad' WHERE follow_up_id = $1"],
    ['delete an economy comment', 'DELETE FROM economy_comments WHERE follow_up_id = $1'],
    [
      'add a forecast',
      `INSERT INTO economy_amounts (import_id, municipality_id, year, measure, follow_up_id, amount_ore)
       SELECT i.id, i.municipality_id, 2024, 'forecast', $1, 100 FROM economy_imports i
        WHERE i.municipality_id = (SELECT municipality_id FROM follow_ups WHERE id = $1) LIMIT 1`,
    ],
    [
      'change the internal-control assessment',
      "UPDATE internal_control_assessments SET text = 'Ändrad' WHERE follow_up_id = $1",
    ],
    [
      'change a control’s follow-up',
      "UPDATE control_follow_ups SET result = 'Ändrad' WHERE follow_up_id = $1",
    ],
  ])('refuses to %s', async (_what, sql) => {
    await expect(t.db.query(sql, [followUpId])).rejects.toThrow(/beslutad|beslutat/)
  })

  it('still has everything it had', async () => {
    const [row] = await t.db.query<{ status: string; n: number; s: number }>(
      `SELECT f.status, (SELECT count(*)::int FROM assessments WHERE follow_up_id = f.id) AS n,
              (SELECT count(*)::int FROM follow_up_snapshots WHERE follow_up_id = f.id) AS s
         FROM follow_ups f WHERE f.id = $1`,
      [followUpId],
    )
    expect(row).toEqual({ status: 'decided', n: 18, s: 1 })
  })

  it('keeps the audit trail append-only', async () => {
    await t.db.query(
      `INSERT INTO audit_log (chain, occurred_at, action, entity_kind, entity_id, prev_hash, hash)
       VALUES ('test', now(), 'x', 'y', gen_random_uuid(), 'a', 'b')`,
    )
    await expect(t.db.query("UPDATE audit_log SET action = 'z' WHERE chain = 'test'")).rejects.toThrow(
      /kan inte ändras/,
    )
    await expect(t.db.query("DELETE FROM audit_log WHERE chain = 'test'")).rejects.toThrow(/kan inte ändras/)
  })
})
