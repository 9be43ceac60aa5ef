import { describe, expect, it } from 'vitest'
import {
  Action,
  acceptsReports,
  type Grant,
  isAllowed,
  nextFollowUpStatus,
  nextPartStatus,
  parseDecisionRef,
  permissions,
  Role,
} from '../src/index.ts'

describe('part workflow', () => {
  it.each([
    ['not-started', 'save', 'draft'],
    ['draft', 'save', 'draft'],
    ['draft', 'mark-ready', 'ready'],
    ['ready', 'approve', 'approved'],
    ['ready', 'return', 'returned'],
    ['returned', 'save', 'returned'],
    ['returned', 'mark-ready', 'ready'],
    ['approved', 'return', 'returned'],
    ['ready', 'reopen', 'draft'],
  ] as const)('%s + %s → %s', (from, transition, to) => {
    expect(nextPartStatus(from, transition)).toBe(to)
  })

  it.each([
    ['ready', 'save'],
    ['approved', 'save'],
    ['draft', 'approve'],
    ['draft', 'return'],
    ['approved', 'approve'],
    ['not-started', 'approve'],
  ] as const)('%s + %s is refused', (from, transition) => {
    expect(nextPartStatus(from, transition)).toBeNull()
  })
})

describe('follow-up workflow', () => {
  it('goes planned → open → in review → approved → decided', () => {
    let s = nextFollowUpStatus('planned', 'open')
    expect(s).toBe('open')
    s = s && nextFollowUpStatus(s, 'close-reporting')
    expect(s).toBe('in-review')
    s = s && nextFollowUpStatus(s, 'approve')
    expect(s).toBe('approved')
    s = s && nextFollowUpStatus(s, 'decide')
    expect(s).toBe('decided')
  })

  it.each(['open', 'close-reporting', 'reopen-reporting', 'approve', 'decide'] as const)(
    'a decided follow-up cannot %s',
    (transition) => {
      expect(nextFollowUpStatus('decided', transition)).toBeNull()
    },
  )

  it('cannot be decided before the head of administration has approved it', () => {
    expect(nextFollowUpStatus('in-review', 'decide')).toBeNull()
    expect(nextFollowUpStatus('open', 'decide')).toBeNull()
  })

  it('accepts reports only while open', () => {
    expect(
      ['planned', 'open', 'in-review', 'approved', 'decided'].filter((s) => acceptsReports(s as never)),
    ).toEqual(['open'])
  })
})

describe('decision references', () => {
  it.each([
    ['KS 2025-02-24 § 31', { body: 'KS', date: '2025-02-24', paragraph: 31 }],
    ['KS 2022-10-18 § 283', { body: 'KS', date: '2022-10-18', paragraph: 283 }],
    ['KF 2024-05-28 §191', { body: 'KF', date: '2024-05-28', paragraph: 191 }],
  ])('reads %s', (text, parsed) => {
    expect(parseDecisionRef(text)).toEqual(parsed)
  })

  it.each(['KS 2025-02-30 § 31', 'KS 2025-02-24', '2025-02-24 § 31', 'KS 24-02-2025 § 31', ''])(
    'refuses %j',
    (text) => {
      expect(parseDecisionRef(text)).toBeNull()
    },
  )
})

describe('access policy', () => {
  // municipality m ⊃ board b ⊃ administration a ⊃ unit u1 ⊃ unit u2 ⊃ goal g; a sibling unit u3.
  const pathOfGoal = ['m', 'b', 'a', 'u1', 'u2', 'g']
  const pathOfSibling = ['m', 'b', 'a', 'u3']
  const grant = (role: Role, scopeId: string): Grant => ({ role, scopeKind: 'org-unit', scopeId })

  it('a grant covers everything below its scope', () => {
    expect(isAllowed([grant('reporter', 'u1')], 'report', pathOfGoal)).toBe(true)
  })
  it('a grant does not reach a sibling unit', () => {
    expect(isAllowed([grant('reporter', 'u1')], 'report', pathOfSibling)).toBe(false)
  })
  it('a grant does not reach upwards to the parent', () => {
    expect(isAllowed([grant('reporter', 'u2')], 'report', ['m', 'b', 'a', 'u1'])).toBe(false)
  })
  it('no grant, no access', () => {
    expect(Action.options.some((a) => isAllowed([], a, pathOfGoal))).toBe(false)
  })

  const matrix = Role.options.flatMap((role) => Action.options.map((action) => ({ role, action })))
  it.each(matrix)('$role may $action exactly when the permission table says so', ({ role, action }) => {
    expect(isAllowed([grant(role, 'm')], action, pathOfGoal)).toBe(permissions[role].includes(action))
  })

  it('only administrators manage users, and readers only read', () => {
    expect(Role.options.filter((r) => permissions[r].includes('manage-users'))).toEqual(['admin'])
    expect(permissions.reader).toEqual(['read'])
  })
})
