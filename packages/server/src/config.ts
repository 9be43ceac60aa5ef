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
  /** Login attempts allowed per client address and minute. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** OpenID Connect (e.g. Entra ID: https://login.microsoftonline.com/{tenant}/v2.0). All three or none. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  /** Only for testing against a local identity provider on plain HTTP. */
  OIDC_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
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
  loginRateLimit: number
  oidc:
    | { issuer: string; clientId: string; clientSecret: string; scopes: string; allowHttp: boolean }
    | undefined
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
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length
  if (oidcSet !== 0 && oidcSet !== 3) {
    throw new ConfigError(
      'Felaktig konfiguration: OIDC_ISSUER, OIDC_CLIENT_ID och OIDC_CLIENT_SECRET anges alla eller ingen.',
    )
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.ARSHJUL_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scopes: e.OIDC_SCOPES,
            allowHttp: e.OIDC_ALLOW_HTTP === 'true',
          }
        : undefined,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  }
}
