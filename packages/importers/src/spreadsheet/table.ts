import { type Cell, columnLetter, display, EMPTY, type GridRow } from './cells.ts'
import { messages } from './messages.ts'
import type { Problems } from './problems.ts'

/**
 * The header row and the columns it names. Headings are matched by name, ignoring case, the
 * surrounding whitespace and the Unicode form (Excel on a Mac may write "å" as "a" + ring), so the
 * columns may come in any order. Columns that are not in the template are refused, naming them,
 * rather than ignored: a misspelt "Belop" would otherwise drop every amount without a word.
 */

export interface ColumnSpec<K extends string> {
  readonly key: K
  /** The heading, as written in the template. */
  readonly name: string
  /** Whether the column must be present; an optional column that is left out reads as empty. */
  readonly required: boolean
}

export interface TableRow<K extends string> {
  readonly line: number
  /** The cell under a column, empty when the column is absent. */
  cell(key: K): Cell
}

export const normalHeading = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * Maps the first row's headings to columns and returns the data rows below it. Returns null when
 * the header is wrong (nothing below can be read right then), with the problems reported. `hint`
 * may add a sentence when unknown headings suggest the other template.
 */
export function readTable<K extends string>(
  grid: readonly GridRow[],
  columns: readonly ColumnSpec<K>[],
  problems: Problems,
  hint: (unknown: readonly string[]) => string,
): TableRow<K>[] | null {
  const header = grid[0]
  if (!header) return null
  const byName = new Map(columns.map((c) => [normalHeading(c.name), c]))
  const positions = new Map<K, number>()
  const unknown: string[] = []
  const named = new Set<number>()
  let ok = true
  header.cells.forEach((cell, index) => {
    const heading = display(cell)
    if (heading === '') return
    named.add(index)
    const spec = byName.get(normalHeading(heading))
    if (!spec) {
      unknown.push(heading)
      return
    }
    const first = positions.get(spec.key)
    if (first !== undefined) {
      const message = messages.duplicateColumn(
        header.line,
        spec.name,
        columnLetter(first),
        columnLetter(index),
      )
      problems.add('SHEET_HEADER', header.line, message)
      ok = false
    } else positions.set(spec.key, index)
  })
  if (unknown.length > 0) {
    const names = columns.map((c) => c.name)
    const extra = hint(unknown.map(normalHeading))
    // Not one known heading: the first row is data, or the file is something else entirely.
    const message =
      positions.size === 0
        ? messages.noHeader(names) + extra
        : messages.unknownColumns(header.line, unknown, names, extra)
    problems.add('SHEET_HEADER', header.line, message)
    ok = false
  }
  const missing = columns.filter((c) => c.required && !positions.has(c.key)).map((c) => c.name)
  // With no heading recognised at all, "no header row" already says everything is missing.
  if (missing.length > 0 && positions.size > 0) {
    problems.add('SHEET_HEADER', header.line, messages.missingColumns(header.line, missing))
    ok = false
  }
  if (!ok) return null
  return grid.slice(1).map((row) => {
    // A value under no heading was typed in the wrong column or belongs to a column that was
    // deleted; either way the row would be read differently from what the user meant.
    row.cells.forEach((cell, index) => {
      if (named.has(index) || cell.kind === 'empty') return
      const letter = columnLetter(index)
      const message = messages.unnamedColumn(row.line, letter, display(cell))
      // Listed after the row's own columns, wherever the stray cell is.
      problems.add('SHEET_EXTRA_CELLS', row.line, message, letter, columns.length + index)
    })
    return {
      line: row.line,
      cell: (key: K) => {
        const at = positions.get(key)
        return at === undefined ? EMPTY : (row.cells[at] ?? EMPTY)
      },
    }
  })
}
