import { testEngines } from '@arshjul/db'
import type { PartDetail, TaskList } from '@arshjul/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, INTERIM, login, type Session, startApp, type TestApp } from './support.ts'

const CLIENTS = 50
const SAVES_PER_CLIENT = 20

// 1,000 conflicting saves of one part from 50 concurrent clients: every save either wins (200, the
// version moves on by one) or loses with 409 — none is silently lost, and the part ends as the last
// winner wrote it.
describe.each(testEngines())('concurrent conflicting saves on %s', (engine) => {
  let s: TestApp
  let sessions: Session[]
  let partUrl: string
  beforeAll(async () => {
    s = await startApp(engine)
    const controller = await login(s.app, 'controller@lulea.example')
    sessions = [
      controller,
      await login(s.app, 'controller@lulea.example'),
      await login(s.app, 'admin@lulea.example'),
    ]
    const tasks = (await call(s.app, controller, 'GET', `${INTERIM}/tasks?view=all`)).json() as TaskList
    const goal = tasks.parts.find((p) => p.kind === 'goal')
    partUrl = `${INTERIM}/parts/${goal?.id}`
  })
  afterAll(async () => {
    await s.close()
  })

  it('loses no update', async () => {
    const wins: { version: number; analysis: string }[] = []
    let conflicts = 0
    const client = async (n: number) => {
      const session = sessions[n % sessions.length] as Session
      for (let i = 0; i < SAVES_PER_CLIENT; i++) {
        const current = (await call(s.app, session, 'GET', partUrl)).json() as PartDetail
        const analysis = `klient ${n}, försök ${i}`
        const res = await call(s.app, session, 'PUT', partUrl, {
          version: current.version,
          content: { level: 'delvis-uppfyllt', analysis },
        })
        if (res.statusCode === 200) wins.push({ version: res.json().version, analysis })
        else if (res.statusCode === 409) {
          conflicts += 1
          expect(res.json().current.version).toBeGreaterThan(current.version)
        } else throw new Error(`unexpected ${res.statusCode}: ${res.body}`)
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)))

    expect(wins.length + conflicts).toBe(CLIENTS * SAVES_PER_CLIENT)
    const final = (await call(s.app, sessions[0] as Session, 'GET', partUrl)).json() as PartDetail
    // Every win moved the version by exactly one, from 1: no two wins shared a version.
    expect(new Set(wins.map((w) => w.version)).size).toBe(wins.length)
    expect(final.version).toBe(1 + wins.length)
    const last = wins.reduce((a, b) => (a.version > b.version ? a : b))
    expect((final.content as { analysis: string }).analysis).toBe(last.analysis)
    // And the audit trail has one entry per win.
    const [row] = await s.t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'part.save'",
    )
    expect(row?.n).toBe(wins.length)
  }, 240_000)
})
