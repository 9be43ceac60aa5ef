import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { aggregate, parseSie, type SieFile } from '../../src/index.ts'

// Real-world exports, kept outside the repository (see ../shared/data/README.md); CI always has them.
const DIR = fileURLToPath(new URL('../../../../../shared/data/sie/', import.meta.url))
const present = existsSync(DIR)

interface Expectation {
  year: number
  sieType: 2 | 3 | 4
  company: string
  /** A name with å, ä or ö from the file: an account, or the program where there are no accounts. */
  swedish: { account: string; name: string } | { program: string }
  vouchers: number
  rows: number
  source: 'transactions' | 'balances'
  /** How the file's #PSALDO object rows relate to its {} rows (see `aggregate`). */
  shape: 'total' | 'partition'
  costCentres: string[]
  /** The one unbalanced voucher of a file, which is rejected unless the caller lets it through. */
  unbalancedAt?: number
}

const EXPECTED: Record<string, Expectation | { rejected: { code: string; line: number } }> = {
  'transaktioner_ovnbolag.se': {
    year: 2011,
    sieType: 4,
    company: 'Övningsbolaget AB (Ekonomi 60)',
    swedish: { account: '1050', name: 'Varumärken' },
    vouchers: 163,
    rows: 671,
    source: 'transactions',
    shape: 'total',
    costCentres: ['Nord', 'Syd'],
  },
  'objektsaldo_ovnbolag.se': {
    year: 2011,
    sieType: 3,
    company: 'Övningsbolaget AB (Ekonomi 60)',
    swedish: { account: '1060', name: 'Hyresrätt' },
    vouchers: 0,
    rows: 0,
    source: 'balances',
    shape: 'partition',
    costCentres: ['Nord', 'Syd'],
  },
  'periodsaldo_ovnbolag.se': {
    year: 2011,
    sieType: 2,
    company: 'Övningsbolaget AB (Ekonomi 60)',
    swedish: { account: '1060', name: 'Hyresrätt' },
    vouchers: 0,
    rows: 0,
    source: 'balances',
    shape: 'total',
    costCentres: [],
  },
  'urval_ovnbolag.si': {
    year: 2011,
    sieType: 4,
    company: 'Övningsbolaget AB (Ekonomi 60)',
    swedish: { account: '1059', name: 'Ack avskrivn varumärken' },
    vouchers: 16,
    rows: 51,
    source: 'transactions',
    shape: 'total',
    costCentres: ['Nord'],
  },
  'typ3.se': {
    year: 2012,
    sieType: 3,
    company: 'Övningsföretaget AB',
    swedish: { account: '1150', name: 'Markanläggningar' },
    vouchers: 0,
    rows: 0,
    source: 'balances',
    shape: 'total',
    costCentres: ['AO', 'IB', 'LS', 'YK'],
  },
  'typ4.se': {
    year: 2012,
    sieType: 4,
    company: 'Övningsföretaget AB',
    swedish: { account: '1119', name: 'Ack avskr på byggnader' },
    vouchers: 81,
    rows: 287,
    source: 'transactions',
    shape: 'total',
    costCentres: ['AO', 'IB', 'LS', 'YK'],
  },
  'XE_SIE_4_20151125095119.SE': {
    year: 2015,
    sieType: 4,
    company: 'Entreprenad AB',
    swedish: { account: '1060', name: 'Hyres-, tomträtter' },
    vouchers: 65,
    rows: 248,
    source: 'transactions',
    shape: 'total',
    costCentres: ['1', '10'],
    unbalancedAt: 1356,
  },
  'LON_Lonekorning.SI': {
    year: 2011,
    sieType: 4,
    company: 'Demoföretaget AB',
    swedish: { program: 'Kontek Lön' },
    vouchers: 1,
    rows: 25,
    source: 'transactions',
    shape: 'total',
    costCentres: ['100', '1234567890', '125', '200', '25', '300'],
  },
  'SIE4_Exempelfil_med_underdim.SE': {
    year: 2021,
    sieType: 4,
    company: 'Övningsbolaget AB',
    swedish: { account: '1150', name: 'Markanläggningar' },
    vouchers: 295,
    rows: 1330,
    source: 'transactions',
    shape: 'total',
    costCentres: ['Nord', 'Syd'],
  },
  'SIE4_Exempelfil_med_underdim_MOJIBAKE.SE': { rejected: { code: 'SIE_ENCODING', line: 6 } },
}

/**
 * A deliberately plain second computation of outcome and budget per account, cost centre (dimension
 * 1) and month, straight from the lines with regular expressions, sharing no code with the parser.
 */
function recompute(bytes: Uint8Array, shape: 'total' | 'partition'): Map<string, [bigint, bigint]> {
  const text = Buffer.from(bytes).toString('latin1') // only ASCII fields are read here
  const ore = (s: string) => {
    const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s)
    if (!m) throw new Error(`amount ${s}`)
    const v = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'))
    return m[1] ? -v : v
  }
  const centre = (list: string) => {
    const items = list.replaceAll('"', '').trim().split(/\s+/).filter(Boolean)
    for (let i = 0; i < items.length; i += 2) if (items[i] === '1') return items[i + 1] ?? ''
    return items.length ? 'other' : 'none'
  }
  // 'none' is an empty list, 'other' a list without a dimension 1 object: no cost centre either way.
  const plain = (c: string) => (c === 'none' || c === 'other' ? '' : c)
  const sums = new Map<string, [bigint, bigint]>()
  const add = (key: string, which: 0 | 1, value: bigint) => {
    const entry = sums.get(key) ?? [0n, 0n]
    entry[which] += value
    sums.set(key, entry)
  }
  let date = ''
  let hasTrans = false
  const balances: { kind: string; period: string; account: string; centre: string; amount: bigint }[] = []
  for (const line of text.split(/\r?\n/)) {
    const ver = /^\s*#VER\s+("[^"]*"|\S+)\s+("[^"]*"|\S+)\s+(\d{8})/.exec(line)
    if (ver) date = ver[3] ?? ''
    const trans = /^\s*#TRANS\s+(\S+)\s+\{([^}]*)\}\s+(\S+)(?:\s+(\d{8}))?/.exec(line)
    if (trans) {
      hasTrans = true
      const c = centre(trans[2] ?? '')
      const period = (trans[4] ?? date).slice(0, 6)
      add(`${trans[1]}|${plain(c)}|${period}`, 0, ore(trans[3] ?? ''))
    }
    const balance = /^\s*#(PSALDO|PBUDGET)\s+0\s+(\d{6})\s+(\S+)\s+\{([^}]*)\}\s+(\S+)/.exec(line)
    if (balance) {
      const [, kind = '', period = '', account = '', list = '', amount = ''] = balance
      balances.push({ kind, period, account, centre: centre(list), amount: ore(amount) })
    }
  }
  for (const kind of ['PSALDO', 'PBUDGET']) {
    if (kind === 'PSALDO' && hasTrans) continue
    const which = kind === 'PSALDO' ? 0 : 1
    const rows = balances.filter((b) => b.kind === kind)
    for (const b of rows) {
      if (shape === 'partition') add(`${b.account}|${plain(b.centre)}|${b.period}`, which, b.amount)
      else if (b.centre === 'none') add(`${b.account}||${b.period}`, which, b.amount)
      else if (b.centre !== 'other') {
        add(`${b.account}|${b.centre}|${b.period}`, which, b.amount)
        // The {} total includes this cost centre's share: what is left has no cost centre.
        if (rows.some((r) => r.account === b.account && r.period === b.period && r.centre === 'none')) {
          add(`${b.account}||${b.period}`, which, -b.amount)
        }
      }
    }
  }
  for (const [key, [o, b]] of sums) if (o === 0n && b === 0n) sums.delete(key)
  return sums
}

function perCentreAndMonth(entries: Iterable<[string, [bigint, bigint]]>): Record<string, string> {
  const totals: Record<string, [bigint, bigint]> = {}
  for (const [key, [o, b]] of entries) {
    const [, c, period] = key.split('|')
    const name = `${c || '(inget)'} ${period}`
    const t = totals[name] ?? [0n, 0n]
    totals[name] = [t[0] + o, t[1] + b]
  }
  return Object.fromEntries(Object.entries(totals).map(([k, [o, b]]) => [k, `${o} ${b}`]))
}

const names = present ? readdirSync(DIR).sort() : []

describe.skipIf(!present)('real SIE files in ../shared/data/sie', () => {
  it('has expectations for every file in the folder', () => {
    expect(names.filter((n) => !(n in EXPECTED))).toEqual([])
  })

  describe.each(names)('%s', (name) => {
    const bytes = readFileSync(`${DIR}${name}`)
    const expected = EXPECTED[name]
    if (expected === undefined) return
    if ('rejected' in expected) {
      it('is rejected with a clear message, never read as garbage', () => {
        const result = parseSie(bytes, { fileName: name })
        expect(result).toEqual({ ok: false, errors: [expect.objectContaining(expected.rejected)] })
        if (!result.ok)
          expect(result.errors[0]?.message).toMatch(/^Rad \d+: filen innehåller ersättningstecken/)
      })
      return
    }
    const options = { fileName: name, year: expected.year }
    const read = () => {
      const result = parseSie(bytes, { ...options, unbalancedVouchers: 'warning' })
      if (!result.ok) expect.fail(JSON.stringify(result.errors.slice(0, 5)))
      return result
    }

    it('is read, for its year, with Swedish names decoded', () => {
      const strict = parseSie(bytes, options)
      if (expected.unbalancedAt === undefined) expect(strict).toMatchObject({ ok: true, warnings: [] })
      else
        expect(strict).toEqual({
          ok: false,
          errors: [expect.objectContaining({ line: expected.unbalancedAt })],
        })
      const { file } = read()
      expect(file).toMatchObject({
        sieType: expected.sieType,
        encoding: 'cp437',
        companyName: expected.company,
      })
      if ('account' in expected.swedish) {
        const { account, name: accountName } = expected.swedish
        expect(file.accounts.find((a) => a.number === account)?.name).toBe(accountName)
      } else expect(file.program?.name).toBe(expected.swedish.program)
      expect(file.vouchers).toHaveLength(expected.vouchers)
      expect(file.vouchers.flatMap((v) => v.rows)).toHaveLength(expected.rows)
    })

    it('gives per cost centre and month the totals of an independent computation', () => {
      const result = aggregate(read().file, { year: expected.year })
      expect(result).toMatchObject({ outcomeSource: expected.source, objectBalances: expected.shape })
      const ours = result.rows.map((r): [string, [bigint, bigint]] => [
        `${r.account}|${r.costCentre ?? ''}|${r.period}`,
        [r.outcomeOre, r.budgetOre],
      ])
      const theirs = recompute(bytes, expected.shape)
      expect(perCentreAndMonth(ours)).toEqual(perCentreAndMonth(theirs))
      expect(new Map(ours)).toEqual(theirs)
      const centres = [...new Set(result.rows.map((r) => r.costCentre).filter((c) => c !== null))].sort()
      expect(centres).toEqual(expected.costCentres)
    })

    it('adds up, per result account, to the file’s own #RES for the year', () => {
      const { file } = read()
      const byAccount = new Map<string, bigint>()
      for (const r of aggregate(file, { year: expected.year }).rows) {
        byAccount.set(r.account, (byAccount.get(r.account) ?? 0n) + r.outcomeOre)
      }
      for (const res of file.yearBalances.filter((b) => b.kind === 'RES' && b.year === 0)) {
        expect([res.account, byAccount.get(res.account) ?? 0n]).toEqual([res.account, res.amountOre])
      }
    })
  })

  describe.skipIf(!names.includes('objektsaldo_ovnbolag.se'))('across files of the same ledger', () => {
    const load = (name: string): SieFile => {
      const result = parseSie(readFileSync(`${DIR}${name}`))
      if (!result.ok) throw new Error(name)
      return result.file
    }
    const perAccount = (file: SieFile, outcomeSource: 'balances' | 'transactions') => {
      const totals = new Map<string, bigint>()
      for (const r of aggregate(file, { year: 2011, outcomeSource }).rows) {
        const key = `${r.account} ${r.period}`
        totals.set(key, (totals.get(key) ?? 0n) + r.outcomeOre)
      }
      for (const [k, v] of totals) if (v === 0n) totals.delete(k)
      return totals
    }

    it('object balances summed over cost centres equal the period balances of the type 2 file', () => {
      const periods = perAccount(load('periodsaldo_ovnbolag.se'), 'balances')
      expect(perAccount(load('objektsaldo_ovnbolag.se'), 'balances')).toEqual(periods)
    })

    it('the vouchers of the type 4 file equal its own period balances', () => {
      const file = load('transaktioner_ovnbolag.se')
      expect(perAccount(file, 'transactions')).toEqual(perAccount(file, 'balances'))
    })
  })
})
