import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createTestDatabase, type TestDatabase } from '@arshjul/db'
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppInstance, buildApp } from '../src/index.ts'

/**
 * A local identity provider on 127.0.0.1 (discovery, JWKS, token endpoint) issuing ID tokens that
 * each test shapes, to check that every kind of bad token is refused and a good one signs in.
 */
interface TokenShape {
  iss?: string
  aud?: string
  sub?: string
  nonce?: string
  expiresIn?: number
  alg?: 'RS256' | 'none'
  foreignKey?: boolean
}

describe('single sign-on (OpenID Connect)', () => {
  let idp: Server
  let issuer = ''
  let t: TestDatabase
  let app: AppInstance
  const logs: string[] = []
  let shape: TokenShape = {}
  let currentNonce = ''
  let privateKey: CryptoKey
  let foreignKey: CryptoKey
  let jwk: JWK
  const issuedTokens: string[] = []

  async function idToken(): Promise<string> {
    const claims = {
      sub: shape.sub ?? 'user-123',
      nonce: shape.nonce ?? currentNonce,
      email: 'sso.anvandare@lulea.example',
      name: 'Signe Single-Sign-On',
    }
    const now = Math.floor(Date.now() / 1000)
    if (shape.alg === 'none') {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
      return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ ...claims, iss: shape.iss ?? issuer, aud: shape.aud ?? 'arshjul', iat: now, exp: now + 300 })}.`
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(shape.iss ?? issuer)
      .setAudience(shape.aud ?? 'arshjul')
      .setIssuedAt(now - 600)
      .setExpirationTime(now + (shape.expiresIn ?? 300))
      .sign(shape.foreignKey ? foreignKey : privateKey)
  }

  beforeAll(async () => {
    foreignKey = (await generateKeyPair('RS256')).privateKey
    const own = await generateKeyPair('RS256', { extractable: true })
    privateKey = own.privateKey
    jwk = { ...(await exportJWK(own.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
    idp = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', issuer)
      res.setHeader('content-type', 'application/json')
      if (url.pathname === '/.well-known/openid-configuration') {
        res.end(
          JSON.stringify({
            issuer,
            authorization_endpoint: `${issuer}/authorize`,
            token_endpoint: `${issuer}/token`,
            jwks_uri: `${issuer}/jwks`,
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
            code_challenge_methods_supported: ['S256'],
          }),
        )
      } else if (url.pathname === '/jwks') {
        res.end(JSON.stringify({ keys: [jwk] }))
      } else if (url.pathname === '/token' && req.method === 'POST') {
        const token = await idToken()
        issuedTokens.push(token)
        res.end(
          JSON.stringify({
            access_token: 'at-secret-canary',
            token_type: 'Bearer',
            expires_in: 300,
            id_token: token,
          }),
        )
      } else {
        res.statusCode = 404
        res.end('{}')
      }
    })
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve))
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`
    t = await createTestDatabase('pglite')
    app = await buildApp({
      db: t.db,
      webRoot: '/nonexistent',
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } } as never,
      oidc: {
        issuer,
        clientId: 'arshjul',
        clientSecret: 'client-secret-canary',
        redirectUrl: 'http://localhost/api/auth/oidc/callback',
        scopes: 'openid email profile',
        allowHttp: true,
      },
    })
  })
  afterAll(async () => {
    await app.close()
    await t.dispose()
    await new Promise((r) => idp.close(r))
  })

  /** Start a login, then come back from the provider with a code; returns the callback's response. */
  async function roundTrip(options: { tamperState?: boolean } = {}) {
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/login?returnTo=/2580/ks/uppgifter' })
    expect(start.statusCode).toBe(302)
    const location = new URL(String(start.headers.location))
    expect(location.origin + location.pathname).toBe(`${issuer}/authorize`)
    expect(location.searchParams.get('code_challenge_method')).toBe('S256')
    currentNonce = location.searchParams.get('nonce') ?? ''
    const state = options.tamperState ? 'someone-elses-state' : (location.searchParams.get('state') ?? '')
    const pending = String(start.headers['set-cookie']).split(';')[0] ?? ''
    const callbackUrl = `/api/auth/oidc/callback?code=code-secret-canary&state=${encodeURIComponent(state)}`
    const callback = await app.inject({ method: 'GET', url: callbackUrl, headers: { cookie: pending } })
    return { callback, callbackUrl, pending }
  }

  const rejected = (res: { statusCode: number; headers: Record<string, unknown> }) => {
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('/logga-in?fel=sso')
    expect(String(res.headers['set-cookie'] ?? '')).not.toMatch(/__Host-arshjul=/)
  }

  it('signs in with a valid ID token, keyed on issuer and subject, and returns to the page asked for', async () => {
    shape = {}
    const { callback } = await roundTrip()
    expect(callback.statusCode, callback.body).toBe(302)
    expect(callback.headers.location).toBe('/2580/ks/uppgifter')
    const cookie = String(callback.headers['set-cookie']).match(/__Host-arshjul=[^;]+/)?.[0] ?? ''
    const me = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })
    expect(me.json().user).toMatchObject({
      email: 'sso.anvandare@lulea.example',
      name: 'Signe Single-Sign-On',
    })
    const [identity] = await t.db.query('SELECT issuer, subject FROM user_identities')
    expect(identity).toEqual({ issuer, subject: 'user-123' })
  })

  it('refuses a replayed callback', async () => {
    shape = {}
    const { callback, callbackUrl } = await roundTrip()
    expect(callback.statusCode).toBe(302)
    // The same callback again, as an attacker would replay it (the browser's pending login is gone).
    rejected(await app.inject({ method: 'GET', url: callbackUrl }))
  })

  it.each<[string, TokenShape]>([
    ['a token for another client (wrong audience)', { aud: 'another-app' }],
    ['a token from another issuer', { iss: 'https://evil.example' }],
    ['an expired token', { expiresIn: -60 }],
    ['a token with another nonce', { nonce: 'not-the-nonce' }],
    ['an unsigned token (alg none)', { alg: 'none' }],
    ['a token signed with a key the provider does not publish', { foreignKey: true }],
  ])('refuses %s', async (_name, tokenShape) => {
    shape = tokenShape
    const { callback } = await roundTrip()
    rejected(callback)
  })

  it('refuses a callback whose state is not the one this browser started with', async () => {
    shape = {}
    const { callback } = await roundTrip({ tamperState: true })
    rejected(callback)
  })

  it('never writes a token, code or secret to the log', async () => {
    const all = logs.join('\n')
    expect(all).toMatch(/single sign-on rejected/)
    for (const secret of [
      'code-secret-canary',
      'at-secret-canary',
      'client-secret-canary',
      ...issuedTokens,
    ]) {
      expect(all).not.toContain(secret)
    }
  })
})
