export { type Actor, appendAudit, historyOf, verifyAuditChain } from './cycle/audit.ts'
export { baselineDiff } from './cycle/baseline.ts'
export { changePart, type PartChange, type PartChangeResult } from './cycle/change-part.ts'
export { createParts } from './cycle/create-parts.ts'
export { createCorrection, createFollowUp, type NewFollowUp } from './cycle/follow-up-admin.ts'
export { transitionFollowUp } from './cycle/follow-up-transitions.ts'
export { countQueued, type EmailJob, enqueueJob, finishJob, takeJob } from './cycle/jobs.ts'
export { createNextYear } from './cycle/new-year.ts'
export { controllerOverview, countStatuses, pathsOfParts, queueReminders } from './cycle/overview.ts'
export { suggestionForGoal } from './cycle/part-suggestion.ts'
export { type FollowUpCycle, findFollowUpCycle, type PartRecord, readParts } from './cycle/read-parts.ts'
export { boardPath, partPath, unitPath } from './cycle/resource-path.ts'
export {
  followUpContent,
  planContent,
  readSnapshot,
  readSnapshotWithHash,
  type SnapshotContent,
} from './cycle/snapshot.ts'
export {
  createSession,
  endSession,
  findUserByEmail,
  grantsOf,
  resumeSession,
  SESSION_IDLE_MS,
  sessionUser,
  userForIdentity,
} from './cycle/users.ts'
export {
  grantRole,
  listMunicipalUsers,
  type MunicipalUser,
  revokeRole,
  setDisabled,
} from './cycle/users-admin.ts'
export {
  type Database,
  DatabaseOpenError,
  type Engine,
  openDatabase,
  type Queryable,
  redact,
} from './database.ts'
export { readEconomyComment, saveEconomyComment } from './economy/comments.ts'
export { readFrames, readInvestments } from './economy/investments.ts'
export {
  readActivities,
  readOperating,
  readOperatingDrill,
  readReorganisations,
} from './economy/operating.ts'
export {
  type AmountRow,
  addCostCentres,
  type CostCentreRecord,
  type EconomyImport,
  findPreviousImport,
  type InvestmentAmountRow,
  mapCostCentre,
  previewImport,
  readAccountGroups,
  readCostCentres,
  replaceImport,
  writeAccountGroups,
} from './economy/store.ts'
export {
  type FrameListInput,
  type ReorganisationInput,
  recordReorganisation,
  saveFrameList,
} from './economy/structure.ts'
export { migrate } from './migrate.ts'
export {
  carryControlsOver,
  readInternalControl,
  saveControl,
  saveControlAssessment,
  saveControlFollowUp,
  saveRisk,
} from './personnel/internal-control.ts'
export { breakdownLabel, personnelScopes, readPersonnel } from './personnel/read.ts'
export {
  type PersonnelImport,
  type PersonnelRowInput,
  type PersonnelScopeKind,
  readPersonnelFigures,
  replacePersonnelImport,
  resolvePersonnelScope,
} from './personnel/store.ts'
export { listActivities, readAssignments } from './read/assignments.ts'
export { type BoardContext, findBoard, findMunicipality, type MunicipalityContext } from './read/context.ts'
export { findFollowUp, getBoard, listFollowUps, listOrgUnits } from './read/follow-ups.ts'
export { getFollowUpOverview, getGoal, listGoals } from './read/goals.ts'
export { readIndicators } from './read/indicators.ts'
export { getMunicipality, listBoards, listMunicipalities } from './read/municipalities.ts'
export { issueReport, listReportIssues, type NewReportIssue, readReportIssue } from './reports/issues.ts'
export { type DocumentSources, readDocumentSources } from './reports/sources.ts'
export { saveReportTemplate } from './reports/templates.ts'
export { loadSeedSet, type SeedCounts } from './seed/load-seed-set.ts'
export { DEMO_SEED_DIR, readSeedSets, type SeedSet, SeedValidationError } from './seed/read-seed-files.ts'
export { isEmpty, SeedWouldEraseWorkError, seedDemo } from './seed/seed-demo.ts'
export {
  createTestDatabase,
  createTestMunicipality,
  type TestDatabase,
  testEngines,
  testMunicipalitySettings,
} from './testing.ts'
