/** Stable error codes; the server maps each to one HTTP status in one place. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'LOCKED'
  | 'RATE_LIMITED'

/** Where a problem is (a field path, or a file's line and column) and what it is, in Swedish. */
export interface ProblemDetail {
  path: string
  message: string
  line?: number
  column?: number | string
}

/**
 * The one error type of Årshjul: a stable code for programs and a Swedish message for people.
 * Anything else thrown is an internal error and is shown to users without details.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly userMessage: string
  readonly details: ProblemDetail[] | undefined

  constructor(code: ErrorCode, options: { userMessage: string; details?: ProblemDetail[] }) {
    super(options.userMessage)
    this.name = 'AppError'
    this.code = code
    this.userMessage = options.userMessage
    this.details = options.details
  }
}
