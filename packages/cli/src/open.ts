import {
  type Database,
  DatabaseOpenError,
  migrate,
  openDatabase,
  SeedValidationError,
  SeedWouldEraseWorkError,
} from '@arshjul/db'
import { AppError } from '@arshjul/domain'
import { type Config, ConfigError, loadConfig } from '@arshjul/server'

export interface DbOptions {
  dataDir?: string
  port?: number
  host?: string
}

/** Read the configuration (flags override the environment) and open and migrate the database. */
export async function openConfigured(options: DbOptions): Promise<{ config: Config; db: Database }> {
  const config = loadConfig(process.env, { dataDir: options.dataDir, port: options.port, host: options.host })
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrate(db)
  } catch (e) {
    await db.close()
    throw e
  }
  return { config, db }
}

/** Known start-up problems are one clear line; anything else also shows its stack. */
export function fail(error: unknown): never {
  if (error instanceof DatabaseOpenError || error instanceof ConfigError) {
    console.error(`arshjul: ${error.message}`)
  } else if (error instanceof SeedValidationError || error instanceof SeedWouldEraseWorkError) {
    console.error(`arshjul: ${error.message}`)
  } else if (error instanceof AppError) {
    console.error(`arshjul: ${error.userMessage}`)
    for (const d of error.details ?? []) console.error(`  ${d.path}: ${d.message}`)
  } else {
    console.error('arshjul: oväntat fel:', error)
  }
  process.exit(1)
}
