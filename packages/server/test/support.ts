import { createTestDatabase, seedDemo, type TestDatabase } from '@arshjul/db'
import { expect } from 'vitest'
import { type AppInstance, buildApp } from '../src/index.ts'

export const DEMO_PASSWORD = 'arshjul-demo'
export const LULEA = '/api/municipalities/2580/boards/ks'
export const INTERIM = `${LULEA}/follow-ups/ksf-2025-delar`

export interface TestApp {
  t: TestDatabase
  app: AppInstance
  close(): Promise<void>
}

/** A seeded database and an in-process server for one test file. */
export async function startApp(engine: 'pglite' | 'postgres', loginMax = 10_000): Promise<TestApp> {
  const t = await createTestDatabase(engine)
  await seedDemo(t.db)
  const app = await buildApp({
    db: t.db,
    webRoot: '/nonexistent',
    loginRateLimit: { max: loginMax, timeWindow: '1 minute' },
  })
  return {
    t,
    app,
    async close() {
      await app.close()
      await t.dispose()
    },
  }
}

export interface Session {
  cookie: string
  csrf: string
  name: string
}

export async function login(app: AppInstance, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  expect(res.statusCode, res.body).toBe(200)
  const setCookie = String(res.headers['set-cookie'])
  const cookie = setCookie.split(';')[0] ?? ''
  const body = res.json() as { csrfToken: string; user: { name: string } }
  return { cookie, csrf: body.csrfToken, name: body.user.name }
}

/** Call the API as a signed-in user (or anonymously), the way the web app does. */
export async function call(
  app: AppInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
) {
  return app.inject({
    method,
    url,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
    },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })
}
