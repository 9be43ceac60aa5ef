export {
  type Database,
  DatabaseOpenError,
  type Engine,
  openDatabase,
  type Queryable,
  redact,
} from './database.ts'
export { migrate } from './migrate.ts'
export { listActivities, readAssignments } from './read/assignments.ts'
export { type BoardContext, findBoard, findMunicipality, type MunicipalityContext } from './read/context.ts'
export { findFollowUp, getBoard, listFollowUps, listOrgUnits } from './read/follow-ups.ts'
export { getFollowUpOverview, getGoal, listGoals } from './read/goals.ts'
export { readIndicators } from './read/indicators.ts'
export { getMunicipality, listBoards, listMunicipalities } from './read/municipalities.ts'
export { loadSeedSet, type SeedCounts } from './seed/load-seed-set.ts'
export { DEMO_SEED_DIR, readSeedSets, type SeedSet, SeedValidationError } from './seed/read-seed-files.ts'
export { isEmpty, seedDemo } from './seed/seed-demo.ts'
export { createTestDatabase, type TestDatabase, testEngines } from './testing.ts'
