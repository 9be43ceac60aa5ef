/**
 * Browser journeys through the real app (CLI `serve`, demo data, Chromium): the pages a citizen or
 * politician uses to follow a board's goals, each checked with axe for WCAG 2.1 AA.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchChromium, type RunningApp, startApp } from './app.ts'
import { checkAccessibility as checkPage, heading as pageHeading } from './browser.ts'

let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page
let problems: string[]
/** Console errors a test expects, e.g. the browser's note of an API 404 on a not-found page. */
let expectedConsoleErrors: RegExp[]

beforeAll(async () => {
  app = await startApp()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

beforeEach(async () => {
  problems = []
  expectedConsoleErrors = []
  context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: 'sv-SE',
    viewport: { width: 1280, height: 900 },
  })
  page = await context.newPage()
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    const text = message.text()
    if (message.type() === 'error' && !expectedConsoleErrors.some((re) => re.test(text))) {
      problems.push(`console error: ${text}`)
    }
  })
})

afterEach(async () => {
  await context?.close()
  expect(problems, 'the browser reported errors').toEqual([])
})

const checkAccessibility = (name: string, options?: { whileLoading?: boolean }) =>
  checkPage(page, name, options)

const heading = () => pageHeading(page)

describe('the public pages', () => {
  it('goes from the start page to Linköping’s board, a goal and its indicator chart', async () => {
    await page.goto('/')
    expect(await heading()).toBe('Årshjul')
    expect(await page.title()).toBe('Kommuner – Årshjul')
    await expect.poll(() => page.getByRole('link', { name: 'Linköpings kommun' }).count()).toBe(1)
    await checkAccessibility('start')

    await page.getByRole('link', { name: 'Linköpings kommun' }).click()
    await expect.poll(() => heading()).toBe('Linköpings kommun')
    await checkAccessibility('municipality-0580')

    await page.getByRole('main').getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click()
    await expect.poll(() => heading()).toBe('Kommunstyrelsen')
    expect(new URL(page.url()).pathname).toBe('/0580/ks')
    await expect.poll(() => page.title()).toBe('Kommunstyrelsen – Linköpings kommun – Årshjul')
    const summary = page.getByRole('list', { name: 'Antal mål per bedömning' })
    await expect.poll(() => summary.textContent()).toMatch(/13\s*●?\s*Uppnått/)
    expect(await summary.textContent()).toMatch(/5\s*◑?\s*Delvis uppnått/)
    expect(await page.getByText(/13 Uppnått och 5 Delvis uppnått/).count()).toBe(1)
    expect(await page.getByRole('heading', { name: 'Målområde: Samhälle' }).count()).toBe(1)
    expect(await page.getByRole('heading', { name: 'Teckenförklaring' }).count()).toBe(1)
    await checkAccessibility('board-0580-ks')

    await page.getByRole('link', { name: 'Ett starkt entreprenörskap och växande näringsliv' }).click()
    await expect.poll(() => heading()).toBe('Ett starkt entreprenörskap och växande näringsliv')
    await expect
      .poll(() => page.title())
      .toBe(
        'Ett starkt entreprenörskap och växande näringsliv – Kommunstyrelsen – Linköpings kommun – Årshjul',
      )
    // Focus moved to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')

    const table = page.getByRole('table', { name: /Markreserv verksamhetsmark/ })
    expect(await table.locator('thead th').allTextContents()).toEqual(['2022', '2023', '2024'])
    const outcome = table.getByRole('row', { name: /Utfall/ })
    expect((await outcome.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['50', '28', '43'])
    const target = table.getByRole('row', { name: /Mål/ })
    expect((await target.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      '–uppgift saknas',
      '–uppgift saknas',
      '50',
    ])
    // A missing value is a dash to the eye and "uppgift saknas" to a screen reader.
    expect(await page.getByText('uppgift saknas').count()).toBeGreaterThan(0)

    const chart = page.getByRole('img', { name: /Linjediagram över Markreserv verksamhetsmark/ })
    expect(await chart.getAttribute('aria-label')).toContain(
      '50\u00a0ha 2022, 28\u00a0ha 2023 och 43\u00a0ha 2024',
    )
    await chart.locator('svg').first().waitFor({ state: 'attached', timeout: 15_000 })
    expect(await chart.locator('svg path').count()).toBeGreaterThan(0)
    await checkAccessibility('goal-0580-naringsliv')
  })

  it('shows Luleå’s board with its priority areas, initiatives and follow-ups', async () => {
    await page.goto('/2580/ks')
    expect(await heading()).toBe('Kommunstyrelsen')
    await expect.poll(() => page.getByText('Strategiskt initiativ').count()).toBeGreaterThan(0)
    expect(await page.getByRole('heading', { name: /^Prioriterat område: / }).count()).toBeGreaterThan(0)
    const current = page.getByRole('group', { name: 'Uppföljning' }).locator('[aria-current="page"]')
    expect(await current.textContent()).toContain('Verksamhetsberättelse 2024')
    const summary = page.getByRole('list', { name: 'Antal mål per bedömning' })
    expect(await summary.textContent()).toContain('Helt uppfyllt')
    await checkAccessibility('board-2580-ks')

    await page.getByRole('link', { name: /^Verksamhetsplan 2025/ }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('uppfoljning')).toBe('ksf-2025-vp')
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /^Verksamhetsplan 2025/ }).count())
      .toBe(1)
    await checkAccessibility('board-2580-ks-plan-2025')
  })

  it('filters a board’s assignments by status and year through the URL', async () => {
    await page.goto('/2580/ks/uppdrag')
    expect(await heading()).toBe('Uppdrag')
    await expect.poll(() => page.title()).toBe('Uppdrag – Kommunstyrelsen – Luleå kommun – Årshjul')
    const counts = page.locator('p.lead')
    await expect.poll(() => counts.textContent()).toMatch(/^\d+ uppdrag: .*\d+ genomförda/)
    await checkAccessibility('assignments-2580-ks')

    const done = page
      .getByRole('group', { name: 'Status' })
      .getByRole('link', { name: /^Genomförd \(\d+\)$/ })
    const expected = Number((await done.textContent())?.match(/\((\d+)\)/)?.[1])
    await done.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('genomford')
    await expect.poll(() => done.getAttribute('aria-current')).toBe('page')
    const rows = page.getByRole('table', { name: /^Uppdrag/ }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(expected)
    for (const status of await rows.locator('.status').allTextContents()) expect(status).toBe('Genomförd')
    await checkAccessibility('assignments-2580-ks-genomford')

    await page.getByRole('group', { name: 'År' }).getByRole('link', { name: '2024', exact: true }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('ar')).toBe('2024')
    expect(new URL(page.url()).searchParams.get('status')).toBe('genomford')
    await checkAccessibility('assignments-2580-ks-2024-genomford')
  })

  it('links the accessibility statement from the footer of every page', async () => {
    await page.goto('/0580/ks')
    await heading()
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click()
    await expect.poll(() => heading()).toBe('Tillgänglighetsredogörelse')
    expect(new URL(page.url()).pathname).toBe('/tillganglighet')
    expect(await page.getByRole('main').textContent()).toContain('WCAG 2.1')
    await checkAccessibility('accessibility-statement')
  })

  it('says so when a page or a municipality does not exist', async () => {
    await page.goto('/finns/inte/alls/har')
    expect(await heading()).toBe('Sidan finns inte')
    await checkAccessibility('not-found')

    expectedConsoleErrors = [/Failed to load resource: .* 404/]
    await page.goto('/9999')
    await expect.poll(() => heading()).toBe('Sidan finns inte')
    expect(await page.getByRole('alert').count()).toBe(1)
    await checkAccessibility('not-found-municipality')
  })

  it('announces loading and shows a server error in Swedish', async () => {
    expectedConsoleErrors = [/Failed to load resource: .* 500/]
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    await page.route('**/api/municipalities', async (route) => {
      await held
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'INTERNAL', message: 'Ett oväntat fel uppstod. Försök igen.' },
        }),
      })
    })
    await page.goto('/')
    const status = page.getByRole('status')
    await expect.poll(() => status.textContent()).toContain('Hämtar kommunerna')
    await checkAccessibility('start-loading', { whileLoading: true })

    release()
    const alert = page.getByRole('alert')
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toContain('Ett oväntat fel uppstod. Försök igen.')
    expect(await alert.getByRole('button', { name: 'Försök igen' }).count()).toBe(1)
    await checkAccessibility('start-error')
  })

  it('can be used by keyboard: a municipality is reached by Tab and opened with Enter', async () => {
    await page.goto('/')
    await heading()
    await expect.poll(() => page.getByRole('link', { name: 'Linköpings kommun' }).count()).toBe(1)

    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till huvudinnehållet')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main')

    let reached = false
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Linköpings kommun')
    }
    expect(reached, 'Tab reaches the link "Linköpings kommun"').toBe(true)
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element)
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) }
    })
    expect(outline.style).not.toBe('none')
    expect(outline.width).toBeGreaterThanOrEqual(2)

    await page.keyboard.press('Enter')
    await expect.poll(() => new URL(page.url()).pathname).toBe('/0580')
    await expect.poll(() => heading()).toBe('Linköpings kommun')
  })

  it('reflows at 320 px without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 800 })
    for (const path of [
      '/',
      '/0580/ks',
      '/2580/ks',
      '/0580/ks/mal/starkt-entreprenorskap-och-vaxande-naringsliv',
      '/2580/ks/uppdrag',
      '/tillganglighet',
    ]) {
      await page.goto(path)
      await heading()
      await page.waitForFunction(() => !document.querySelector('.loading'))
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width, `scrollWidth of ${path} at 320 px`).toBeLessThanOrEqual(320)
    }
    await page.goto('/0580/ks')
    await heading()
    await checkAccessibility('board-0580-ks-320px')
  })
})
