import type { Action, SessionUser } from '@arshjul/domain'
import { permissions } from '@arshjul/domain'

export interface Place {
  municipality: string
  board: string
  /** The administration whose follow-up it is, when it has one. */
  administration?: string | null
}

/**
 * What the user may do with a follow-up as a whole, from grants on the municipality, the board or
 * the follow-up's administration. It decides which buttons to offer; the server decides what is
 * allowed, and its refusal is shown when the two disagree.
 */
export function actionsAt(user: SessionUser | null | undefined, place: Place): Set<Action> {
  const actions = new Set<Action>()
  for (const grant of user?.grants ?? []) {
    if (grant.municipality !== place.municipality) continue
    const covers =
      grant.scopeKind === 'municipality' ||
      (grant.scopeKind === 'board' && grant.scopeKey === place.board) ||
      (grant.scopeKind === 'administration' &&
        place.administration != null &&
        grant.scopeKey === place.administration)
    if (covers) for (const action of permissions[grant.role]) actions.add(action)
  }
  return actions
}

/** Whether the user may see the review page: a reviewer, or the head of administration who approves. */
export function mayOverview(actions: ReadonlySet<Action>): boolean {
  return actions.has('review') || actions.has('approve')
}

/**
 * Where to go after signing in: a path within this site, never another site ("//evil.example")
 * and never back to the sign-in page itself.
 */
export function safeReturnPath(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
    return '/'
  }
  if (raw === '/logga-in' || raw.startsWith('/logga-in?') || raw.startsWith('/logga-in/')) return '/'
  return raw
}
