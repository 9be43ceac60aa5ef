import { createHash } from 'node:crypto'
import { testEngines } from '@arshjul/db'
import type { IssuedReport, IssuedReportList, ReportCheck } from '@arshjul/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, INTERIM, LULEA, login, type Session, startApp, type TestApp } from './support.ts'

const ANNUAL = `${LULEA}/follow-ups/ks-2024-vb`
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])

describe.each(testEngines())('documents API (%s)', (engine) => {
  let t: TestApp
  let controller: Session
  let reporter: Session

  beforeAll(async () => {
    t = await startApp(engine)
    controller = await login(t.app, 'controller@lulea.example')
    reporter = await login(t.app, 'rapportor@lulea.example')
  })
  afterAll(async () => {
    await t.close()
  })

  it('generates the decided annual report in every format, for anyone', async () => {
    const pdf = await call(t.app, null, 'GET', `${ANNUAL}/report?format=pdf`)
    expect(pdf.statusCode, pdf.body).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="kommunstyrelsen-verksamhetsberattelse-2024.pdf"',
    )
    expect(pdf.headers['x-report-errors']).toBe('0')
    expect(pdf.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF')

    for (const format of ['docx', 'xlsx'] as const) {
      const zip = await call(t.app, null, 'GET', `${ANNUAL}/report?format=${format}`)
      expect(zip.statusCode, zip.body).toBe(200)
      expect(zip.headers['content-type']).toMatch(/^application\/vnd\.openxmlformats-officedocument/)
      expect(zip.rawPayload.subarray(0, 4).equals(ZIP)).toBe(true)
    }

    const html = await call(t.app, null, 'GET', `${ANNUAL}/report?format=html&preview=true`)
    expect(html.statusCode).toBe(200)
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(html.headers['content-disposition']).toMatch(/^inline; filename=".+\.html"$/)
    // The document is not the app: no scripts, nothing loaded from anywhere.
    expect(html.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/)
    expect(html.body).toContain('Verksamhetsberättelse 2024')
    expect(
      (await call(t.app, null, 'GET', `${ANNUAL}/report?format=html`)).headers['content-disposition'],
    ).toMatch(/^attachment;/)
  })

  it('checks the decided annual report before issuing: no errors, made from the snapshot', async () => {
    const res = await call(t.app, null, 'GET', `${ANNUAL}/report/check`)
    expect(res.statusCode, res.body).toBe(200)
    const check = res.json() as ReportCheck
    expect(check.document).toMatchObject({
      title: 'Verksamhetsberättelse 2024',
      board: 'Kommunstyrelsen',
      kind: 'annual',
      followUp: { key: 'ks-2024-vb', status: 'decided' },
      basis: { kind: 'snapshot' },
    })
    expect(check.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(check.canIssue).toBe(true)
    expect(check.mayIssue).toBe(false)
    expect(
      ((await call(t.app, controller, 'GET', `${ANNUAL}/report/check`)).json() as ReportCheck).mayIssue,
    ).toBe(true)
  })

  it('a controller issues the decided report: the exact bytes kept, the same again from the snapshot', async () => {
    const first = await call(t.app, controller, 'POST', `${ANNUAL}/report/issues`, { format: 'pdf' })
    expect(first.statusCode, first.body).toBe(201)
    const issued = first.json() as IssuedReport
    expect(issued).toMatchObject({
      format: 'pdf',
      issuedBy: 'Cecilia Controller',
      exception: null,
      errorCount: 0,
      fromDecided: true,
    })
    expect(issued.sha256).toMatch(/^[0-9a-f]{64}$/)

    const fetched = await call(t.app, null, 'GET', `${ANNUAL}/report/issues/${issued.id}`)
    expect(fetched.statusCode).toBe(200)
    expect(fetched.headers['content-type']).toBe('application/pdf')
    expect(fetched.headers['content-disposition']).toMatch(
      /^attachment; filename="ks-2024-vb-utfardad-.+\.pdf"$/,
    )
    expect(sha256(fetched.rawPayload)).toBe(issued.sha256)
    expect(fetched.rawPayload.length).toBe(issued.size)

    const second = await call(t.app, controller, 'POST', `${ANNUAL}/report/issues`, { format: 'pdf' })
    expect(second.statusCode, second.body).toBe(201)
    expect((second.json() as IssuedReport).sha256).toBe(issued.sha256)

    const list = (await call(t.app, null, 'GET', `${ANNUAL}/report/issues`)).json() as IssuedReportList
    expect(list).toHaveLength(2)
    expect(list.every((i) => i.sha256 === issued.sha256 && i.fromDecided && i.basisSha256)).toBe(true)

    const [audit] = await t.t.db.query<{ summary: string; actor_name: string }>(
      `SELECT summary, actor_name FROM audit_log WHERE action = 'report.issue' AND entity_id = $1`,
      [issued.id],
    )
    expect(audit?.summary).toBe(
      `Utfärdade Verksamhetsberättelse 2024 som PDF (sha256 ${issued.sha256.slice(0, 12)}…)`,
    )
    expect(audit?.actor_name).toBe('Cecilia Controller')
  })

  it('the database refuses to change or remove an issued document', async () => {
    const [row] = await t.t.db.query<{ id: string }>('SELECT id FROM report_issues LIMIT 1')
    expect(row).toBeDefined()
    await expect(
      t.t.db.query(`UPDATE report_issues SET sha256 = 'x' WHERE id = $1`, [row?.id]),
    ).rejects.toThrow('Ett utfärdat dokument kan inte ändras eller tas bort')
    await expect(t.t.db.query('DELETE FROM report_issues WHERE id = $1', [row?.id])).rejects.toThrow(
      'Ett utfärdat dokument kan inte ändras eller tas bort',
    )
  })

  it('issuing is for the board’s controller; an open follow-up’s document is for those inside', async () => {
    const refused = await call(t.app, reporter, 'POST', `${ANNUAL}/report/issues`, { format: 'pdf' })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.message).toMatch(/^Du har inte behörighet/)
    expect((await call(t.app, null, 'POST', `${ANNUAL}/report/issues`, { format: 'pdf' })).statusCode).toBe(
      401,
    )
    // Without the session's CSRF token a signed-in change is refused.
    const noToken = await t.app.inject({
      method: 'POST',
      url: `${ANNUAL}/report/issues`,
      headers: { cookie: controller.cookie },
      payload: { format: 'pdf' },
    })
    expect(noToken.statusCode).toBe(403)

    for (const path of ['report?format=pdf', 'report/check', 'report/issues']) {
      const anonymous = await call(t.app, null, 'GET', `${INTERIM}/${path}`)
      expect(anonymous.statusCode, path).toBe(401)
      expect(anonymous.json().error.message).toBe('Logga in för att fortsätta.')
    }
    const linkoping = await login(t.app, 'controller@linkoping.example')
    expect((await call(t.app, linkoping, 'GET', `${INTERIM}/report/check`)).statusCode).toBe(403)
    const reader = await login(t.app, 'lasare@lulea.example')
    const open = await call(t.app, reader, 'GET', `${INTERIM}/report?format=html`)
    expect(open.statusCode).toBe(200)
    expect(open.body).toContain('Delårsrapport 2025')

    expect((await call(t.app, null, 'GET', `${LULEA}/follow-ups/finns-inte/report`)).statusCode).toBe(404)
    expect((await call(t.app, null, 'GET', `${ANNUAL}/report?format=odt`)).statusCode).toBe(400)
    expect(
      (await call(t.app, null, 'GET', `${ANNUAL}/report/issues/00000000-0000-4000-8000-000000000000`))
        .statusCode,
    ).toBe(404)
  })

  it('a failing identity blocks issuing until the controller signs an exception', async () => {
    // A revised budget loaded per activity only: the operating total takes it, no cost centre has it,
    // so the rows no longer add up to the total.
    await t.t.db.query(
      `INSERT INTO economy_amounts (import_id, municipality_id, board_id, year, measure, activity_code, amount_ore)
       SELECT a.import_id, a.municipality_id, a.board_id, 2025, 'revised-budget', '110', -500000000
         FROM economy_amounts a JOIN municipalities m ON m.id = a.municipality_id
        WHERE m.code = '2580' AND a.year = 2025 AND a.measure = 'budget' LIMIT 1`,
    )
    const check = (await call(t.app, controller, 'GET', `${INTERIM}/report/check`)).json() as ReportCheck
    const errors = check.findings.filter((f) => f.severity === 'error')
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0]?.where).toMatch(/^Tabell "Driftredovisning 2025/)
    expect(check.canIssue).toBe(false)
    expect(check.document.basis).toEqual({ kind: 'live' })

    // A preview is still possible; the header says how many errors it has.
    const preview = await call(t.app, controller, 'GET', `${INTERIM}/report?format=pdf`)
    expect(preview.statusCode).toBe(200)
    expect(preview.headers['x-report-errors']).toBe(String(errors.length))

    const blocked = await call(t.app, controller, 'POST', `${INTERIM}/report/issues`, { format: 'pdf' })
    expect(blocked.statusCode).toBe(400)
    const body = blocked.json().error as { code: string; message: string; details: { path: string }[] }
    expect(body.code).toBe('VALIDATION')
    expect(body.message).toMatch(/^Dokumentet kan inte utfärdas: \d+ kontroll/)
    expect(body.details.map((d) => d.path)).toEqual([...errors.map((e) => e.where), 'exception'])

    const tooShort = await call(t.app, controller, 'POST', `${INTERIM}/report/issues`, {
      format: 'pdf',
      exception: 'Därför',
    })
    expect(tooShort.statusCode).toBe(400)
    expect(JSON.stringify(tooShort.json())).toContain('minst 10 tecken')

    const reason = 'Budgeten per verksamhet rättas i nästa månadsrapport; beslutat av ekonomichefen.'
    const signed = await call(t.app, controller, 'POST', `${INTERIM}/report/issues`, {
      format: 'pdf',
      exception: reason,
    })
    expect(signed.statusCode, signed.body).toBe(201)
    expect(signed.json()).toMatchObject({
      exception: reason,
      errorCount: errors.length,
      fromDecided: false,
      basisSha256: null,
    })
    const list = (await call(t.app, controller, 'GET', `${INTERIM}/report/issues`)).json() as IssuedReportList
    expect(list.map((i) => i.exception)).toEqual([reason])
    const [audit] = await t.t.db.query<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE action = 'report.issue' AND entity_id = $1`,
      [(signed.json() as IssuedReport).id],
    )
    expect(audit?.summary).toMatch(
      /^Utfärdade Delårsrapport 2025 som PDF \(sha256 [0-9a-f]{12}…\) med undantag$/,
    )
  })

  it('compiles the boards’ annual reports of a year; the public gets the decided ones', async () => {
    const pdf = await call(
      t.app,
      null,
      'GET',
      '/api/municipalities/0580/reports/compilation?year=2024&format=pdf',
    )
    expect(pdf.statusCode, pdf.body).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const html = await call(
      t.app,
      null,
      'GET',
      '/api/municipalities/0580/reports/compilation?year=2024&format=html',
    )
    expect(html.body).toContain('Nämndernas verksamhetsberättelser 2024')
    expect(html.body).toContain('Kommunledningsförvaltningen')
    const none = await call(t.app, null, 'GET', '/api/municipalities/0580/reports/compilation?year=2019')
    expect(none.statusCode).toBe(404)
    expect(none.json().error.message).toBe(
      'Ingen nämnd i Linköpings kommun har en verksamhetsberättelse för 2019.',
    )
  })

  it('the municipality edits its templates: checked before they are stored, and back to the default', async () => {
    const admin = await login(t.app, 'admin@lulea.example')
    const templates = (await call(t.app, null, 'GET', '/api/municipalities/2580/report-templates')).json()
    const annual = templates.templates.find((x: { kind: string }) => x.kind === 'annual')
    expect(annual).toMatchObject({ label: 'Verksamhetsberättelse', custom: true })
    expect(templates.sections.map((x: { id: string }) => x.id)).toContain('narrative:future')
    const path = '/api/municipalities/2580/report-templates/monthly'
    const monthly = { sections: [{ id: 'operating', title: 'Ekonomi per ansvar' }, { id: 'summary' }] }
    // A board's controller manages the board's cycle, not the municipality's documents.
    expect((await call(t.app, controller, 'PUT', path, { template: monthly })).statusCode).toBe(403)
    const wrong = await call(t.app, admin, 'PUT', path, {
      template: { sections: [{ id: 'chapter', title: 'Ekonomi', sections: [{ id: 'kassaflode' }] }] },
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.details).toEqual([
      {
        path: 'sections[0].sections[0]',
        message: 'Mallen hänvisar till avsnittet "kassaflode", som inte finns.',
      },
    ])
    const saved = await call(t.app, admin, 'PUT', path, { template: monthly })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({ kind: 'monthly', custom: true, template: monthly })
    const after = (await call(t.app, null, 'GET', '/api/municipalities/2580/report-templates')).json()
    expect(after.templates.find((x: { kind: string }) => x.kind === 'monthly')).toMatchObject({
      custom: true,
    })
    // The annual template the municipality had is untouched.
    expect(after.templates.find((x: { kind: string }) => x.kind === 'annual').template).toEqual(
      annual.template,
    )
    const reset = await call(t.app, admin, 'PUT', path, { template: null })
    expect(reset.json()).toMatchObject({ kind: 'monthly', custom: false })
    const [audit] = await t.t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE action = 'report.template' ORDER BY seq DESC LIMIT 1",
    )
    expect(audit?.summary).toBe('Återställde standardmallen för månadsrapport')
  })

  it('a template naming a section that does not exist is refused with where, in Swedish', async () => {
    const [before] = await t.t.db.query<{ settings: string }>(
      `SELECT settings::text AS settings FROM municipalities WHERE code = '2580'`,
    )
    await t.t.db.query(
      `UPDATE municipalities
          SET settings = jsonb_set(settings, '{reportTemplates}',
                COALESCE(settings->'reportTemplates', '{}') || '{"interim": {"sections": [{"id": "finns-inte"}]}}')
        WHERE code = '2580'`,
    )
    try {
      for (const path of ['report?format=pdf', 'report/check']) {
        const res = await call(t.app, controller, 'GET', `${INTERIM}/${path}`)
        expect(res.statusCode, path).toBe(400)
        expect(res.json().error).toEqual({
          code: 'VALIDATION',
          message: 'Dokumentet kan inte skapas: kommunens dokumentmall har fel.',
          details: [
            { path: 'sections[0]', message: 'Mallen hänvisar till avsnittet "finns-inte", som inte finns.' },
          ],
        })
      }
      // The decided annual report keeps its own template.
      expect((await call(t.app, null, 'GET', `${ANNUAL}/report/check`)).statusCode).toBe(200)
    } finally {
      await t.t.db.query(`UPDATE municipalities SET settings = $1::text::jsonb WHERE code = '2580'`, [
        before?.settings,
      ])
    }
  })
})
