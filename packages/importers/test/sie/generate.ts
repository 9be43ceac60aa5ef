import fc from 'fast-check'
import { cp437 } from './helpers.ts'

/**
 * A generator of valid SIE files for property tests: a small ledger (accounts, cost centres,
 * balanced vouchers, budgets, standard-shaped object balances) as a model, written out as SIE
 * text by this file's own little writer with the real-world variations of spacing, quoting and
 * line ends. The model's own sums are what `aggregate` must give back.
 */

export interface Ledger {
  accounts: string[]
  centres: string[]
  vouchers: {
    date: string
    rows: { account: string; centre: string | null; ore: bigint; date: string | null }[]
  }[]
  /** #PBUDGET and #PSALDO per cost centre; `rest` is the part of the {} total without one. */
  budgets: (Line & { rest: bigint })[]
  balances: (Line & { rest: bigint })[]
}

interface Line {
  account: string
  centre: string | null
  period: string
  ore: bigint
}

export interface Style {
  separator: string
  newline: string
  quoteIds: boolean
  decimals: 0 | 1 | 2
  emptyList: string
}

const day = fc.integer({ min: 1, max: 365 }).map((n) => {
  const d = new Date(Date.UTC(2024, 0, n))
  return d.toISOString().slice(0, 10).replaceAll('-', '')
})
const month = fc.integer({ min: 1, max: 12 }).map((m) => `2024${String(m).padStart(2, '0')}`)
const ore = fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n })
const idChar = fc.constantFrom(...'ABCNordSyd0123456789ÅÄÖåäö-_'.split(''))

export const style: fc.Arbitrary<Style> = fc.record({
  separator: fc.constantFrom(' ', '\t', '   '),
  newline: fc.constantFrom('\n', '\r\n'),
  quoteIds: fc.boolean(),
  decimals: fc.constantFrom(0, 1, 2),
  emptyList: fc.constantFrom('{}', '{ }'),
})

export const ledger: fc.Arbitrary<Ledger> = fc
  .record({
    accounts: fc.uniqueArray(fc.integer({ min: 1000, max: 8999 }).map(String), {
      minLength: 2,
      maxLength: 6,
    }),
    centres: fc.uniqueArray(fc.string({ unit: idChar, minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .chain(({ accounts, centres }) => {
    const account = fc.constantFrom(...accounts)
    const centre = fc.option(fc.constantFrom(...centres), { nil: null })
    const row = fc.record({ account, centre, ore, date: fc.option(day, { nil: null }) })
    const voucher = fc.record({ date: day, rows: fc.array(row, { minLength: 1, maxLength: 5 }) }).map((v) => {
      // The last row balances the voucher, as a bank or ledger row would.
      const sum = v.rows.reduce((s, r) => s + r.ore, 0n)
      return {
        ...v,
        rows: [...v.rows, { account: accounts[0] ?? '1930', centre: null, ore: -sum, date: null }],
      }
    })
    const line = fc.record({ account, centre, period: month, ore, rest: ore })
    // One line per account, cost centre and month, as an export writes them.
    const unique = <T extends Line>(items: T[]) => [
      ...new Map(items.map((i) => [`${i.account}|${i.centre}|${i.period}`, i])).values(),
    ]
    return fc.record({
      accounts: fc.constant(accounts),
      centres: fc.constant(centres),
      vouchers: fc.array(voucher, { maxLength: 6 }),
      budgets: fc.array(line, { maxLength: 8 }).map(unique),
      balances: fc
        .array(fc.record({ account, centre, period: month, ore, rest: ore }), { maxLength: 8 })
        .map(unique),
    })
  })

function amount(value: bigint, decimals: Style['decimals']): string {
  const sign = value < 0n ? '-' : ''
  const abs = value < 0n ? -value : value
  const cents = abs % 100n
  const whole = `${sign}${abs / 100n}`
  if (cents === 0n && decimals === 0) return whole
  if (cents % 10n === 0n && decimals < 2) return `${whole}.${cents / 10n}`
  return `${whole}.${cents.toString().padStart(2, '0')}`
}

/** The records of a ledger as text, one entry per record (a voucher with its block is one entry). */
export function records(l: Ledger, s: Style): string[] {
  const sep = s.separator
  const id = (c: string) => (s.quoteIds ? `"${c}"` : c)
  const list = (c: string | null) => (c === null ? s.emptyList : `{1${sep}${id(c)}}`)
  const out = [
    `#FLAGGA${sep}0`,
    `#FORMAT${sep}PC8`,
    `#SIETYP${sep}4`,
    `#PROGRAM${sep}"Generatorn"${sep}1.0`,
    `#GEN${sep}20240115`,
    `#FNAMN${sep}"Testkommunen"`,
    `#RAR${sep}0${sep}20240101${sep}20241231`,
    `#DIM${sep}1${sep}"Kostnadsställe"`,
    ...l.accounts.map((a) => `#KONTO${sep}${a}${sep}"Konto ${a}"`),
    ...l.centres.map((c) => `#OBJEKT${sep}1${sep}${id(c)}${sep}"Enhet ${c}"`),
  ]
  // Standard object balances: one {} total per account and month, and the cost centres' shares.
  const standard = (kind: string, lines: Ledger['balances']) => {
    const totals = new Map<string, bigint>()
    for (const b of lines) {
      const key = `${b.account} ${b.period}`
      totals.set(key, (totals.get(key) ?? 0n) + (b.centre === null ? b.rest : b.ore + b.rest))
      if (b.centre !== null)
        out.push(`#${kind} 0 ${b.period} ${b.account} ${list(b.centre)} ${amount(b.ore, s.decimals)}`)
    }
    for (const [key, total] of totals) {
      const [account, period] = key.split(' ')
      out.push(`#${kind} 0 ${period} ${account} ${s.emptyList} ${amount(total, s.decimals)}`)
    }
    return totals
  }
  standard('PBUDGET', l.budgets)
  const results = new Map<string, bigint>()
  for (const [key, total] of standard('PSALDO', l.balances)) {
    const account = key.split(' ')[0] ?? ''
    results.set(account, (results.get(account) ?? 0n) + total)
  }
  // The year's result per account is the sum of the {} totals, as in a standard type 3 file.
  for (const [account, total] of results) out.push(`#RES 0 ${account} ${amount(total, s.decimals)}`)
  l.vouchers.forEach((v, i) => {
    const rows = v.rows.map(
      (r) =>
        `${sep}#TRANS${sep}${r.account}${sep}${list(r.centre)}${sep}${amount(r.ore, s.decimals)}${r.date ? sep + r.date : ''}`,
    )
    out.push(
      [`#VER${sep}A${sep}${i + 1}${sep}${v.date}${sep}"Ver ${i + 1}"`, '{', ...rows, '}'].join(s.newline),
    )
  })
  return out
}

export function toBytes(entries: string[], s: Style): Uint8Array {
  return cp437(entries.join(s.newline) + s.newline)
}

/** What `aggregate` must give for the ledger: outcome from vouchers when any, else from #PSALDO. */
export function expectedRows(l: Ledger): [string, string | null, string, bigint, bigint][] {
  const sums = new Map<string, [string, string | null, string, bigint, bigint]>()
  const add = (account: string, centre: string | null, period: string, which: 3 | 4, value: bigint) => {
    const key = `${account}\u0000${centre ?? ''}\u0000${period}`
    const row = sums.get(key) ?? [account, centre, period, 0n, 0n]
    row[which] += value
    sums.set(key, row)
  }
  for (const v of l.vouchers)
    for (const r of v.rows) add(r.account, r.centre, (r.date ?? v.date).slice(0, 6), 3, r.ore)
  const standard = (lines: Ledger['balances'], which: 3 | 4) => {
    for (const b of lines) {
      if (b.centre !== null) add(b.account, b.centre, b.period, which, b.ore)
      add(b.account, null, b.period, which, b.rest)
    }
  }
  if (l.vouchers.length === 0) standard(l.balances, 3)
  standard(l.budgets, 4)
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return [...sums.values()]
    .filter((r) => r[3] !== 0n || r[4] !== 0n)
    .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1] ?? '', b[1] ?? '') || cmp(a[2], b[2]))
}
