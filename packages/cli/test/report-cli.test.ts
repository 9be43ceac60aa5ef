import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, type TestDatabase, testEngines } from '@arshjul/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { arshjul } from './support.ts'

describe.each(testEngines())('arshjul report (%s)', (engine) => {
  let env: Record<string, string>
  let t: TestDatabase | null = null
  let dir: string
  const lulea = ['--municipality', '2580', '--board', 'ks']

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arshjul-report-'))
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

  it('writes Luleå KS annual report 2024 in each format, and says what it checked', () => {
    const magic = { pdf: '%PDF-', docx: 'PK\u0003\u0004', xlsx: 'PK\u0003\u0004', html: '<!doc' } as const
    for (const format of ['pdf', 'docx', 'xlsx', 'html'] as const) {
      const out = join(dir, `ks-2024.${format}`)
      const run = arshjul(
        env,
        'report',
        ...lulea,
        '--kind',
        'annual',
        '--year',
        '2024',
        '--format',
        format,
        '--out',
        out,
      )
      expect(run.status, run.stderr).toBe(0)
      expect(run.stdout).toMatch(/Skrev .*ks-2024\.\w+: Verksamhetsberättelse 2024, Kommunstyrelsen/)
      // The validator's notes come along: the source printed the budget as −281,8.
      expect(run.stdout).toContain(
        'Notering: Sammanställningen Nettokostnader, Kommunbidrag och Resultat i 5.1',
      )
      expect(readFileSync(out).subarray(0, magic[format].length).toString('latin1').toLowerCase()).toBe(
        magic[format].toLowerCase(),
      )
    }
    // No temporary file is left beside the outputs.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('compiles the boards’ annual reports of a year into one document', () => {
    const out = join(dir, 'sammanstallning.pdf')
    const run = arshjul(
      env,
      'report',
      '--municipality',
      '0580',
      '--compilation',
      '--year',
      '2024',
      '--out',
      out,
    )
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('Nämndernas verksamhetsberättelser 2024, Linköpings kommun')
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const none = arshjul(
      env,
      'report',
      '--municipality',
      '0580',
      '--compilation',
      '--year',
      '2019',
      '--out',
      out,
    )
    expect(none.status).toBe(1)
    expect(none.stderr).toContain('Ingen nämnd i Linköpings kommun har en verksamhetsberättelse för 2019.')
  })

  it('finds the follow-up by kind and year, or by key, and refuses in Swedish without writing', () => {
    const plan = join(dir, 'vp.pdf')
    const byKey = arshjul(env, 'report', ...lulea, '--follow-up', 'ksf-2025-vp', '--out', plan)
    expect(byKey.status, byKey.stderr).toBe(0)
    expect(byKey.stdout).toContain('Verksamhetsplan 2025')

    const none = join(dir, 'none.pdf')
    const missing = arshjul(env, 'report', ...lulea, '--kind', 'annual', '--year', '2019', '--out', none)
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('Kommunstyrelsen har ingen verksamhetsberättelse för 2019.')
    const board = arshjul(
      env,
      'report',
      '--municipality',
      '2580',
      '--board',
      'xx',
      '--follow-up',
      'a',
      '--out',
      none,
    )
    expect(board.status).toBe(1)
    expect(board.stderr).toContain('Nämnden "xx" finns inte i kommun 2580.')
    const format = arshjul(
      env,
      'report',
      ...lulea,
      '--follow-up',
      'ks-2024-vb',
      '--format',
      'odt',
      '--out',
      none,
    )
    expect(format.status).not.toBe(0)
    expect(existsSync(none)).toBe(false)
  })
})
