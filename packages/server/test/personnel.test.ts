import { testEngines } from '@arshjul/db'
import type { InternalControlView, PersonnelView } from '@arshjul/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, LULEA, login, type Session, startApp, type TestApp } from './support.ts'

const KSF = '/api/municipalities/2580/personnel/ksf'

function headcount(view: PersonnelView, label: string) {
  return view.measures
    .find((m) => m.measure === 'headcount')
    ?.rows.find((r) => r.label === label)
    ?.cells.find((c) => c.year === 2024)
}

describe.each(testEngines())('personnel and internal control API (%s)', (engine) => {
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

  it('the public sees the protected view; the administration sees all', async () => {
    const scopes = (await call(t.app, null, 'GET', '/api/municipalities/2580/personnel')).json() as {
      key: string
    }[]
    expect(scopes.map((s) => s.key)).toContain('ksf')
    const outside = (await call(t.app, null, 'GET', KSF)).json() as PersonnelView
    expect(outside.insider).toBe(false)
    expect(headcount(outside, 'Visstidsanställda, män')).toMatchObject({ value: null, hidden: true })
    expect(headcount(outside, 'Tillsvidareanställda')?.value).toBe(198)
    const linkoping = await login(t.app, 'controller@linkoping.example')
    expect(((await call(t.app, linkoping, 'GET', KSF)).json() as PersonnelView).insider).toBe(false)
    const inside = (await call(t.app, controller, 'GET', KSF)).json() as PersonnelView
    expect(inside.insider).toBe(true)
    expect(headcount(inside, 'Visstidsanställda, män')?.value).toBe(8)
    expect((await call(t.app, null, 'GET', '/api/municipalities/2580/personnel/finns-inte')).statusCode).toBe(
      404,
    )
    // Kommunstaben is both a unit and an administration: the one with figures is shown.
    const staben = (
      await call(t.app, null, 'GET', '/api/municipalities/2580/personnel/kommunstaben')
    ).json() as PersonnelView
    expect(staben.years).toEqual([2019, 2020, 2021, 2022, 2023])
  })

  it('a risk registered, valued, planned, followed up and assessed; refusals and conflicts in Swedish', async () => {
    const risk = {
      title: 'Bristande informationssäkerhet',
      probability: 2,
      consequence: 4,
      identifiedYear: 2025,
      version: 0,
    }
    expect(
      (await call(t.app, reporter, 'PUT', `${LULEA}/internal-control/risks/ksf-risk-infosak`, risk))
        .statusCode,
    ).toBe(403)
    const saved = await call(
      t.app,
      controller,
      'PUT',
      `${LULEA}/internal-control/risks/ksf-risk-infosak`,
      risk,
    )
    expect(saved.statusCode, saved.body).toBe(200)
    const stale = await call(
      t.app,
      controller,
      'PUT',
      `${LULEA}/internal-control/risks/ksf-risk-infosak`,
      risk,
    )
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.message).toMatch(/ingenting skrevs över/)
    const control = {
      year: 2025,
      title: 'Kontroll av behörigheter',
      risk: 'ksf-risk-infosak',
      method: 'Stickprov',
      version: 0,
    }
    expect(
      (
        await call(
          t.app,
          controller,
          'PUT',
          `${LULEA}/internal-control/controls/ksf-kontroll-behorighet`,
          control,
        )
      ).statusCode,
    ).toBe(200)
    // A second "new" control with the same key is a stale edit: a conflict, not an overwrite.
    expect(
      (
        await call(
          t.app,
          controller,
          'PUT',
          `${LULEA}/internal-control/controls/ksf-kontroll-behorighet`,
          control,
        )
      ).statusCode,
    ).toBe(409)
    // The open interim report takes internal control as parts of its workflow (see cycle.test.ts);
    // a monthly report without that section takes the follow-up directly.
    const monthly = await call(t.app, controller, 'POST', `${LULEA}/follow-ups`, {
      key: 'ksf-2025-08',
      kind: 'monthly',
      year: 2025,
      periodEnd: '2025-08-31',
      title: 'Månadsrapport augusti 2025',
      deadlines: { report: '2025-09-10' },
      sections: ['goals'],
      administration: 'ksf',
    })
    expect(monthly.statusCode, monthly.body).toBe(201)
    const followed = await call(
      t.app,
      controller,
      'PUT',
      `${LULEA}/internal-control/controls/ksf-kontroll-behorighet/follow-ups/ksf-2025-08`,
      {
        result: 'Inga avvikelser i stickprovet.',
        level: 'helt-uppfyllt',
        returnsNextYear: false,
        version: 0,
      },
    )
    expect(followed.statusCode, followed.body).toBe(200)
    const assessed = await call(
      t.app,
      controller,
      'PUT',
      `${LULEA}/internal-control/assessments/ksf-2025-08`,
      {
        text: 'Den interna kontrollen fungerar.',
        version: 0,
      },
    )
    expect(assessed.statusCode, assessed.body).toBe(200)
    const view = (
      await call(t.app, controller, 'GET', `${LULEA}/internal-control?year=2025&followUp=ksf-2025-08`)
    ).json() as InternalControlView
    expect(view.editable).toBe(true)
    expect(view.risks.find((r) => r.key === 'ksf-risk-infosak')).toMatchObject({ value: 8, band: 'high' })
    expect(view.controls.find((c) => c.key === 'ksf-kontroll-behorighet')?.followUp?.level?.key).toBe(
      'helt-uppfyllt',
    )
    const decided = await call(t.app, controller, 'PUT', `${LULEA}/internal-control/assessments/ks-2024-vb`, {
      text: 'Ändrad i efterhand',
      version: 1,
    })
    expect(decided.statusCode).toBe(423)
  })

  it('imports an HR file made from the template: preview, all or nothing, unknown units named by line', async () => {
    const admin = await login(t.app, 'admin@lulea.example')
    const template = await call(
      t.app,
      admin,
      'GET',
      '/api/municipalities/2580/personnel/template.csv?year=2025',
    )
    expect(template.statusCode).toBe(200)
    const header = template.body.replace(/^\ufeff/, '').split(/\r?\n/)[0] ?? ''
    expect(header).toMatch(/^Enhet;År;/)
    const columns = header.split(';')
    const line = (values: Record<string, string>) => columns.map((c) => values[c] ?? '').join(';')
    const csv = [
      header,
      line({ Enhet: 'ksf', År: '2025', Mått: 'Sjukfrånvaro', Täljare: '3100', Nämnare: '100000' }),
      line({
        Enhet: 'ksf',
        År: '2025',
        Mått: 'Antal anställda',
        Anställningsform: 'Tillsvidare',
        Täljare: '201',
      }),
    ].join('\r\n')
    const upload = (path: string, body: string, who: Session, extra = '') =>
      t.app.inject({
        method: 'POST',
        url: `/api/municipalities/2580/personnel/${path}?kind=csv&year=2025&fileName=hr.csv${extra}`,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/octet-stream' },
        payload: Buffer.from(body, 'utf8'),
      })
    expect((await upload('imports/preview', csv, controller)).statusCode).toBe(403)
    const preview = await upload('imports/preview', csv, admin)
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json().scopes).toEqual([
      {
        key: 'ksf',
        name: 'Kommunstyrelseförvaltningen',
        figures: 2,
        measures: ['Sjukfrånvaro', 'Antal anställda'],
      },
    ])
    const done = await upload('imports', csv, admin, `&sha256=${preview.json().sha256}`)
    expect(done.statusCode, done.body).toBe(200)
    const view = (await call(t.app, admin, 'GET', KSF)).json() as PersonnelView
    const sick = view.measures
      .find((m) => m.measure === 'sick-leave')
      ?.rows.find((r) => r.label === 'Samtliga')
    expect(sick?.cells.find((c) => c.year === 2025)).toMatchObject({ value: 3.1, computed: true })

    const outOfRange = [header, line({ Enhet: 'ksf', År: '2025', Mått: 'Sjukfrånvaro', Värde: '130' })].join(
      '\r\n',
    )
    const refused = await upload('imports/preview', outOfRange, admin)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details.map((d: { line: number }) => d.line)).toEqual([2])
    const unknown = [
      header,
      line({ Enhet: 'finns-inte', År: '2025', Mått: 'Sjukfrånvaro', Värde: '3,1' }),
    ].join('\r\n')
    const unknownUnit = await upload('imports/preview', unknown, admin)
    expect(unknownUnit.statusCode).toBe(400)
    expect(unknownUnit.json().error.details[0]).toMatchObject({ line: 2, column: 'Enhet' })
    expect(unknownUnit.json().error.details[0].message).toMatch(/finns inte/)
  })
})
