import { z } from 'zod'
import { Role } from './access.ts'
import { Assignment } from './assignments.ts'
import { SeedEconomy } from './economy-model.ts'
import { Assessment, FollowUp } from './follow-ups.ts'
import { Activity, BoardGoal, GoalArea, MunicipalGoal } from './goals.ts'
import { Indicator } from './indicators.ts'
import { SeedInternalControl } from './internal-control.ts'
import { Key, Municipality, MunicipalityCode } from './municipality.ts'
import { Administration, Board, OrgUnit, PlanPeriod } from './organisation.ts'
import { SeedPersonnelSet } from './personnel.ts'
import { SeedReportText, SeedSourceFigure } from './report-template.ts'

export const SEED_SCHEMA_VERSION = 1

/** A demo user with the roles it holds in this municipality. Only demo data carries password hashes. */
export const SeedUser = z.object({
  email: z.string().email(),
  name: z.string().min(1),
  /** An argon2id hash (never a clear-text password). */
  passwordHash: z.string().startsWith('$argon2id$'),
  grants: z
    .array(
      z.object({
        role: Role,
        scope: z.union([
          z.literal('municipality'),
          z.object({ board: Key }),
          z.object({ administration: Key }),
          z.object({ orgUnit: Key }),
          z.object({ goal: Key }),
        ]),
      }),
    )
    .min(1),
})
export type SeedUser = z.infer<typeof SeedUser>

/**
 * One versioned data file for a municipality. A municipality's files together form a set:
 * exactly one of them defines the municipality; keys are unique per kind within the set and
 * references (board, goal, goalArea, …) point at keys anywhere in the set.
 */
export const SeedFile = z.object({
  schemaVersion: z.literal(SEED_SCHEMA_VERSION),
  municipality: MunicipalityCode,
  source: z
    .object({
      file: z.string().min(1),
      title: z.string().min(1),
    })
    .optional(),
  /** Where the source is inconsistent or incomplete, and what the data does about it. */
  notes: z.array(z.string()).default([]),
  definition: Municipality.optional(),
  boards: z.array(Board).default([]),
  administrations: z.array(Administration).default([]),
  orgUnits: z.array(OrgUnit).default([]),
  planPeriods: z.array(PlanPeriod).default([]),
  goalAreas: z.array(GoalArea).default([]),
  municipalGoals: z.array(MunicipalGoal).default([]),
  boardGoals: z.array(BoardGoal).default([]),
  activities: z.array(Activity).default([]),
  assignments: z.array(Assignment).default([]),
  indicators: z.array(Indicator).default([]),
  followUps: z.array(FollowUp).default([]),
  assessments: z.array(Assessment).default([]),
  users: z.array(SeedUser).default([]),
  /** Operating accounts, investments, frame lists, comments and reorganisations (issue 4). */
  economy: SeedEconomy.optional(),
  /** Personnel figures per unit, administration or municipality (issue 5). */
  personnel: z.array(SeedPersonnelSet).default([]),
  /** Risks, the control plan, its follow-ups and the overall assessments (issue 5). */
  internalControl: SeedInternalControl.optional(),
  /** The board's narrative texts of a follow-up's document: foreword, the year, the future … (issue 6). */
  reportTexts: z.array(SeedReportText).default([]),
  /** Figures a source document printed differently from its own rows or tables (issue 6). */
  sourceFigures: z.array(SeedSourceFigure).default([]),
})
export type SeedFile = z.infer<typeof SeedFile>

/** A problem in a seed set, located by file and by path inside the file. */
export interface SeedProblem {
  file: string
  path: string
  message: string
}

export interface NamedSeedFile {
  name: string
  data: SeedFile
}

type Collection = Exclude<
  keyof SeedFile,
  | 'schemaVersion'
  | 'municipality'
  | 'source'
  | 'notes'
  | 'definition'
  | 'economy'
  | 'personnel'
  | 'internalControl'
>

/**
 * Check one municipality's seed files together: exactly one definition, unique keys per kind,
 * every reference resolvable, assessment levels on the municipality's scale.
 */
export function checkSeedSet(files: readonly NamedSeedFile[]): SeedProblem[] {
  const problems: SeedProblem[] = []
  const definitions = files.filter((f) => f.data.definition)
  if (definitions.length !== 1) {
    problems.push({
      file: files.map((f) => f.name).join(', '),
      path: 'definition',
      message: `Exakt en fil ska definiera kommunen (hittade ${definitions.length})`,
    })
  }
  const codes = new Set(files.map((f) => f.data.municipality))
  if (codes.size > 1) {
    problems.push({
      file: files.map((f) => f.name).join(', '),
      path: 'municipality',
      message: 'Filerna gäller olika kommuner',
    })
  }

  const keys = new Map<Collection, Set<string>>()
  const collections: Collection[] = [
    'boards',
    'administrations',
    'orgUnits',
    'planPeriods',
    'goalAreas',
    'municipalGoals',
    'boardGoals',
    'activities',
    'assignments',
    'indicators',
    'followUps',
  ]
  for (const c of collections) {
    const set = new Set<string>()
    for (const f of files) {
      ;(f.data[c] as { key: string }[]).forEach((item, i) => {
        if (set.has(item.key))
          problems.push({
            file: f.name,
            path: `${c}[${i}].key`,
            message: `Nyckeln "${item.key}" finns redan`,
          })
        set.add(item.key)
      })
    }
    keys.set(c, set)
  }

  const ref = (file: string, path: string, kind: Collection, key: string | undefined) => {
    if (key !== undefined && !keys.get(kind)?.has(key)) {
      problems.push({ file, path, message: `Hänvisar till okänd nyckel "${key}" (${kind})` })
    }
  }
  const levelKeys = new Set(
    definitions[0]?.data.definition?.settings.assessmentScale.levels.map((l) => l.key) ?? [],
  )

  for (const { name, data } of files) {
    data.administrations.forEach((a, i) => {
      ref(name, `administrations[${i}].board`, 'boards', a.board)
    })
    data.orgUnits.forEach((u, i) => {
      ref(name, `orgUnits[${i}].administration`, 'administrations', u.administration)
      ref(name, `orgUnits[${i}].parent`, 'orgUnits', u.parent)
    })
    data.municipalGoals.forEach((g, i) => {
      ref(name, `municipalGoals[${i}].goalArea`, 'goalAreas', g.goalArea)
    })
    data.boardGoals.forEach((g, i) => {
      ref(name, `boardGoals[${i}].board`, 'boards', g.board)
      ref(name, `boardGoals[${i}].goalArea`, 'goalAreas', g.goalArea)
      ref(name, `boardGoals[${i}].responsibleUnit`, 'orgUnits', g.responsibleUnit)
      g.parentGoals.forEach((p, j) => {
        ref(name, `boardGoals[${i}].parentGoals[${j}]`, 'municipalGoals', p)
      })
      if (g.endYear < g.startYear) {
        problems.push({
          file: name,
          path: `boardGoals[${i}].endYear`,
          message: 'Målet slutar före det börjar',
        })
      }
    })
    data.activities.forEach((a, i) => {
      ref(name, `activities[${i}].goal`, 'boardGoals', a.goal)
      ref(name, `activities[${i}].responsibleUnit`, 'orgUnits', a.responsibleUnit)
    })
    data.assignments.forEach((a, i) => {
      ref(name, `assignments[${i}].board`, 'boards', a.board)
      ref(name, `assignments[${i}].goal`, 'boardGoals', a.goal)
      ref(name, `assignments[${i}].goalArea`, 'goalAreas', a.goalArea)
      ref(name, `assignments[${i}].responsibleUnit`, 'orgUnits', a.responsibleUnit)
    })
    data.indicators.forEach((ind, i) => {
      ref(name, `indicators[${i}].board`, 'boards', ind.board)
      ind.goals.forEach((g, j) => {
        ref(name, `indicators[${i}].goals[${j}]`, 'boardGoals', g)
      })
    })
    data.followUps.forEach((f, i) => {
      ref(name, `followUps[${i}].board`, 'boards', f.board)
      ref(name, `followUps[${i}].administration`, 'administrations', f.administration)
    })
    data.users.forEach((u, i) => {
      u.grants.forEach((g, j) => {
        const path = `users[${i}].grants[${j}].scope`
        if (g.scope === 'municipality') return
        if ('board' in g.scope) ref(name, path, 'boards', g.scope.board)
        else if ('administration' in g.scope) ref(name, path, 'administrations', g.scope.administration)
        else if ('orgUnit' in g.scope) ref(name, path, 'orgUnits', g.scope.orgUnit)
        else ref(name, path, 'boardGoals', g.scope.goal)
      })
    })
    if (data.economy) checkEconomy(name, data.economy, ref, problems, allCostCentres(files))
    const seenAssessments = new Set<string>()
    data.reportTexts.forEach((t, i) => {
      ref(name, `reportTexts[${i}].followUp`, 'followUps', t.followUp)
    })
    data.sourceFigures.forEach((f, i) => {
      ref(name, `sourceFigures[${i}].followUp`, 'followUps', f.followUp)
    })
    data.assessments.forEach((a, i) => {
      ref(name, `assessments[${i}].goal`, 'boardGoals', a.goal)
      ref(name, `assessments[${i}].followUp`, 'followUps', a.followUp)
      for (const [field, level] of [
        ['level', a.level],
        ['forecastLevel', a.forecastLevel],
      ] as const) {
        if (level !== undefined && levelKeys.size > 0 && !levelKeys.has(level)) {
          problems.push({
            file: name,
            path: `assessments[${i}].${field}`,
            message: `Nivån "${level}" finns inte i kommunens skala`,
          })
        }
      }
      const id = `${a.goal}@${a.followUp}`
      if (seenAssessments.has(id)) {
        problems.push({
          file: name,
          path: `assessments[${i}]`,
          message: `Målet "${a.goal}" bedöms två gånger i samma uppföljning`,
        })
      }
      seenAssessments.add(id)
    })
  }
  return problems
}

function allCostCentres(files: readonly NamedSeedFile[]): Set<string> {
  return new Set(files.flatMap((f) => f.data.economy?.costCentres.map((c) => c.code) ?? []))
}

/** References inside the economy part of a file: boards, units, follow-ups, cost centres. */
function checkEconomy(
  name: string,
  economy: SeedEconomy,
  ref: (file: string, path: string, kind: Collection, key: string | undefined) => void,
  problems: SeedProblem[],
  centres: ReadonlySet<string>,
): void {
  const centre = (path: string, code: string | undefined) => {
    if (code !== undefined && !centres.has(code)) {
      problems.push({ file: name, path, message: `Hänvisar till okänt ansvar "${code}"` })
    }
  }
  economy.costCentres.forEach((c, i) => {
    ref(name, `economy.costCentres[${i}].orgUnit`, 'orgUnits', c.orgUnit)
  })
  economy.datasets.forEach((d, i) => {
    ref(name, `economy.datasets[${i}].board`, 'boards', d.board)
    d.lines.forEach((l, j) => {
      centre(`economy.datasets[${i}].lines[${j}].costCentre`, l.costCentre)
      l.amounts.forEach((a, k) => {
        const path = `economy.datasets[${i}].lines[${j}].amounts[${k}]`
        ref(name, `${path}.followUp`, 'followUps', a.followUp)
        if ((a.measure === 'forecast') !== (a.followUp !== undefined)) {
          problems.push({
            file: name,
            path,
            message: 'En prognos, och bara en prognos, hör till en uppföljning',
          })
        }
        if ((a.measure === 'outcome' || a.measure === 'period-budget') !== (a.month !== undefined)) {
          problems.push({
            file: name,
            path,
            message: 'Utfall och periodbudget har en månad; årsbelopp har ingen',
          })
        }
      })
    })
  })
  economy.investments.forEach((p, i) => {
    ref(name, `economy.investments[${i}].board`, 'boards', p.board)
    centre(`economy.investments[${i}].costCentre`, p.costCentre)
    p.amounts.forEach((a, k) => {
      ref(name, `economy.investments[${i}].amounts[${k}].followUp`, 'followUps', a.followUp)
    })
  })
  economy.frameLists.forEach((l, i) => {
    ref(name, `economy.frameLists[${i}].board`, 'boards', l.board)
  })
  economy.comments.forEach((c, i) => {
    ref(name, `economy.comments[${i}].followUp`, 'followUps', c.followUp)
    if (c.subject.kind === 'cost-centre') centre(`economy.comments[${i}].subject.code`, c.subject.code)
  })
  economy.reorganisations.forEach((r, i) => {
    r.moves.forEach((m, j) => {
      centre(`economy.reorganisations[${i}].moves[${j}].from`, m.from)
      centre(`economy.reorganisations[${i}].moves[${j}].to`, m.to)
    })
  })
}

/** Format zod issues of one file as seed problems ("assessments[3].level: …"). */
export function zodProblems(file: string, error: z.ZodError): SeedProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, ''),
    message: issue.message,
  }))
}
