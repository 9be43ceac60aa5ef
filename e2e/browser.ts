/**
 * What the browser journeys share: one context per person with its errors collected, axe for
 * WCAG 2.1 AA, and moving through a page by keyboard the way a person without a mouse does.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
/** Set E2E_SCREENSHOT_DIR to keep a full-page screenshot of every page checked. */
const screenshotDir = process.env.E2E_SCREENSHOT_DIR
if (screenshotDir) mkdirSync(screenshotDir, { recursive: true })

export interface Person {
  context: BrowserContext
  page: Page
  /** Errors the browser reported that no test expected. */
  problems: string[]
  /** Console errors a step expects, e.g. the browser's note of a refused request (400, 409). */
  expectConsoleErrors(...patterns: RegExp[]): void
}

export async function newPerson(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
): Promise<Person> {
  const context = await browser.newContext({ baseURL, locale: 'sv-SE', viewport })
  const page = await context.newPage()
  const problems: string[] = []
  const expected: RegExp[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    const text = message.text()
    if (message.type() === 'error' && !expected.some((re) => re.test(text))) {
      problems.push(`console error: ${text}`)
    }
  })
  return { context, page, problems, expectConsoleErrors: (...patterns) => expected.push(...patterns) }
}

/** The browser's own line about a refused request, e.g. `refused(409)`. */
export const refused = (status: number) =>
  new RegExp(`Failed to load resource: the server responded with a status of ${status}`)

export async function checkAccessibility(
  page: Page,
  name: string,
  { whileLoading = false } = {},
): Promise<void> {
  // Unless the loading state itself is checked, wait for it to end so axe sees what the reader sees.
  if (!whileLoading) {
    await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'))
  }
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
  const report = results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`)
          .join('\n')}`,
    )
    .join('\n')
  expect(results.violations, `axe violations on ${name} (${page.url()}):\n${report}`).toEqual([])
}

/** expect.poll with room for a debounced save and a round trip (its default gives up after 1 s). */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 100 })
}

export async function heading(page: Page): Promise<string> {
  const h1 = page.locator('h1')
  await eventually(() => h1.count()).toBe(1)
  return ((await h1.textContent()) ?? '').trim()
}

/** What a screen reader would roughly call the focused element: its label, or its text. */
function focusedElement(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) {
      return { name: '', tag: 'body', outline: 'none', outlineWidth: 0, tabStop: false }
    }
    const byIds = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
    const labels = 'labels' in el ? (el as HTMLInputElement).labels : null
    const raw =
      el.getAttribute('aria-label') ??
      (el.getAttribute('aria-labelledby') ? byIds(el.getAttribute('aria-labelledby') ?? '') : null) ??
      (labels && labels.length > 0 ? [...labels].map((l) => l.textContent).join(' ') : null) ??
      el.textContent ??
      ''
    const style = getComputedStyle(el)
    return {
      name: raw.replace(/\s+/g, ' ').trim(),
      tag: el.tagName.toLowerCase(),
      outline: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
      // Headings and messages take focus from scripts (tabindex -1); they are not controls.
      tabStop: el.tabIndex >= 0,
    }
  })
}

/**
 * Press Tab (or Shift+Tab) until the focused element is called `name`. Every stop on the way must
 * show where focus is (an outline of at least 2 px): WCAG 2.4.7.
 */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  { backwards = false, max = 120 }: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    const focused = await focusedElement(page)
    seen.push(`${focused.tag} "${focused.name}"`)
    if (focused.tabStop) {
      expect(
        focused.outline !== 'none' && focused.outlineWidth >= 2,
        `focus is visible on ${focused.tag} "${focused.name}" (${page.url()})`,
      ).toBe(true)
    }
    if (typeof name === 'string' ? focused.name === name : name.test(focused.name)) return
  }
  throw new Error(`Tab did not reach "${name}" on ${page.url()}; focus went to:\n${seen.join('\n')}`)
}

/**
 * After a navigation by keyboard, the new page's heading takes focus (so that a screen reader says
 * where one is); Tab goes on from there.
 */
export async function arrivedAt(page: Page, title: string): Promise<void> {
  await eventually(() => heading(page)).toBe(title)
  await eventually(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
}

/** The keys to type into the focused field, then the field's value. */
export async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 })
}

/** Sign in on the sign-in page, by keyboard, from anywhere on it. */
export async function signIn(page: Page, email: string, password = 'arshjul-demo'): Promise<void> {
  await tabTo(page, 'E-postadress')
  await page.keyboard.press('ControlOrMeta+A')
  await typeText(page, email)
  await tabTo(page, 'Lösenord')
  await typeText(page, password)
  await page.keyboard.press('Enter')
}

/** Sign in through the API (for steps that are not about signing in), in this person's context. */
export async function signInQuietly(person: Person, email: string): Promise<void> {
  const response = await person.context.request.post('/api/auth/login', {
    data: { email, password: 'arshjul-demo' },
  })
  expect(response.status(), `signing in ${email}`).toBe(200)
}

/** Wait until no query of the page is loading or refreshing. */
export async function pageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'))
}

/** WCAG 1.4.10 reflow: at 320 px CSS width the page must not scroll sideways. */
export async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, `scrollWidth of ${what} at 320 px`).toBeLessThanOrEqual(320)
}
