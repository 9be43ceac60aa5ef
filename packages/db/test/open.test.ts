import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatabaseOpenError, openDatabase, redact } from '../src/index.ts'

describe('opening the database', () => {
  it('stops with one clear line when the data directory is a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arshjul-open-'))
    try {
      const file = join(dir, 'not-a-dir')
      await writeFile(file, 'x')
      const error = await openDatabase({ dataDir: file }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DatabaseOpenError)
      expect((error as Error).message).toMatch(/^Datakatalogen .* går inte att använda/)
      expect((error as Error).message).not.toContain('\n')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('stops with one clear line when PostgreSQL does not answer', async () => {
    const error = await openDatabase({ databaseUrl: 'postgres://arshjul:hemligt@127.0.0.1:1/x' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as Error).message).toMatch(/^PostgreSQL på .* svarar inte/)
    expect((error as Error).message).not.toContain('hemligt')
  })

  it('hides the password when a connection string is shown', () => {
    expect(redact('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db')
  })
})
