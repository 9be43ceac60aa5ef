// Validate the demo data files without touching a database: `node --import tsx scripts/check-seeds.ts [dir]`.
import { readSeedSets, SeedValidationError } from '../packages/db/src/seed/read-seed-files.ts'

try {
  const sets = await readSeedSets(process.argv[2])
  for (const s of sets) {
    const count = (k: 'boardGoals' | 'indicators' | 'assignments' | 'assessments') =>
      s.files.reduce((n, f) => n + f.data[k].length, 0)
    console.log(
      `${s.municipality}: ${s.files.length} filer, ${count('boardGoals')} mål, ${count('indicators')} indikatorer, ${count('assignments')} uppdrag, ${count('assessments')} bedömningar`,
    )
  }
} catch (e) {
  if (e instanceof SeedValidationError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}
