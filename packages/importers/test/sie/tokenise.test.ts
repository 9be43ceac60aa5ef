import { describe, expect, it } from 'vitest'
import { tokeniseLine } from '../../src/sie/tokenise.ts'

const fields = (line: string) => {
  const result = tokeniseLine(line)
  if (!result.ok) throw new Error(`${result.reason} at ${result.column}`)
  return result.tokens.map((t) => (t.kind === 'text' ? t.value : t.items))
}

describe('tokeniseLine', () => {
  it.each([
    {
      name: 'fields separated by spaces',
      line: '#KONTO 3010 Intäkter',
      expected: ['#KONTO', '3010', 'Intäkter'],
    },
    {
      name: 'fields separated by TABs and runs of spaces',
      line: '#RAR\t0   20240101\t 20241231',
      expected: ['#RAR', '0', '20240101', '20241231'],
    },
    {
      name: 'a quoted field keeps its spaces',
      line: '#FNAMN "Kontor  Nord"',
      expected: ['#FNAMN', 'Kontor  Nord'],
    },
    { name: 'an empty quoted field', line: '#X "" ""', expected: ['#X', '', ''] },
    { name: 'an escaped quote inside quotes', line: '#X "a \\"b\\" c"', expected: ['#X', 'a "b" c'] },
    {
      name: 'an escaped backslash before the closing quote',
      line: '#X "C:\\\\" y',
      expected: ['#X', 'C:\\', 'y'],
    },
    { name: 'a lone backslash is kept', line: '#X "C:\\Program"', expected: ['#X', 'C:\\Program'] },
    { name: 'a quote inside an unquoted field is kept', line: '#X ab"c', expected: ['#X', 'ab"c'] },
    { name: 'an empty object list', line: '#T 1 {} 5', expected: ['#T', '1', [], '5'] },
    { name: 'an object list holding only a space', line: '#T 1 { } 5', expected: ['#T', '1', [], '5'] },
    {
      name: 'unquoted, space-padded object ids',
      line: '#T 1 {1         AO } 5',
      expected: ['#T', '1', ['1', 'AO'], '5'],
    },
    {
      name: 'several unquoted pairs',
      line: '#T 1 {1 Nord 6 0001} 5',
      expected: ['#T', '1', ['1', 'Nord', '6', '0001'], '5'],
    },
    {
      name: 'quoted pairs with no space before the brace',
      line: '#T 1 {"1" "Nord"}5',
      expected: ['#T', '1', ['1', 'Nord'], '5'],
    },
    {
      name: 'a list glued to the field before it',
      line: '#T 1{1 A} 5',
      expected: ['#T', '1', ['1', 'A'], '5'],
    },
    {
      name: 'a quoted id holding a brace',
      line: '#T 1 {1 "a}b"} 5',
      expected: ['#T', '1', ['1', 'a}b'], '5'],
    },
    { name: 'trailing spaces and a CR', line: '#FLAGGA 0  \r', expected: ['#FLAGGA', '0'] },
  ])('$name', ({ line, expected }) => {
    expect(fields(line)).toEqual(expected)
  })

  it.each([
    { name: 'a quote that is never closed', line: '#X "abc', reason: 'quote', column: 4 },
    { name: 'a quote escaped at the end of the line', line: '#X "abc\\"', reason: 'quote', column: 4 },
    { name: 'a list that is never closed', line: '#T 1 {1 A 5', reason: 'brace', column: 6 },
    { name: 'a list inside a list', line: '#T 1 {1 {A}} 5', reason: 'nested', column: 9 },
    { name: 'a quoted id never closed inside a list', line: '#T 1 {1 "A} 5', reason: 'quote', column: 9 },
  ])('fails on $name, naming the column', ({ line, reason, column }) => {
    expect(tokeniseLine(line)).toEqual({ ok: false, reason, column })
  })
})
