import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type BoardContext,
  carryControlsOver,
  createFollowUp,
  createTestDatabase,
  findBoard,
  readInternalControl,
  readPersonnel,
  resolvePersonnelScope,
  saveControl,
  saveControlAssessment,
  saveControlFollowUp,
  saveRisk,
  seedDemo,
  type TestDatabase,
  testEngines,
} from '../src/index.ts'

const actor = { id: null, name: 'Test' }

describe.each(testEngines())('personnel and internal control (%s)', (engine) => {
  let t: TestDatabase
  let lulea: BoardContext
  let linkoping: BoardContext

  beforeAll(async () => {
    t = await createTestDatabase(engine)
    await seedDemo(t.db)
    lulea = (await findBoard(t.db, '2580', 'ks')) as BoardContext
    linkoping = (await findBoard(t.db, '0580', 'ks')) as BoardContext
  })
  afterAll(async () => {
    await t.dispose()
  })

  const ksf = async (insider: boolean) => {
    const scope = await resolvePersonnelScope(t.db, lulea.municipality.id, 'ksf')
    if (!scope) throw new Error('no scope')
    return readPersonnel(t.db, lulea.municipality.id, { ...scope, key: 'ksf' }, insider)
  }
  const cell = (view: Awaited<ReturnType<typeof ksf>>, measure: string, label: string, year = 2024) =>
    view.measures
      .find((m) => m.measure === measure)
      ?.rows.find((r) => r.label === label)
      ?.cells.find((c) => c.year === year)

  it('Luleå KS 2024 as in the annual report, seen from inside the administration', async () => {
    const view = await ksf(true)
    expect(view.scope.name).toBe('Kommunstyrelseförvaltningen')
    expect(cell(view, 'sick-leave', 'Samtliga')?.value).toBe(3.03)
    expect(cell(view, 'sick-leave', 'Kvinnor')?.value).toBe(3.44)
    expect(cell(view, 'sick-leave', 'Män')?.value).toBe(2.03)
    expect(cell(view, 'headcount', 'Tillsvidareanställda')?.value).toBe(198)
    expect(cell(view, 'headcount', 'Tillsvidareanställda, kvinnor')?.value).toBe(143)
    expect(cell(view, 'headcount', 'Tillsvidareanställda, män')?.value).toBe(55)
    expect(cell(view, 'headcount', 'Visstidsanställda, män')?.value).toBe(8)
    expect(view.hiddenCount).toBe(0)
  })

  it('outside the administration, the 8 temporary men and the cell that would give them away are hidden', async () => {
    const view = await ksf(false)
    expect(cell(view, 'headcount', 'Visstidsanställda, män')).toMatchObject({ value: null, hidden: true })
    expect(cell(view, 'headcount', 'Visstidsanställda, kvinnor')).toMatchObject({ value: null, hidden: true })
    expect(cell(view, 'headcount', 'Visstidsanställda')?.value).toBe(19)
    expect(cell(view, 'headcount', 'Tillsvidareanställda, män')?.value).toBe(55)
    expect(cell(view, 'sick-leave', 'Män')?.value).toBe(2.03)
    expect(view.hiddenCount).toBeGreaterThanOrEqual(2)
  })

  it('internal control: the plan, follow-ups on the goals’ scale, the assessment, and carrying over', async () => {
    const view = await readInternalControl(t.db, linkoping, { year: 2024, editable: false, insider: true })
    expect(view.followUp?.key).toBe('ks-2024-vb')
    expect(view.controls.length).toBe(2)
    expect(view.assessment?.text.length).toBeGreaterThan(20)
    expect(view.matrix).toHaveLength(16)

    // A new risk, valued, planned, followed up and assessed in Luleå's open interim report.
    const saved = await t.db.transaction((tx) =>
      saveRisk(
        tx,
        lulea,
        'ksf-risk-upphandling',
        {
          title: 'Direktupphandlingar över gränsvärdet',
          probability: 3,
          consequence: 3,
          identifiedYear: 2025,
          version: 0,
        },
        actor,
      ),
    )
    expect(saved).toEqual({ outcome: 'saved', version: 1 })
    const stale = await t.db.transaction((tx) =>
      saveRisk(
        tx,
        lulea,
        'ksf-risk-upphandling',
        { title: 'Skriver över?', probability: 1, consequence: 1, identifiedYear: 2025, version: 0 },
        actor,
      ),
    )
    expect(stale).toEqual({ outcome: 'conflict' })
    await expect(
      t.db.transaction((tx) =>
        saveRisk(
          tx,
          lulea,
          'ksf-risk-fel',
          { title: 'x', probability: 5, consequence: 1, identifiedYear: 2025, version: 0 },
          actor,
        ),
      ),
    ).rejects.toThrow(/Risken kan inte sparas/)
    await t.db.transaction((tx) =>
      saveControl(
        tx,
        lulea,
        'ksf-kontroll-upphandling',
        {
          year: 2025,
          title: 'Stickprov på direktupphandlingar',
          risk: 'ksf-risk-upphandling',
          method: 'Stickprov 10 st',
          mandatory: false,
          version: 0,
        },
        actor,
      ),
    )
    // The open interim report asks for internal control: the new control is a part of its workflow,
    // and a direct save (which approval would overwrite) is refused.
    const [part] = await t.db.query<{ kind: string }>(
      `SELECT p.kind FROM report_parts p JOIN controls c ON c.id = p.subject_id
        WHERE c.key = 'ksf-kontroll-upphandling'`,
    )
    expect(part?.kind).toBe('control')
    const level = lulea.municipality.settings.assessmentScale.levels[0]?.key ?? null
    const change = { result: 'Två av tio saknade dokumentation.', level, returnsNextYear: true, version: 0 }
    await expect(
      t.db.transaction((tx) =>
        saveControlFollowUp(tx, lulea, 'ksf-kontroll-upphandling', 'ksf-2025-delar', change, actor),
      ),
    ).rejects.toThrow(/arbetsflöde/)
    await expect(
      t.db.transaction((tx) =>
        saveControlAssessment(tx, lulea, 'ksf-2025-delar', { text: 'x', version: 0 }, actor),
      ),
    ).rejects.toThrow(/arbetsflöde/)

    // A follow-up without that section (a monthly report) takes the follow-up directly.
    await t.db.transaction((tx) =>
      createFollowUp(
        tx,
        lulea,
        {
          key: 'ksf-2025-08',
          kind: 'monthly',
          year: 2025,
          periodEnd: '2025-08-31',
          title: 'Månadsrapport augusti 2025',
          deadlines: { report: '2025-09-10' },
          sections: ['goals'],
          administration: 'ksf',
        },
        actor,
      ),
    )
    const fu = await t.db.transaction((tx) =>
      saveControlFollowUp(
        tx,
        lulea,
        'ksf-kontroll-upphandling',
        'ksf-2025-08',
        {
          result: 'Två av tio saknade dokumentation.',
          level,
          action: 'Utbildning',
          returnsNextYear: true,
          version: 0,
        },
        actor,
      ),
    )
    expect(fu).toEqual({ outcome: 'saved', version: 1 })
    const assessed = await t.db.transaction((tx) =>
      saveControlAssessment(
        tx,
        lulea,
        'ksf-2025-08',
        { text: 'Kontrollen fungerar i huvudsak.', version: 0 },
        actor,
      ),
    )
    expect(assessed).toEqual({ outcome: 'saved', version: 1 })
    const after = await readInternalControl(t.db, lulea, {
      year: 2025,
      followUp: 'ksf-2025-08',
      editable: true,
      insider: true,
    })
    const risk = after.risks.find((r) => r.key === 'ksf-risk-upphandling')
    expect(risk).toMatchObject({ value: 9, band: 'high', bandLabel: 'Hög risk' })
    expect(
      after.matrix.find((m) => m.probability === 3 && m.consequence === 3)?.risks.map((r) => r.key),
    ).toContain('ksf-risk-upphandling')
    const control = after.controls.find((c) => c.key === 'ksf-kontroll-upphandling')
    expect(control?.followUp?.returnsNextYear).toBe(true)
    expect(control?.followUp?.level?.key).toBe(level)
    expect(after.assessment?.text).toBe('Kontrollen fungerar i huvudsak.')
    expect(after.editable).toBe(true)

    const carried = await t.db.transaction((tx) => carryControlsOver(tx, lulea, 2025))
    expect(carried).toBe(1)
    expect(await t.db.transaction((tx) => carryControlsOver(tx, lulea, 2025))).toBe(0)
    const next = await readInternalControl(t.db, lulea, { year: 2026, editable: false, insider: true })
    expect(next.controls[0]?.carriedFrom).toEqual({ key: 'ksf-kontroll-upphandling', year: 2025 })
  })

  it('a decided follow-up’s internal control cannot be changed', async () => {
    await expect(
      t.db.transaction((tx) =>
        saveControlAssessment(tx, lulea, 'ks-2024-vb', { text: 'Ändrad', version: 1 }, actor),
      ),
    ).rejects.toThrow(/beslutad/)
  })
})
