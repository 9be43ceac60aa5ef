import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '@arshjul/db'
import { ApiError, Health } from '@arshjul/domain'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify'
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { z } from 'zod'
import { type OidcOptions, oidcRoutes } from './auth/oidc.ts'
import { authRoutes } from './auth/routes.ts'
import { registerSessions } from './auth/session.ts'
import { notFound, registerErrorHandling } from './errors.ts'
import { boardRoutes } from './routes/boards.ts'
import { cycleFollowUpRoutes } from './routes/cycle-follow-ups.ts'
import { cyclePartRoutes } from './routes/cycle-parts.ts'
import { economyRoutes } from './routes/economy.ts'
import { municipalityRoutes } from './routes/municipalities.ts'
import { personnelRoutes } from './routes/personnel.ts'
import { reportRoutes } from './routes/reports.ts'
import { userRoutes } from './routes/users.ts'

// Validation messages in Swedish, the users' language.
z.config(z.locales.sv())

declare module 'fastify' {
  interface FastifyInstance {
    db: Database
  }
}

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

export interface AppOptions {
  db: Database
  /** false in tests; a pino logger options object or true in production. */
  logger?: boolean | { level: string }
  /** Directory of the built web app; served with fallback to index.html for client routes. */
  webRoot?: string | undefined
  version?: string
  /** The address users reach the app at, for links in e-mails. */
  appUrl?: string
  /** Login attempts allowed per client address and window (ASVS: limit guessing). */
  loginRateLimit?: { max: number; timeWindow: string }
  /** Single sign-on; absent when not configured. */
  oidc?: OidcOptions | undefined
}

const SECRET_PARAMS = /([?&](?:code|state|id_token|access_token|session_state|token)=)[^&]*/gi

/** A URL with the values of secret-bearing query parameters replaced by "***". */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1***')
}

export const DEFAULT_WEB_ROOT = new URL('../../web/dist/', import.meta.url).pathname

export async function buildApp(options: AppOptions): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          ...(typeof options.logger === 'object' ? options.logger : {}),
          // Never log sign-in codes or tokens that arrive in query strings.
          serializers: {
            req: (req: { method: string; url: string; id: string; ip?: string }) => ({
              id: req.id,
              method: req.method,
              url: redactUrl(req.url),
              remoteAddress: req.ip,
            }),
          },
        }
      : false,
    genReqId: () => crypto.randomUUID(),
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorate('db', options.db)
  registerErrorHandling(app)

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ECharts sets style attributes on the SVG it draws.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Intranet installations may run on plain HTTP behind their own proxy; do not force HTTPS here.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Årshjul API',
        version: options.version ?? '0.1.0',
        description:
          'Planering och uppföljning för kommuner. Alla resurser ligger under kommunens SCB-kod: ' +
          '/api/municipalities/{code}/boards/{board}/… Fel returneras som { error: { code, message, details } } med svenska meddelanden.',
      },
      tags: [
        { name: 'Kommuner' },
        { name: 'Nämnder' },
        { name: 'Uppföljningar' },
        { name: 'Mål' },
        { name: 'Indikatorer' },
        { name: 'Uppdrag' },
        { name: 'Aktiviteter' },
        { name: 'Rapportering' },
        { name: 'Granskning' },
        { name: 'Historik' },
        { name: 'Ekonomi' },
        { name: 'Personal' },
        { name: 'Intern kontroll' },
        { name: 'Dokument' },
        { name: 'Inloggning' },
        { name: 'Användare' },
        { name: 'Drift' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })

  app.get(
    '/api/health',
    { schema: { tags: ['Drift'], summary: 'Hälsokontroll', response: { 200: Health, 503: ApiError } } },
    async () => {
      await options.db.query('SELECT 1')
      return { status: 'ok' as const, database: options.db.engine, version: options.version ?? '0.1.0' }
    },
  )
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await app.register(rateLimit, { global: false })
  await registerSessions(app, options.db)
  authRoutes(app, { loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: '1 minute' } })
  if (options.oidc) oidcRoutes(app, options.oidc)
  municipalityRoutes(app)
  boardRoutes(app)
  cyclePartRoutes(app)
  cycleFollowUpRoutes(app, { appUrl: options.appUrl ?? 'http://localhost:3000' })
  userRoutes(app)
  economyRoutes(app)
  personnelRoutes(app)
  reportRoutes(app)

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT
  const hasWeb = existsSync(join(webRoot, 'index.html'))
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: false })
  }
  const indexHtml = hasWeb ? await readFile(join(webRoot, 'index.html'), 'utf8') : null
  const sendIndex = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml)
  if (indexHtml !== null) app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply))
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    // Files (anything with an extension, or under /assets/) that do not exist are 404s; other paths
    // are client-side routes of the web app, which shows "Sidan finns inte" for unknown ones.
    const isFile = /\.[a-z0-9]+$/i.test(path) || path.startsWith('/assets/')
    if (
      path.startsWith('/api/') ||
      path === '/api' ||
      request.method !== 'GET' ||
      indexHtml === null ||
      isFile
    ) {
      throw notFound(`Resursen ${path}`)
    }
    return sendIndex(reply)
  })

  return app
}
