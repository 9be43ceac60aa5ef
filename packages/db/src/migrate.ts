import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from './database.ts'

export const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url).pathname

export interface MigrationResult {
  applied: string[]
  alreadyApplied: number
}

/**
 * Apply the plain-SQL migrations in order, each in its own transaction with its bookkeeping row.
 * An advisory lock makes concurrent starts of several server nodes safe. A migration that was
 * changed after it was applied is refused: migrations are append-only.
 */
export async function migrate(db: Database, dir: string = MIGRATIONS_DIR): Promise<MigrationResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`)
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort()
  const applied: string[] = []
  let alreadyApplied = 0
  for (const file of files) {
    const sql = await readFile(join(dir, file), 'utf8')
    const checksum = createHash('sha256').update(sql).digest('hex')
    const version = file.replace(/\.sql$/, '')
    const didApply = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7253019)')
      const [row] = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [version],
      )
      if (row) {
        if (row.checksum !== checksum) {
          throw new Error(
            `Migreringen ${version} har ändrats efter att den kördes; skapa en ny migrering i stället`,
          )
        }
        return false
      }
      await tx.exec(sql)
      await tx.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [version, checksum])
      return true
    })
    if (didApply) applied.push(version)
    else alreadyApplied += 1
  }
  return { applied, alreadyApplied }
}
