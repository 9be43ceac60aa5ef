/**
 * The personnel and internal-control pages in the real app (CLI `serve`, demo data, Chromium):
 * personnel figures with small groups hidden from the public and shown inside the administration,
 * the sick-leave chart, the risk matrix, register and control plan, a controller's keyboard-only
 * round of risk → control → follow-up (as a part of the interim report's workflow: drafted,
 * refused without an action, marked ready, approved) → overall assessment, a conflict on a monthly
 * report's assessment, and the HR import — each state checked with axe and at 320 px.
 *
 * Demo: Luleå (2580) KSF 2024 (sick leave 3,03 %; 19 temporary staff, 11 women and 8 men, hidden
 * for the public), the open follow-up ksf-2025-delar; Linköping (0580) KLF 2020–2024 and KS's
 * internal control 2024 (two controls and an overall assessment).
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  arrivedAt,
  checkAccessibility,
  eventually,
  heading,
  noSidewaysScroll,
  pageReady,
  refused,
  signInQuietly,
  tabTo,
  typeText,
} from './browser.ts'
import { plain, usePeople } from './people.ts'

const CONTROLLER = 'controller@lulea.example'
const ADMIN = 'admin@lulea.example'
const LULEA = '/2580/ks'
const LINKOPING = '/0580/ks'
const OPEN_FOLLOW_UP = 'ksf-2025-delar'
const OPEN_IC = `${LULEA}/intern-kontroll?ar=2025&uppfoljning=${OPEN_FOLLOW_UP}`
/** A monthly report made in a test, without the internal-control section (written on the page). */
const MONTHLY = 'ksf-2025-08'
const HIDDEN_RULE =
  'Uppgifter om grupper med färre än 10 personer visas inte utanför förvaltningen, inte heller uppgifter som skulle avslöja dem.'
/** A year without demo figures, so that what the import adds is all there is. */
const IMPORT_YEAR = 2030

const person = usePeople()

const rowOf = (table: Locator, name: string | RegExp) =>
  table
    .locator(':scope > tbody > tr')
    .filter({ has: table.page().getByRole('rowheader', { name, exact: typeof name === 'string' }) })

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

describe('personnel figures', () => {
  it('shows Luleå’s sick leave and hides the small groups from the public, with the rule', async () => {
    const reader = await person()
    const p = reader.page
    await p.goto(LULEA)
    expect(await heading(p)).toBe('Kommunstyrelsen')
    await tabTo(p, 'Personal')
    await p.keyboard.press('Enter')
    await arrivedAt(p, 'Personal')
    await pageReady(p)

    // The board's administration first; the municipality can be chosen too.
    const choices = p.getByRole('group', { name: 'Uppgifter för' })
    expect(plain(await choices.locator('[aria-current="page"]').textContent())).toBe(
      'Kommunstyrelseförvaltningen',
    )
    expect(await choices.getByRole('link', { name: 'Luleå kommun' }).count()).toBe(1)

    const sickLeave = p.getByRole('table', { name: /^Sjukfrånvaro \(procent\)/ })
    await eventually(() => sickLeave.count()).toBe(1)
    expect(plain(await rowOf(sickLeave, 'Samtliga').textContent())).toContain('3,03 %')
    expect(plain(await rowOf(sickLeave, 'Kvinnor').textContent())).toContain('3,44 %')
    expect(plain(await rowOf(sickLeave, 'Män').textContent())).toContain('2,03 %')

    const headcount = p.getByRole('table', { name: /^Antal anställda/ })
    expect(plain(await rowOf(headcount, 'Tillsvidareanställda').textContent())).toContain('198')
    expect(plain(await rowOf(headcount, 'Visstidsanställda').textContent())).toContain('19')
    for (const name of ['Visstidsanställda, kvinnor', 'Visstidsanställda, män']) {
      const row = rowOf(headcount, name)
      const text = plain(await row.locator('td').textContent())
      // A dash on screen; to a screen reader, why.
      expect(await row.locator('td [aria-hidden="true"]').textContent()).toBe('–')
      expect(await row.locator('td .visually-hidden').textContent()).toBe('dolt: färre än 10 personer')
      expect(text).not.toMatch(/\b(8|11)\b/)
    }
    expect(plain(await p.locator('.personnel-note').textContent())).toContain(HIDDEN_RULE)
    expect(plain(await p.locator('.personnel-note').textContent())).toContain('2 uppgifter är dolda.')
    await checkAccessibility(p, 'personnel-lulea-public')

    // The municipality as a whole, by keyboard.
    await tabTo(p, 'Luleå kommun')
    await p.keyboard.press('Enter')
    await eventually(() => p.url()).toContain('enhet=kommunen')
    await pageReady(p)
    await eventually(() => p.getByRole('table', { name: /^Extern personalomsättning/ }).count()).toBe(1)
    expect(plain(await p.locator('.lead').textContent())).toContain('Luleå kommun 2024')
    await checkAccessibility(p, 'personnel-lulea-kommunen')
  })

  it('shows everything to the controller inside the administration', async () => {
    const controller = await person()
    await signInQuietly(controller, CONTROLLER)
    const p = controller.page
    await p.goto(`${LULEA}/personal`)
    expect(await heading(p)).toBe('Personal')
    await pageReady(p)
    const headcount = p.getByRole('table', { name: /^Antal anställda/ })
    await eventually(() => headcount.count()).toBe(1)
    expect(plain(await rowOf(headcount, 'Visstidsanställda, män').locator('td').textContent())).toBe('8')
    expect(plain(await rowOf(headcount, 'Visstidsanställda, kvinnor').locator('td').textContent())).toBe('11')
    expect(await p.locator('.personnel-note').count()).toBe(0)
    expect(await p.getByText('dolt: färre än 10 personer').count()).toBe(0)
    // Importing is for those with a grant on the whole municipality, not on one board.
    expect(await p.getByRole('link', { name: 'Importera personaldata' }).count()).toBe(0)
    await checkAccessibility(p, 'personnel-lulea-controller')
  })

  it('draws Linköping’s sick leave over five years, with a text alternative and the table', async () => {
    const reader = await person()
    const p = reader.page
    await p.goto(`${LINKOPING}/personal`)
    expect(await heading(p)).toBe('Personal')
    await pageReady(p)
    const table = p.getByRole('table', { name: /^Sjukfrånvaro \(procent\)/ })
    await eventually(() => table.count()).toBe(1)
    const years = await table.locator('thead th').allTextContents()
    expect(years).toEqual(['Grupp', '2020', '2021', '2022', '2023', '2024'])
    expect(plain(await rowOf(table, 'Samtliga').textContent())).toContain('1,50 %')
    const chart = p.getByRole('img', {
      name: /^Linjediagram över sjukfrånvaron i Kommunledningsförvaltningen/,
    })
    await eventually(() => chart.locator('svg').count()).toBe(1)
    expect(plain(await chart.getAttribute('aria-label'))).toContain('Samtliga: 2,20 % 2020')
    expect(await p.locator('.personnel-note').count()).toBe(0)
    await checkAccessibility(p, 'personnel-linkoping')
  })
})

describe('internal control', () => {
  it('shows Linköping’s control plan, follow-up and overall assessment, and the matrix as a table', async () => {
    const reader = await person()
    const p = reader.page
    await p.goto(LINKOPING)
    expect(await heading(p)).toBe('Kommunstyrelsen')
    await tabTo(p, 'Intern kontroll')
    await p.keyboard.press('Enter')
    await arrivedAt(p, 'Intern kontroll')
    await pageReady(p)

    const matrix = p.getByRole('table', { name: /^Riskmatris 2024/ })
    await eventually(() => matrix.count()).toBe(1)
    // Probability from the highest down; the cells say their value and band in words.
    const rowHeaders = (await matrix.getByRole('rowheader').allTextContents()).map(plain)
    expect(rowHeaders).toEqual([
      'Sannolikhet 4 Sannolik',
      'Sannolikhet 3 Möjlig',
      'Sannolikhet 2 Mindre sannolik',
      'Sannolikhet 1 Osannolik',
    ])
    expect(
      plain(
        await rowOf(matrix, /Sannolik$/)
          .locator('td')
          .last()
          .textContent(),
      ),
    ).toContain('Riskvärde 16 Hög risk')
    expect(
      plain(
        await rowOf(matrix, /Osannolik$/)
          .locator('td')
          .first()
          .textContent(),
      ),
    ).toContain('Riskvärde 1 Låg risk')

    const plan = p.getByRole('table', { name: /^Internkontrollplan 2024/ })
    expect(await plan.locator('tbody tr').count()).toBe(2)
    expect(plain(await plan.textContent())).toContain('Upprättande av avtal för distansarbete')
    expect(plain(await p.locator('#follow-ups-heading + p').textContent())).toContain(
      'Verksamhetsberättelse 2024',
    )
    expect(plain(await p.locator('.control-list').textContent())).toContain(
      'Fortsätt granska att avtal för distansarbete upprättas.',
    )
    expect(plain(await p.locator('.ic-assessment').textContent())).toMatch(/^Alla tio internkontrollpunkter/)
    // Readers get no forms.
    expect(await p.getByRole('button', { name: /Registrera risk|Följ upp|bedömning/ }).count()).toBe(0)
    await checkAccessibility(p, 'internal-control-linkoping')
  })

  it('a controller, by keyboard only, registers a risk, plans a control, follows it up and assesses', async () => {
    const controller = await person()
    await signInQuietly(controller, CONTROLLER)
    const p = controller.page
    await p.goto(OPEN_IC)
    expect(await heading(p)).toBe('Intern kontroll')
    await pageReady(p)
    expect(plain(await p.locator('.lead').textContent())).toBe('Intern kontroll 2025 · Delårsrapport 2025')

    // A risk: first without anything, which lists what is missing and moves focus to the list.
    const risk = 'Bristande informationssäkerhet vid distansarbete'
    await tabTo(p, 'Registrera risk')
    await p.keyboard.press('Enter')
    await eventually(() => p.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toBe(
      'risk-title',
    )
    await checkAccessibility(p, 'internal-control-risk-form')
    await tabTo(p, 'Registrera risken')
    await p.keyboard.press('Enter')
    const summary = p.locator('.error-summary')
    await eventually(() => summary.count()).toBe(1)
    await eventually(() =>
      p.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).toBe(true)
    expect(plain(await summary.textContent())).toContain('Ange risken')
    expect(plain(await summary.textContent())).toContain('Välj sannolikhet')
    await checkAccessibility(p, 'internal-control-risk-errors')
    // The first message leads to its field.
    await tabTo(p, 'Ange risken')
    await p.keyboard.press('Enter')
    await eventually(() => p.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toBe(
      'risk-title',
    )
    await typeText(p, risk)
    await tabTo(p, 'Beskrivning (valfri)')
    await typeText(p, 'Uppgifter kan nå obehöriga när arbete görs hemifrån.')
    await tabTo(p, 'Sannolikhet')
    for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowDown')
    expect(await p.locator('#risk-probability').inputValue()).toBe('3')
    await tabTo(p, 'Konsekvens')
    for (let i = 0; i < 4; i++) await p.keyboard.press('ArrowDown')
    expect(await p.locator('#risk-consequence').inputValue()).toBe('4')
    await tabTo(p, 'Riskägare (valfri)')
    await typeText(p, 'Förvaltningschef')
    await tabTo(p, 'Registrera risken')
    await p.keyboard.press('Enter')
    const riskStatus = p.getByRole('status').filter({ hasText: `Risken ${risk} är registrerad.` })
    await eventually(() => riskStatus.count()).toBe(1)
    await eventually(() => focusedText(p)).toBe('Registrera risk')
    await pageReady(p)
    const register = p.getByRole('table', { name: /^Riskregister 2025/ })
    await eventually(() => register.count()).toBe(1)
    expect(plain(await rowOf(register, new RegExp(`^${risk}`)).textContent())).toContain('12 Hög risk')
    // In the matrix: probability "Möjlig" (3) × consequence "Allvarlig" (4).
    const matrix = p.getByRole('table', { name: /^Riskmatris 2025/ })
    const cell = rowOf(matrix, /Möjlig$/)
      .locator('td')
      .nth(3)
    expect(plain(await cell.locator('.risk-cell__value').textContent())).toBe('Riskvärde 12')
    expect(await cell.locator('.risk-cell__band').textContent()).toBe('Hög risk')
    expect(await cell.getByRole('listitem').allTextContents()).toEqual([risk])
    await checkAccessibility(p, 'internal-control-risk-saved')

    // A control against the risk.
    const control = 'Kontroll av avtal för distansarbete'
    await tabTo(p, 'Lägg till kontrollmoment')
    await p.keyboard.press('Enter')
    await eventually(() => p.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toBe(
      'control-title',
    )
    await typeText(p, control)
    await tabTo(p, 'Risk')
    await p.keyboard.press('Home')
    await p.keyboard.press('ArrowDown')
    expect(await p.locator('#control-risk option:checked').textContent()).toBe(risk)
    await tabTo(p, 'Metod (valfri)')
    await typeText(p, 'Stickprov')
    await tabTo(p, 'Ansvarig (valfri)')
    await typeText(p, 'Verksamhetscontroller')
    await tabTo(p, 'Frekvens (valfri)')
    await typeText(p, 'Två gånger per år')
    await checkAccessibility(p, 'internal-control-control-form')
    await tabTo(p, 'Lägg till i planen')
    await p.keyboard.press('Enter')
    await eventually(() =>
      p
        .getByRole('status')
        .filter({ hasText: `Kontrollmomentet ${control} är tillagt` })
        .count(),
    ).toBe(1)
    await pageReady(p)
    const plan = p.getByRole('table', { name: /^Internkontrollplan 2025/ })
    await eventually(() => plan.count()).toBe(1)
    const planned = plain(await rowOf(plan, control).textContent())
    for (const part of [
      risk,
      'Stickprov',
      'Verksamhetscontroller',
      'Två gånger per år',
      'Nej',
      'Ej bedömd',
    ]) {
      expect(planned).toContain(part)
    }

    // The interim report asks for internal control: the control is now a part of its workflow.
    const item = p.locator('.control-item').filter({ has: p.getByRole('heading', { name: control }) })
    await eventually(() => item.locator('.part-status').textContent()).toContain('Ej påbörjad')
    await tabTo(p, `Rapportera uppföljningen av ${control}`)
    await p.keyboard.press('Enter')
    await arrivedAt(p, control)
    await checkAccessibility(p, 'internal-control-part')

    // Its follow-up: result, a level of the goals' scale, an action, and it returns next year.
    await tabTo(p, /^Resultat/)
    await typeText(p, 'Stickprov på tio avtal: åtta var kompletta.')
    await tabTo(p, /Helt uppfyllt$/)
    await p.keyboard.press('ArrowDown')
    await p.keyboard.press('ArrowDown')
    expect(await p.getByRole('radio', { name: /Delvis uppfyllt$/ }).isChecked()).toBe(true)
    // Marked ready without an action although the control shows shortcomings: refused, in Swedish.
    controller.expectConsoleErrors(refused(400))
    await tabTo(p, 'Klarmarkera')
    await p.keyboard.press('Enter')
    const errors = p.locator('.error-summary')
    await eventually(() => errors.textContent()).toContain('Ange en åtgärd: kontrollen visar brister.')
    await checkAccessibility(p, 'internal-control-part-error')
    await tabTo(p, 'Ange en åtgärd: kontrollen visar brister.')
    await p.keyboard.press('Enter')
    await eventually(() => p.evaluate(() => document.activeElement?.id)).toBe('part-action')
    await typeText(p, 'Påminnelse till cheferna om avtalsmallen.')
    await tabTo(p, 'Kontrollmomentet återkommer i nästa års internkontrollplan')
    await p.keyboard.press('Space')
    await tabTo(p, 'Klarmarkera')
    await p.keyboard.press('Enter')
    await eventually(() => p.locator('.notice-box').textContent()).toContain('Delen är klarmarkerad')
    // The controller reviews it on the same page and approves it.
    await tabTo(p, 'Godkänn')
    await p.keyboard.press('Enter')
    await eventually(() => p.locator('.notice-box').textContent()).toContain('Delen är godkänd.')
    await checkAccessibility(p, 'internal-control-part-approved')

    await p.goto(OPEN_IC)
    await pageReady(p)
    await eventually(() => item.locator('.part-status').textContent()).toContain('Granskad')
    const followed = plain(await item.textContent())
    expect(followed).toContain('Delvis uppfyllt')
    expect(await item.locator('dt:text-is("Återkommer nästa år") + dd').textContent()).toBe('Ja')
    expect(followed).toContain('Stickprov på tio avtal: åtta var kompletta.')
    expect(followed).toContain('Påminnelse till cheferna om avtalsmallen.')
    const planAfter = p.getByRole('table', { name: /^Internkontrollplan 2025/ })
    expect(plain(await rowOf(planAfter, control).textContent())).toContain('Delvis uppfyllt')

    // The overall assessment, a part of its own.
    const assessment =
      'Den interna kontrollen fungerar i stort, men avtalen för distansarbete behöver följas.'
    await tabTo(p, 'Skriv den sammanfattande bedömningen')
    await p.keyboard.press('Enter')
    await arrivedAt(p, 'Sammanfattande bedömning av den interna kontrollen')
    await tabTo(p, /^Sammanfattande bedömning/)
    await typeText(p, assessment)
    await tabTo(p, 'Klarmarkera')
    await p.keyboard.press('Enter')
    await eventually(() => p.locator('.notice-box').textContent()).toContain('Delen är klarmarkerad')
    await p.goto(OPEN_IC)
    await pageReady(p)
    await eventually(() => p.locator('.ic-assessment').textContent()).toContain(assessment)
    await checkAccessibility(p, 'internal-control-done')

    // The public sees it too, without forms.
    const reader = await person()
    await reader.page.goto(OPEN_IC)
    await pageReady(reader.page)
    const publicMatrix = reader.page.getByRole('table', { name: /^Riskmatris 2025/ })
    await eventually(() => publicMatrix.count()).toBe(1)
    expect(plain(await publicMatrix.textContent())).toContain(risk)
    expect(await reader.page.getByRole('button', { name: 'Registrera risk' }).count()).toBe(0)
  })

  it('shows a conflict with someone else’s save in a dialog, and keeps the chosen version', async () => {
    const controller = await person()
    await signInQuietly(controller, CONTROLLER)
    const p = controller.page
    // A monthly report without the internal-control section: its assessment is written on the page.
    const api = `/api/municipalities/2580/boards/ks/internal-control`
    const session = await (await controller.context.request.get('/api/auth/session')).json()
    const headers = { 'x-csrf-token': session.csrfToken }
    const monthly = await controller.context.request.post('/api/municipalities/2580/boards/ks/follow-ups', {
      data: {
        key: MONTHLY,
        kind: 'monthly',
        year: 2025,
        periodEnd: '2025-08-31',
        title: 'Månadsrapport augusti 2025',
        deadlines: { report: '2025-09-10' },
        sections: ['goals'],
        administration: 'ksf',
      },
      headers,
    })
    expect(monthly.status()).toBe(201)
    await p.goto(`${LULEA}/intern-kontroll?ar=2025&uppfoljning=${MONTHLY}`)
    await pageReady(p)
    const open = p.getByRole('button', { name: /^(Skriv|Ändra) sammanfattande bedömning$/ })
    await eventually(() => open.count()).toBe(1)
    await open.click()
    const field = p.getByRole('textbox', { name: 'Sammanfattande bedömning i Månadsrapport augusti 2025' })
    await eventually(() => p.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')

    // Someone else saves in between.
    const view = await (await controller.context.request.get(`${api}?year=2025&followUp=${MONTHLY}`)).json()
    const other = await controller.context.request.put(`${api}/assessments/${MONTHLY}`, {
      data: { text: 'En annan bedömning, sparad under tiden.', version: view.assessment?.version ?? 0 },
      headers,
    })
    expect(other.status()).toBe(200)

    controller.expectConsoleErrors(refused(409))
    await field.fill('Min egen bedömning.')
    await p.getByRole('button', { name: 'Spara bedömningen' }).click()
    const dialog = p.getByRole('dialog', { name: 'Någon annan har ändrat bedömningen' })
    await eventually(() => dialog.isVisible()).toBe(true)
    expect(plain(await dialog.getByRole('region', { name: 'Din version' }).textContent())).toContain(
      'Min egen bedömning.',
    )
    expect(plain(await dialog.getByRole('region', { name: 'Sparad version' }).textContent())).toContain(
      'En annan bedömning, sparad under tiden.',
    )
    await checkAccessibility(p, 'internal-control-conflict')
    await dialog.getByRole('button', { name: 'Behåll min version' }).click()
    await eventually(() => dialog.isVisible()).toBe(false)
    await eventually(() => p.locator('.ic-assessment').textContent()).toContain('Min egen bedömning.')

    // A risk changed by someone else while it is open: the saved version can be taken instead.
    const riskPath = `${api}/risks/ks-2025-risk-konfliktrisk`
    const base = { title: 'Konfliktrisk', probability: 2, consequence: 2, identifiedYear: 2025 }
    expect(
      (await controller.context.request.put(riskPath, { data: { ...base, version: 0 }, headers })).status(),
    ).toBe(200)
    await p.reload()
    await pageReady(p)
    const edit = p.getByRole('button', { name: 'Ändra risken Konfliktrisk' })
    await eventually(() => edit.count()).toBe(1)
    await edit.click()
    await eventually(() => p.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toBe(
      'risk-title',
    )
    const changed = { ...base, probability: 4, owner: 'Kommundirektör', version: 1 }
    expect((await controller.context.request.put(riskPath, { data: changed, headers })).status()).toBe(200)
    await p.getByRole('textbox', { name: 'Riskägare (valfri)' }).fill('Ekonomichef')
    await p.getByRole('button', { name: 'Spara risken' }).click()
    const riskDialog = p.getByRole('dialog', { name: 'Någon annan har ändrat risken' })
    await eventually(() => riskDialog.isVisible()).toBe(true)
    expect(plain(await riskDialog.getByRole('region', { name: 'Din version' }).textContent())).toContain(
      'Ekonomichef',
    )
    const theirs = plain(await riskDialog.getByRole('region', { name: 'Sparad version' }).textContent())
    expect(theirs).toContain('Sannolik (4)')
    expect(theirs).toContain('Kommundirektör')
    await checkAccessibility(p, 'internal-control-risk-conflict')
    await riskDialog.getByRole('button', { name: 'Använd den sparade versionen' }).click()
    await eventually(() => riskDialog.isVisible()).toBe(false)
    expect(await p.locator('#risk-probability').inputValue()).toBe('4')
    expect(await p.locator('#risk-owner').inputValue()).toBe('Kommundirektör')
    await p.getByRole('button', { name: 'Spara risken' }).click()
    await eventually(() =>
      p.getByRole('status').filter({ hasText: 'Risken Konfliktrisk är sparad.' }).count(),
    ).toBe(1)
  })
})

describe('reflow at 320 px', () => {
  it('the pages do not scroll sideways; wide tables scroll in a named, focusable region', async () => {
    const narrow = await person({ width: 320, height: 800 })
    const p = narrow.page
    for (const [target, name, ready] of [
      [`${LULEA}/personal`, 'personnel-lulea-320px', 'table'],
      [`${LINKOPING}/personal`, 'personnel-linkoping-320px', 'table'],
      [`${LINKOPING}/intern-kontroll`, 'internal-control-linkoping-320px', 'table'],
      [`${LULEA}/personal/import`, 'personnel-import-320px', 'text=Du behöver logga in för att se importen.'],
    ] as const) {
      await p.goto(target)
      await heading(p)
      await pageReady(p)
      await eventually(() => p.locator(ready).count()).toBeGreaterThan(0)
      await noSidewaysScroll(p, target)
      await checkAccessibility(p, name)
    }
    const region = p.locator('.table-scroll').first()
    await p.goto(`${LINKOPING}/intern-kontroll`)
    await pageReady(p)
    await eventually(() => region.count()).toBe(1)
    expect(await region.getAttribute('tabindex')).toBe('0')
    expect(await region.getAttribute('aria-labelledby')).toBeTruthy()
  })

  it('the controller’s forms reflow too', async () => {
    const narrow = await person({ width: 320, height: 800 })
    await signInQuietly(narrow, CONTROLLER)
    const p = narrow.page
    await p.goto(OPEN_IC)
    await pageReady(p)
    await eventually(() => p.getByRole('button', { name: 'Registrera risk' }).count()).toBe(1)
    await p.getByRole('button', { name: 'Registrera risk' }).click()
    await eventually(() => p.locator('#risk-title').count()).toBe(1)
    await noSidewaysScroll(p, 'the risk form')
    await checkAccessibility(p, 'internal-control-risk-form-320px')
  })
})

describe('importing personnel figures', () => {
  it('tells a reader to sign in, and a board’s controller that imports are for the municipality', async () => {
    const reader = await person()
    await reader.page.goto(`${LULEA}/personal/import`)
    expect(await heading(reader.page)).toBe('Importera personaldata')
    await eventually(() => reader.page.getByText('Du behöver logga in för att se importen.').count()).toBe(1)
    await checkAccessibility(reader.page, 'personnel-import-signed-out')

    const controller = await person()
    await signInQuietly(controller, CONTROLLER)
    await controller.page.goto(`${LULEA}/personal/import`)
    await eventually(() => controller.page.getByText(/importeras av en administratör/).count()).toBe(1)
    expect(await controller.page.getByRole('button', { name: 'Förhandsgranska' }).count()).toBe(0)
  })

  it('an administrator imports a file made from the template: preview, import, figures shown', async () => {
    const admin = await person()
    await signInQuietly(admin, ADMIN)
    const p = admin.page
    await p.goto(`${LULEA}/personal`)
    await pageReady(p)
    await eventually(() => p.getByRole('link', { name: 'Importera personaldata' }).count()).toBe(1)
    await tabTo(p, 'Importera personaldata')
    await p.keyboard.press('Enter')
    await arrivedAt(p, 'Importera personaldata')
    await checkAccessibility(p, 'personnel-import')

    // The template as the page links it, for the import year, with KSF's rows filled in.
    await p.getByRole('textbox', { name: 'År' }).fill(String(IMPORT_YEAR))
    const link = p.getByRole('link', { name: 'Ladda ned mall (CSV) för personaldata' })
    const href = (await link.getAttribute('href')) ?? ''
    expect(href).toContain(`/personnel/template.csv?year=${IMPORT_YEAR}`)
    const template = await admin.context.request.get(href)
    expect(template.status()).toBe(200)
    const [header, ...rows] = (await template.text())
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter(Boolean)
    expect(header).toContain('Täljare')
    const fill: Record<string, string> = {
      'Antal anställda;Tillsvidareanställda;Kvinnor': '150;',
      'Antal anställda;Tillsvidareanställda;Män': '60;',
      'Antal anställda;Visstidsanställda;Kvinnor': '12;',
      'Antal anställda;Visstidsanställda;Män': '7;',
      'Sjukfrånvaro;;': '1234,5;40000',
    }
    const filled = rows
      .filter((row) => row.startsWith('ksf;'))
      .map((row) => {
        const cells = row.split(';')
        const key = [cells[3], cells[4], cells[5]].join(';')
        const figure = fill[key]
        return figure === undefined ? null : [...cells.slice(0, 8), ...figure.split(';'), ''].join(';')
      })
      .filter((row): row is string => row !== null)
    expect(filled.length).toBe(5)
    const csv = `\uFEFF${[header, ...filled].join('\r\n')}\r\n`
    await p.getByLabel('Fil', { exact: true }).setInputFiles({
      name: `hr-${IMPORT_YEAR}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf-8'),
    })
    await p.getByRole('button', { name: 'Förhandsgranska' }).click()
    const preview = p.getByRole('heading', { name: 'Förhandsgranskning' })
    await eventually(() => preview.count()).toBe(1)
    await eventually(() => focusedText(p)).toBe('Förhandsgranskning')
    const scopes = p.getByRole('table', { name: /^Nyckeltal som importeras per enhet/ })
    expect(plain(await rowOf(scopes, /^Kommunstyrelseförvaltningen/).textContent())).toContain(
      'Antal anställda och Sjukfrånvaro',
    )
    expect(await p.getByText(`Importen ersätter ingen tidigare import för ${IMPORT_YEAR}.`).count()).toBe(1)
    await checkAccessibility(p, 'personnel-import-preview')

    await p.getByRole('button', { name: 'Importera', exact: true }).click()
    const done = p.getByRole('status').filter({ hasText: 'Importen är klar.' })
    await eventually(() => done.count()).toBe(1)
    expect(plain(await done.textContent())).toContain('5 rader importerades')
    await checkAccessibility(p, 'personnel-import-done')

    // The sick leave is computed from the quantities: 1 234,5 / 40 000 = 3,09 %.
    await p.getByRole('link', { name: 'Visa personalen' }).click()
    await arrivedAt(p, 'Personal')
    await pageReady(p)
    const sickLeave = p.getByRole('table', { name: /^Sjukfrånvaro \(procent\)/ })
    await eventually(() => sickLeave.locator('thead th').last().textContent()).toBe(String(IMPORT_YEAR))
    const total = plain(await rowOf(sickLeave, 'Samtliga').locator('td').last().textContent())
    expect(total).toContain('3,09 %')
    expect(total).toContain('beräknat: 1 234,5 sjukfrånvarotimmar / 40 000 ordinarie arbetstid i timmar')
    expect(plain(await p.locator('.personnel-measure .table-note').first().textContent())).toContain(
      'täljare/nämnare',
    )
    await checkAccessibility(p, 'personnel-after-import')
  })

  it('lists every problem of a malformed file with its line, and moves focus to the list', async () => {
    const admin = await person()
    await signInQuietly(admin, ADMIN)
    const p = admin.page
    await p.goto(`${LULEA}/personal/import?ar=${IMPORT_YEAR}`)
    expect(await heading(p)).toBe('Importera personaldata')
    const csv = [
      'Enhet;År;Period;Mått;Anställningsform;Kön;Åldersgrupp;Sjukdagar;Täljare;Nämnare;Värde',
      `ksf;${IMPORT_YEAR};;Antal anställda;;;;;tolv;;`,
      `ksf;${IMPORT_YEAR};;Okänt mått;;;;;1;;`,
    ].join('\r\n')
    await p.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'trasig.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf-8'),
    })
    admin.expectConsoleErrors(refused(400))
    await p.getByRole('button', { name: 'Förhandsgranska' }).click()
    const summary = p.locator('.error-summary')
    await eventually(() => summary.count()).toBe(1)
    const text = plain(await summary.textContent())
    expect(text).toMatch(/Rad 2\b/)
    expect(text).toMatch(/Rad 3\b/)
    await eventually(() =>
      p.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).toBe(true)
    expect(await p.getByRole('heading', { name: 'Förhandsgranskning' }).count()).toBe(0)
    await checkAccessibility(p, 'personnel-import-errors')
    await p.setViewportSize({ width: 320, height: 800 })
    await noSidewaysScroll(p, 'the import errors')
    await checkAccessibility(p, 'personnel-import-errors-320px')
  })
})
