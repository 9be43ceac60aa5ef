import { z } from 'zod'

/** Configuration from the environment, parsed once at start; every problem is listed at once. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'ska börja med postgres:// eller postgresql://')
    .optional(),
  ARSHJUL_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The address users reach Årshjul at, for links in e-mails (e.g. https://arshjul.kommun.se). */
  PUBLIC_URL: z.string().url().optional(),
  /** smtp://user:pass@host:587 — without it e-mail is written to the log. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'ska börja med smtp:// eller smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Årshjul <noreply@localhost>'),
})

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  logLevel: string
  publicUrl: string | undefined
  smtpUrl: string | undefined
  mailFrom: string
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function loadConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = Env.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(
      `Felaktig konfiguration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.ARSHJUL_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  }
}
