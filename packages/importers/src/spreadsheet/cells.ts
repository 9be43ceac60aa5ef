/**
 * A cell as the readers hand it on: CSV gives text only; XLSX also numbers, dates, booleans and
 * error values. Field parsers decide what each kind means for their column, so a date is rejected
 * where a number is expected instead of being silently turned into one.
 */
export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** An Excel error value such as #N/A or #DIV/0!, or a formula saved without its result. */
  | { readonly kind: 'error'; readonly text: string }

export const EMPTY: Cell = { kind: 'empty' }

/**
 * Text cell, or empty when it holds only whitespace (spaces, tabs, no-break spaces). Line breaks
 * inside become LF, as Excel types them (Alt+Enter): XML turns a CR into LF anyway, so a name with
 * CRLF from a CSV file would otherwise differ from the same name read from XLSX.
 */
export function textCell(raw: string): Cell {
  const text = raw.trim().replace(/\r\n?/g, '\n')
  return text === '' ? EMPTY : { kind: 'text', text }
}

/** One non-blank row of a sheet: its row number and its cells by 0-based column. */
export interface GridRow {
  readonly line: number
  readonly cells: readonly Cell[]
}

export function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((c) => c.kind === 'empty')
}

/** A number as Swedish text for messages: 12.345 → "12,345". */
export function swedishNumber(value: number): string {
  return String(value).replace('.', ',').replace('-', '−')
}

/** How a cell is quoted in a message: its text as the user typed or saw it. */
export function display(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return ''
    case 'text':
      return cell.text
    case 'number':
      return swedishNumber(cell.value)
    case 'date':
      return cell.iso
    case 'boolean':
      return cell.value ? 'SANT' : 'FALSKT'
    case 'error':
      return cell.text
  }
}

/** Excel's letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}
