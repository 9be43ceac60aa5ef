import { createHash, randomBytes } from 'node:crypto'
import { AppError, type Grant, type Role, type ScopeKind, type SessionUser } from '@arshjul/domain'
import type { Queryable } from '../database.ts'

export interface LoginCandidate {
  id: string
  name: string
  email: string
  passwordHash: string | null
  disabled: boolean
}

export async function findUserByEmail(db: Queryable, email: string): Promise<LoginCandidate | null> {
  const [row] = await db.query<{
    id: string
    name: string
    email: string
    password_hash: string | null
    disabled: boolean
  }>('SELECT id, name, email, password_hash, disabled FROM users WHERE lower(email) = lower($1)', [email])
  return row
    ? {
        id: row.id,
        name: row.name,
        email: row.email,
        passwordHash: row.password_hash,
        disabled: row.disabled,
      }
    : null
}

export interface UserGrant extends Grant {
  municipalityId: string
  municipalityCode: string
}

/** The key and name of a grant's scope (`g` is role_grants, `m` its municipality). */
export const SCOPE_COLUMNS = `COALESCE(CASE g.scope_kind WHEN 'municipality' THEN m.code END, sb.key, sa.key, su.key, sg.key) AS scope_key,
  COALESCE(CASE g.scope_kind WHEN 'municipality' THEN m.name END, sb.name, sa.name, su.name, sg.title) AS scope_name`
export const SCOPE_JOINS = `LEFT JOIN boards sb ON g.scope_kind = 'board' AND sb.id = g.scope_id
  LEFT JOIN administrations sa ON g.scope_kind = 'administration' AND sa.id = g.scope_id
  LEFT JOIN org_units su ON g.scope_kind = 'org-unit' AND su.id = g.scope_id
  LEFT JOIN board_goals sg ON g.scope_kind = 'goal' AND sg.id = g.scope_id`

/** A user's grants with the municipality each belongs to, and display names of their scopes. */
export async function grantsOf(
  db: Queryable,
  userId: string,
): Promise<(UserGrant & { scopeKey: string; scopeName: string })[]> {
  const rows = await db.query<{
    role: Role
    scope_kind: ScopeKind
    scope_id: string
    municipality_id: string
    code: string
    scope_key: string | null
    scope_name: string | null
  }>(
    `SELECT g.role, g.scope_kind, g.scope_id, g.municipality_id, m.code,
            ${SCOPE_COLUMNS}
       FROM role_grants g
       JOIN municipalities m ON m.id = g.municipality_id
       ${SCOPE_JOINS}
      WHERE g.user_id = $1
      ORDER BY m.code, g.role`,
    [userId],
  )
  return rows.map((r) => ({
    role: r.role,
    scopeKind: r.scope_kind,
    scopeId: r.scope_id,
    municipalityId: r.municipality_id,
    municipalityCode: r.code,
    scopeKey: r.scope_key ?? '',
    scopeName: r.scope_name ?? '',
  }))
}

export async function sessionUser(db: Queryable, userId: string): Promise<SessionUser | null> {
  const [u] = await db.query<{ id: string; name: string; email: string }>(
    'SELECT id, name, email FROM users WHERE id = $1',
    [userId],
  )
  if (!u) return null
  const grants = await grantsOf(db, userId)
  return {
    ...u,
    grants: grants.map((g) => ({
      role: g.role,
      municipality: g.municipalityCode,
      scopeKind: g.scopeKind,
      scopeKey: g.scopeKey,
      scopeName: g.scopeName,
    })),
  }
}

/** Session lifetimes: idle timeout and absolute maximum. */
export const SESSION_IDLE_MS = 30 * 60 * 1000
export const SESSION_MAX_MS = 10 * 60 * 60 * 1000

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Start a session: a fresh random token (the cookie) whose hash is the key, and a CSRF token.
 * Every login gets a new session; an earlier one is never reused.
 */
export async function createSession(
  db: Queryable,
  userId: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + ($4::int * interval '1 millisecond'))`,
    [hashToken(token), userId, csrfToken, SESSION_MAX_MS],
  )
  await db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [userId])
  return { token, csrfToken }
}

/**
 * The live session for a cookie token, refreshed; null when unknown, idle too long, past its
 * maximum age, or when the user is disabled — and then the session is deleted server-side.
 */
export async function resumeSession(
  db: Queryable,
  token: string,
): Promise<{ userId: string; csrfToken: string } | null> {
  const id = hashToken(token)
  const [row] = await db.query<{ user_id: string; csrf_token: string; alive: boolean }>(
    `SELECT s.user_id, s.csrf_token,
            (s.expires_at > now() AND s.last_seen_at > now() - ($2::int * interval '1 millisecond') AND NOT u.disabled) AS alive
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1`,
    [id, SESSION_IDLE_MS],
  )
  if (!row) return null
  if (!row.alive) {
    await db.query('DELETE FROM sessions WHERE id_hash = $1', [id])
    return null
  }
  // Refresh at most once a minute: enough for the idle timeout, and no write on every request.
  await db.query(
    "UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1 AND last_seen_at < now() - interval '1 minute'",
    [id],
  )
  return { userId: row.user_id, csrfToken: row.csrf_token }
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [hashToken(token)])
}

/** Find or create the user of a single sign-on identity (keyed on issuer + subject; e-mail is only contact). */
export async function userForIdentity(
  db: Queryable,
  identity: { issuer: string; subject: string; email: string; name: string },
): Promise<string> {
  const [known] = await db.query<{ user_id: string }>(
    'SELECT user_id FROM user_identities WHERE issuer = $1 AND subject = $2',
    [identity.issuer, identity.subject],
  )
  if (known) return known.user_id
  // Never attach a new identity to an existing account by e-mail alone: that would let whoever
  // controls an identity provider take over any account with the same address.
  const [user] = await db.query<{ id: string }>(
    'INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (lower(email)) DO NOTHING RETURNING id',
    [identity.email, identity.name],
  )
  if (!user) {
    throw new AppError('FORBIDDEN', {
      userMessage:
        'Det finns redan ett konto med den e-postadressen. En administratör behöver koppla inloggningen till kontot.',
    })
  }
  await db.query('INSERT INTO user_identities (user_id, issuer, subject) VALUES ($1, $2, $3)', [
    user.id,
    identity.issuer,
    identity.subject,
  ])
  return user.id
}
