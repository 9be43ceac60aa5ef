import { z } from 'zod'
import type { FollowUpStatus } from './follow-ups.ts'

/**
 * The state of one part of a follow-up (a goal's assessment, an indicator's values, an activity or
 * an assignment): written as a draft, marked ready by the reporter ("klarmarkerad"), then approved or
 * returned with a comment by the controller. A returned part goes back to the reporter.
 */
export const PartStatus = z.enum(['not-started', 'draft', 'ready', 'returned', 'approved'])
export type PartStatus = z.infer<typeof PartStatus>

export const partStatusLabels: Record<PartStatus, string> = {
  'not-started': 'Ej påbörjad',
  draft: 'Utkast',
  ready: 'Klarmarkerad',
  returned: 'Återskickad',
  approved: 'Granskad',
}

export const PartTransition = z.enum(['save', 'mark-ready', 'return', 'approve', 'reopen'])
export type PartTransition = z.infer<typeof PartTransition>

const partTransitions: Record<PartTransition, { from: readonly PartStatus[]; to: PartStatus }> = {
  save: { from: ['not-started', 'draft', 'returned'], to: 'draft' },
  'mark-ready': { from: ['not-started', 'draft', 'returned'], to: 'ready' },
  return: { from: ['ready', 'approved'], to: 'returned' },
  approve: { from: ['ready'], to: 'approved' },
  reopen: { from: ['ready'], to: 'draft' },
}

/**
 * The status a part moves to, or null when the transition is not allowed from `from`.
 * A returned part keeps status "returned" when it is saved again, so that the controller's comment
 * stays visible until the reporter marks it ready.
 */
export function nextPartStatus(from: PartStatus, transition: PartTransition): PartStatus | null {
  const rule = partTransitions[transition]
  if (!rule.from.includes(from)) return null
  if (transition === 'save' && from === 'returned') return 'returned'
  return rule.to
}

/**
 * The follow-up as a whole: open for reporting → in review (reporting closed, the controller
 * compiles) → approved by the head of administration → decided by the board (locked forever).
 */
export const FollowUpTransition = z.enum(['open', 'close-reporting', 'reopen-reporting', 'approve', 'decide'])
export type FollowUpTransition = z.infer<typeof FollowUpTransition>

const followUpTransitions: Record<
  FollowUpTransition,
  { from: readonly FollowUpStatus[]; to: FollowUpStatus }
> = {
  open: { from: ['planned'], to: 'open' },
  'close-reporting': { from: ['open'], to: 'in-review' },
  'reopen-reporting': { from: ['in-review', 'approved'], to: 'open' },
  approve: { from: ['in-review'], to: 'approved' },
  decide: { from: ['approved'], to: 'decided' },
}

export function nextFollowUpStatus(
  from: FollowUpStatus,
  transition: FollowUpTransition,
): FollowUpStatus | null {
  const rule = followUpTransitions[transition]
  return rule.from.includes(from) ? rule.to : null
}

/** Parts can be written only while the follow-up is open for reporting. */
export function acceptsReports(status: FollowUpStatus): boolean {
  return status === 'open'
}

/** Parts can be reviewed while reporting is open and while the controller compiles. */
export function acceptsReview(status: FollowUpStatus): boolean {
  return status === 'open' || status === 'in-review'
}

/**
 * A board decision reference as printed in minutes: body, date, paragraph ("KS 2025-02-24 § 31").
 * Returns the parts, or null when the text is not of that form.
 */
export function parseDecisionRef(text: string): { body: string; date: string; paragraph: number } | null {
  const m = /^\s*([A-ZÅÄÖ][A-ZÅÄÖa-zåäö-]{0,15})\s+(\d{4}-\d{2}-\d{2})\s+§\s*(\d{1,4})\s*$/.exec(text)
  if (!m?.[1] || !m[2] || !m[3]) return null
  const date = new Date(`${m[2]}T00:00:00Z`)
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== m[2]) return null
  return { body: m[1], date: m[2], paragraph: Number(m[3]) }
}
