/**
 * The documents page in the real app (CLI `serve`, demo data, Chromium): the public chooses Luleå's
 * decided annual report, sees the check before issuing and downloads the PDF; an open follow-up's
 * document asks to sign in; the controller issues the PDF by keyboard and finds it, byte for byte,
 * among the issued versions — each state checked with axe, and at 320 px.
 *
 * Demo: Luleå (2580) KS, Verksamhetsberättelse 2024 (ks-2024-vb, decided: made from its snapshot,
 * no errors, notes on rounding) and the open Delårsrapport 2025 (ksf-2025-delar).
 */
import { createHash } from 'node:crypto'
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

const CONTROLLER = 'controller@lulea.example'
const LULEA = '/2580/ks'
const ANNUAL = 'ks-2024-vb'
const OPEN_FOLLOW_UP = 'ksf-2025-delar'
const ALL_PASSED = 'Alla kontroller gick igenom.'

const person = usePeople()

const issuedTable = (page: Page) =>
  page.getByRole('table', { name: 'Utfärdade versioner av Verksamhetsberättelse 2024' })

const bodyRows = (table: Locator) => table.locator(':scope > tbody > tr')

describe('documents', () => {
  it('the public chooses the decided annual report, sees the check and downloads the PDF', async () => {
    const reader = await person()
    const p = reader.page
    await p.goto(LULEA)
    expect(await heading(p)).toBe('Kommunstyrelsen')
    await tabTo(p, 'Dokument')
    await p.keyboard.press('Enter')
    await arrivedAt(p, 'Dokument')
    await pageReady(p)

    await tabTo(p, 'Verksamhetsberättelse 2024')
    await p.keyboard.press('Enter')
    await eventually(() => p.url()).toContain(`uppfoljning=${ANNUAL}`)
    await pageReady(p)
    const choices = p.getByRole('group', { name: 'Uppföljning' })
    expect(plain(await choices.locator('[aria-current="page"]').textContent())).toBe(
      'Verksamhetsberättelse 2024',
    )

    await eventually(() => p.getByText(ALL_PASSED).count()).toBe(1)
    expect(await p.getByRole('heading', { name: 'Kontroll före utfärdande' }).count()).toBe(1)
    // The rounding notes are shown, each with where.
    expect(await p.getByRole('heading', { name: /^Noteringar \(\d+\)$/ }).count()).toBe(1)
    expect(await p.getByRole('heading', { name: /^Fel/ }).count()).toBe(0)
    expect(plain(await p.locator('.findings--note').textContent())).toContain(
      'Tabell "Driftredovisning 2024"',
    )
    expect(await p.getByText('Inga versioner är utfärdade ännu.').count()).toBe(1)
    // Readers get no form.
    expect(await p.getByRole('button', { name: /^Utfärda/ }).count()).toBe(0)
    await checkAccessibility(p, 'reports-public')

    const pdfLink = p.getByRole('link', { name: 'Ladda ned som PDF' })
    expect(await pdfLink.getAttribute('download')).not.toBeNull()
    const pdf = await p.request.get((await pdfLink.getAttribute('href')) ?? '')
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF')
    for (const name of [
      'Ladda ned som Word (DOCX)',
      'Ladda ned som Excel (XLSX)',
      'Ladda ned som webbsida (HTML)',
    ]) {
      expect(await p.getByRole('link', { name }).count(), name).toBe(1)
    }
    const preview = await p.request.get(
      (await p.getByRole('link', { name: 'Förhandsgranska som webbsida' }).getAttribute('href')) ?? '',
    )
    expect(preview.headers()['content-disposition']).toMatch(/^inline;/)
    expect(await preview.text()).toContain('Verksamhetsberättelse 2024')
  })

  it('an open follow-up’s document asks the public to sign in', async () => {
    const reader = await person()
    reader.expectConsoleErrors(refused(401))
    const p = reader.page
    await p.goto(`${LULEA}/dokument?uppfoljning=${OPEN_FOLLOW_UP}`)
    expect(await heading(p)).toBe('Dokument')
    await pageReady(p)
    await eventually(() => p.getByText(/^Delårsrapport 2025 är inte beslutad\./).count()).toBe(1)
    expect(await p.locator('main').getByRole('link', { name: 'Logga in' }).count()).toBe(1)
    expect(await p.getByRole('link', { name: 'Ladda ned som PDF' }).count()).toBe(0)
    await checkAccessibility(p, 'reports-sign-in')
  })

  it('a controller issues the PDF by keyboard and finds it, byte for byte, among the issued versions', async () => {
    const controller = await person()
    await signInQuietly(controller, CONTROLLER)
    const p = controller.page
    await p.goto(`${LULEA}/dokument?uppfoljning=${ANNUAL}`)
    expect(await heading(p)).toBe('Dokument')
    await pageReady(p)
    await eventually(() => p.getByText(ALL_PASSED).count()).toBe(1)
    await eventually(() => p.getByRole('heading', { name: 'Utfärda', exact: true }).count()).toBe(1)
    // Without errors there is nothing to excuse.
    expect(await p.getByRole('textbox', { name: 'Skäl till undantag' }).count()).toBe(0)
    await checkAccessibility(p, 'reports-controller')

    await tabTo(p, 'PDF')
    expect(await p.getByRole('radio', { name: 'PDF' }).isChecked()).toBe(true)
    await tabTo(p, 'Utfärda dokumentet')
    await p.keyboard.press('Enter')
    const status = p.getByRole('status').filter({ hasText: 'Verksamhetsberättelse 2024 är utfärdad som PDF' })
    await eventually(() => status.count()).toBe(1)

    const table = issuedTable(p)
    await eventually(() => table.count()).toBe(1)
    await pageReady(p)
    expect(await bodyRows(table).count()).toBe(1)
    const row = plain(await bodyRows(table).first().textContent())
    for (const part of ['PDF', 'Cecilia Controller', 'Beslutad version', 'Inget']) expect(row).toContain(part)
    await checkAccessibility(p, 'reports-issued')

    // The row's file is the issued bytes: its SHA-256 is the one the row gives screen readers in full.
    const full = (await bodyRows(table).first().locator('td .visually-hidden').first().textContent()) ?? ''
    expect(full).toMatch(/^[0-9a-f]{64}$/)
    expect(await bodyRows(table).first().locator('code').getAttribute('title')).toBe(full)
    expect(plain(await status.textContent())).toContain(full.slice(0, 12))
    const href = (await bodyRows(table).first().getByRole('link').getAttribute('href')) ?? ''
    const file = await p.request.get(href)
    expect(file.headers()['content-type']).toBe('application/pdf')
    expect(
      createHash('sha256')
        .update(await file.body())
        .digest('hex'),
    ).toBe(full)
  })
})

describe('the document’s texts', () => {
  it('a controller takes the summary drafted from the figures, by keyboard, and marks it ready', async () => {
    const controller = await person()
    await signInQuietly(controller, CONTROLLER)
    const p = controller.page
    const tasks = await (
      await controller.context.request.get(
        `/api/municipalities/2580/boards/ks/follow-ups/${OPEN_FOLLOW_UP}/tasks?view=all`,
      )
    ).json()
    const summary = tasks.parts.find(
      (x: { kind: string; subject: { key: string } }) =>
        x.kind === 'narrative' && x.subject.key === 'summary',
    )
    expect(summary, 'the interim report asks for its summary').toBeTruthy()
    await p.goto(`${LULEA}/uppfoljning/${OPEN_FOLLOW_UP}/del/${summary.id}`)
    await eventually(() => heading(p)).toBe('Sammanfattning')
    const draft = p.getByRole('region', { name: 'Förslag från siffrorna' })
    await eventually(() => draft.count()).toBe(1)
    const drafted = plain(await draft.locator('.prose').textContent())
    expect(drafted).toMatch(/^(Prognosen för helåret 2025|Utfallet 2025|Nämnden följer upp)/)
    await checkAccessibility(p, 'narrative-summary')

    // Empty, it cannot be marked ready; the draft fills the text and keeps its figures.
    controller.expectConsoleErrors(refused(400))
    await tabTo(p, 'Klarmarkera')
    await p.keyboard.press('Enter')
    await eventually(() => p.locator('.error-summary').textContent()).toContain('Skriv texten.')
    await tabTo(p, 'Använd förslaget')
    await p.keyboard.press('Enter')
    const detail = await (
      await controller.context.request.get(
        `/api/municipalities/2580/boards/ks/follow-ups/${OPEN_FOLLOW_UP}/parts/${summary.id}`,
      )
    ).json()
    await eventually(() => p.locator('#part-text').inputValue()).toBe(detail.draft.text)
    await tabTo(p, 'Klarmarkera')
    await p.keyboard.press('Enter')
    await eventually(() => p.locator('.notice-box').textContent()).toContain('Delen är klarmarkerad')
    await checkAccessibility(p, 'narrative-summary-ready')
  })
})

describe('reflow at 320 px', () => {
  it('the documents page does not scroll sideways; the issued versions scroll in a named region', async () => {
    const narrow = await person({ width: 320, height: 800 })
    await signInQuietly(narrow, CONTROLLER)
    const p = narrow.page
    await p.goto(`${LULEA}/dokument?uppfoljning=${ANNUAL}`)
    await heading(p)
    await pageReady(p)
    await eventually(() => p.getByText(ALL_PASSED).count()).toBe(1)
    await eventually(() => issuedTable(p).count()).toBe(1)
    await pageReady(p)
    await noSidewaysScroll(p, 'the documents page')
    await checkAccessibility(p, 'reports-320px')
    const region = p.locator('.table-scroll').filter({ has: issuedTable(p) })
    expect(await region.getAttribute('tabindex')).toBe('0')
    expect(await region.getAttribute('aria-labelledby')).toBeTruthy()

    await p.goto(`${LULEA}/dokument?uppfoljning=${OPEN_FOLLOW_UP}`)
    await pageReady(p)
    await eventually(() => p.getByRole('heading', { name: 'Kontroll före utfärdande' }).count()).toBe(1)
    await pageReady(p)
    await noSidewaysScroll(p, 'the open follow-up’s document')
    await checkAccessibility(p, 'reports-open-320px')
  })
})
