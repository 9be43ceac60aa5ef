/**
 * The follow-up cycle in the real app (CLI `serve`, demo data, Chromium), one browser context per
 * person: a reporter writes and marks a goal ready, the controller returns it, the reporter fixes it
 * and the controller approves it — by keyboard only, checked with axe at every step. Then two people
 * saving the same part (409), reflow at 320 px, and the workflow steps with their refusals.
 *
 * Demo: Luleå (2580), board ks, the open follow-up ksf-2025-delar (deadline passed: all parts late).
 * Signing in is limited to 10 a minute per address; this file signs in 9 times.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  arrivedAt,
  checkAccessibility,
  eventually,
  heading,
  noSidewaysScroll,
  refused,
  signIn,
  signInQuietly,
  tabTo,
  typeText,
} from './browser.ts'
import { usePeople } from './people.ts'

const GOAL = 'Öka takten i samhällsbyggnadsprocessen'
const ACTIVITY = /^Förbättrad planberedskap för bostäder/
const REPORTER = 'rapportor@lulea.example'
const CONTROLLER = 'controller@lulea.example'
const HEAD = 'forvaltningschef@lulea.example'
const REVIEW_PATH = '/2580/ks/uppfoljning/ksf-2025-delar/granskning'

const person = usePeople()

const path = (page: Page) => new URL(page.url()).pathname
const saveStatus = (page: Page) => page.locator('.save-status')
const isPartSave = (method: string) => (r: { url(): string; request(): { method(): string } }) =>
  r.request().method() === method && /\/parts\/[0-9a-f-]+(\/ready)?$/.test(new URL(r.url()).pathname)

/** The id of the element that describes the focused field, and that element's text. */
async function describedByText(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => {
    const el = document.querySelector(s)
    const ids = el?.getAttribute('aria-describedby')?.split(/\s+/) ?? []
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
  }, selector)
}

describe('reporting, review and approval by keyboard only', () => {
  it('a goal is written, refused, marked ready, returned, fixed and approved', async () => {
    // ── The reporter signs in from the board page.
    const reporter = await person()
    const r = reporter.page
    await r.goto('/2580/ks')
    expect(await heading(r)).toBe('Kommunstyrelsen')
    await eventually(() => r.getByRole('link', { name: 'Logga in' }).count()).toBe(1)
    await tabTo(r, 'Logga in')
    await r.keyboard.press('Enter')
    await arrivedAt(r, 'Logga in')
    expect(new URL(r.url()).searchParams.get('tillbaka')).toBe('/2580/ks')
    await checkAccessibility(r, 'sign-in')

    // A wrong password: the Swedish message, both fields marked invalid and described by it.
    reporter.expectConsoleErrors(refused(401))
    await signIn(r, REPORTER, 'fel-losenord')
    const alert = r.getByRole('alert')
    await eventually(() => alert.textContent()).toContain('Fel e-postadress eller lösenord.')
    expect(await r.locator('#login-email').getAttribute('aria-invalid')).toBe('true')
    expect(await describedByText(r, '#login-password')).toContain('Fel e-postadress eller lösenord.')
    await checkAccessibility(r, 'sign-in-error')

    await signIn(r, REPORTER)
    await arrivedAt(r, 'Kommunstyrelsen')
    expect(path(r)).toBe('/2580/ks')
    await eventually(() => r.getByRole('banner').textContent()).toContain('Rut Rapportör')
    expect(await r.getByRole('banner').getByRole('button', { name: 'Logga ut' }).count()).toBe(1)

    // ── Mina uppgifter, from the board's navigation.
    await tabTo(r, 'Mina uppgifter')
    await r.keyboard.press('Enter')
    await arrivedAt(r, 'Mina uppgifter')
    await eventually(() => r.getByRole('heading', { name: 'Delårsrapport 2025' }).count()).toBe(1)
    await eventually(() => r.getByText(/^0 av 11 delar är klarmarkerade/).count()).toBe(1)
    for (const kind of ['Mål', 'Indikatorer', 'Aktiviteter']) {
      expect(await r.getByRole('heading', { name: new RegExp(`^${kind} \\(\\d+\\)$`) }).count()).toBe(1)
    }
    expect(await r.locator('.part-row .late').count()).toBe(11)
    expect(await r.getByText('11 delar är försenade.').count()).toBe(1)
    await checkAccessibility(r, 'tasks-reporter')

    // ── The goal: "Delvis uppfyllt" chosen with the arrow keys.
    await tabTo(r, GOAL)
    await r.keyboard.press('Enter')
    await arrivedAt(r, GOAL)
    await eventually(() => r.getByRole('heading', { name: 'Förslag till bedömning' }).count()).toBe(1)
    expect(await r.getByText('Förslaget är ett stöd.').count()).toBe(1)
    await checkAccessibility(r, 'part-goal')

    await tabTo(r, /Helt uppfyllt$/)
    await r.keyboard.press('ArrowDown')
    await r.keyboard.press('ArrowDown')
    expect(await r.locator('input[name="level"]:checked').getAttribute('id')).toBe('level-delvis-uppfyllt')

    // Marked ready without an analysis: refused, with the message at the analysis field.
    reporter.expectConsoleErrors(refused(400))
    await tabTo(r, 'Klarmarkera')
    await eventually(() => saveStatus(r).textContent()).toMatch(/^Sparat \d{2}:\d{2}$/)
    await r.keyboard.press('Enter')
    const summary = r.locator('.error-summary')
    await expect
      .poll(() => summary.textContent())
      .toContain('Skriv en analys: målet bedöms inte som helt uppfyllt.')
    await eventually(() => r.evaluate(() => document.activeElement?.className)).toContain('error-summary')
    const analysis = r.locator('#part-analysis')
    expect(await analysis.getAttribute('aria-invalid')).toBe('true')
    expect(await describedByText(r, '#part-analysis')).toContain(
      'Skriv en analys: målet bedöms inte som helt uppfyllt.',
    )
    await checkAccessibility(r, 'part-goal-error')

    // The summary's link leads to the field; the analysis is saved as it is typed.
    await tabTo(r, 'Skriv en analys: målet bedöms inte som helt uppfyllt.')
    await r.keyboard.press('Enter')
    await eventually(() => r.evaluate(() => document.activeElement?.id)).toBe('part-analysis')
    const autosaved = r.waitForResponse(isPartSave('PUT'))
    await typeText(r, 'Planberedskapen har ökat men handläggningstiderna är fortfarande långa.')
    expect((await autosaved).status()).toBe(200)
    await eventually(() => saveStatus(r).textContent()).toMatch(/^Sparat \d{2}:\d{2}$/)

    await tabTo(r, 'Klarmarkera')
    await r.keyboard.press('Enter')
    const notice = r.locator('.notice-box')
    await eventually(() => notice.textContent()).toContain('Delen är klarmarkerad')
    await eventually(() => r.evaluate(() => document.activeElement?.className)).toContain('notice-box')
    expect(await r.locator('.part-facts').textContent()).toContain('Klarmarkerad')
    await checkAccessibility(r, 'part-goal-ready')

    // ── The controller signs in from Mina uppgifter and comes back to it.
    const controller = await person()
    const c = controller.page
    await c.goto('/2580/ks/uppgifter')
    await eventually(() => c.getByText('Du behöver logga in för att se dina uppgifter.').count()).toBe(1)
    await checkAccessibility(c, 'tasks-signed-out')
    await tabTo(c, 'Logga in')
    await c.keyboard.press('Enter')
    await arrivedAt(c, 'Logga in')
    await signIn(c, CONTROLLER)
    await arrivedAt(c, 'Mina uppgifter')
    expect(path(c)).toBe('/2580/ks/uppgifter')
    await eventually(() => c.getByText('1 del väntar på granskning.').count()).toBe(1)
    await checkAccessibility(c, 'tasks-controller')

    await tabTo(c, 'Granska Delårsrapport 2025')
    await c.keyboard.press('Enter')
    await arrivedAt(c, 'Granskning')
    const units = c.getByRole('table', { name: 'Delar per enhet och status' })
    await eventually(() => units.getByRole('row', { name: /Mark och exploatering/ }).count()).toBe(1)
    expect(await units.getByRole('row', { name: /Mark och exploatering/ }).textContent()).toContain(
      'Rut Rapportör',
    )
    const toReview = c.getByRole('region', { name: 'Att granska' })
    expect(await toReview.getByRole('link', { name: GOAL }).count()).toBe(1)
    expect(await c.getByRole('heading', { name: 'Skillnader mot antagen verksamhetsplan' }).count()).toBe(1)
    await checkAccessibility(c, 'review')

    // ── The controller returns the part: first without a comment (refused), then with one.
    await tabTo(c, GOAL)
    await c.keyboard.press('Enter')
    await arrivedAt(c, GOAL)
    await eventually(() => c.getByRole('heading', { name: 'Granskning' }).count()).toBe(1)
    expect(await c.getByRole('region', { name: 'Rapporterat' }).textContent()).toContain('Delvis uppfyllt')
    await checkAccessibility(c, 'part-review')

    await tabTo(c, 'Återskicka')
    await c.keyboard.press('Enter')
    const comment = c.locator('#return-comment')
    await eventually(() => comment.getAttribute('aria-invalid')).toBe('true')
    expect(await describedByText(c, '#return-comment')).toContain('Skriv vad rapportören behöver ändra.')
    expect(await c.evaluate(() => document.activeElement?.id)).toBe('return-comment')
    await checkAccessibility(c, 'part-review-error')

    await typeText(c, 'Beskriv vad som görs för att korta handläggningstiderna.')
    await tabTo(c, 'Återskicka')
    await c.keyboard.press('Enter')
    await eventually(() => c.locator('.notice-box').textContent()).toContain('återskickad till rapportören')
    expect(await c.locator('.part-facts').textContent()).toContain('Återskickad')

    // ── The reporter sees it returned with the comment, fixes the analysis and marks it ready again.
    await tabTo(r, 'Mina uppgifter', { backwards: true })
    await r.keyboard.press('Enter')
    await arrivedAt(r, 'Mina uppgifter')
    const row = r.locator('.part-row', { has: r.getByRole('link', { name: GOAL }) })
    await eventually(() => row.textContent()).toContain('Återskickad')
    expect(await row.textContent()).toContain('Beskriv vad som görs för att korta handläggningstiderna.')
    await checkAccessibility(r, 'tasks-returned')

    await tabTo(r, GOAL)
    await r.keyboard.press('Enter')
    await arrivedAt(r, GOAL)
    await eventually(() => r.locator('.returned-note').textContent()).toContain('korta handläggningstiderna')
    await checkAccessibility(r, 'part-returned')
    await tabTo(r, /^Analys/)
    await r.keyboard.press('ControlOrMeta+End')
    await typeText(r, ' Ett nytt arbetssätt för bygglov införs under hösten.')
    await tabTo(r, 'Klarmarkera')
    await r.keyboard.press('Enter')
    await eventually(() => r.locator('.notice-box').textContent()).toContain('Delen är klarmarkerad')

    // ── The controller goes back to the review and approves it.
    await tabTo(c, 'Till granskningen', { backwards: true })
    await c.keyboard.press('Enter')
    await arrivedAt(c, 'Granskning')
    await eventually(() => toReview.getByRole('link', { name: GOAL }).count()).toBe(1)
    await tabTo(c, GOAL)
    await c.keyboard.press('Enter')
    await arrivedAt(c, GOAL)
    await expect
      .poll(() => c.getByRole('region', { name: 'Rapporterat' }).textContent())
      .toContain('Ett nytt arbetssätt för bygglov')
    await tabTo(c, 'Godkänn')
    await c.keyboard.press('Enter')
    await eventually(() => c.locator('.notice-box').textContent()).toContain('Delen är godkänd.')
    expect(await c.locator('.part-facts').textContent()).toContain('Granskad')
    await checkAccessibility(c, 'part-approved')

    // The goal page now shows the controller who changed what.
    await c.goto('/2580/ks/mal/ksf25-oka-takten-samhallsbyggnadsprocessen')
    const history = c.getByRole('table', { name: /^Ändringar av målet/ })
    await eventually(() => history.textContent()).toContain('Cecilia Controller godkände delen')
    await checkAccessibility(c, 'goal-history')
  })
})

describe('two people saving the same part', () => {
  it('shows both versions in a dialog and lets each choose', async () => {
    const a = await person()
    const b = await person()
    await signInQuietly(a, REPORTER)
    await signInQuietly(b, CONTROLLER)
    for (const p of [a, b]) {
      await p.page.goto('/2580/ks/uppgifter')
      await p.page.getByRole('link', { name: ACTIVITY }).first().focus()
      await p.page.keyboard.press('Enter')
      await eventually(() => heading(p.page)).toMatch(ACTIVITY)
      await p.page.waitForFunction(() => !document.querySelector('.loading'))
    }

    // A saves first.
    const first = a.page.waitForResponse(isPartSave('PUT'))
    await a.page.locator('#part-comment').focus()
    await typeText(a.page, 'Detaljplanen för Kronan antas i oktober.')
    expect((await first).status()).toBe(200)
    await eventually(() => saveStatus(a.page).textContent()).toMatch(/^Sparat \d{2}:\d{2}$/)

    // B's save is on the version B opened: 409, and the dialog with both versions.
    b.expectConsoleErrors(refused(409))
    await b.page.locator('#part-comment').focus()
    await typeText(b.page, 'Planprogrammet för Hertsön är klart.')
    const dialog = b.page.getByRole('dialog', { name: 'Någon annan har ändrat delen' })
    await eventually(() => dialog.isVisible()).toBe(true)
    expect(await b.page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true)
    const mine = dialog.getByRole('region', { name: 'Din version' })
    const theirs = dialog.getByRole('region', { name: /^Sparad version/ })
    expect(await mine.textContent()).toContain('Planprogrammet för Hertsön är klart.')
    expect(await theirs.textContent()).toContain('Detaljplanen för Kronan antas i oktober.')
    expect(await theirs.textContent()).toContain('Rut Rapportör')
    await checkAccessibility(b.page, 'conflict-dialog')

    // Escape closes it; nothing is saved; focus is back in the field; the comparison can be reopened.
    await b.page.keyboard.press('Escape')
    await eventually(() => dialog.isVisible()).toBe(false)
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('part-comment')
    expect(await saveStatus(b.page).textContent()).toContain('Inte sparat')
    await tabTo(b.page, 'Jämför versionerna')
    await b.page.keyboard.press('Enter')
    await eventually(() => dialog.isVisible()).toBe(true)

    // B keeps their version: saved over A's.
    const kept = b.page.waitForResponse(isPartSave('PUT'))
    await tabTo(b.page, 'Behåll min version')
    await b.page.keyboard.press('Enter')
    expect((await kept).status()).toBe(200)
    await eventually(() => dialog.isVisible()).toBe(false)
    await eventually(() => saveStatus(b.page).textContent()).toMatch(/^Sparat \d{2}:\d{2}$/)

    // A writes on and meets B's version; A takes it into the form.
    a.expectConsoleErrors(refused(409))
    await a.page.locator('#part-comment').focus()
    await a.page.keyboard.press('ControlOrMeta+End')
    await typeText(a.page, ' Samråd i november.')
    const dialogA = a.page.getByRole('dialog', { name: 'Någon annan har ändrat delen' })
    await eventually(() => dialogA.isVisible()).toBe(true)
    expect(await dialogA.getByRole('region', { name: /^Sparad version/ }).textContent()).toContain(
      'Cecilia Controller',
    )
    await tabTo(a.page, 'Använd den sparade versionen')
    await a.page.keyboard.press('Enter')
    await eventually(() => dialogA.isVisible()).toBe(false)
    expect(await a.page.locator('#part-comment').inputValue()).toBe('Planprogrammet för Hertsön är klart.')
  })
})

describe('a reader', () => {
  it('has no tasks, reads a part without a form, and is refused the review page in Swedish', async () => {
    const reader = await person()
    const p = reader.page
    await signInQuietly(reader, 'lasare@lulea.example')
    await p.goto('/2580/ks/uppgifter')
    await eventually(() =>
      p.getByText('Du har inga delar att rapportera i den här uppföljningen.').count(),
    ).toBe(1)
    expect(await p.getByRole('link', { name: /^Granska / }).count()).toBe(0)
    await checkAccessibility(p, 'tasks-reader-empty')

    // The part the journey above had approved: to read, with no form and no review.
    const parts = await p.evaluate(() =>
      fetch('/api/municipalities/2580/boards/ks/follow-ups/ksf-2025-delar/tasks?view=all').then((r) =>
        r.json(),
      ),
    )
    const part = parts.parts.find(
      (x: { kind: string; subject: { key: string } }) =>
        x.kind === 'goal' && x.subject.key === 'ksf25-oka-takten-samhallsbyggnadsprocessen',
    )
    await p.goto(`/2580/ks/uppfoljning/ksf-2025-delar/del/${part.id}`)
    await eventually(() => heading(p)).toBe(GOAL)
    await eventually(() => p.getByRole('region', { name: 'Rapporterat' }).count()).toBe(1)
    expect(await p.getByText('Delen är granskad och godkänd.').count()).toBe(1)
    expect(
      await p
        .getByRole('button')
        .filter({ hasText: /Klarmarkera|Godkänn|Återskicka/ })
        .count(),
    ).toBe(0)
    await checkAccessibility(p, 'part-reader')

    reader.expectConsoleErrors(refused(403))
    await p.goto(REVIEW_PATH)
    await eventually(() => p.getByRole('alert').textContent()).toContain('Du har inte behörighet')
    await checkAccessibility(p, 'review-reader-refused')
  })
})

describe('reflow', () => {
  it('fits the new pages into 320 px without horizontal scrolling', async () => {
    const c = await person({ width: 320, height: 800 })
    await c.page.goto('/logga-in')
    expect(await heading(c.page)).toBe('Logga in')
    expect(await c.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await checkAccessibility(c.page, 'sign-in-320px')

    await signInQuietly(c, CONTROLLER)
    await c.page.goto('/2580/ks/uppgifter')
    await eventually(() => heading(c.page)).toBe('Mina uppgifter')
    // The board's own goal of the same name is in the list too; this one is Mark och exploatering's.
    const goalLink = c.page
      .locator('.part-row', { hasText: 'Mark och exploatering' })
      .getByRole('link', { name: GOAL })
    await eventually(() => goalLink.count()).toBe(1)
    const goalHref = await goalLink.getAttribute('href')
    const indicatorHref = await c.page
      .getByRole('link', { name: /^Skyddad natur, land/ })
      .getAttribute('href')
    for (const [name, target] of [
      ['tasks', '/2580/ks/uppgifter'],
      ['review', REVIEW_PATH],
      ['part-goal', goalHref],
      ['part-indicator', indicatorHref],
    ] as const) {
      await c.page.goto(target ?? '/')
      await heading(c.page)
      await c.page.waitForFunction(() => !document.querySelector('.loading'))
      await noSidewaysScroll(c.page, target ?? '/')
      await checkAccessibility(c.page, `${name}-320px`)
    }
  })
})

describe('the workflow of the follow-up', () => {
  it('closes reporting, shows the refusal of an early approval, and confirms before a decision', async () => {
    const controller = await person()
    const c = controller.page
    await signInQuietly(controller, CONTROLLER)
    await c.goto(REVIEW_PATH)
    await eventually(() => heading(c)).toBe('Granskning')
    await eventually(() => c.getByRole('button', { name: 'Stäng rapporteringen' }).count()).toBe(1)
    await tabTo(c, 'Stäng rapporteringen')
    await c.keyboard.press('Enter')
    await expect
      .poll(() => c.getByRole('status').filter({ hasText: 'Rapporteringen är stängd' }).count())
      .toBe(1)
    await eventually(() => c.getByRole('button', { name: 'Öppna rapporteringen igen' }).count()).toBe(1)
    expect(await c.getByRole('button', { name: 'Godkänn uppföljningen' }).count()).toBe(0)
    await checkAccessibility(c, 'review-in-review')

    // The head of administration may approve, but not while parts remain unapproved.
    const head = await person()
    const h = head.page
    head.expectConsoleErrors(refused(409))
    await signInQuietly(head, HEAD)
    await h.goto(REVIEW_PATH)
    await eventually(() => h.getByRole('button', { name: 'Godkänn uppföljningen' }).count()).toBe(1)
    expect(await h.getByRole('button', { name: 'Stäng rapporteringen' }).count()).toBe(0)
    await tabTo(h, 'Godkänn uppföljningen')
    await h.keyboard.press('Enter')
    await expect
      .poll(() => h.getByRole('alert').textContent())
      .toMatch(/delar är inte granskade och godkända av controller än/)
    await checkAccessibility(h, 'review-head-refused')

    // Seen as approved (the answer is rewritten in the browser), the controller may register the
    // decision: the reference is checked, and locking asks for confirmation first.
    controller.expectConsoleErrors(refused(409))
    await c.route('**/follow-ups/ksf-2025-delar/overview', async (route) => {
      const response = await route.fetch()
      const body = await response.json()
      body.followUp.status = 'approved'
      await route.fulfill({ response, json: body })
    })
    // And as if the plan had changed since it was adopted, to see the comparison as a table.
    await c.route('**/follow-ups/ksf-2025-delar/baseline', (route) =>
      route.fulfill({
        json: {
          baseline: { key: 'ksf-2025-vp', title: 'Verksamhetsplan 2025', decisionRef: 'KS 2024-11-25 § 200' },
          followUp: 'ksf-2025-delar',
          changes: [
            {
              kind: 'indicator',
              key: 'ksf25-skyddad-natur-land',
              name: 'Skyddad natur, land, andel (%)',
              change: 'changed',
              fields: [
                {
                  field: 'targets',
                  before: [{ year: 2025, breakdown: 'total', value: 4 }],
                  after: [{ year: 2025, breakdown: 'total', value: 4.5 }],
                },
              ],
            },
            {
              kind: 'goal',
              key: 'ksf25-nytt-mal',
              name: 'Ett mål som lagts till',
              change: 'added',
              fields: [],
            },
          ],
        },
      }),
    )
    await c.reload()
    await eventually(() => c.getByRole('button', { name: 'Registrera beslut' }).count()).toBe(1)
    const changes = c.getByRole('table', { name: 'Ändringar sedan verksamhetsplanen antogs' })
    await eventually(() => changes.getByRole('row').count()).toBe(3)
    expect(await changes.getByRole('row', { name: /Skyddad natur/ }).textContent()).toMatch(
      /Ändrat.*Målvärden:.*2025: 4.*2025: 4,5/,
    )
    expect(await changes.getByRole('row', { name: /Ett mål som lagts till/ }).textContent()).toContain(
      'Tillagt',
    )
    await tabTo(c, /^Nämndens beslut/)
    await typeText(c, 'KS 14 oktober')
    await c.keyboard.press('Enter')
    const field = c.locator('#decision-ref')
    await eventually(() => field.getAttribute('aria-invalid')).toBe('true')
    expect(await describedByText(c, '#decision-ref')).toContain('till exempel KS 2025-10-14 § 120')
    await checkAccessibility(c, 'review-decision-error')

    await c.keyboard.press('ControlOrMeta+A')
    await typeText(c, 'KS 2025-10-14 § 120')
    await c.keyboard.press('Enter')
    const confirm = c.getByRole('dialog', { name: 'Registrera beslutet och låsa uppföljningen?' })
    await eventually(() => confirm.isVisible()).toBe(true)
    expect(await c.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt')
    await checkAccessibility(c, 'review-decision-dialog')
    await c.keyboard.press('Escape')
    await eventually(() => confirm.isVisible()).toBe(false)
    expect(await c.evaluate(() => document.activeElement?.id)).toBe('decision-ref')

    await tabTo(c, 'Registrera beslut')
    await c.keyboard.press('Enter')
    await eventually(() => confirm.isVisible()).toBe(true)
    await tabTo(c, 'Registrera och lås', { backwards: true })
    await c.keyboard.press('Enter')
    // The server knows the follow-up is still under review and refuses, in Swedish.
    await eventually(() => c.getByRole('alert').textContent()).toContain('det steget går inte att ta nu')

    await c.unroute('**/follow-ups/ksf-2025-delar/overview')
    await c.unroute('**/follow-ups/ksf-2025-delar/baseline')
    await c.reload()
    await tabTo(c, 'Öppna rapporteringen igen')
    await c.keyboard.press('Enter')
    await eventually(() => c.getByRole('button', { name: 'Stäng rapporteringen' }).count()).toBe(1)

    // Signing out ends the session: the page asks to sign in and shows nothing of the follow-up.
    await tabTo(c, 'Logga ut', { backwards: true })
    await c.keyboard.press('Enter')
    await eventually(() => c.getByRole('banner').getByRole('link', { name: 'Logga in' }).count()).toBe(1)
    await eventually(() => c.getByText('Du behöver logga in för att se granskningen.').count()).toBe(1)
    expect(await c.getByRole('table').count()).toBe(0)
    expect(await c.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    const session = await c.evaluate(() => fetch('/api/auth/session').then((r) => r.json()))
    expect(session).toEqual({ user: null, csrfToken: null })
  })
})
