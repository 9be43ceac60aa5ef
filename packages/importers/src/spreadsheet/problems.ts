import { messages } from './messages.ts'
import type { SheetErrorCode, SheetProblem, SheetResult } from './types.ts'

/** At most this many errors are returned; a final SHEET_TOO_MANY_ERRORS problem counts the rest. */
export const SHEET_MAX_ERRORS = 100

/** Errors kept before sorting; a file with more is broken throughout and the rest are only counted. */
const KEPT = 10_000

/**
 * Collects the errors of one file. Reading goes on after an error so that the user sees every
 * problem at once, but memory stays bounded however broken the file is.
 */
export class Problems {
  /** With the column's place in the template, so that a row's errors read left to right. */
  private readonly kept: { problem: SheetProblem; order: number }[] = []
  private total = 0

  get count(): number {
    return this.total
  }

  add(code: SheetErrorCode, line: number, message: string, column?: string, order = 0): void {
    this.total++
    if (this.kept.length >= KEPT) return
    const problem = column === undefined ? { code, line, message } : { code, line, column, message }
    this.kept.push({ problem, order })
  }

  /** The errors by row and column (stable, so equal places keep the order found), capped. */
  list(): SheetProblem[] {
    const sorted = [...this.kept]
      .sort((a, b) => a.problem.line - b.problem.line || a.order - b.order)
      .map((k) => k.problem)
    if (this.total <= SHEET_MAX_ERRORS) return sorted
    const shown = sorted.slice(0, SHEET_MAX_ERRORS)
    const next = sorted[SHEET_MAX_ERRORS]?.line ?? shown.at(-1)?.line ?? 1
    const message = messages.tooManyErrors(SHEET_MAX_ERRORS, this.total - SHEET_MAX_ERRORS)
    return [...shown, { code: 'SHEET_TOO_MANY_ERRORS', line: next, message }]
  }
}

/** A whole-file failure: one problem, on row 1. */
export function fail<Row>(code: SheetErrorCode, message: string, line = 1): SheetResult<Row> {
  return { ok: false, errors: [{ code, line, message }] }
}
