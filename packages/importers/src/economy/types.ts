import type { AmountRow } from '@arshjul/db'

export type ImportRow = AmountRow

/** A problem that stops an import: where it is and why, in Swedish. */
export interface ImportProblem {
  line: number
  column?: number | string
  message: string
}

/** A file read into rows, or the reasons it cannot be. Nothing is written at this stage. */
export type PreparedRows =
  | {
      ok: true
      rows: ImportRow[]
      /** Names of cost centres as the file gives them (for the preview and new cost centres). */
      names: Map<string, string>
      warnings: string[]
      summary: Record<string, unknown>
    }
  | { ok: false; errors: ImportProblem[] }
