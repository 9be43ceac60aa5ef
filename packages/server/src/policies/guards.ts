import { type Database, grantsOf } from '@arshjul/db'
import {
  type Action,
  AppError,
  type Grant,
  isAllowed,
  type ResourcePath,
  roleLabels,
  rolesAllowing,
} from '@arshjul/domain'
import type { FastifyRequest } from 'fastify'

const grantCache = new WeakMap<FastifyRequest, Promise<Grant[]>>()

/** The signed-in user's grants, read once per request. */
function grantsFor(db: Database, request: FastifyRequest, userId: string): Promise<Grant[]> {
  let grants = grantCache.get(request)
  if (!grants) {
    grants = grantsOf(db, userId)
    grantCache.set(request, grants)
  }
  return grants
}

/** The signed-in user's id, or 401. */
export function requireUser(request: FastifyRequest): string {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', { userMessage: 'Logga in för att fortsätta.' })
  return request.auth.userId
}

/**
 * Allow `action` on the resource at `path` only if one of the user's grants covers it; a refusal is
 * logged (who, what, where) and answered 403 in Swedish.
 */
export async function requireAllowed(
  db: Database,
  request: FastifyRequest,
  action: Action,
  path: ResourcePath,
): Promise<string> {
  const userId = requireUser(request)
  if (path.length > 0 && isAllowed(await grantsFor(db, request, userId), action, path)) return userId
  request.log.warn({ userId, action, path }, 'access denied')
  throw new AppError('FORBIDDEN', {
    userMessage: `Du har inte behörighet till detta. Det kräver rollen ${rolesAllowing(action)
      .filter((r) => r !== 'admin')
      .map((r) => roleLabels[r].toLowerCase())
      .join(' eller ')} för den här delen av organisationen.`,
  })
}

/** Whether the user may do `action` at `path`, without refusing (to tell the UI what to offer). */
export async function mayDo(
  db: Database,
  request: FastifyRequest,
  action: Action,
  path: ResourcePath,
): Promise<boolean> {
  if (!request.auth || path.length === 0) return false
  return isAllowed(await grantsFor(db, request, request.auth.userId), action, path)
}
