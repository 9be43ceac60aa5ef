import { ApiFailure } from '../lib/api.ts'

export function Loading({ what = 'uppgifterna' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      Hämtar {what} …
    </p>
  )
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiFailure) return error.message
  return 'Något gick fel när uppgifterna skulle visas. Försök igen.'
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiFailure && (error.status === 404 || error.status === 400)
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="alert" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Försök igen
        </button>
      ) : null}
    </div>
  )
}
