import { createTestDatabase, seedDemo, type TestDatabase, testEngines } from '@arshjul/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppInstance, buildApp } from '../src/index.ts'
import { call, INTERIM, login, type Session } from './support.ts'

describe.each(testEngines())('people and roles on %s', (engine) => {
  let t: TestDatabase
  let app: AppInstance
  let admin: Session
  const logs: string[] = []
  beforeAll(async () => {
    t = await createTestDatabase(engine)
    await seedDemo(t.db)
    app = await buildApp({
      db: t.db,
      webRoot: '/nonexistent',
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } } as never,
    })
    admin = await login(app, 'admin@lulea.example')
  })
  afterAll(async () => {
    await app.close()
    await t.dispose()
  })

  const USERS = '/api/municipalities/2580/users'
  const newUser = {
    email: 'ny.rapportor@lulea.example',
    name: 'Ny Rapportör',
    password: 'ett-langt-losenord-19850412-1234',
    role: 'reporter',
    scopeKind: 'org-unit',
    scopeKey: 'ksf-naringsliv',
  }

  it('lets an administrator give a new person a role, who can then sign in and report there', async () => {
    const res = await call(app, admin, 'POST', `${USERS}/grants`, newUser)
    expect(res.statusCode, res.body).toBe(201)
    const person = await login(app, newUser.email, newUser.password)
    const tasks = await call(app, person, 'GET', `${INTERIM}/tasks`)
    const units = new Set(
      (tasks.json().parts as { subject: { unit: { key: string } } }[]).map((p) => p.subject.unit.key),
    )
    expect(units).toEqual(new Set(['ksf-naringsliv']))
    const list = (await call(app, admin, 'GET', USERS)).json() as {
      email: string
      grants: { role: string; scopeKey: string }[]
    }[]
    expect(list.find((u) => u.email === newUser.email)?.grants).toEqual([
      expect.objectContaining({ role: 'reporter', scopeKey: 'ksf-naringsliv' }),
    ])
  })

  it('refuses a short password and an unknown unit with Swedish messages', async () => {
    const short = await call(app, admin, 'POST', `${USERS}/grants`, {
      ...newUser,
      email: 'a@lulea.example',
      password: 'kort',
    })
    expect(short.statusCode).toBe(400)
    expect(JSON.stringify(short.json())).toMatch(/minst 12 tecken/)
    const unknown = await call(app, admin, 'POST', `${USERS}/grants`, {
      ...newUser,
      scopeKey: 'ksf-finns-inte',
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.message).toMatch(/Det finns ingen enhet "ksf-finns-inte"/)
  })

  it('ends every session of an account when it is disabled', async () => {
    const person = await login(app, newUser.email, newUser.password)
    const list = (await call(app, admin, 'GET', USERS)).json() as { id: string; email: string }[]
    const id = list.find((u) => u.email === newUser.email)?.id
    expect((await call(app, admin, 'POST', `${USERS}/${id}/disabled`, { disabled: true })).statusCode).toBe(
      200,
    )
    expect((await call(app, person, 'GET', '/api/auth/session')).json().user).toBeNull()
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: newUser.email, password: newUser.password },
    })
    expect(again.statusCode).toBe(401)
  })

  it('lets only administrators manage people', async () => {
    const controller = await login(app, 'controller@lulea.example')
    expect((await call(app, controller, 'GET', USERS)).statusCode).toBe(403)
    expect(
      (await call(app, controller, 'POST', `${USERS}/grants`, { ...newUser, email: 'x@lulea.example' }))
        .statusCode,
    ).toBe(403)
    const linkoping = await login(app, 'controller@linkoping.example')
    expect((await call(app, linkoping, 'GET', USERS)).statusCode).toBe(403)
  })

  it('writes no password, session cookie or personnummer to the log', async () => {
    const all = logs.join('\n')
    expect(all).toMatch(/signed in/)
    expect(all).toMatch(/access denied/)
    for (const secret of [
      newUser.password,
      '19850412-1234',
      admin.cookie.split('=')[1] ?? 'x',
      'arshjul-demo',
      admin.csrf,
    ]) {
      expect(all).not.toContain(secret)
    }
  })
})
