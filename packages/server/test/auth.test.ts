import { testEngines } from '@arshjul/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, INTERIM, login, startApp, type TestApp } from './support.ts'

describe.each(testEngines())('sign-in and sessions on %s', (engine) => {
  let s: TestApp
  beforeAll(async () => {
    s = await startApp(engine)
  })
  afterAll(async () => {
    await s.close()
  })

  it('refuses a wrong password in Swedish without saying which part was wrong', async () => {
    for (const payload of [
      { email: 'controller@lulea.example', password: 'fel' },
      { email: 'finns.inte@lulea.example', password: 'arshjul-demo' },
    ]) {
      const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'Fel e-postadress eller lösenord.' },
      })
      expect(res.headers['set-cookie']).toBeUndefined()
    }
  })

  it('sets a __Host- session cookie that is Secure, HttpOnly and SameSite', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'controller@lulea.example', password: 'arshjul-demo' },
    })
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toMatch(/^__Host-arshjul=[A-Za-z0-9_-]{40,};/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Domain=/)
  })

  it('gives a new session at every login and ends it server-side at logout', async () => {
    const a = await login(s.app, 'controller@lulea.example')
    const b = await login(s.app, 'controller@lulea.example')
    expect(a.cookie).not.toBe(b.cookie)
    const me = await call(s.app, a, 'GET', '/api/auth/session')
    expect(me.json().user.email).toBe('controller@lulea.example')
    expect(me.json().user.grants).toEqual([
      {
        role: 'controller',
        municipality: '2580',
        scopeKind: 'board',
        scopeKey: 'ks',
        scopeName: 'Kommunstyrelsen',
      },
    ])
    expect((await call(s.app, a, 'POST', '/api/auth/logout')).statusCode).toBe(200)
    expect((await call(s.app, a, 'GET', '/api/auth/session')).json()).toEqual({ user: null, csrfToken: null })
    expect((await call(s.app, a, 'GET', `${INTERIM}/tasks`)).statusCode).toBe(401)
    expect((await call(s.app, b, 'GET', '/api/auth/session')).json().user).not.toBeNull()
  })

  it('ends the sessions of a disabled account', async () => {
    const a = await login(s.app, 'lasare@lulea.example')
    await s.t.db.query("UPDATE users SET disabled = true WHERE email = 'lasare@lulea.example'")
    expect((await call(s.app, a, 'GET', '/api/auth/session')).json().user).toBeNull()
    await s.t.db.query("UPDATE users SET disabled = false WHERE email = 'lasare@lulea.example'")
  })

  it('ends a session that has been idle too long', async () => {
    const a = await login(s.app, 'lasare@lulea.example')
    await s.t.db.query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes'")
    expect((await call(s.app, a, 'GET', '/api/auth/session')).json().user).toBeNull()
  })

  describe('CSRF', () => {
    const url = `${INTERIM}/reminders`
    it('refuses a state-changing call without the token', async () => {
      const a = await login(s.app, 'controller@lulea.example')
      const res = await s.app.inject({ method: 'POST', url, headers: { cookie: a.cookie } })
      expect(res.statusCode).toBe(403)
      expect(res.json().error.message).toMatch(/CSRF/)
    })
    it('refuses a call from another site, even with the token', async () => {
      const a = await login(s.app, 'controller@lulea.example')
      for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
        const res = await s.app.inject({
          method: 'POST',
          url,
          headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, ...headers },
        })
        expect(res.statusCode).toBe(403)
      }
    })
    it('refuses a login posted as a form from another site', async () => {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'email=controller%40lulea.example&password=arshjul-demo',
      })
      expect([403, 415]).toContain(res.statusCode)
      expect(res.headers['set-cookie']).toBeUndefined()
    })
    it('accepts the same call with the token from this site', async () => {
      const a = await login(s.app, 'controller@lulea.example')
      const res = await s.app.inject({
        method: 'POST',
        url,
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, origin: 'http://localhost:80' },
      })
      expect(res.statusCode, res.body).toBe(200)
    })
  })
})

describe('login rate limit', () => {
  it('answers 429 in Swedish after the limit, never 5xx', async () => {
    const s = await startApp('pglite', 3)
    try {
      const codes: number[] = []
      for (let i = 0; i < 5; i++) {
        const res = await s.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@y.example', password: 'fel' },
        })
        codes.push(res.statusCode)
        if (res.statusCode === 429) expect(res.json().error.message).toMatch(/För många/)
      }
      expect(codes).toEqual([401, 401, 401, 429, 429])
    } finally {
      await s.close()
    }
  })
})
