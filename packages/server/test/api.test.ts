import { createTestDatabase, seedDemo, type TestDatabase, testEngines } from '@arshjul/db'
import type {
  AssignmentList,
  FollowUpOverview,
  GoalDetail,
  GoalList,
  IndicatorView,
  MunicipalityDetail,
  MunicipalitySummary,
} from '@arshjul/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppInstance, buildApp } from '../src/index.ts'

describe.each(testEngines())('API on %s', (engine) => {
  let t: TestDatabase
  let app: AppInstance
  beforeAll(async () => {
    t = await createTestDatabase(engine)
    await seedDemo(t.db)
    app = await buildApp({ db: t.db, webRoot: '/nonexistent' })
  })
  afterAll(async () => {
    await app.close()
    await t.dispose()
  })

  const get = async <T>(url: string, status = 200): Promise<T> => {
    const res = await app.inject({ method: 'GET', url })
    expect(res.statusCode, `${url}: ${res.body}`).toBe(status)
    return res.json() as T
  }

  it('answers the health check with the engine in use', async () => {
    expect(await get('/api/health')).toMatchObject({ status: 'ok', database: engine })
  })

  it('lists both demo municipalities with their boards', async () => {
    const list = await get<MunicipalitySummary[]>('/api/municipalities')
    expect(list.map((m) => [m.code, m.name])).toEqual([
      ['0580', 'Linköpings kommun'],
      ['2580', 'Luleå kommun'],
    ])
    expect(list.every((m) => m.boards.some((b) => b.key === 'ks'))).toBe(true)
  })

  it('gives each municipality its own settings', async () => {
    const linkoping = await get<MunicipalityDetail>('/api/municipalities/0580')
    const lulea = await get<MunicipalityDetail>('/api/municipalities/2580')
    expect(linkoping.settings.signConvention).toBe('costs-positive')
    expect(lulea.settings.signConvention).toBe('costs-negative')
    expect(linkoping.settings.assessmentScale.levels).toHaveLength(3)
    expect(lulea.settings.assessmentScale.levels).toHaveLength(4)
    expect(linkoping.goalAreas.map((a) => a.name)).toEqual([
      'Samhälle',
      'Ekonomi',
      'Verksamhet',
      'Medarbetare',
    ])
  })

  it("shows Linköping's 18 board goals in 4 goal areas, with the level summary computed from the assessments", async () => {
    const overview = await get<FollowUpOverview>('/api/municipalities/0580/boards/ks/follow-ups/ks-2024-vb')
    const goals = overview.groups.flatMap((g) => g.goals)
    expect(goals).toHaveLength(18)
    expect(overview.groups.map((g) => g.goalArea?.key)).toEqual([
      'samhalle',
      'ekonomi',
      'verksamhet',
      'medarbetare',
    ])
    const counted = new Map<string, number>()
    for (const g of goals) {
      const key = g.assessment?.level?.key ?? 'none'
      counted.set(key, (counted.get(key) ?? 0) + 1)
    }
    expect(overview.summary.levels.map((l) => [l.key, l.count])).toEqual([
      ['uppnatt', counted.get('uppnatt') ?? 0],
      ['delvis-uppnatt', counted.get('delvis-uppnatt') ?? 0],
      ['ej-uppnatt', counted.get('ej-uppnatt') ?? 0],
    ])
    // As the document states: 13 achieved and 5 partly achieved.
    expect(overview.summary.levels.map((l) => l.count)).toEqual([13, 5, 0])
    expect(overview.summary.total).toBe(18)
  })

  it("shows Luleå's 2024 follow-up with 11 goals and strategic initiatives", async () => {
    const overview = await get<FollowUpOverview>('/api/municipalities/2580/boards/ks/follow-ups/ks-2024-vb')
    const goals = overview.groups.flatMap((g) => g.goals)
    expect(goals).toHaveLength(11)
    expect(goals.filter((g) => g.kind === 'goal')).toHaveLength(5)
    expect(goals.filter((g) => g.kind === 'initiative')).toHaveLength(6)
    expect(overview.summary.total).toBe(11)
  })

  it('gives the indicator "Markreserv verksamhetsmark" its 2022–2024 values and its target', async () => {
    const ind = await get<IndicatorView>(
      '/api/municipalities/0580/boards/ks/indicators/markreserv-verksamhetsmark',
    )
    expect(ind.name).toMatch(/^Markreserv verksamhetsmark, hektar/)
    const totals = ind.values.filter((v) => v.breakdown === 'total').map((v) => [v.year, v.value])
    expect(totals).toEqual([
      [2022, 50],
      [2023, 28],
      [2024, 43],
    ])
    expect(ind.targets).toEqual([{ year: 2024, breakdown: 'total', value: 50 }])
  })

  it('gives a goal page its indicators, assessment history and financing', async () => {
    const list = await get<GoalList>('/api/municipalities/2580/boards/ks/goals?year=2025')
    const keys = list.groups.flatMap((g) => g.goals).map((g) => g.key)
    expect(keys).toContain('ksf25-oka-takten-samhallsbyggnadsprocessen')
    expect(keys).not.toContain('ks23-kompetensforsorjning')
    const goal = await get<GoalDetail>(
      '/api/municipalities/2580/boards/ks/goals/ksf25-oka-takten-samhallsbyggnadsprocessen',
    )
    expect(goal.financing?.amountKronor).toBe(7_000_000)
    expect(goal.goalArea?.key).toBe('mer-lulea')
    const linkoping = await get<GoalDetail>(
      '/api/municipalities/0580/boards/ks/goals/god-trygghet-och-sakerhet',
    )
    expect(linkoping.assessments[0]?.level?.key).toBe('delvis-uppnatt')
    expect(linkoping.indicators.length).toBeGreaterThan(0)
  })

  it('counts assignments per status and filters by status without changing the counts', async () => {
    const all = await get<AssignmentList>('/api/municipalities/0580/boards/ks/assignments?year=2024')
    expect(all.total).toBe(33)
    const done = await get<AssignmentList>(
      '/api/municipalities/0580/boards/ks/assignments?year=2024&status=genomford',
    )
    expect(done.counts).toEqual(all.counts)
    const doneCount = all.counts.find((c) => c.status === 'genomford')?.count
    expect(done.items).toHaveLength(doneCount ?? -1)
    expect(done.items.every((a) => a.status === 'genomford')).toBe(true)
  })

  it.each([
    ['/api/municipalities/9999', 'Kommunen 9999 finns inte.'],
    ['/api/municipalities/0580/boards/xyz', 'Nämnden "xyz" i kommun 0580 finns inte.'],
    ['/api/municipalities/0580/boards/ks/goals/finns-inte', 'Målet "finns-inte" finns inte.'],
    ['/api/municipalities/0580/boards/ks/indicators/finns-inte', 'Indikatorn "finns-inte" finns inte.'],
    ['/api/municipalities/0580/boards/ks/follow-ups/finns-inte', 'Uppföljningen "finns-inte" finns inte.'],
    ['/api/okand', 'Resursen /api/okand finns inte.'],
  ])('answers 404 in Swedish for %s', async (url, message) => {
    expect(await get(url, 404)).toEqual({ error: { code: 'NOT_FOUND', message } })
  })

  it('answers 400 listing every invalid parameter', async () => {
    const body = await get<{ error: { code: string; details: { path: string }[] } }>(
      '/api/municipalities/0580/boards/ks/assignments?year=tjugo&status=klar',
      400,
    )
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['querystring.status', 'querystring.year'])
    const code = await get<{ error: { details: { path: string }[] } }>('/api/municipalities/58', 400)
    expect(code.error.details[0]?.path).toBe('params.code')
  })

  it('describes itself in OpenAPI 3.1, generated from the same schemas', async () => {
    const doc = await get<{
      openapi: string
      paths: Record<string, Record<string, { tags?: string[] }>>
      tags: { name: string }[]
    }>('/api/openapi.json')
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/municipalities',
        '/api/municipalities/{code}/boards/{board}/goals/{goal}',
        '/api/municipalities/{code}/boards/{board}/assignments',
        '/api/municipalities/{code}/boards/{board}/follow-ups/{followUp}/report',
      ]),
    )
    // Every operation's group is declared, so the reference lists it in order.
    const declared = new Set(doc.tags.map((t) => t.name))
    const used = new Set(
      Object.values(doc.paths).flatMap((methods) => Object.values(methods).flatMap((op) => op.tags ?? [])),
    )
    expect([...used].filter((tag) => !declared.has(tag))).toEqual([])
  })

  it('sends the security headers on every response', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/municipalities' })
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const csp = String(res.headers['content-security-policy'])
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
      expect(csp).toContain(directive)
  })
})
