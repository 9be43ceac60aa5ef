import { testEngines } from '@arshjul/db'
import {
  type ActivityEconomyView,
  type EconomyCommentView,
  formatAmount,
  fromLedgerSign,
  type ImportPreview,
  type InvestmentView,
  type OperatingDrillView,
  type OperatingView,
} from '@arshjul/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, LULEA, login, type Session, startApp, type TestApp } from './support.ts'

const LINKOPING = '/api/municipalities/0580/boards/ks'

/** As printed: rounded last, in the municipality's sign, without the unit. */
function printed(view: { display: OperatingView['display'] }, ore: number | null): string | null {
  return ore === null
    ? null
    : formatAmount(fromLedgerSign(ore, view.display.sign), view.display.unit, view.display.decimals, false)
}
const dev = (view: { display: OperatingView['display'] }, ore: number | null) =>
  ore === null ? null : formatAmount(ore, view.display.unit, view.display.decimals, false)

async function upload(
  t: TestApp,
  session: Session | null,
  path: 'imports/preview' | 'imports',
  query: Record<string, string>,
  body: string | Buffer,
) {
  return t.app.inject({
    method: 'POST',
    url: `${LULEA}/economy/${path}?${new URLSearchParams(query)}`,
    headers: {
      'content-type': 'application/octet-stream',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  })
}

describe.each(testEngines())('economy API (%s)', (engine) => {
  let t: TestApp
  let controller: Session
  let reader: Session
  let reporter: Session

  beforeAll(async () => {
    t = await startApp(engine)
    controller = await login(t.app, 'controller@lulea.example')
    reader = await login(t.app, 'lasare@lulea.example')
    reporter = await login(t.app, 'rapportor@lulea.example')
  })
  afterAll(async () => {
    await t.close()
  })

  it('Luleå KS 2024: the 18 offices and the totals of the annual report', async () => {
    const res = await call(t.app, null, 'GET', `${LULEA}/economy/operating?year=2024`)
    expect(res.statusCode, res.body).toBe(200)
    const view = res.json() as OperatingView
    expect(view.rows).toHaveLength(18)
    const detaljplan = view.rows.find((r) => r.costCentre.code === '1070')
    expect(printed(view, detaljplan?.figures.outcome ?? null)).toBe('−18,5')
    expect(printed(view, detaljplan?.figures.budget ?? null)).toBe('−13,1')
    expect(dev(view, detaljplan?.figures.deviation ?? null)).toBe('−5,4')
    expect(detaljplan?.figures.tone).toBe('deficit')
    const ekonomi = view.rows.find((r) => r.costCentre.code === '1110')
    expect(dev(view, ekonomi?.figures.deviation ?? null)).toBe('2,6')
    expect(ekonomi?.figures.tone).toBe('surplus')
    expect(printed(view, view.total.outcome)).toBe('−284,8')
    expect(printed(view, view.total.budget)).toBe('−281,7')
    expect(dev(view, view.total.deviation)).toBe('−3,1')
    expect(printed(view, view.statement.allocation.outcome)).toBe('−281,8')
    // The result is favourable-positive in every convention: a deficit of 3,1 mkr (printed −3,1).
    expect(dev(view, view.statement.result.outcome)).toBe('−3,1')
    expect(printed(view, view.total.previousYearOutcome)).toBe('−307,7')
    expect(view.formerUnits?.names).toEqual(['Kommunstaben'])
  })

  it('restated in today’s organisation, 2023 moves into the administration and the total is kept', async () => {
    const view = (
      await call(t.app, null, 'GET', `${LULEA}/economy/operating?year=2024&structure=current`)
    ).json() as OperatingView
    expect(view.formerUnits).toBeNull()
    expect(view.rows).toHaveLength(18)
    const fc = view.rows.find((r) => r.costCentre.code === '1101')
    expect(fc?.restatedFrom).toEqual(['KSTAB'])
    expect(printed(view, view.total.previousYearOutcome)).toBe('−307,7')
  })

  it('Linköping KS 2024 per staff unit, per administration and per activity code', async () => {
    const view = (
      await call(t.app, null, 'GET', `${LINKOPING}/economy/operating?year=2024`)
    ).json() as OperatingView
    const klf = view.subtotals.find((s) => s.administration?.key === 'klf')
    expect(printed(view, klf?.figures.outcome ?? null)).toBe('632,1')
    expect(printed(view, klf?.figures.budget ?? null)).toBe('654,0')
    expect(dev(view, klf?.figures.deviation ?? null)).toBe('21,9')
    const eks = view.rows.find((r) => r.costCentre.name.startsWith('Ekonomistaben'))
    expect(dev(view, eks?.figures.deviation ?? null)).toBe('9,1')
    const activities = (
      await call(t.app, null, 'GET', `${LINKOPING}/economy/activities?year=2024`)
    ).json() as ActivityEconomyView
    expect(activities.rows).toHaveLength(16)
    expect(printed(activities, activities.total.outcome)).toBe('632,1')
    expect(activities.rows.find((r) => r.code === '270')?.label).toBe('Räddningstjänst')
  })

  it('investments: Linköping’s projects with decided budget and accumulated outcome', async () => {
    const inv = (
      await call(t.app, null, 'GET', `${LINKOPING}/economy/investments?year=2024`)
    ).json() as InvestmentView
    const simhall = inv.projects.find((p) => /simhall/i.test(p.name))
    expect(printed(inv, simhall?.decidedTotal ?? null)).toBe('990,5')
    expect(printed(inv, simhall?.accumulatedOutcome ?? null)).toBe('938,4')
    expect(dev(inv, simhall?.accumulatedDeviation ?? null)).toBe('52,1')
    expect(printed(inv, inv.totals.all.decidedTotal)).toBe('1\u00a0349,3')
    expect(printed(inv, inv.totals.all.outcome)).toBe('314,9')
    const lulea = (
      await call(t.app, null, 'GET', `${LULEA}/economy/investments?year=2024`)
    ).json() as InvestmentView
    expect(printed(lulea, lulea.totals.landDevelopment.outcome)).toBe('220,4')
    expect(printed(lulea, lulea.totals.excludingLandDevelopment.outcome)).toBe('−15,3')
    expect(printed(lulea, lulea.totals.all.outcome)).toBe('205,1')
  })

  it('drill-down of a cost centre without account detail says so by its groups', async () => {
    const res = await call(t.app, null, 'GET', `${LULEA}/economy/operating/1070?year=2024`)
    expect(res.statusCode, res.body).toBe(200)
    const drill = res.json() as OperatingDrillView
    expect(drill.groups.map((g) => g.key)).toEqual(['ej-specificerat'])
    const missing = await call(t.app, null, 'GET', `${LULEA}/economy/operating/9999?year=2024`)
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.message).toMatch(/Ansvaret 9999/)
  })

  it('comments: a draft from the figures; the reporter edits her unit’s, a conflict never overwrites', async () => {
    const read = await call(
      t.app,
      reader,
      'GET',
      `${LULEA}/economy/comments?followUp=ksf-2025-delar&kind=board`,
    )
    expect(read.statusCode, read.body).toBe(200)
    const view = read.json() as EconomyCommentView
    expect(view.editable).toBe(false)
    expect(view.draft.length).toBeGreaterThan(10)
    const denied = await call(
      t.app,
      reader,
      'PUT',
      `${LULEA}/economy/comments?followUp=ksf-2025-delar&kind=board`,
      {
        text: 'Läsaren får inte skriva',
        version: 0,
      },
    )
    expect(denied.statusCode).toBe(403)
    const saved = await call(
      t.app,
      controller,
      'PUT',
      `${LULEA}/economy/comments?followUp=ksf-2025-delar&kind=board`,
      {
        text: 'Förvaltningen håller budget.',
        version: 0,
      },
    )
    expect(saved.statusCode, saved.body).toBe(200)
    expect((saved.json() as EconomyCommentView).version).toBe(1)
    const stale = await call(
      t.app,
      controller,
      'PUT',
      `${LULEA}/economy/comments?followUp=ksf-2025-delar&kind=board`,
      {
        text: 'Skriver över?',
        version: 0,
      },
    )
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current.text).toBe('Förvaltningen håller budget.')
    const decided = await call(
      t.app,
      controller,
      'PUT',
      `${LULEA}/economy/comments?followUp=ks-2024-vb&kind=board`,
      {
        text: 'Efter beslut',
        version: 1,
      },
    )
    expect(decided.statusCode).toBe(423)
  })

  it('imports a filled-in CSV template: preview, then all or nothing, replacing on re-import', async () => {
    const template = await call(t.app, controller, 'GET', `${LULEA}/economy/templates/drift.csv?year=2025`)
    expect(template.statusCode).toBe(200)
    expect(template.headers['content-type']).toMatch(/text\/csv/)
    const lines = template.body
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toBe('År;Månad;Mått;Ansvar;Konto;Kontogrupp;Verksamhet;Uppföljning;Belopp')
    const row1070 = lines.find((l) => l.includes(';1070;'))
    expect(row1070).toBeDefined()
    // A revised budget for Detaljplan; costs are negative in Luleå's convention.
    const csv = `${lines[0]}\r\n2025;;Reviderad budget;1070;;;;;-14 100 000\r\n`
    const query = { kind: 'csv-drift', year: '2025', fileName: 'revbudget.csv' }
    const anonymous = await upload(t, null, 'imports/preview', query, csv)
    expect(anonymous.statusCode).toBe(401)
    const asReporter = await upload(t, reporter, 'imports/preview', query, csv)
    expect(asReporter.statusCode).toBe(403)
    const previewRes = await upload(t, controller, 'imports/preview', query, csv)
    expect(previewRes.statusCode, previewRes.body).toBe(200)
    const preview = previewRes.json() as ImportPreview
    expect(preview.changes).toEqual([
      {
        subject: '1070',
        subjectName: expect.stringContaining('Detaljplan'),
        measure: 'revised-budget',
        before: 0,
        after: 1_410_000_000,
      },
    ])
    const done = await upload(t, controller, 'imports', { ...query, sha256: preview.sha256 }, csv)
    expect(done.statusCode, done.body).toBe(200)
    const again = await upload(t, controller, 'imports', { ...query, sha256: preview.sha256 }, csv)
    expect(again.json().replaced).toBe(true)
    const view = (
      await call(t.app, null, 'GET', `${LULEA}/economy/operating?year=2025`)
    ).json() as OperatingView
    expect(view.rows.find((r) => r.costCentre.code === '1070')?.figures.revisedBudget).toBe(1_410_000_000)
  })

  it('a bad file is refused with its line and reason, and nothing is written', async () => {
    const csv =
      'År;Månad;Mått;Ansvar;Konto;Kontogrupp;Verksamhet;Uppföljning;Belopp\r\n2025;;Budget;1070;;;;;12,345\r\n2025;13;Utfall;1070;;;;;100\r\n'
    const res = await upload(
      t,
      controller,
      'imports/preview',
      { kind: 'csv-drift', year: '2025', fileName: 'fel.csv' },
      csv,
    )
    expect(res.statusCode).toBe(400)
    const body = res.json() as { error: { message: string; details: { line: number; message: string }[] } }
    expect(body.error.message).toMatch(/Ingenting har sparats/)
    expect(body.error.details.map((d) => d.line)).toEqual([2, 3])
    const sie = await upload(
      t,
      controller,
      'imports/preview',
      { kind: 'sie', year: '2025', fileName: 'trasig.se' },
      '#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#VER A 1 20250105 "x"\n{\n#TRANS 3010 {} -100.00\n}\n',
    )
    expect(sie.statusCode).toBe(400)
    expect(sie.json().error.details[0].line).toBeGreaterThan(0)
  })

  it('unknown cost centres are listed for mapping, and mapping one moves it to the board', async () => {
    const csv =
      'År;Månad;Mått;Ansvar;Konto;Kontogrupp;Verksamhet;Uppföljning;Belopp\r\n2025;;Budget;7777;;;;;-1000\r\n'
    const query = { kind: 'csv-drift', year: '2025', fileName: 'nytt.csv' }
    const preview = (await upload(t, controller, 'imports/preview', query, csv)).json() as ImportPreview
    expect(preview.unknownCostCentres).toEqual([{ code: '7777', name: null }])
    const refused = await upload(t, controller, 'imports', query, csv)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.message).toMatch(/ansvar som Årshjul inte känner till/)
    const accepted = await upload(t, controller, 'imports', { ...query, acceptNewCostCentres: 'true' }, csv)
    expect(accepted.statusCode, accepted.body).toBe(200)
    const admin = await login(t.app, 'admin@lulea.example')
    const mapped = await call(t.app, admin, 'PUT', '/api/municipalities/2580/economy/cost-centres/7777', {
      unit: 'ksf-kansli',
    })
    expect(mapped.statusCode, mapped.body).toBe(200)
    const centres = (
      await call(t.app, null, 'GET', '/api/municipalities/2580/economy/cost-centres')
    ).json() as {
      code: string
      unit: { key: string } | null
    }[]
    expect(centres.find((c) => c.code === '7777')?.unit?.key).toBe('ksf-kansli')
  })

  it('account groups: the Kommun-Bas default, editable, overlapping intervals refused', async () => {
    const groups = (
      await call(t.app, null, 'GET', '/api/municipalities/2580/economy/account-groups')
    ).json() as {
      key: string
      ranges: { from: number; to: number }[]
    }[]
    expect(groups.find((g) => g.key === 'personal')?.ranges).toEqual([{ from: 5000, to: 5799 }])
    const overlapping = groups.map((g) =>
      g.key === 'lokalhyror' ? { ...g, ranges: [{ from: 5700, to: 6099 }] } : g,
    )
    // The mapping is the municipality's: a controller of one board may not change it, an administrator may.
    const byController = await call(
      t.app,
      controller,
      'PUT',
      '/api/municipalities/2580/economy/account-groups',
      groups,
    )
    expect(byController.statusCode).toBe(403)
    const admin = await login(t.app, 'admin@lulea.example')
    const refused = await call(
      t.app,
      admin,
      'PUT',
      '/api/municipalities/2580/economy/account-groups',
      overlapping,
    )
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details[0].message).toMatch(/5700–5799/)
    const edited = groups.map((g) =>
      g.key === 'lokalhyror' ? { ...g, ranges: [{ from: 6000, to: 6049 }] } : g,
    )
    const saved = await call(t.app, admin, 'PUT', '/api/municipalities/2580/economy/account-groups', edited)
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().find((g: { key: string }) => g.key === 'lokalhyror').ranges).toEqual([
      { from: 6000, to: 6049 },
    ])
  })

  it('frames: the list that explains the 2025 allocation', async () => {
    const res = await call(t.app, null, 'GET', `${LULEA}/economy/frames?year=2025`)
    const frames = res.json() as { lists: { kind: string; items: { label: string }[] }[] }
    expect(frames.lists.map((l) => l.kind).sort()).toEqual(['appropriation-split', 'frame-changes'])
    expect(
      frames.lists.find((l) => l.kind === 'frame-changes')?.items.some((i) => /IT-avgift/.test(i.label)),
    ).toBe(true)
  })

  it('frame lists and reorganisations are recorded by those allowed, validated, and listed', async () => {
    const list = {
      year: 2026,
      kind: 'frame-changes',
      title: 'Ramförändringar 2026',
      items: [
        { label: 'Höjd IT-avgift', amount: 190_000_000, costCentre: '1510' },
        { label: 'Effektivisering', amount: -50_000_000 },
      ],
    }
    expect((await call(t.app, reader, 'PUT', `${LULEA}/economy/frames/ram-2026`, list)).statusCode).toBe(403)
    const saved = await call(t.app, controller, 'PUT', `${LULEA}/economy/frames/ram-2026`, list)
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().lists[0].total).toBe(140_000_000)
    const unknown = await call(t.app, controller, 'PUT', `${LULEA}/economy/frames/ram-2026`, {
      ...list,
      items: [{ label: 'Fel', amount: 1, costCentre: '0000' }],
    })
    expect(unknown.statusCode).toBe(400)

    const admin = await login(t.app, 'admin@lulea.example')
    const bad = await call(t.app, admin, 'POST', '/api/municipalities/2580/economy/reorganisations', {
      key: 'delning',
      effectiveFrom: '2026-01-01',
      description: 'Kansli delas',
      moves: [
        { from: '1211', to: '1210', sharePpm: 600_000 },
        { from: '1211', to: '1203', sharePpm: 300_000 },
      ],
    })
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json().error.details)).toMatch(/1211/)
    const good = await call(t.app, admin, 'POST', '/api/municipalities/2580/economy/reorganisations', {
      key: 'delning',
      effectiveFrom: '2026-01-01',
      description: 'Kansli delas',
      moves: [
        { from: '1211', to: '1210', sharePpm: 600_000 },
        { from: '1211', to: '1203', sharePpm: 400_000 },
      ],
    })
    expect(good.statusCode, good.body).toBe(200)
    const listed = (
      await call(t.app, null, 'GET', '/api/municipalities/2580/economy/reorganisations')
    ).json() as {
      key: string
    }[]
    expect(listed.map((r) => r.key).sort()).toEqual(['delning', 'kommunstaben-blir-ksf'])
  })
})
