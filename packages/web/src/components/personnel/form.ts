/**
 * What the internal-control forms share: turning a refused save into messages per field, and
 * trimming optional texts to what the API expects (absent rather than empty).
 */
import { ApiFailure } from '../../lib/api.ts'

export type FieldErrors<F extends string> = Partial<Record<F, string>>

/** The server's problems per field ("body.title" → "title"), for the fields the form has. */
export function serverFieldErrors<F extends string>(error: unknown, fields: readonly F[]): FieldErrors<F> {
  const result: FieldErrors<F> = {}
  if (!(error instanceof ApiFailure)) return result
  for (const detail of error.details) {
    const field = detail.path.replace(/^body\./, '').split('.')[0] as F
    if (fields.includes(field) && !result[field]) result[field] = detail.message
  }
  return result
}

/** The message of a failure that is not about one field. */
export function failureText(error: unknown, fallback: string): string {
  return error instanceof ApiFailure ? error.message : fallback
}

/** An optional text: trimmed, and left out when empty. */
export function optional(text: string): string | undefined {
  const trimmed = text.trim()
  return trimmed ? trimmed : undefined
}

/** Whether a failure is a conflict with someone else's save. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiFailure && error.status === 409
}
