import { existsSync, readdirSync, readFileSync } from 'node:fs'
import {
  createTestDatabase,
  createTestMunicipality,
  type MunicipalityContext,
  type TestDatabase,
  testEngines,
} from '@arshjul/db'
import { AppError, defaultAccountGroups } from '@arshjul/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commitEconomyImport, exportOperatingCsv, previewEconomyImport } from '../src/index.ts'

const SIE_DIR = new URL('../../../../shared/data/sie/', import.meta.url)
const actor = { id: null, name: 'Testkörning' }

/** Exact öre from a SIE amount such as "-1234.5" — string arithmetic, no binary floats. */
function oreOf(text: string): bigint {
  const m = /^(-?)(\d*)(?:\.(\d{0,2}))?$/.exec(text)
  if (!m) throw new Error(`amount ${text}`)
  const whole = BigInt(m[2] || '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0')
  return m[1] === '-' ? -whole : whole
}

/** The SIE fields of a line: quoted strings, {…} object lists and bare words. */
function fields(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|\{[^}]*\}|\S+/g)].map((m) => m[1] ?? m[0])
}

/** Dimension 1 of an object list such as {1 "0110" 6 "P1"}, or null. */
function costCentreOf(list: string): string | null {
  const parts = fields(list.replace(/^\{|\}$/g, ''))
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === '1') return (parts[i + 1] ?? '').trim()
  return null
}

/**
 * An independent reading of a SIE file — line by line with regular expressions, none of the
 * importer's code — giving outcome per cost centre and month for result accounts (classes 3–8) of
 * the fiscal year: from #TRANS rows when the file has vouchers, else from #PSALDO rows with a
 * dimension-1 object.
 */
function independentOutcome(text: string, start: string, end: string): Map<string, bigint> {
  const sums = new Map<string, bigint>()
  const add = (centre: string | null, yyyymm: string, account: string, ore: bigint) => {
    if (!/^[3-8]/.test(account)) return
    if (yyyymm < start.slice(0, 6) || yyyymm > end.slice(0, 6)) return
    const key = `${centre ?? ''}|${yyyymm}`
    sums.set(key, (sums.get(key) ?? 0n) + ore)
  }
  const lines = text.split(/\r?\n/)
  const hasVouchers = lines.some((l) => /^\s*#TRANS\s/.test(l))
  let voucherDate = ''
  for (const line of lines) {
    const f = fields(line.trim())
    if (f[0] === '#VER') voucherDate = f[3] ?? ''
    if (hasVouchers && f[0] === '#TRANS') {
      // #TRANS account {objects} amount [transdat] [text]: a row's own date wins over its voucher's.
      const date = f[4] && /^\d{8}$/.test(f[4]) ? f[4] : voucherDate
      add(costCentreOf(f[2] ?? '{}'), date.slice(0, 6), f[1] ?? '', oreOf(f[3] ?? '0'))
    }
    if (!hasVouchers && f[0] === '#PSALDO' && f[1] === '0') {
      const centre = costCentreOf(f[4] ?? '{}')
      if (centre !== null) add(centre, f[2] ?? '', f[3] ?? '', oreOf(f[5] ?? '0'))
    }
  }
  return sums
}

const sieFiles = existsSync(SIE_DIR) ? readdirSync(SIE_DIR).sort() : []

describe.each(testEngines())('SIE import into the economy tables (%s)', (engine) => {
  let t: TestDatabase
  let municipality: MunicipalityContext

  beforeAll(async () => {
    t = await createTestDatabase(engine)
    municipality = await createTestMunicipality(t.db, '9999')
  })
  afterAll(async () => {
    await t.dispose()
  })

  it.skipIf(sieFiles.length === 0).each(sieFiles)(
    '%s: loads (or is refused clearly) and matches an independent sum',
    async (name) => {
      const bytes = new Uint8Array(readFileSync(new URL(name, SIE_DIR)))
      const text = new TextDecoder('latin1').decode(bytes)
      const rar = /#RAR\s+0\s+(\d{8})\s+(\d{8})/.exec(text)
      const firstDate = /#VER\s+\S+\s+\S+\s+(\d{8})/.exec(text)?.[1] ?? '20200101'
      const [start, end] = rar
        ? [rar[1] as string, rar[2] as string]
        : [`${firstDate.slice(0, 4)}0101`, `${firstDate.slice(0, 4)}1231`]
      const year = Number(start.slice(0, 4))
      const request = {
        kind: 'sie' as const,
        year,
        fileName: name,
        bytes,
        municipality,
        board: null,
        allowUnbalanced: name.startsWith('XE_'),
      }

      if (name.includes('MOJIBAKE')) {
        const refused = await previewEconomyImport(t.db, request).catch((e: unknown) => e)
        expect(refused).toBeInstanceOf(AppError)
        expect((refused as AppError).details?.[0]?.message).toMatch(/teckenkodning/)
        return
      }
      const preview = await previewEconomyImport(t.db, request)
      expect(preview.rowCount).toBeGreaterThan(0)
      // Without accepting them, unknown cost centres stop the import and nothing is written.
      if (preview.unknownCostCentres.length > 0) {
        await expect(
          commitEconomyImport(t.db, { ...request, acceptNewCostCentres: false, actor }),
        ).rejects.toThrow(/ansvar/)
      }
      const result = await commitEconomyImport(t.db, {
        ...request,
        expectedSha256: preview.sha256,
        acceptNewCostCentres: true,
        actor,
      })
      expect(result.rowCount).toBe(preview.rowCount)

      const stored = await t.db.query<{
        cost_centre: string | null
        year: number
        month: number
        sum: string
      }>(
        `SELECT cost_centre, year, month, sum(amount_ore)::text AS sum FROM economy_amounts
        WHERE import_id = $1 AND measure = 'outcome' GROUP BY cost_centre, year, month`,
        [result.importId],
      )
      const mine = new Map(
        stored.map((r) => [
          `${r.cost_centre ?? ''}|${r.year}${String(r.month).padStart(2, '0')}`,
          BigInt(r.sum),
        ]),
      )
      const expected = independentOutcome(text, start, end)
      const hasVouchers = /^\s*#TRANS\s/m.test(text)
      for (const [key, ore] of expected) {
        if (ore === 0n) continue
        expect({ key, ore: mine.get(key) ?? 0n }).toEqual({ key, ore })
      }
      if (hasVouchers) {
        // Every stored cell is accounted for by the independent reading (nothing extra, nothing lost).
        for (const [key, ore] of mine) expect({ key, ore }).toEqual({ key, ore: expected.get(key) ?? 0n })
      }
    },
  )

  it('loading the same file again replaces the import and never duplicates', async () => {
    const name = 'transaktioner_ovnbolag.se'
    if (!sieFiles.includes(name)) return
    const bytes = new Uint8Array(readFileSync(new URL(name, SIE_DIR)))
    const request = { kind: 'sie' as const, year: 2011, fileName: name, bytes, municipality, board: null }
    const count = async () =>
      Number(
        (
          await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM economy_amounts WHERE year = 2011`)
        )[0]?.n,
      )
    const first = await commitEconomyImport(t.db, { ...request, acceptNewCostCentres: true, actor })
    const before = await count()
    const preview = await previewEconomyImport(t.db, request)
    expect(preview.replaces?.fileName).toBe(name)
    expect(preview.changes).toEqual([])
    const second = await commitEconomyImport(t.db, { ...request, acceptNewCostCentres: true, actor })
    expect(second.replaced).toBe(true)
    expect(second.importId).not.toBe(first.importId)
    expect(await count()).toBe(before)
  })

  it('a changed file after the preview is a conflict, and a broken file writes nothing', async () => {
    const name = 'typ4.se'
    if (!sieFiles.includes(name)) return
    const bytes = new Uint8Array(readFileSync(new URL(name, SIE_DIR)))
    const request = { kind: 'sie' as const, year: 2012, fileName: name, bytes, municipality, board: null }
    await expect(
      commitEconomyImport(t.db, {
        ...request,
        expectedSha256: 'f'.repeat(64),
        acceptNewCostCentres: true,
        actor,
      }),
    ).rejects.toThrow(/förhandsgranskades/)
    const broken = new TextEncoder().encode(
      '#FLAGGA 0\n#SIETYP 4\n#RAR 0 20120101 20121231\n#VER A 1 20120105 "x"\n{\n#TRANS 3010 {} -100.00\n}\n',
    )
    const refused = await commitEconomyImport(t.db, {
      ...request,
      fileName: 'obalans.se',
      bytes: broken,
      acceptNewCostCentres: true,
      actor,
    }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).details?.some((d) => d.line !== undefined)).toBe(true)
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM economy_imports WHERE file_name = 'obalans.se'`,
    )
    expect(row?.n).toBe(0)
  })

  // Exports what the conformance files loaded above (2011 is transaktioner_ovnbolag.se's year).
  it.skipIf(!sieFiles.includes('transaktioner_ovnbolag.se'))(
    'exports outcome and budget per cost centre, account and month with exact sums',
    async () => {
      const csv = await exportOperatingCsv(t.db, municipality, 2011)
      const lines = csv
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
      expect(lines[0]).toBe('År;Månad;Mått;Ansvar;Konto;Kontogrupp;Verksamhet;Uppföljning;Belopp')
      const [total] = await t.db.query<{ sum: string }>(
        `SELECT sum(amount_ore)::text AS sum FROM economy_amounts a JOIN municipalities m ON m.id = a.municipality_id
        WHERE m.code = '9999' AND a.year = 2011`,
      )
      // Costs negative in this municipality: the export flips the ledger's sign; summing it back gives the total.
      const exported = lines.slice(1).reduce((sum, line) => {
        const amount = line.split(';')[8] ?? '0'
        return sum + oreOf(amount.replace(',', '.'))
      }, 0n)
      expect(-exported).toBe(BigInt(total?.sum ?? '0'))
      expect(lines.some((l) => l.includes(';Utfall;'))).toBe(true)
      expect(lines.some((l) => l.includes(';Periodbudget;'))).toBe(true)
      expect(defaultAccountGroups.length).toBeGreaterThan(0)
    },
  )

  it('reads SCB activity codes from a ledger dimension, and refuses unknown codes', async () => {
    const ledger = (activity: string) =>
      new TextEncoder().encode(
        [
          '#FLAGGA 0',
          '#SIETYP 4',
          '#RAR 0 20240101 20241231',
          '#DIM 1 "Ansvar"',
          '#DIM 7 "Verksamhet"',
          '#OBJEKT 1 "V1" "Vård"',
          `#OBJEKT 7 "${activity}" "Verksamhet"`,
          '#VER A 1 20240215 "Lön"',
          '{',
          `#TRANS 5010 {1 "V1" 7 "${activity}"} 1500.25`,
          '#TRANS 1930 {} -1500.25',
          '}',
          '',
        ].join('\n'),
      )
    const request = {
      kind: 'sie' as const,
      year: 2024,
      fileName: 'verksamhet.se',
      municipality,
      board: null,
      activityDimension: 7,
    }
    const done = await commitEconomyImport(t.db, {
      ...request,
      bytes: ledger('220'),
      acceptNewCostCentres: true,
      actor,
    })
    const [row] = await t.db.query<{ activity_code: string; cost_centre: string; sum: string }>(
      `SELECT activity_code, cost_centre, sum(amount_ore)::text AS sum FROM economy_amounts WHERE import_id = $1
        GROUP BY activity_code, cost_centre`,
      [done.importId],
    )
    expect(row).toEqual({ activity_code: '220', cost_centre: 'V1', sum: '150025' })
    const refused = await previewEconomyImport(t.db, { ...request, bytes: ledger('999') }).catch(
      (e: unknown) => e,
    )
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).userMessage).toMatch(/verksamhetskoder .*999/)
  })
})
