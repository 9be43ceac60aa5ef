import { AppError, type Role, type ScopeKind } from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { type Actor, appendAudit } from './audit.ts'
import { SCOPE_COLUMNS, SCOPE_JOINS } from './users.ts'

export interface MunicipalUser {
  id: string
  email: string
  name: string
  disabled: boolean
  hasPassword: boolean
  singleSignOn: boolean
  grants: { id: string; role: Role; scopeKind: ScopeKind; scopeKey: string; scopeName: string }[]
}

/** Users holding any role in the municipality, with those roles. */
export async function listMunicipalUsers(db: Queryable, municipalityId: string): Promise<MunicipalUser[]> {
  const rows = await db.query<{
    user_id: string
    email: string
    name: string
    disabled: boolean
    has_password: boolean
    sso: boolean
    grant_id: string
    role: Role
    scope_kind: ScopeKind
    scope_key: string | null
    scope_name: string | null
  }>(
    `SELECT u.id AS user_id, u.email, u.name, u.disabled, u.password_hash IS NOT NULL AS has_password,
            EXISTS (SELECT 1 FROM user_identities i WHERE i.user_id = u.id) AS sso,
            g.id AS grant_id, g.role, g.scope_kind,
            ${SCOPE_COLUMNS}
       FROM role_grants g
       JOIN users u ON u.id = g.user_id
       JOIN municipalities m ON m.id = g.municipality_id
       ${SCOPE_JOINS}
      WHERE g.municipality_id = $1
      ORDER BY u.name, g.role`,
    [municipalityId],
  )
  const users = new Map<string, MunicipalUser>()
  for (const r of rows) {
    const user = users.get(r.user_id) ?? {
      id: r.user_id,
      email: r.email,
      name: r.name,
      disabled: r.disabled,
      hasPassword: r.has_password,
      singleSignOn: r.sso,
      grants: [],
    }
    user.grants.push({
      id: r.grant_id,
      role: r.role,
      scopeKind: r.scope_kind,
      scopeKey: r.scope_key ?? '',
      scopeName: r.scope_name ?? '',
    })
    users.set(r.user_id, user)
  }
  return [...users.values()]
}

const scopeTables: Record<Exclude<ScopeKind, 'municipality'>, string> = {
  board: 'boards',
  administration: 'administrations',
  'org-unit': 'org_units',
  goal: 'board_goals',
}

/**
 * Give a user a role within a scope of the municipality, found by its key. Creates the user first
 * when the e-mail is new. Passwords arrive hashed (the server hashes with argon2).
 */
export async function grantRole(
  tx: Queryable,
  municipality: { id: string; code: string },
  input: {
    email: string
    name: string
    passwordHash: string | null
    role: Role
    scopeKind: ScopeKind
    scopeKey: string
  },
  actor: Actor,
): Promise<string> {
  let scopeId: string | undefined
  if (input.scopeKind === 'municipality') {
    if (input.scopeKey !== municipality.code)
      throw new AppError('VALIDATION', { userMessage: 'Ange kommunens kod som omfattning.' })
    scopeId = municipality.id
  } else {
    const [row] = await tx.query<{ id: string }>(
      `SELECT id FROM ${scopeTables[input.scopeKind]} WHERE municipality_id = $1 AND key = $2`,
      [municipality.id, input.scopeKey],
    )
    scopeId = row?.id
  }
  if (!scopeId) {
    throw new AppError('VALIDATION', {
      userMessage: `Det finns ingen ${input.scopeKind === 'goal' ? 'målnyckel' : 'enhet'} "${input.scopeKey}" i kommunen.`,
      details: [{ path: 'scopeKey', message: 'Okänd nyckel.' }],
    })
  }
  const [user] = await tx.query<{ id: string }>(
    `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (lower(email)) DO UPDATE SET name = users.name RETURNING id`,
    [input.email, input.name, input.passwordHash],
  )
  if (!user) throw new Error('user not written')
  const [grant] = await tx.query<{ id: string }>(
    `INSERT INTO role_grants (user_id, municipality_id, role, scope_kind, scope_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id, role, scope_kind, scope_id) DO NOTHING RETURNING id`,
    [user.id, municipality.id, input.role, input.scopeKind, scopeId],
  )
  if (!grant) throw new AppError('CONFLICT', { userMessage: 'Användaren har redan den rollen där.' })
  await appendAudit(tx, {
    chain: municipality.id,
    actor,
    action: 'grant.add',
    entityKind: 'user',
    entityId: user.id,
    summary: `${actor.name} gav ${input.email} rollen ${input.role} (${input.scopeKind} ${input.scopeKey})`,
    before: null,
    after: { role: input.role, scopeKind: input.scopeKind, scopeKey: input.scopeKey },
  })
  return user.id
}

export async function revokeRole(
  tx: Queryable,
  municipalityId: string,
  grantId: string,
  actor: Actor,
): Promise<void> {
  const [row] = await tx.query<{ user_id: string; role: string }>(
    'DELETE FROM role_grants WHERE id = $1 AND municipality_id = $2 RETURNING user_id, role',
    [grantId, municipalityId],
  )
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'Rollen finns inte.' })
  await appendAudit(tx, {
    chain: municipalityId,
    actor,
    action: 'grant.remove',
    entityKind: 'user',
    entityId: row.user_id,
    summary: `${actor.name} tog bort rollen ${row.role}`,
    before: { grantId, role: row.role },
    after: null,
  })
}

/** Disable or enable an account that holds a role in the municipality; disabling ends its sessions. */
export async function setDisabled(
  tx: Queryable,
  municipalityId: string,
  userId: string,
  disabled: boolean,
  actor: Actor,
) {
  const [row] = await tx.query<{ email: string }>(
    `UPDATE users SET disabled = $3 WHERE id = $1
       AND EXISTS (SELECT 1 FROM role_grants WHERE user_id = $1 AND municipality_id = $2) RETURNING email`,
    [userId, municipalityId, disabled],
  )
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'Användaren finns inte i kommunen.' })
  if (disabled) await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId])
  await appendAudit(tx, {
    chain: municipalityId,
    actor,
    action: disabled ? 'user.disable' : 'user.enable',
    entityKind: 'user',
    entityId: userId,
    summary: `${actor.name} ${disabled ? 'stängde av' : 'aktiverade'} kontot ${row.email}`,
    before: { disabled: !disabled },
    after: { disabled },
  })
}
