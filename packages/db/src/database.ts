import { access, constants, mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /** One parameterised statement ($1, $2 …); rows come back as plain objects. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>
  /** Several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>
}

export type Engine = 'pglite' | 'postgres'

export interface Database extends Queryable {
  readonly engine: Engine
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Start-up problems get one clear line for the operator (config, unreachable server, bad directory). */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError'
}

export interface OpenOptions {
  /** PostgreSQL connection string; when given, PostgreSQL is used instead of the embedded engine. */
  databaseUrl?: string | undefined
  /** Directory of the embedded PGlite database; `undefined` with no URL means in memory. */
  dataDir?: string | undefined
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl)
  return openPglite(options.dataDir)
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let pg: PGlite
  if (dataDir) {
    const dir = resolve(dataDir)
    try {
      await mkdir(dir, { recursive: true })
      await access(dir, constants.W_OK)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      const reason =
        code === 'EEXIST' || code === 'ENOTDIR'
          ? 'det finns en fil med det namnet, inte en katalog'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'skrivbehörighet saknas'
            : (code ?? (e as Error).message)
      throw new DatabaseOpenError(`Datakatalogen ${dir} går inte att använda: ${reason}`)
    }
    try {
      pg = await PGlite.create(dir)
    } catch (e) {
      throw new DatabaseOpenError(`Databasen i ${dir} går inte att öppna: ${(e as Error).message}`)
    }
  } else {
    pg = await PGlite.create()
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<Row>(sql, params as unknown[])
      return result.rows
    },
    async exec(sql: string) {
      await q.exec(sql)
    },
  })
  const base = wrap(pg)
  return {
    engine: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  }
}

async function openPostgres(url: string): Promise<Database> {
  let sql: postgres.Sql
  try {
    sql = postgres(url, { max: 10, connect_timeout: 5, onnotice: () => {}, idle_timeout: 30 })
  } catch (e) {
    throw new DatabaseOpenError(`DATABASE_URL är ogiltig: ${(e as Error).message}`)
  }
  try {
    await sql`select 1`
  } catch (e) {
    await sql.end({ timeout: 1 }).catch(() => {})
    throw new DatabaseOpenError(`PostgreSQL på ${redact(url)} svarar inte: ${(e as Error).message}`)
  }
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[])
      return [...rows] as Row[]
    },
    async exec(text: string) {
      await q.unsafe(text)
    },
  })
  const base = wrap(sql)
  return {
    engine: 'postgres',
    ...base,
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) => (await sql.begin((tx) => fn(wrap(tx)))) as T,
    close: () => sql.end({ timeout: 5 }),
  }
}

/** A connection string without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(ogiltig adress)'
  }
}
