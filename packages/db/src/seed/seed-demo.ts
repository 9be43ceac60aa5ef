import type { Database } from '../database.ts'
import { loadSeedSet, type SeedCounts } from './load-seed-set.ts'
import { DEMO_SEED_DIR, readSeedSets } from './read-seed-files.ts'

/** Loading the demo data would erase work done in Årshjul; the caller must ask for a reset. */
export class SeedWouldEraseWorkError extends Error {
  override name = 'SeedWouldEraseWorkError'
  constructor(readonly changes: { municipality: string; entries: number }[]) {
    super(
      `Demodata laddades inte: ${changes
        .map((c) => `kommun ${c.municipality} har ${c.entries} ändringar gjorda i Årshjul`)
        .join(', ')}. Att ladda om demodata raderar dem; kör "arshjul seed demo --reset" om det är avsikten.`,
    )
  }
}

/**
 * Load the demo municipalities from the shipped data files. Every file is validated before anything
 * is written, and all municipalities are replaced in one transaction: all or nothing. A municipality
 * in which people have already worked (its audit trail has entries) is only replaced with `reset`.
 */
export async function seedDemo(
  db: Database,
  dir: string = DEMO_SEED_DIR,
  options: { reset?: boolean } = {},
): Promise<SeedCounts[]> {
  const sets = await readSeedSets(dir)
  return db.transaction(async (tx) => {
    if (!options.reset) {
      const changed = await tx.query<{ code: string; entries: number }>(
        `SELECT m.code, count(*)::int AS entries FROM municipalities m JOIN audit_log a ON a.chain = m.id::text
          WHERE m.code = ANY($1::text[]) GROUP BY m.code ORDER BY m.code`,
        [sets.map((s) => s.municipality)],
      )
      if (changed.length > 0)
        throw new SeedWouldEraseWorkError(changed.map((c) => ({ municipality: c.code, entries: c.entries })))
    }
    const results: SeedCounts[] = []
    for (const set of sets) results.push(await loadSeedSet(tx, set))
    return results
  })
}

/** True when no municipality exists yet (a fresh database). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM municipalities')
  return (row?.n ?? 0) === 0
}
