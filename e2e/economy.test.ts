/**
 * The economy pages in the real app (CLI `serve`, demo data, Chromium): the operating table per
 * cost centre with its total and drill-down, the table per activity, investments, comments with a
 * conflict, and a controller's import of a file made from the downloaded template — each state
 * checked with axe, by keyboard where it matters, and at 320 px.
 *
 * Demo: Luleå (2580) KS 2024 per office (costs negative, mkr), Linköping (0580) KS 2024 per staff
 * unit and per activity code (costs positive, mnkr) with investments.
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
} from './browser.ts'
import { plain, usePeople } from './people.ts'

const MINUS = '\u2212'
const CONTROLLER = 'controller@lulea.example'
const LULEA = '/2580/ks/ekonomi'
const LINKOPING = '/0580/ks/ekonomi'
/** A year without demo data, so that what the import adds is all that is shown. */
const IMPORT_YEAR = 2030
/** Luleå's open follow-up, whose comments can still be written. */
const OPEN_FOLLOW_UP = 'ksf-2025-delar'

const person = usePeople()

const operatingTable = (page: Page) => page.getByRole('table', { name: /^Driftredovisning per ansvar/ })

/** The rows of cost centres (not the drill-down rows, nor "Ej fördelat"). */
const costCentreRows = (table: Locator) =>
  table.locator(
    ':scope > tbody > tr:not(.row-drill):not(.row-unallocated):not(.row-group):not(.row-subtotal)',
  )

const rowOf = (table: Locator, name: string | RegExp) =>
  table.locator(':scope > tbody > tr').filter({ has: table.page().getByRole('rowheader', { name }) })

describe('the operating accounts', () => {
  it('shows Luleå’s offices with the total, the deficit in words and the drill-down by keyboard', async () => {
    const reader = await person()
    const p = reader.page
    await p.goto('/2580/ks')
    expect(await heading(p)).toBe('Kommunstyrelsen')
    await tabTo(p, 'Ekonomi')
    await p.keyboard.press('Enter')
    await arrivedAt(p, 'Ekonomi')

    // The year 2024 from the year picker, by keyboard.
    await tabTo(p, '2024')
    await p.keyboard.press('Enter')
    await eventually(() => p.url()).toContain('ar=2024')
    await pageReady(p)

    const table = operatingTable(p)
    await eventually(() => table.count()).toBe(1)
    expect(plain(await table.locator('caption').textContent())).toContain('Belopp i mkr')
    expect(await costCentreRows(table).count()).toBe(18)
    const total = plain(await table.locator('tfoot').textContent())
    expect(total).toContain(`Summa`)
    expect(total).toContain(`${MINUS}284,8`)

    const detaljplan = rowOf(table, /^KC Detaljplan/)
    expect(await detaljplan.count()).toBe(1)
    expect(plain(await detaljplan.textContent())).toContain('Underskott')

    // The statement and the chart with its text alternative.
    expect(await p.getByRole('table', { name: /^Nämndens resultat/ }).count()).toBe(1)
    expect(await p.getByRole('heading', { name: 'Budget och utfall per ansvar' }).count()).toBe(1)
    const chart = p.getByRole('img', { name: /^Stapeldiagram över budget och utfall per ansvar/ })
    await eventually(() => chart.locator('svg').count()).toBe(1)
    await checkAccessibility(p, 'economy-lulea-2024')

    // Readers see the comments but may not write them.
    expect(await p.getByRole('heading', { name: 'Kommentar', exact: true }).count()).toBe(1)
    expect(await p.getByRole('button', { name: /^(Skriv|Ändra) kommentar/ }).count()).toBe(0)

    // The drill-down opens by keyboard and says what the data has.
    const name = 'Visa detaljer för KC Detaljplan'
    await tabTo(p, name)
    const disclosure = p.getByRole('button', { name })
    expect(await disclosure.getAttribute('aria-expanded')).toBe('false')
    await p.keyboard.press('Enter')
    expect(await disclosure.getAttribute('aria-expanded')).toBe('true')
    const drill = p.locator(`#${await disclosure.getAttribute('aria-controls')}`)
    await eventually(() => drill.locator('.drill table, .drill__note').count()).toBeGreaterThan(0)
    const drillText = plain(await drill.textContent())
    expect(
      drillText.includes('per kontogrupp') ||
        drillText.includes('Underlaget har inga konton – bara belopp per ansvar'),
      drillText,
    ).toBe(true)
    await checkAccessibility(p, 'economy-lulea-2024-drill')
    await p.keyboard.press('Enter')
    expect(await disclosure.getAttribute('aria-expanded')).toBe('false')
  })

  it('shows Linköping’s staff units, the activities and the investments', async () => {
    const reader = await person()
    const p = reader.page
    await p.goto(`${LINKOPING}?ar=2024`)
    expect(await heading(p)).toBe('Ekonomi')
    await pageReady(p)

    const table = operatingTable(p)
    await eventually(() => table.count()).toBe(1)
    expect(plain(await table.locator('caption').textContent())).toContain('Belopp i mnkr')
    // Eight staff units of Kommunledningsförvaltningen (632,1 mnkr as printed) and Verksamhetsstöd och
    // service, an internally financed unit the report shows on its own line (a deficit of 9,8 mnkr).
    expect(await costCentreRows(table).count()).toBe(9)
    const klf = table.locator('tr.row-subtotal').filter({ hasText: 'Kommunledningsförvaltningen' })
    expect(plain(await klf.textContent())).toContain('632,1')
    expect(plain(await klf.textContent())).toContain('21,9')
    expect(plain(await table.locator('tfoot').textContent())).toContain('641,9')

    const activities = p.getByRole('table', { name: /^Driftredovisning per verksamhet/ })
    expect(await p.getByRole('heading', { name: 'Driftredovisning per verksamhet' }).count()).toBe(1)
    expect(await activities.locator('tbody tr').count()).toBeGreaterThan(1)

    const investments = p.getByRole('table', { name: /^Investeringsredovisning/ })
    await eventually(() => investments.count()).toBe(1)
    const pool = investments
      .locator('tbody tr')
      .filter({ has: p.getByRole('rowheader', { name: /simhall/i }) })
    expect(await pool.count()).toBeGreaterThan(0)
    expect(plain(await pool.first().textContent())).toContain('990,5')
    expect(plain(await investments.locator('tfoot').textContent())).toContain('Summa')
    await checkAccessibility(p, 'economy-linkoping-2024')
  })

  it('reflows at 320 px: the page does not scroll sideways, wide tables scroll in a named region', async () => {
    const narrow = await person({ width: 320, height: 800 })
    const p = narrow.page
    for (const [target, name] of [
      [`${LULEA}?ar=2024`, 'economy-lulea-320px'],
      [`${LINKOPING}?ar=2024`, 'economy-linkoping-320px'],
    ] as const) {
      await p.goto(target)
      await heading(p)
      await pageReady(p)
      await eventually(() => operatingTable(p).count()).toBe(1)
      await noSidewaysScroll(p, target)
      const region = p.locator('.table-scroll').first()
      expect(await region.getAttribute('tabindex')).toBe('0')
      expect(await region.getAttribute('aria-labelledby')).toBeTruthy()
      await checkAccessibility(p, name)
    }
  })
})

describe('comments', () => {
  it('a controller writes the board’s comment from the draft and meets a conflict', async () => {
    const controller = await person()
    await signInQuietly(controller, CONTROLLER)
    const p = controller.page
    // The open follow-up: a decided one (the annual report 2024) is locked and offers no editor.
    await p.goto(`${LULEA}?ar=2025&uppfoljning=${OPEN_FOLLOW_UP}`)
    await pageReady(p)
    const open = p.getByRole('button', { name: /^(Skriv|Ändra) kommentar till Kommunstyrelsen$/ })
    await eventually(() => open.count()).toBe(1)
    await open.click()
    const field = p.getByRole('textbox', { name: 'Kommentar till Kommunstyrelsen' })
    await eventually(() => p.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await field.fill('')
    await p.getByRole('button', { name: 'Använd förslag' }).click()
    expect(await field.inputValue()).toContain('Kommunstyrelsen')
    await checkAccessibility(p, 'economy-comment-editor')
    await p.getByRole('button', { name: 'Spara' }).click()
    await eventually(() => p.getByRole('status').filter({ hasText: 'Kommentaren är sparad.' }).count()).toBe(
      1,
    )
    await eventually(() => p.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
      'Ändra kommentar',
    )

    // Someone else saves in between: the stale save is refused and both versions are shown.
    await p.getByRole('button', { name: 'Ändra kommentar till Kommunstyrelsen' }).click()
    const commentPath = `/api/municipalities/2580/boards/ks/economy/comments?followUp=${OPEN_FOLLOW_UP}&kind=board&key=`
    const session = await (await controller.context.request.get('/api/auth/session')).json()
    const current = await (await controller.context.request.get(commentPath)).json()
    const other = await controller.context.request.put(commentPath, {
      data: { text: 'En annan version av kommentaren.', version: current.version },
      headers: { 'x-csrf-token': session.csrfToken },
    })
    expect(other.status()).toBe(200)
    controller.expectConsoleErrors(refused(409))
    await field.fill('Min egen version.')
    await p.getByRole('button', { name: 'Spara' }).click()
    const dialog = p.getByRole('dialog', { name: 'Någon annan har ändrat kommentaren' })
    await eventually(() => dialog.isVisible()).toBe(true)
    expect(plain(await dialog.getByRole('region', { name: 'Din version' }).textContent())).toContain(
      'Min egen version.',
    )
    expect(plain(await dialog.getByRole('region', { name: /^Sparad version/ }).textContent())).toContain(
      'En annan version av kommentaren.',
    )
    await checkAccessibility(p, 'economy-comment-conflict')
    await dialog.getByRole('button', { name: 'Behåll min version' }).click()
    await eventually(() => dialog.isVisible()).toBe(false)
    await eventually(() => p.locator('.comment__text').first().textContent()).toContain('Min egen version.')
  })
})

describe('importing economy data', () => {
  it('a controller imports a file made from the template: preview, import, figures shown', async () => {
    const controller = await person()
    await signInQuietly(controller, CONTROLLER)
    const p = controller.page
    await p.goto(LULEA)
    await pageReady(p)
    await eventually(() => p.getByRole('link', { name: 'Importera ekonomidata' }).count()).toBe(1)
    await tabTo(p, 'Importera ekonomidata')
    await p.keyboard.press('Enter')
    await arrivedAt(p, 'Importera ekonomidata')
    await checkAccessibility(p, 'economy-import')

    // The template, as the link on the page gives it, filled in with a budget per cost centre.
    const link = p.getByRole('link', { name: 'Ladda ned mall (CSV) för driftredovisning' })
    const href = await link.getAttribute('href')
    expect(href).toContain('/templates/drift.csv')
    const template = await controller.context.request.get(
      (href ?? '').replace(/year=\d+/, `year=${IMPORT_YEAR}`),
    )
    expect(template.status()).toBe(200)
    const lines = (await template.text())
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter(Boolean)
    const [header, ...rows] = lines
    expect(header).toContain('Belopp')
    // Prefilled with every cost centre of the board.
    expect(rows.length).toBeGreaterThanOrEqual(18)
    // Luleå writes costs negative: 0,1 mkr for the first office, 0,2 for the next …
    const filled = rows.map((row, i) => `${row.replace(/;[^;]*$/, '')};${-(i + 1) * 100_000}`)
    const csv = `\uFEFF${[header, ...filled].join('\r\n')}\r\n`

    await p.getByRole('textbox', { name: 'År' }).fill(String(IMPORT_YEAR))
    await p.getByLabel('Fil', { exact: true }).setInputFiles({
      name: `drift-${IMPORT_YEAR}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf-8'),
    })
    const importButton = p.getByRole('button', { name: 'Importera', exact: true })
    await p.getByRole('button', { name: 'Förhandsgranska' }).click()
    const preview = p.getByRole('heading', { name: 'Förhandsgranskning' })
    await eventually(() => preview.count()).toBe(1)
    await eventually(() => p.evaluate(() => document.activeElement?.textContent)).toBe('Förhandsgranskning')
    expect(await p.getByRole('table', { name: /^Belopp som ändras per ansvar och mått/ }).count()).toBe(1)
    expect(await p.getByText('Importen ersätter ingen tidigare import.').count()).toBe(1)
    expect(await importButton.isDisabled()).toBe(false)
    await checkAccessibility(p, 'economy-import-preview')

    await importButton.click()
    const done = p.getByRole('status').filter({ hasText: 'Importen är klar.' })
    await eventually(() => done.count()).toBe(1)
    expect(plain(await done.textContent())).toContain(`${rows.length} rader importerades`)
    await checkAccessibility(p, 'economy-import-done')

    await p.getByRole('link', { name: `Visa ekonomin för ${IMPORT_YEAR}` }).click()
    await arrivedAt(p, 'Ekonomi')
    await pageReady(p)
    const table = operatingTable(p)
    await eventually(() => table.count()).toBe(1)
    expect(await costCentreRows(table).count()).toBe(rows.length)
    // 0,1 + 0,2 + … mkr, computed by the server from the exact amounts (n(n+1)/2 tenths).
    const tenths = (rows.length * (rows.length + 1)) / 2
    const expected = `${MINUS}${Math.floor(tenths / 10)},${tenths % 10}`
    expect(plain(await table.locator('tfoot').textContent())).toContain(expected)
    expect(plain(await costCentreRows(table).first().textContent())).toContain(`${MINUS}0,1`)
  })

  it('lists every problem of a malformed file with its line, and moves focus to the list', async () => {
    const controller = await person()
    await signInQuietly(controller, CONTROLLER)
    const p = controller.page
    await p.goto(`${LULEA}/import?ar=${IMPORT_YEAR}`)
    expect(await heading(p)).toBe('Importera ekonomidata')
    const csv = [
      'År;Månad;Mått;Ansvar;Konto;Kontogrupp;Verksamhet;Uppföljning;Belopp',
      `${IMPORT_YEAR};;Budget;;;;;;tolv kronor`,
      `${IMPORT_YEAR};13;Utfall;;;;;;100`,
    ].join('\r\n')
    await p.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'trasig.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf-8'),
    })
    controller.expectConsoleErrors(refused(400))
    await p.getByRole('button', { name: 'Förhandsgranska' }).click()
    const summary = p.getByRole('alert')
    await eventually(() => summary.count()).toBe(1)
    const text = plain(await summary.textContent())
    expect(text).toMatch(/Rad 2\b/)
    expect(text).toMatch(/Rad 3\b/)
    await eventually(() =>
      p.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).toBe(true)
    expect(await p.getByRole('heading', { name: 'Förhandsgranskning' }).count()).toBe(0)
    await checkAccessibility(p, 'economy-import-errors')

    // At 320 px the form and its errors reflow.
    await p.setViewportSize({ width: 320, height: 800 })
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await checkAccessibility(p, 'economy-import-errors-320px')
  })

  it('tells a reader that importing is for controllers', async () => {
    const reader = await person()
    const p = reader.page
    await p.goto(`${LULEA}/import`)
    expect(await heading(p)).toBe('Importera ekonomidata')
    await eventually(() => p.getByText('Du behöver logga in för att se importen.').count()).toBe(1)
    expect(await p.getByRole('button', { name: 'Förhandsgranska' }).count()).toBe(0)
    await checkAccessibility(p, 'economy-import-signed-out')
  })
})
