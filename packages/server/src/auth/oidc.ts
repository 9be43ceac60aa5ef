import { createSession, userForIdentity } from '@arshjul/db'
import { AppError } from '@arshjul/domain'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import * as client from 'openid-client'
import { z } from 'zod'
import type { AppInstance } from '../app.ts'
import { SESSION_COOKIE } from './session.ts'

export interface OidcOptions {
  issuer: string
  clientId: string
  clientSecret: string
  /** Where the identity provider sends the user back: {PUBLIC_URL}/api/auth/oidc/callback. */
  redirectUrl: string
  scopes: string
  /** Only for local testing against an identity provider on plain HTTP. */
  allowHttp: boolean
}

/** The login in progress, kept in an HttpOnly cookie that binds state, nonce and PKCE to this browser. */
const PENDING_COOKIE = '__Host-arshjul-oidc'
const Pending = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), returnTo: z.string() })
const cookieBase = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' as const }

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

async function verifySignature(configured: client.Configuration, idToken: string | undefined): Promise<void> {
  const metadata = configured.serverMetadata()
  if (!idToken || !metadata.jwks_uri) throw new Error('no id token or no jwks_uri')
  let keys = keySets.get(metadata.jwks_uri)
  if (!keys) {
    keys = createRemoteJWKSet(new URL(metadata.jwks_uri))
    keySets.set(metadata.jwks_uri, keys)
  }
  await jwtVerify(idToken, keys, {
    issuer: metadata.issuer,
    audience: configured.clientMetadata().client_id,
    algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
  })
}

/** Only paths on this site may be returned to after login (no open redirect). */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/'
}

/**
 * Single sign-on with OpenID Connect (e.g. Entra ID): authorization code flow with PKCE, state and
 * nonce. openid-client checks the ID token's signature, issuer, audience, expiry and nonce; anything
 * wrong sends the user back to the login page with a Swedish message and is logged without tokens.
 * Users are keyed on issuer + subject.
 */
export function oidcRoutes(app: AppInstance, options: OidcOptions): void {
  let configuration: Promise<client.Configuration> | null = null
  const config = () => {
    configuration ??= client
      .discovery(new URL(options.issuer), options.clientId, options.clientSecret, undefined, {
        ...(options.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      })
      .catch((error: unknown) => {
        configuration = null
        throw error
      })
    return configuration
  }

  app.get(
    '/api/auth/oidc/login',
    {
      schema: {
        tags: ['Inloggning'],
        summary: 'Logga in med organisationens inloggning (OpenID Connect)',
        hide: false,
      },
    },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>
      const pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        returnTo: safeReturnTo(query.returnTo),
      }
      let url: URL
      try {
        url = client.buildAuthorizationUrl(await config(), {
          redirect_uri: options.redirectUrl,
          scope: options.scopes,
          state: pending.state,
          nonce: pending.nonce,
          code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
          code_challenge_method: 'S256',
        })
      } catch (error) {
        request.log.error({ err: { message: (error as Error).message } }, 'oidc discovery failed')
        throw new AppError('LOCKED', {
          userMessage: 'Inloggningstjänsten svarar inte just nu. Försök igen om en stund.',
        })
      }
      reply.setCookie(PENDING_COOKIE, JSON.stringify(pending), { ...cookieBase, maxAge: 600 })
      return reply.redirect(url.href, 302)
    },
  )

  app.get('/api/auth/oidc/callback', { schema: { hide: true } }, async (request, reply) => {
    const fail = (reason: string) => {
      request.log.warn({ event: 'oidc-rejected', reason }, 'single sign-on rejected')
      reply.clearCookie(PENDING_COOKIE, cookieBase)
      return reply.redirect('/logga-in?fel=sso', 302)
    }
    const raw = request.cookies[PENDING_COOKIE]
    let pending: z.infer<typeof Pending>
    try {
      pending = Pending.parse(JSON.parse(raw ?? ''))
    } catch {
      return fail('no login in progress in this browser (missing or replayed callback)')
    }
    const currentUrl = new URL(request.url, options.redirectUrl)
    let claims: client.IDToken | undefined
    try {
      const configured = await config()
      const tokens = await client.authorizationCodeGrant(configured, currentUrl, {
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        pkceCodeVerifier: pending.verifier,
        idTokenExpected: true,
      })
      claims = tokens.claims()
      // openid-client trusts an ID token that came straight from the token endpoint (as the spec
      // allows over TLS); we verify its signature against the provider's published keys anyway.
      await verifySignature(configured, tokens.id_token)
    } catch (error) {
      // Only the library's message: never the token, the code or the response body.
      return fail((error as Error).message)
    }
    if (!claims?.sub || !claims.iss) return fail('id token without subject or issuer')
    const email =
      typeof claims.email === 'string' ? claims.email : `${claims.sub}@${new URL(claims.iss).host}`
    const name = typeof claims.name === 'string' ? claims.name : email
    let userId: string
    try {
      userId = await userForIdentity(app.db, { issuer: claims.iss, subject: claims.sub, email, name })
    } catch (error) {
      if (error instanceof AppError) return fail(error.code)
      throw error
    }
    const session = await createSession(app.db, userId)
    reply.clearCookie(PENDING_COOKIE, cookieBase)
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, maxAge: 10 * 60 * 60 })
    request.log.info({ event: 'login', userId, method: 'oidc' }, 'signed in')
    return reply.redirect(pending.returnTo, 302)
  })
}
