import { createSession, endSession, findUserByEmail, sessionUser } from '@arshjul/db'
import { ApiError, AppError, LoginRequest, SessionInfo } from '@arshjul/domain'
import { verify } from '@node-rs/argon2'
import type { AppInstance } from '../app.ts'
import { SESSION_COOKIE } from './session.ts'

const cookieOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'lax' as const,
  maxAge: 10 * 60 * 60,
}

// A fixed hash to verify against when the e-mail is unknown, so both paths take the same time.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$rdHYMLpwo4vhio+lxwJ07A$/QDmRi0JugwQjdaxgjcnDMbG54FYEBVbLig/08JtYqc'

export function authRoutes(
  app: AppInstance,
  options: { loginRateLimit: { max: number; timeWindow: string } },
): void {
  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Den inloggade användaren och CSRF-token',
        response: { 200: SessionInfo },
      },
    },
    async (request) => {
      if (!request.auth) return { user: null, csrfToken: null }
      return { user: await sessionUser(app.db, request.auth.userId), csrfToken: request.auth.csrfToken }
    },
  )

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { ...options.loginRateLimit } },
      schema: {
        tags: ['Inloggning'],
        summary: 'Logga in med e-post och lösenord; sätter sessionskakan',
        body: LoginRequest,
        response: { 200: SessionInfo, 400: ApiError, 401: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const candidate = await findUserByEmail(app.db, request.body.email)
      const ok = await verify(candidate?.passwordHash ?? DUMMY_HASH, request.body.password).catch(() => false)
      if (!candidate?.passwordHash || !ok || candidate.disabled) {
        request.log.info({ event: 'login-failed' }, 'login failed')
        throw new AppError('UNAUTHENTICATED', { userMessage: 'Fel e-postadress eller lösenord.' })
      }
      if (request.auth) await endSession(app.db, request.auth.token)
      const session = await createSession(app.db, candidate.id)
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions)
      request.log.info({ event: 'login', userId: candidate.id }, 'signed in')
      return { user: await sessionUser(app.db, candidate.id), csrfToken: session.csrfToken }
    },
  )

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Logga ut; sessionen avslutas på servern',
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      if (request.auth) await endSession(app.db, request.auth.token)
      reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' })
      return { user: null, csrfToken: null }
    },
  )
}
