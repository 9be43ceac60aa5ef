import { testEngines, verifyAuditChain } from '@arshjul/db'
import type { ControllerOverview, PartDetail, TaskList } from '@arshjul/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, INTERIM, LULEA, login, type Session, startApp, type TestApp } from './support.ts'

const GOAL = 'ksf25-oka-takten-samhallsbyggnadsprocessen'

describe.each(testEngines())('the follow-up cycle on %s', (engine) => {
  let s: TestApp
  let reporter: Session
  let controller: Session
  let head: Session
  beforeAll(async () => {
    s = await startApp(engine)
    reporter = await login(s.app, 'rapportor@lulea.example')
    controller = await login(s.app, 'controller@lulea.example')
    head = await login(s.app, 'forvaltningschef@lulea.example')
  })
  afterAll(async () => {
    await s.close()
  })

  const tasks = async (who: Session, view = 'report') => {
    const res = await call(s.app, who, 'GET', `${INTERIM}/tasks?view=${view}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as TaskList
  }
  const part = async (who: Session, id: string) => {
    const res = await call(s.app, who, 'GET', `${INTERIM}/parts/${id}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as PartDetail
  }

  it("shows a reporter the parts of their units (and the units below), not other units'", async () => {
    const list = await tasks(reporter)
    const units = new Set(list.parts.map((p) => p.subject.unit?.key))
    expect(units).toEqual(new Set(['ksf-mark-exploatering', 'ksf-samhallsomstallning']))
    expect(list.parts.map((p) => p.subject.key)).toContain(GOAL)
    expect(list.followUp.deadlines.report).toBe('2025-09-12')
    expect(list.progress.total).toBe(list.parts.length)
  })

  let goalPartId = ''
  it('lets the reporter assess a goal, requires an analysis below the top level, and marks it ready', async () => {
    const list = await tasks(reporter)
    goalPartId = list.parts.find((p) => p.kind === 'goal' && p.subject.key === GOAL)?.id ?? ''
    const detail = await part(reporter, goalPartId)
    expect(detail.can).toEqual({ edit: true, markReady: true, review: false })
    expect(detail.suggestion?.rule).toMatch(/Varje indikator/)

    const content = {
      level: 'delvis-uppfyllt',
      trend: 'improving',
      forecastLevel: 'i-hog-grad-uppfyllt',
      analysis: null,
      deviations: [],
    }
    const saved = await call(s.app, reporter, 'PUT', `${INTERIM}/parts/${goalPartId}`, {
      version: detail.version,
      content,
    })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().status).toBe('draft')

    const notReady = await call(s.app, reporter, 'POST', `${INTERIM}/parts/${goalPartId}/ready`, {
      version: saved.json().version,
    })
    expect(notReady.statusCode).toBe(400)
    expect(notReady.json().error.details).toEqual([
      { path: 'analysis', message: 'Skriv en analys: målet bedöms inte som helt uppfyllt.' },
    ])

    const ready = await call(s.app, reporter, 'POST', `${INTERIM}/parts/${goalPartId}/ready`, {
      version: saved.json().version,
      content: { ...content, analysis: 'Planberedskapen har ökat men två detaljplaner är försenade.' },
    })
    expect(ready.statusCode, ready.body).toBe(200)
    expect(ready.json().status).toBe('ready')
    expect(ready.json().can.edit).toBe(false)
  })

  it('answers a stale save with 409 and the current content, never overwriting', async () => {
    const now = await part(reporter, goalPartId)
    const stale = await call(s.app, controller, 'POST', `${INTERIM}/parts/${goalPartId}/return`, {
      version: now.version - 1,
      comment: 'x',
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.code).toBe('CONFLICT')
    expect(stale.json().current.version).toBe(now.version)
    expect(stale.json().current.content.analysis).toBe(
      'Planberedskapen har ökat men två detaljplaner är försenade.',
    )
    expect((await part(reporter, goalPartId)).status).toBe('ready')
  })

  it('lets the controller return the part with a comment, the reporter fix it, and the controller approve it', async () => {
    expect((await tasks(controller, 'review')).parts.map((p) => p.id)).toContain(goalPartId)
    let p = await part(controller, goalPartId)
    expect(p.can.review).toBe(true)
    const returned = await call(s.app, controller, 'POST', `${INTERIM}/parts/${goalPartId}/return`, {
      version: p.version,
      comment: 'Ange vilka detaljplaner som är försenade.',
    })
    expect(returned.statusCode, returned.body).toBe(200)
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnComment: 'Ange vilka detaljplaner som är försenade.',
    })

    p = await part(reporter, goalPartId)
    const fixed = await call(s.app, reporter, 'POST', `${INTERIM}/parts/${goalPartId}/ready`, {
      version: p.version,
      content: {
        ...(p.content as object),
        analysis: 'Planberedskapen har ökat; detaljplanerna för Hertsöheden och Rutvik är försenade.',
      },
    })
    expect(fixed.statusCode, fixed.body).toBe(200)
    const approved = await call(s.app, controller, 'POST', `${INTERIM}/parts/${goalPartId}/approve`, {
      version: fixed.json().version,
    })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({
      status: 'approved',
      returnComment: null,
      reviewedBy: 'Cecilia Controller',
    })
  })

  it('keeps the history of the goal: who did what, before and after', async () => {
    const res = await call(s.app, controller, 'GET', `${LULEA}/goals/${GOAL}/history`)
    expect(res.statusCode, res.body).toBe(200)
    const history = res.json() as { actor: string; action: string; summary: string }[]
    expect(history.map((h) => [h.actor, h.action])).toEqual([
      ['Rut Rapportör', 'part.save'],
      ['Rut Rapportör', 'part.mark-ready'],
      ['Cecilia Controller', 'part.return'],
      ['Rut Rapportör', 'part.mark-ready'],
      ['Cecilia Controller', 'part.approve'],
    ])
    expect(history[2]?.summary).toMatch(/Ange vilka detaljplaner/)
  })

  it('refuses approval by the head of administration while parts remain unreviewed', async () => {
    expect(
      (await call(s.app, controller, 'POST', `${INTERIM}/transitions`, { transition: 'close-reporting' }))
        .statusCode,
    ).toBe(200)
    const res = await call(s.app, head, 'POST', `${INTERIM}/transitions`, { transition: 'approve' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.message).toMatch(/inte granskade/)
    expect(
      (await call(s.app, controller, 'POST', `${INTERIM}/transitions`, { transition: 'reopen-reporting' }))
        .statusCode,
    ).toBe(200)
  })

  it('shows the controller per unit what is reported, late and returned', async () => {
    const res = await call(s.app, controller, 'GET', `${INTERIM}/overview`)
    expect(res.statusCode, res.body).toBe(200)
    const o = res.json() as ControllerOverview
    const mark = o.units.find((u) => u.unit?.key === 'ksf-mark-exploatering')
    expect(mark?.reporters).toEqual(['Rut Rapportör'])
    expect(o.totals.total).toBe(o.units.reduce((n, u) => n + u.total, 0))
    expect(o.totals.byStatus.find((b) => b.status === 'approved')?.count).toBe(1)
    // The demo's reporting deadline (2025-09-12) has passed: everything not ready is late.
    expect(o.totals.late).toBe(o.totals.total - 1)
    const reminders = await call(s.app, controller, 'POST', `${INTERIM}/reminders`)
    expect(reminders.statusCode, reminders.body).toBe(200)
    expect(reminders.json().queued).toBe(2)
    const [job] = await s.t.db.query<{ payload: { to: string; subject: string; text: string } }>(
      "SELECT payload FROM jobs WHERE payload->>'to' = 'rapportor@lulea.example'",
    )
    expect(job?.payload.subject).toMatch(/^Påminnelse: Delårsrapport 2025/)
    expect(job?.payload.text).toMatch(/Hej Rut Rapportör!/)
  })

  it('reports internal control and the personnel comment as parts of the workflow', async () => {
    const IC = `${LULEA}/internal-control`
    const risk = await call(s.app, controller, 'PUT', `${IC}/risks/ksf-risk-attest`, {
      title: 'Fakturor attesteras av fel person',
      probability: 2,
      consequence: 3,
      identifiedYear: 2025,
      version: 0,
    })
    expect(risk.statusCode, risk.body).toBe(200)
    const control = await call(s.app, controller, 'PUT', `${IC}/controls/ksf-kontroll-attest`, {
      year: 2025,
      title: 'Stickprov på attester',
      risk: 'ksf-risk-attest',
      method: 'Stickprov, 20 fakturor',
      unit: 'ksf-mark-exploatering',
      version: 0,
    })
    expect(control.statusCode, control.body).toBe(200)
    const unknownUnit = await call(s.app, controller, 'PUT', `${IC}/controls/ksf-kontroll-x`, {
      year: 2025,
      title: 'Okänd enhet',
      unit: 'finns-inte',
      version: 0,
    })
    expect(unknownUnit.statusCode).toBe(400)
    expect(unknownUnit.json().error.details[0].path).toBe('unit')

    // Added while the interim report is open, the control becomes the unit's part to report.
    const mine = await tasks(reporter)
    const controlPart = mine.parts.find((p) => p.kind === 'control')
    expect(controlPart?.subject).toMatchObject({
      key: 'ksf-kontroll-attest',
      title: 'Stickprov på attester',
      unit: { key: 'ksf-mark-exploatering' },
    })
    // Board-level texts are the administration's, not the unit reporter's.
    expect(mine.parts.some((p) => p.kind === 'personnel' || p.kind === 'control-summary')).toBe(false)
    const all = await tasks(controller, 'all')
    expect(all.parts.filter((p) => p.kind === 'personnel' || p.kind === 'control-summary')).toHaveLength(2)
    // The document's texts too, in the order of the interim report's template.
    expect(all.parts.filter((p) => p.kind === 'narrative').map((p) => p.subject.title)).toEqual([
      'Inledning',
      'Uppdrag',
      'Sammanfattning',
      'Året som gått',
      'Väsentliga händelser',
    ])
    const summaryPart = all.parts.find((p) => p.kind === 'narrative' && p.subject.key === 'summary')
    const summary = await part(controller, summaryPart?.id ?? '')
    expect(summary.draft?.text).toMatch(/^Prognosen för helåret 2025|^Utfallet|^Nämnden/)
    expect(summary.draft?.cites.length).toBeGreaterThan(0)

    // Written beside the workflow, the follow-up would be overwritten at approval: refused.
    const direct = await call(
      s.app,
      reporter,
      'PUT',
      `${IC}/controls/ksf-kontroll-attest/follow-ups/ksf-2025-delar`,
      {
        result: 'x',
        level: null,
        returnsNextYear: false,
        version: 0,
      },
    )
    expect(direct.statusCode).toBe(403)
    const directByController = await call(
      s.app,
      controller,
      'PUT',
      `${IC}/controls/ksf-kontroll-attest/follow-ups/ksf-2025-delar`,
      { result: 'x', level: null, returnsNextYear: false, version: 0 },
    )
    expect(directByController.statusCode).toBe(409)
    expect(directByController.json().error.message).toMatch(/arbetsflöde/)

    const id = controlPart?.id ?? ''
    const detail = await part(reporter, id)
    expect(detail.content).toEqual({ result: null, level: null, action: null, returnsNextYear: false })
    const content = {
      result: 'Två av tjugo fakturor var attesterade av en person utan attesträtt.',
      level: 'delvis-uppfyllt',
      action: null,
      returnsNextYear: true,
    }
    const refused = await call(s.app, reporter, 'POST', `${INTERIM}/parts/${id}/ready`, {
      version: detail.version,
      content,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details).toEqual([
      { path: 'action', message: 'Ange en åtgärd: kontrollen visar brister.' },
    ])
    const ready = await call(s.app, reporter, 'POST', `${INTERIM}/parts/${id}/ready`, {
      version: detail.version,
      content: { ...content, action: 'Attestförteckningen ses över och attestanterna utbildas.' },
    })
    expect(ready.statusCode, ready.body).toBe(200)

    // Insiders see the reported follow-up and its part; the public sees nothing until approval.
    const inside = (await call(s.app, controller, 'GET', `${IC}?year=2025&followUp=ksf-2025-delar`)).json()
    const seen = inside.controls.find((c: { key: string }) => c.key === 'ksf-kontroll-attest')
    expect(seen.part).toEqual({ id, status: 'ready' })
    expect(seen.unit).toEqual({ key: 'ksf-mark-exploatering', name: expect.any(String) })
    expect(seen.followUp).toMatchObject({ level: { key: 'delvis-uppfyllt' }, returnsNextYear: true })
    expect(inside.assessmentPart.status).toBe('not-started')
    const outside = (await call(s.app, null, 'GET', `${IC}?year=2025&followUp=ksf-2025-delar`)).json()
    const public_ = outside.controls.find((c: { key: string }) => c.key === 'ksf-kontroll-attest')
    expect(public_.part).toBeNull()
    expect(public_.followUp).toBeNull()
    expect(outside.assessmentPart).toBeNull()

    const approved = await call(s.app, controller, 'POST', `${INTERIM}/parts/${id}/approve`, {
      version: ready.json().version,
    })
    expect(approved.statusCode, approved.body).toBe(200)
  })

  it('runs the whole flow to a decision, after which nothing in the follow-up can change', async () => {
    // The controller (who may also report) completes and approves every remaining part.
    const all = await tasks(controller, 'all')
    for (const summary of all.parts.filter((p) => p.status !== 'approved')) {
      const p = await part(controller, summary.id)
      const content =
        p.kind === 'goal'
          ? {
              level: 'i-hog-grad-uppfyllt',
              trend: null,
              forecastLevel: null,
              forecastText: null,
              analysis: 'Arbetet följer planen.',
              deviations: [],
            }
          : p.kind === 'indicator'
            ? {
                values: [
                  {
                    year: 2025,
                    breakdown: 'total',
                    value: null,
                    status: 'missing',
                    comment: 'Redovisas i årsrapporten.',
                  },
                ],
              }
            : p.kind === 'activity'
              ? { status: 'pagar', comment: null }
              : p.kind === 'narrative'
                ? p.subject.key === 'summary'
                  ? { section: 'summary', text: p.draft?.text ?? null, cites: p.draft?.cites ?? [] }
                  : {
                      section: p.subject.key,
                      text: `Nämndens text om ${p.subject.title.toLowerCase()}.`,
                      cites: [],
                    }
                : p.kind === 'personnel'
                  ? { text: 'Sjukfrånvaron fortsätter att minska.' }
                  : p.kind === 'control-summary'
                    ? { text: 'Den interna kontrollen fungerar i huvudsak, med brister i attesterna.' }
                    : { status: 'pagar', comment: 'Arbetet pågår enligt plan.', transferredToYear: null }
      const ready = await call(s.app, controller, 'POST', `${INTERIM}/parts/${p.id}/ready`, {
        version: p.version,
        content,
      })
      expect(ready.statusCode, `${p.kind} ${p.subject.key}: ${ready.body}`).toBe(200)
      const ok = await call(s.app, controller, 'POST', `${INTERIM}/parts/${p.id}/approve`, {
        version: ready.json().version,
      })
      expect(ok.statusCode, ok.body).toBe(200)
    }
    expect(
      (await call(s.app, controller, 'POST', `${INTERIM}/transitions`, { transition: 'close-reporting' }))
        .statusCode,
    ).toBe(200)
    // Only the head of administration approves; the controller may not.
    expect(
      (await call(s.app, controller, 'POST', `${INTERIM}/transitions`, { transition: 'approve' })).statusCode,
    ).toBe(403)
    const approved = await call(s.app, head, 'POST', `${INTERIM}/transitions`, { transition: 'approve' })
    expect(approved.statusCode, approved.body).toBe(200)
    const bad = await call(s.app, controller, 'POST', `${INTERIM}/transitions`, {
      transition: 'decide',
      decisionRef: 'beslutat i oktober',
    })
    expect(bad.statusCode).toBe(400)
    const decided = await call(s.app, controller, 'POST', `${INTERIM}/transitions`, {
      transition: 'decide',
      decisionRef: 'KS 2025-10-14 § 120',
    })
    expect(decided.statusCode, decided.body).toBe(200)
    expect(decided.json()).toMatchObject({
      status: 'decided',
      decisionRef: 'KS 2025-10-14 § 120',
      decidedOn: '2025-10-14',
    })

    // The decision wrote the official assessment, frozen in the snapshot the overview now reads.
    const overview = await call(s.app, null, 'GET', `${INTERIM}`)
    const goal = overview
      .json()
      .groups.flatMap((g: { goals: { key: string }[] }) => g.goals)
      .find((g: { key: string }) => g.key === GOAL)
    expect(goal.assessment.level.key).toBe('delvis-uppfyllt')
    // … and the internal control and personnel comment, now public.
    const ic = (
      await call(s.app, null, 'GET', `${LULEA}/internal-control?year=2025&followUp=ksf-2025-delar`)
    ).json()
    const attest = ic.controls.find((c: { key: string }) => c.key === 'ksf-kontroll-attest')
    expect(attest.followUp).toMatchObject({
      level: { key: 'delvis-uppfyllt' },
      action: 'Attestförteckningen ses över och attestanterna utbildas.',
      returnsNextYear: true,
    })
    expect(ic.assessment.text).toBe('Den interna kontrollen fungerar i huvudsak, med brister i attesterna.')
    // The document's texts were written in the workflow: the summary from the draft of the figures.
    const html = await call(s.app, null, 'GET', `${INTERIM}/report?format=html`)
    expect(html.statusCode, html.body).toBe(200)
    expect(html.body).toContain('Nämndens text om inledning.')
    expect(html.body).toContain('Nämndens text om året som gått.')
    const check = (await call(s.app, null, 'GET', `${INTERIM}/report/check`)).json()
    expect(
      check.findings.filter((f: { severity: string }) => f.severity === 'error'),
      JSON.stringify(check.findings),
    ).toEqual([])
    const personnel = (await call(s.app, null, 'GET', '/api/municipalities/2580/personnel/ksf')).json()
    expect(personnel.comments[0]).toEqual({
      followUp: { key: 'ksf-2025-delar', title: 'Delårsrapport 2025' },
      text: 'Sjukfrånvaron fortsätter att minska.',
      part: null,
    })
    const [snapshot] = await s.t.db.query<{ content: { document: { personnelComment: string } } }>(
      "SELECT s.content FROM follow_up_snapshots s JOIN follow_ups f ON f.id = s.follow_up_id WHERE f.key = 'ksf-2025-delar'",
    )
    expect(snapshot?.content.document.personnelComment).toBe('Sjukfrånvaron fortsätter att minska.')

    // Nothing can change any more, through the API …
    const p = await part(controller, goalPartId)
    expect(p.can).toEqual({ edit: false, markReady: false, review: false })
    const write = await call(s.app, controller, 'PUT', `${INTERIM}/parts/${goalPartId}`, {
      version: p.version,
      content: p.content,
    })
    expect(write.statusCode).toBe(423)
    expect(write.json().error.message).toBe('Uppföljningen är beslutad och kan inte ändras.')
    const reopen = await call(s.app, controller, 'POST', `${INTERIM}/transitions`, {
      transition: 'reopen-reporting',
    })
    expect(reopen.statusCode).toBe(409)
    // … nor in the database itself.
    await expect(
      s.t.db.query("UPDATE report_parts SET content = '{}'::jsonb WHERE id = $1", [goalPartId]),
    ).rejects.toThrow(/beslutad/)
  })

  it('corrects a decided follow-up with a new, linked version and leaves the decided one as it was', async () => {
    const res = await call(s.app, controller, 'POST', `${INTERIM}/corrections`)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().key).toBe('ksf-2025-delar-v2')
    const v2 = await call(s.app, controller, 'GET', `${LULEA}/follow-ups/ksf-2025-delar-v2/cycle`)
    expect(v2.json()).toMatchObject({ status: 'open', version: 2, supersedes: 'ksf-2025-delar' })
    const drafts = await call(s.app, reporter, 'GET', `${LULEA}/follow-ups/ksf-2025-delar-v2/tasks`)
    const goalPart = (drafts.json() as TaskList).parts.find((p) => p.subject.key === GOAL)
    expect(goalPart?.status).toBe('draft')
    expect((await call(s.app, null, 'GET', `${INTERIM}/cycle`)).json().status).toBe('decided')
  })

  it('keeps the audit chain intact', async () => {
    const [m] = await s.t.db.query<{ id: string }>("SELECT id FROM municipalities WHERE code = '2580'")
    const check = await verifyAuditChain(s.t.db, m?.id ?? '')
    expect(check.entries).toBeGreaterThan(10)
    expect(check.brokenAt).toBeNull()
  })
})

describe.each(testEngines())('the baseline and a new year on %s', (engine) => {
  let s: TestApp
  let controller: Session
  beforeAll(async () => {
    s = await startApp(engine)
    controller = await login(s.app, 'controller@lulea.example')
  })
  afterAll(async () => {
    await s.close()
  })

  it('shows no difference from the adopted plan until something changes, then exactly what changed', async () => {
    const before = await call(s.app, controller, 'GET', `${INTERIM}/baseline`)
    expect(before.statusCode, before.body).toBe(200)
    expect(before.json()).toMatchObject({ baseline: { key: 'ksf-2025-vp' }, changes: [] })

    await s.t.db.query(
      `INSERT INTO indicator_targets (indicator_id, year, breakdown, value)
       SELECT i.id, 2025, 'total', 80 FROM indicators i JOIN municipalities m ON m.id = i.municipality_id
        WHERE m.code = '2580' AND i.key = 'ksf25-rekommenderar-flytta-till-lulea'`,
    )
    const after = await call(s.app, controller, 'GET', `${INTERIM}/baseline`)
    const changes = after.json().changes as {
      kind: string
      key: string
      change: string
      fields: { field: string }[]
    }[]
    expect(changes.map((c) => [c.kind, c.key, c.change, c.fields.map((f) => f.field)])).toEqual([
      ['indicator', 'ksf25-rekommenderar-flytta-till-lulea', 'changed', ['targets']],
    ])
  })

  it('creates next year from this one in one step, once', async () => {
    const res = await call(s.app, controller, 'POST', `${LULEA}/years`, { fromYear: 2025, toYear: 2026 })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ goals: 10, businessPlan: 'ks-2026-vp' })
    expect(res.json().assignments).toBeGreaterThan(0)
    const goals2026 = await call(s.app, null, 'GET', `${LULEA}/goals?year=2026`)
    const keys = goals2026
      .json()
      .groups.flatMap((g: { goals: { key: string }[] }) => g.goals.map((x) => x.key))
    expect(keys).toContain('ksf25-oka-takten-samhallsbyggnadsprocessen-2026')
    // Nothing of 2025 was removed.
    const goals2025 = await call(s.app, null, 'GET', `${LULEA}/goals?year=2025`)
    expect(goals2025.json().total).toBe(14)
    const again = await call(s.app, controller, 'POST', `${LULEA}/years`, { fromYear: 2025, toYear: 2026 })
    expect(again.statusCode).toBe(409)
  })
})
