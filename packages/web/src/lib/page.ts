import { useEffect } from 'react'

const SITE = 'Årshjul'

/** Sets document.title from the most specific part to the site: "Mål – Kommunstyrelsen – … – Årshjul". */
export function usePageTitle(parts: readonly (string | null | undefined)[]): void {
  const title = [...parts.filter((p): p is string => Boolean(p)), SITE].join(' – ')
  useEffect(() => {
    document.title = title
  }, [title])
}

/**
 * After a navigation to another page, focus moves to the new page's <h1> so that screen reader
 * users hear where they are. The heading may appear only once its data has loaded, so the request
 * waits until a heading mounts.
 */
let headingFocusPending = false

export function requestHeadingFocus(): void {
  const heading = document.querySelector<HTMLElement>('main h1')
  if (heading) {
    heading.focus({ preventScroll: true })
    headingFocusPending = false
  } else {
    headingFocusPending = true
  }
}

export function takeHeadingFocus(element: HTMLElement | null): void {
  if (element && headingFocusPending) {
    headingFocusPending = false
    element.focus({ preventScroll: true })
  }
}
