import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, type TestDatabase, testEngines } from '@arshjul/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { arshjul } from './support.ts'

const SIE_DIR = new URL('../../../../shared/data/sie/', import.meta.url).pathname

describe.each(testEngines())('arshjul import sie / economy export (%s)', (engine) => {
  let env: Record<string, string>
  let t: TestDatabase | null = null
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arshjul-cli-'))
    if (engine === 'postgres') {
      t = await createTestDatabase('postgres')
      env = { DATABASE_URL: t.url ?? '' }
    } else {
      env = { ARSHJUL_DATA_DIR: join(dir, 'data') }
    }
    const seeded = arshjul(env, 'seed', 'demo')
    expect(seeded.status, seeded.stderr).toBe(0)
  }, 180_000)
  afterAll(async () => {
    await t?.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it.skipIf(!existsSync(SIE_DIR))(
    'imports a ledger, refuses a broken one in Swedish, and exports the same figures',
    () => {
      const file = join(SIE_DIR, 'typ4.se')
      const refused = arshjul(env, 'import', 'sie', file, '--municipality', '2580', '--year', '2012')
      expect(refused.status).toBe(1)
      expect(refused.stderr).toMatch(/ansvar som Årshjul inte känner till/)
      const done = arshjul(
        env,
        'import',
        'sie',
        file,
        '--municipality',
        '2580',
        '--year',
        '2012',
        '--accept-new-cost-centres',
      )
      expect(done.status, done.stderr).toBe(0)
      expect(done.stdout).toMatch(/Importerade 48 belopp/)

      const broken = arshjul(
        env,
        'import',
        'sie',
        join(SIE_DIR, 'SIE4_Exempelfil_med_underdim_MOJIBAKE.SE'),
        '--municipality',
        '2580',
        '--year',
        '2021',
      )
      expect(broken.status).toBe(1)
      expect(broken.stderr).toMatch(/rad 6: .*teckenkodning/)

      const out = join(dir, 'ekonomi-2012.csv')
      const exported = arshjul(
        env,
        'economy',
        'export',
        '--municipality',
        '2580',
        '--year',
        '2012',
        '--format',
        'csv',
        '-o',
        out,
      )
      expect(exported.status, exported.stderr).toBe(0)
      const lines = readFileSync(out, 'utf8')
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
      expect(lines[0]).toBe('År;Månad;Mått;Ansvar;Konto;Kontogrupp;Verksamhet;Uppföljning;Belopp')
      expect(lines).toHaveLength(49)
      const wrongFormat = arshjul(
        env,
        'economy',
        'export',
        '--municipality',
        '2580',
        '--year',
        '2012',
        '--format',
        'pdf',
      )
      expect(wrongFormat.status).toBe(1)
      expect(wrongFormat.stderr).toMatch(/Formatet pdf stöds inte/)
    },
    180_000,
  )
})
