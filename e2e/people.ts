import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { launchChromium, type RunningApp, startApp } from './app.ts'
import { newPerson, type Person } from './browser.ts'

/**
 * The app and Chromium for one test file, and a person (a browser context of their own) per
 * role a test needs. After each test every person's context is closed and anything their browser
 * reported (console errors, failed requests) fails the test.
 */
export function usePeople(): (viewport?: { width: number; height: number }) => Promise<Person> {
  let app: RunningApp
  let browser: Browser
  let people: Person[] = []

  beforeAll(async () => {
    app = await startApp()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })
  afterEach(async () => {
    const problems = people.flatMap((p) => p.problems)
    await Promise.all(people.map((p) => p.context.close()))
    people = []
    expect(problems, 'the browser reported errors').toEqual([])
  })

  return async (viewport) => {
    const p = await newPerson(browser, app.baseUrl, viewport)
    people.push(p)
    return p
  }
}

/** Text with every kind of space made plain, so that "1 240,8" matches whatever space it has. */
export const plain = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()
