import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { checkSeedSet, type NamedSeedFile, SeedFile, type SeedProblem, zodProblems } from '@arshjul/domain'

/** The demo data shipped with Årshjul: one folder per municipality, JSON files inside. */
export const DEMO_SEED_DIR = new URL('../../seeds/demo/', import.meta.url).pathname

export interface SeedSet {
  municipality: string
  files: NamedSeedFile[]
}

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `Demodata är ogiltiga (${problems.length} fel):\n${problems
        .map((p) => `  ${p.file}: ${p.path || '(filen)'}: ${p.message}`)
        .join('\n')}`,
    )
    this.name = 'SeedValidationError'
  }
}

/**
 * Read and validate every municipality folder under `dir`. Throws SeedValidationError listing every
 * problem (file, path inside the file, reason) before anything is written anywhere.
 */
export async function readSeedSets(dir: string = DEMO_SEED_DIR): Promise<SeedSet[]> {
  const problems: SeedProblem[] = []
  const sets: SeedSet[] = []
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
  for (const folder of folders.sort()) {
    const names = (await readdir(join(dir, folder))).filter((n) => n.endsWith('.json')).sort()
    const files: NamedSeedFile[] = []
    for (const n of names) {
      const path = join(dir, folder, n)
      const name = relative(dir, path)
      let raw: unknown
      try {
        raw = JSON.parse(await readFile(path, 'utf8'))
      } catch (e) {
        problems.push({ file: name, path: '', message: `Filen är inte giltig JSON: ${(e as Error).message}` })
        continue
      }
      const parsed = SeedFile.safeParse(raw)
      if (!parsed.success) problems.push(...zodProblems(name, parsed.error))
      else files.push({ name, data: parsed.data })
    }
    if (files.length === 0) continue
    problems.push(...checkSeedSet(files))
    sets.push({ municipality: files[0]?.data.municipality ?? folder, files })
  }
  if (problems.length > 0) throw new SeedValidationError(problems)
  return sets
}
