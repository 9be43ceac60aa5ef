import type { Queryable } from '../database.ts'

export interface EmailJob {
  to: string
  subject: string
  text: string
}

export async function enqueueJob(db: Queryable, kind: 'email', payload: EmailJob): Promise<void> {
  await db.query('INSERT INTO jobs (kind, payload) VALUES ($1, $2::text::jsonb)', [
    kind,
    JSON.stringify(payload),
  ])
}

export interface TakenJob {
  id: number
  kind: string
  payload: unknown
  attempts: number
}

/**
 * Take the next due job. FOR UPDATE SKIP LOCKED lets several server nodes share one queue on
 * PostgreSQL without taking the same job twice.
 */
export async function takeJob(db: Queryable): Promise<TakenJob | null> {
  const [job] = await db.query<{ id: string; kind: string; payload: unknown; attempts: number }>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1
      WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= now() ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id::text AS id, kind, payload, attempts`,
  )
  return job ? { id: Number(job.id), kind: job.kind, payload: job.payload, attempts: job.attempts } : null
}

/** Mark a job done, or failed — retried with back-off up to `maxAttempts`. */
export async function finishJob(
  db: Queryable,
  id: number,
  error: string | null,
  maxAttempts = 5,
): Promise<void> {
  if (error === null) {
    await db.query("UPDATE jobs SET status = 'done', finished_at = now(), last_error = NULL WHERE id = $1", [
      id,
    ])
    return
  }
  await db.query(
    `UPDATE jobs SET last_error = $2,
        status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END,
        run_after = now() + (attempts * attempts * interval '1 minute'),
        finished_at = CASE WHEN attempts >= $3 THEN now() END
      WHERE id = $1`,
    [id, error, maxAttempts],
  )
}

export async function countQueued(db: Queryable, kind: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM jobs WHERE kind = $1 AND status = 'queued'",
    [kind],
  )
  return row?.n ?? 0
}
