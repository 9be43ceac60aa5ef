import { createHash } from 'node:crypto'
import { canonicalJson } from '@arshjul/domain'
import type { Queryable } from '../database.ts'

export interface Actor {
  id: string | null
  name: string
}

export interface AuditEntry {
  /** The chain the entry belongs to: a municipality's id, or "system" for installation-wide changes. */
  chain: string
  actor: Actor
  /** What was done, e.g. "part.save", "follow-up.decide". */
  action: string
  entityKind: string
  entityId: string
  /** One line in Swedish for the history view. */
  summary: string
  before: unknown
  after: unknown
}

const GENESIS = '0'.repeat(64)

function entryHash(
  prevHash: string,
  e: Omit<AuditEntry, 'actor'> & { actorId: string | null; actorName: string; occurredAt: string },
) {
  const body = canonicalJson({
    chain: e.chain,
    occurredAt: e.occurredAt,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityKind: e.entityKind,
    entityId: e.entityId,
    summary: e.summary,
    before: e.before ?? null,
    after: e.after ?? null,
  })
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex')
}

/**
 * Append an entry to the audit trail, in the caller's transaction (so the entry exists exactly when
 * the change does). Entries of one chain are serialised by an advisory lock and linked by hash:
 * each hash covers the previous one, so changing or removing any entry breaks every later link.
 */
export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${entry.chain}`])
  const [last] = await tx.query<{ hash: string }>(
    'SELECT hash FROM audit_log WHERE chain = $1 ORDER BY seq DESC LIMIT 1',
    [entry.chain],
  )
  const prevHash = last?.hash ?? GENESIS
  const occurredAt = new Date().toISOString()
  const hash = entryHash(prevHash, {
    ...entry,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    occurredAt,
  })
  await tx.query(
    `INSERT INTO audit_log (chain, occurred_at, actor_id, actor_name, action, entity_kind, entity_id, summary, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10::text::jsonb, $11, $12)`,
    [
      entry.chain,
      occurredAt,
      entry.actor.id,
      entry.actor.name,
      entry.action,
      entry.entityKind,
      entry.entityId,
      entry.summary,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      prevHash,
      hash,
    ],
  )
}

interface AuditRow {
  seq: string | number
  chain: string
  occurred_at: string
  actor_id: string | null
  actor_name: string | null
  action: string
  entity_kind: string
  entity_id: string
  summary: string | null
  before: unknown
  after: unknown
  prev_hash: string
  hash: string
}

const SELECT_ROWS = `SELECT seq::text AS seq, chain,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  actor_id, actor_name, action, entity_kind, entity_id, summary, before, after, prev_hash, hash
  FROM audit_log`

export interface ChainCheck {
  entries: number
  /** The first entry whose hash or link does not match, or null when the chain is intact. */
  brokenAt: number | null
}

/** Recompute a chain from its first entry and report the first entry that does not match. */
export async function verifyAuditChain(db: Queryable, chain: string): Promise<ChainCheck> {
  const rows = await db.query<AuditRow>(`${SELECT_ROWS} WHERE chain = $1 ORDER BY audit_log.seq`, [chain])
  let prev = GENESIS
  for (const r of rows) {
    const expected = entryHash(prev, {
      chain: r.chain,
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      actorName: r.actor_name ?? '',
      action: r.action,
      entityKind: r.entity_kind,
      entityId: r.entity_id,
      summary: r.summary ?? '',
      before: r.before,
      after: r.after,
    })
    if (r.prev_hash !== prev || r.hash !== expected) return { entries: rows.length, brokenAt: Number(r.seq) }
    prev = r.hash
  }
  return { entries: rows.length, brokenAt: null }
}

export interface HistoryEntry {
  at: string
  actor: string
  action: string
  summary: string
  before: unknown
  after: unknown
}

/** The history of one object, oldest first. */
export async function historyOf(db: Queryable, entityIds: readonly string[]): Promise<HistoryEntry[]> {
  if (entityIds.length === 0) return []
  const rows = await db.query<AuditRow>(
    `${SELECT_ROWS} WHERE entity_id = ANY($1::uuid[]) ORDER BY audit_log.seq`,
    [entityIds],
  )
  return rows.map((r) => ({
    at: r.occurred_at,
    actor: r.actor_name ?? '',
    action: r.action,
    summary: r.summary ?? '',
    before: r.before,
    after: r.after,
  }))
}
