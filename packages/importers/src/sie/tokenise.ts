/**
 * Splits one line of a SIE file into fields. Fields are separated by any run of spaces, TABs or
 * other control characters. A field is either
 * - quoted: `"Kontor Nord"`, where `\"` is a quote and `\\` a backslash (any other backslash is
 *   kept as it is, so Windows paths such as `"C:\Program"` survive), or
 * - unquoted: everything up to the next separator or `{`, or
 * - an object list: `{…}` holding quoted or unquoted items, `{}`, `{ }` and `{1         AO }` alike.
 * The tokeniser does not know what the fields mean; `records.ts` does.
 */

export interface TextToken {
  readonly kind: 'text'
  readonly value: string
  /** 1-based column where the field starts. */
  readonly column: number
}

export interface ListToken {
  readonly kind: 'list'
  /** The items of the list in order, quotes removed. */
  readonly items: readonly string[]
  /** The text between the braces, used to share identical lists. */
  readonly raw: string
  readonly column: number
}

export type Token = TextToken | ListToken

export type TokenisedLine =
  | { readonly ok: true; readonly tokens: readonly Token[] }
  | { readonly ok: false; readonly reason: 'quote' | 'brace' | 'nested'; readonly column: number }

const QUOTE = 34
const BACKSLASH = 92
const OPEN = 123
const CLOSE = 125

const isSeparator = (code: number) => code <= 32

interface Quoted {
  value: string
  end: number
}

/** Reads a quoted field starting at the quote at `start`; null when the line ends first. */
function readQuoted(line: string, start: number): Quoted | null {
  let value = ''
  let from = start + 1
  for (let i = from; i < line.length; i++) {
    const code = line.charCodeAt(i)
    if (code === BACKSLASH) {
      const next = line.charCodeAt(i + 1)
      if (next === QUOTE || next === BACKSLASH) {
        value += line.slice(from, i) + line[i + 1]
        i++
        from = i + 1
      }
    } else if (code === QUOTE) {
      return { value: value + line.slice(from, i), end: i + 1 }
    }
  }
  return null
}

function skipSeparators(line: string, from: number): number {
  let i = from
  while (i < line.length && isSeparator(line.charCodeAt(i))) i++
  return i
}

export function tokeniseLine(line: string): TokenisedLine {
  const tokens: Token[] = []
  let i = skipSeparators(line, 0)
  while (i < line.length) {
    const code = line.charCodeAt(i)
    if (code === QUOTE) {
      const quoted = readQuoted(line, i)
      if (quoted === null) return { ok: false, reason: 'quote', column: i + 1 }
      tokens.push({ kind: 'text', value: quoted.value, column: i + 1 })
      i = quoted.end
    } else if (code === OPEN) {
      const items: string[] = []
      let j = i + 1
      for (;;) {
        j = skipSeparators(line, j)
        if (j >= line.length) return { ok: false, reason: 'brace', column: i + 1 }
        const c = line.charCodeAt(j)
        if (c === CLOSE) break
        if (c === OPEN) return { ok: false, reason: 'nested', column: j + 1 }
        if (c === QUOTE) {
          const quoted = readQuoted(line, j)
          if (quoted === null) return { ok: false, reason: 'quote', column: j + 1 }
          items.push(quoted.value)
          j = quoted.end
        } else {
          const start = j
          while (j < line.length) {
            const d = line.charCodeAt(j)
            if (isSeparator(d) || d === CLOSE || d === OPEN || d === QUOTE) break
            j++
          }
          items.push(line.slice(start, j))
        }
      }
      tokens.push({ kind: 'list', items, raw: line.slice(i + 1, j), column: i + 1 })
      i = j + 1
    } else {
      const start = i
      while (i < line.length) {
        const d = line.charCodeAt(i)
        if (isSeparator(d) || d === OPEN) break
        i++
      }
      tokens.push({ kind: 'text', value: line.slice(start, i), column: start + 1 })
    }
    i = skipSeparators(line, i)
  }
  return { ok: true, tokens }
}
