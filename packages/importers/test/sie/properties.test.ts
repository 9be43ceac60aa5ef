import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregate, parseSie, type SieFile, writeSie } from '../../src/index.ts'
import { expectedRows, ledger, records, style, toBytes } from './generate.ts'
import { cp437, withoutLines } from './helpers.ts'

const RUNS = { numRuns: 1_000, seed: 20_261_124 }

function read(bytes: Uint8Array, year?: number): SieFile {
  const result = parseSie(bytes, year === undefined ? {} : { year })
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)))
  return result.file
}

const tuples = (file: SieFile) =>
  aggregate(file, { year: 2024 }).rows.map((r) => [
    r.account,
    r.costCentre,
    r.period,
    r.outcomeOre,
    r.budgetOre,
  ])

describe('generated files', () => {
  it('are read back to the generator’s own sums per account, cost centre and month', () => {
    fc.assert(
      fc.property(ledger, style, (l, s) => {
        expect(tuples(read(toBytes(records(l, s), s), 2024))).toEqual(expectedRows(l))
      }),
      RUNS,
    )
  })

  it('give the same result whatever the order of their records', () => {
    const shuffled = fc.tuple(ledger, style).chain(([l, s]) => {
      const entries = records(l, s)
      const n = entries.length
      return fc.tuple(
        fc.constant(entries),
        fc.constant(s),
        fc.shuffledSubarray(entries, { minLength: n, maxLength: n }),
      )
    })
    fc.assert(
      fc.property(shuffled, ([entries, s, reordered]) => {
        const original = read(toBytes(entries, s))
        const moved = read(toBytes(reordered, s))
        expect(tuples(moved)).toEqual(tuples(original))
        const byNumber = (f: SieFile) => f.accounts.map((a) => `${a.number} ${a.name}`).sort()
        expect(byNumber(moved)).toEqual(byNumber(original))
      }),
      RUNS,
    )
  })
})

// Texts with everything a field can hold: quotes, backslashes, TABs, braces, Swedish letters.
const text = fc.string({ unit: fc.constantFrom(...'aZ 09"\\\tåäöÅÄÖéü{}#.,-'.split('')), maxLength: 12 })
const id = fc
  .string({ unit: fc.constantFrom(...'AZ09"\\{}åÖ-'.split('')), minLength: 1, maxLength: 6 })
  .map((s) => s.trim())
  .filter((s) => s !== '')
const q = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`
const day = fc
  .integer({ min: 1, max: 366 })
  .map((n) => new Date(Date.UTC(2024, 0, n)).toISOString().slice(0, 10).replaceAll('-', ''))
const ore = fc.bigInt({ min: -1_000_000_000_000n, max: 1_000_000_000_000n })
const amount = (v: bigint) =>
  `${v < 0n ? '-' : ''}${(v < 0n ? -v : v) / 100n}.${((v < 0n ? -v : v) % 100n).toString().padStart(2, '0')}`
const quantity = fc.option(fc.constantFrom('1', '1.5', '-2.00', '10.000000'), { nil: null })
const objects = fc.array(fc.record({ dimension: fc.integer({ min: 1, max: 99 }), id }), { maxLength: 3 })
const list = (os: { dimension: number; id: string }[]) =>
  `{${os.map((o) => `${o.dimension} ${q(o.id)}`).join(' ')}}`

/** A file using every record the parser reads, written as text by hand here. */
const richFile = fc
  .record({
    head: fc.tuple(text, text, text, text, text),
    accounts: fc.uniqueArray(fc.integer({ min: 1000, max: 9999 }).map(String), {
      minLength: 1,
      maxLength: 5,
    }),
    names: fc.array(text, { minLength: 5, maxLength: 5 }),
    types: fc.array(fc.constantFrom('T', 'S', 'K', 'I', null), { minLength: 5, maxLength: 5 }),
    dims: fc.array(
      fc.tuple(fc.integer({ min: 1, max: 99 }), text, fc.option(fc.integer({ min: 1, max: 99 }))),
      { maxLength: 4 },
    ),
    objects: fc.array(fc.tuple(fc.integer({ min: 1, max: 99 }), id, text), { maxLength: 4 }),
    years: fc.array(
      fc.tuple(fc.constantFrom('IB', 'UB', 'RES'), fc.integer({ min: -1, max: 0 }), ore, quantity),
      { maxLength: 4 },
    ),
    periods: fc.array(
      fc.tuple(fc.constantFrom('PSALDO', 'PBUDGET'), fc.integer({ min: 1, max: 12 }), objects, ore, quantity),
      { maxLength: 4 },
    ),
    vouchers: fc.array(
      fc.record({
        head: fc.tuple(text, text, day, text, fc.option(day, { nil: null })),
        rows: fc.array(
          fc.tuple(
            fc.constantFrom('TRANS', 'RTRANS', 'BTRANS'),
            objects,
            ore,
            fc.option(day, { nil: null }),
            fc.option(text, { nil: null }),
            quantity,
          ),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 3 },
    ),
  })
  .map((f) => {
    const [company, program, version, by, orgNumber] = f.head
    const account = (i: number) => f.accounts[i % f.accounts.length] ?? '1930'
    const out = [
      '#FLAGGA 1',
      `#PROGRAM ${q(program)} ${q(version)}`,
      '#FORMAT PC8',
      `#GEN 20240301 ${q(by)}`,
      '#SIETYP 4',
    ]
    out.push(
      `#FNAMN ${q(company)}`,
      `#ORGNR ${q(orgNumber)}`,
      '#RAR 0 20240101 20241231',
      '#RAR -1 20230101 20231231',
    )
    f.accounts.forEach((a, i) => {
      out.push(`#KONTO ${a} ${q(f.names[i] ?? '')}`)
      if (f.types[i]) out.push(`#KTYP ${a} ${f.types[i]}`)
    })
    for (const [n, name, parent] of f.dims)
      out.push(parent === null ? `#DIM ${n} ${q(name)}` : `#UNDERDIM ${n} ${q(name)} ${parent}`)
    for (const [d, oid, name] of f.objects) out.push(`#OBJEKT ${d} ${q(oid)} ${q(name)}`)
    f.years.forEach(([kind, year, v, qty], i) => {
      out.push(`#${kind} ${year} ${account(i)} ${amount(v)} ${qty ?? ''}`)
    })
    f.periods.forEach(([kind, m, os, v, qty], i) => {
      out.push(
        `#${kind} 0 2024${String(m).padStart(2, '0')} ${account(i)} ${list(os)} ${amount(v)} ${qty ?? ''}`,
      )
    })
    for (const v of f.vouchers) {
      const [series, number, date, vtext, registeredOn] = v.head
      out.push(`#VER ${q(series)} ${q(number)} ${date} ${q(vtext)} ${registeredOn ?? ''}`, '{')
      let sum = 0n
      v.rows.forEach(([kind, os, value, rdate, rtext, qty], i) => {
        if (kind === 'TRANS') sum += value
        out.push(
          `  #${kind} ${account(i)} ${list(os)} ${amount(value)} ${rdate ?? '""'} ${rtext === null ? '""' : q(rtext)} ${qty ?? ''}`,
        )
      })
      out.push(`  #TRANS ${account(0)} {} ${amount(-sum)}`, '}')
    }
    return `${out.join('\r\n')}\r\n`
  })

describe('the writer', () => {
  it('round-trips every record: read, write, read gives the same structure', () => {
    fc.assert(
      fc.property(richFile, (source) => {
        const first = read(cp437(source))
        const written = writeSie(first)
        const second = read(written)
        expect(withoutLines(second)).toEqual(withoutLines(first))
        expect(writeSie(second)).toEqual(written)
      }),
      RUNS,
    )
  })

  it('round-trips generated ledgers to the same sums', () => {
    fc.assert(
      fc.property(ledger, style, (l, s) => {
        const first = read(toBytes(records(l, s), s))
        expect(tuples(read(writeSie(first)))).toEqual(tuples(first))
      }),
      RUNS,
    )
  })
})
