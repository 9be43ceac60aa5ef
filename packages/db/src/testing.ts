import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { type Database, type Engine, openDatabase } from './database.ts'
import { migrate } from './migrate.ts'
import { findMunicipality, type MunicipalityContext } from './read/context.ts'

/**
 * The engines database tests run on: always PGlite, and PostgreSQL when DATABASE_URL points at a
 * server (CI sets it). Tests are written once and run per engine with `describe.each(testEngines())`.
 */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

export interface TestDatabase {
  db: Database
  /** The connection string of the test database (PostgreSQL only), for a child process to use. */
  url?: string
  /** Close the database and drop it (PostgreSQL) — nothing is left behind. */
  dispose(): Promise<void>
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database created on
 * the PostgreSQL server of DATABASE_URL with a random name.
 */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openDatabase({})
    await migrate(db)
    return { db, dispose: () => db.close() }
  }
  const adminUrl = process.env.DATABASE_URL
  if (!adminUrl) throw new Error('DATABASE_URL is needed for PostgreSQL tests')
  const name = `arshjul_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const db = await openDatabase({ databaseUrl: url.toString() })
  await migrate(db)
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close()
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

/** Settings of a bare test municipality: Luleå's conventions (costs negative, mkr with one decimal). */
export const testMunicipalitySettings = {
  signConvention: 'costs-negative',
  amountUnit: 'mkr',
  amountDecimals: 1,
  assessmentScale: {
    name: 'Skala',
    levels: [
      { key: 'ja', label: 'Uppfyllt', rank: 1, colour: '#1a7f37', symbol: '●' },
      { key: 'nej', label: 'Ej uppfyllt', rank: 0, colour: '#b42318', symbol: '○' },
    ],
    usesTrend: false,
  },
  goalAreaLabel: 'Målområde',
} as const

/** A municipality with nothing else in it, for tests that build their own data. */
export async function createTestMunicipality(db: Database, code: string): Promise<MunicipalityContext> {
  await db.query(
    `INSERT INTO municipalities (code, name, settings) VALUES ($1, 'Provkommunen', $2::text::jsonb)`,
    [code, JSON.stringify(testMunicipalitySettings)],
  )
  const found = await findMunicipality(db, code)
  if (!found) throw new Error(`test municipality ${code} not created`)
  return found
}
