import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appendAudit,
  createTestDatabase,
  type TestDatabase,
  testEngines,
  verifyAuditChain,
} from '../src/index.ts'

describe.each(testEngines())('the audit trail on %s', (engine) => {
  let t: TestDatabase
  const chain = '00000000-0000-4000-8000-000000000001'
  const entity = '00000000-0000-4000-8000-0000000000aa'
  beforeAll(async () => {
    t = await createTestDatabase(engine)
    for (let i = 0; i < 12; i++) {
      await t.db.transaction((tx) =>
        appendAudit(tx, {
          chain,
          actor: { id: null, name: 'Test' },
          action: 'part.save',
          entityKind: 'goal',
          entityId: entity,
          summary: `ändring ${i}`,
          before: { level: i === 0 ? null : `niva-${i - 1}`, values: [1.5, i] },
          after: { level: `niva-${i}`, values: [1.5, i + 1] },
        }),
      )
    }
  })
  afterAll(async () => {
    await t.dispose()
  })

  it('verifies an untouched chain of more than ten entries (ordered by number, not as text)', async () => {
    expect(await verifyAuditChain(t.db, chain)).toEqual({ entries: 12, brokenAt: null })
  })

  it('detects one tampered entry and names it', async () => {
    // Only someone able to switch the append-only trigger off can change a row; the chain still tells.
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')
    const [row] = await t.db.query<{ seq: string }>(
      "SELECT seq::text AS seq FROM audit_log WHERE chain = $1 AND summary = 'ändring 7'",
      [chain],
    )
    await t.db.query(`UPDATE audit_log SET after = '{"level": "helt-uppfyllt"}'::jsonb WHERE seq = $1`, [
      row?.seq,
    ])
    await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only')
    expect(await verifyAuditChain(t.db, chain)).toEqual({ entries: 12, brokenAt: Number(row?.seq) })
  })

  it('detects a removed entry', async () => {
    const other = '00000000-0000-4000-8000-000000000002'
    for (let i = 0; i < 3; i++) {
      await t.db.transaction((tx) =>
        appendAudit(tx, {
          chain: other,
          actor: { id: null, name: 'T' },
          action: 'x',
          entityKind: 'y',
          entityId: entity,
          summary: String(i),
          before: null,
          after: i,
        }),
      )
    }
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')
    await t.db.query("DELETE FROM audit_log WHERE chain = $1 AND summary = '1'", [other])
    await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only')
    expect((await verifyAuditChain(t.db, other)).brokenAt).not.toBeNull()
  })
})
