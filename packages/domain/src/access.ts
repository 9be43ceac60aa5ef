import { z } from 'zod'

/**
 * Roles. A grant gives a role within a scope (the whole municipality, a board, an administration,
 * an organisational unit or a single goal); a grant covers everything below its scope.
 */
export const Role = z.enum(['admin', 'controller', 'head-of-administration', 'reporter', 'reader'])
export type Role = z.infer<typeof Role>

export const roleLabels: Record<Role, string> = {
  admin: 'Administratör',
  controller: 'Controller',
  'head-of-administration': 'Förvaltningschef',
  reporter: 'Rapportör',
  reader: 'Läsare',
}

export const Action = z.enum([
  /** See plans, follow-ups and reports inside the organisation. */
  'read',
  /** Write one's own parts of an open follow-up and mark them ready. */
  'report',
  /** Approve or return parts that were marked ready. */
  'review',
  /** Approve the whole follow-up as head of administration. */
  'approve',
  /** Register the board's decision, which locks the follow-up. */
  'decide',
  /** Create follow-ups and years, open and close reporting, send reminders. */
  'manage-cycle',
  /** Manage users and their roles. */
  'manage-users',
])
export type Action = z.infer<typeof Action>

/** What each role may do, within the scope of its grant. Nothing else is allowed. */
export const permissions: Record<Role, readonly Action[]> = {
  admin: ['read', 'report', 'review', 'approve', 'decide', 'manage-cycle', 'manage-users'],
  controller: ['read', 'report', 'review', 'decide', 'manage-cycle'],
  'head-of-administration': ['read', 'approve'],
  reporter: ['read', 'report'],
  reader: ['read'],
}

export const ScopeKind = z.enum(['municipality', 'board', 'administration', 'org-unit', 'goal'])
export type ScopeKind = z.infer<typeof ScopeKind>

export interface Grant {
  role: Role
  scopeKind: ScopeKind
  /** Id of the municipality, board, administration, unit or goal the grant is given on. */
  scopeId: string
}

/**
 * Where a resource sits: the ids of every scope that contains it, from the municipality down
 * (municipality, board, administration, each unit from the top, the goal). A grant on any of them
 * covers the resource.
 */
export type ResourcePath = readonly string[]

/** Is `action` allowed on a resource at `path` for someone holding `grants`? */
export function isAllowed(grants: readonly Grant[], action: Action, path: ResourcePath): boolean {
  const containing = new Set(path)
  return grants.some((g) => containing.has(g.scopeId) && permissions[g.role].includes(action))
}

/** The roles that allow `action` somewhere, for explaining a refusal. */
export function rolesAllowing(action: Action): Role[] {
  return Role.options.filter((r) => permissions[r].includes(action))
}
