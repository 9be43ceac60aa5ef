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
    const followed = await call(
      t.app,
      controller,
      'PUT',
      `${LULEA}/internal-control/controls/ksf-kontroll-behorighet/follow-ups/ksf-2025-delar`,
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
      `${LULEA}/internal-control/assessments/ksf-2025-delar`,
      {
        text: 'Den interna kontrollen fungerar.',
        version: 0,
      },
    )
    expect(assessed.statusCode, assessed.body).toBe(200)
    const view = (
      await call(t.app, controller, 'GET', `${LULEA}/internal-control?year=2025&followUp=ksf-2025-delar`)
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
})
