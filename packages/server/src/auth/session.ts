import { type Database, resumeSession } from '@arshjul/db'
import { AppError } from '@arshjul/domain'
import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyRequest } from 'fastify'

/** `__Host-` cookies are bound to this host, path "/" and HTTPS (browsers treat localhost as secure). */
export const SESSION_COOKIE = '__Host-arshjul'

export interface Auth {
  userId: string
  token: string
  csrfToken: string
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Server-side sessions and CSRF protection. Every request resolves its session from the cookie.
 * Every state-changing request must come from this site (Origin / Sec-Fetch-Site), carry JSON, and —
 * once signed in — the session's CSRF token in the `x-csrf-token` header.
 */
export async function registerSessions(app: FastifyInstance, db: Database): Promise<void> {
  await app.register(cookie)
  app.decorateRequest('auth', null)
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE]
    if (!token) return
    const session = await resumeSession(db, token)
    if (session) request.auth = { userId: session.userId, token, csrfToken: session.csrfToken }
  })
  app.addHook('preHandler', async (request) => {
    if (!STATE_CHANGING.has(request.method) || !request.url.startsWith('/api/')) return
    checkSameSite(request)
    if (request.auth && request.headers['x-csrf-token'] !== request.auth.csrfToken) {
      request.log.warn({ url: request.url }, 'csrf token missing or wrong')
      throw new AppError('FORBIDDEN', {
        userMessage: 'Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen.',
      })
    }
  })
}

/** Does the Origin header name this server's host (ports compared after dropping defaults)? */
function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false
  try {
    const o = new URL(origin)
    return o.host === new URL(`${o.protocol}//${host}`).host
  } catch {
    return false
  }
}

function checkSameSite(request: FastifyRequest): void {
  const fetchSite = request.headers['sec-fetch-site']
  const origin = request.headers.origin
  const host = request.headers.host
  const crossSite = fetchSite === 'cross-site' || (origin !== undefined && !sameHost(origin, host))
  if (crossSite) {
    request.log.warn({ url: request.url, origin, fetchSite }, 'cross-site state-changing request refused')
    throw new AppError('FORBIDDEN', { userMessage: 'Begäran kommer från en annan webbplats och avvisades.' })
  }
  // JSON, or a file as application/octet-stream (imports): neither is a content type a cross-site
  // form can send without a CORS preflight, which this server never grants.
  const type = request.headers['content-type'] ?? ''
  if (
    request.body !== undefined &&
    !type.startsWith('application/json') &&
    !type.startsWith('application/octet-stream')
  ) {
    throw new AppError('VALIDATION', { userMessage: 'Begäran ska skickas som JSON.' })
  }
}
