import { AppError, type ProblemDetail } from '@arshjul/domain'
import type { ImportProblem } from './types.ts'

/** A file's problems as the API's error details: "rad 7, kolumn Belopp" with line and column. */
export function problemDetails(errors: readonly ImportProblem[]): ProblemDetail[] {
  return errors.map((e) => ({
    path: e.column === undefined ? `rad ${e.line}` : `rad ${e.line}, kolumn ${e.column}`,
    message: e.message,
    line: e.line,
    ...(e.column === undefined ? {} : { column: e.column }),
  }))
}

/** The file committed must be the one that was previewed (same SHA-256), or nothing is written. */
export function assertPreviewed(expected: string | undefined, actual: string | null): void {
  if (expected !== undefined && expected !== actual) {
    throw new AppError('CONFLICT', {
      userMessage: 'Filen är inte densamma som förhandsgranskades. Förhandsgranska den igen.',
    })
  }
}
