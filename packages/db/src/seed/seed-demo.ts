import type { Database } from '../database.ts'
import { loadSeedSet, type SeedCounts } from './load-seed-set.ts'
import { DEMO_SEED_DIR, readSeedSets } from './read-seed-files.ts'

/**
 * Load the demo municipalities from the shipped data files. Every file is validated before anything
 * is written, and all municipalities are replaced in one transaction: all or nothing.
 */
export async function seedDemo(db: Database, dir: string = DEMO_SEED_DIR): Promise<SeedCounts[]> {
  const sets = await readSeedSets(dir)
  return db.transaction(async (tx) => {
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
