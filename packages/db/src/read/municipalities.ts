import type {
  BoardRef,
  GoalAreaView,
  MunicipalGoalView,
  MunicipalityDetail,
  MunicipalitySummary,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { findMunicipality, groupBy } from './context.ts'

export async function listMunicipalities(db: Queryable): Promise<MunicipalitySummary[]> {
  const rows = await db.query<{
    code: string
    name: string
    key: string | null
    board_name: string | null
    short_name: string | null
  }>(
    `SELECT m.code, m.name, b.key, b.name AS board_name, b.short_name
       FROM municipalities m LEFT JOIN boards b ON b.municipality_id = m.id
      ORDER BY m.name, b.name`,
  )
  return [...groupBy(rows, (r) => r.code).values()].map((group) => {
    const [first] = group as [(typeof group)[number]]
    return {
      code: first.code,
      name: first.name,
      boards: group.flatMap((r) =>
        r.key ? [{ key: r.key, name: r.board_name ?? '', shortName: r.short_name ?? '' }] : [],
      ),
    }
  })
}

export async function listBoards(db: Queryable, municipalityId: string): Promise<BoardRef[]> {
  const rows = await db.query<{ key: string; name: string; short_name: string }>(
    'SELECT key, name, short_name FROM boards WHERE municipality_id = $1 ORDER BY name',
    [municipalityId],
  )
  return rows.map((r) => ({ key: r.key, name: r.name, shortName: r.short_name }))
}

export async function getMunicipality(db: Queryable, code: string): Promise<MunicipalityDetail | null> {
  const m = await findMunicipality(db, code)
  if (!m) return null
  const [vision] = await db.query<{ vision: string | null }>(
    'SELECT vision FROM municipalities WHERE id = $1',
    [m.id],
  )
  const goalAreas = await db.query<{
    key: string
    name: string
    kind: GoalAreaView['kind']
    description: string | null
    sort_order: number
  }>(
    'SELECT key, name, kind, description, sort_order FROM goal_areas WHERE municipality_id = $1 ORDER BY sort_order, name',
    [m.id],
  )
  const municipalGoals = await db.query<{
    key: string
    goal_area: string
    name: string
    description: string | null
  }>(
    `SELECT g.key, a.key AS goal_area, g.name, g.description
       FROM municipal_goals g JOIN goal_areas a ON a.id = g.goal_area_id
      WHERE g.municipality_id = $1 ORDER BY a.sort_order, g.sort_order, g.name`,
    [m.id],
  )
  const planPeriods = await db.query<{ key: string; name: string; start_year: number; end_year: number }>(
    'SELECT key, name, start_year, end_year FROM plan_periods WHERE municipality_id = $1 ORDER BY start_year, key',
    [m.id],
  )
  return {
    code: m.code,
    name: m.name,
    vision: vision?.vision ?? null,
    planPeriods: planPeriods.map((p) => ({
      key: p.key,
      name: p.name,
      startYear: p.start_year,
      endYear: p.end_year,
    })),
    settings: m.settings,
    goalAreas: goalAreas.map((a) => ({
      key: a.key,
      name: a.name,
      kind: a.kind,
      description: a.description,
      order: a.sort_order,
    })),
    municipalGoals: municipalGoals.map(
      (g): MunicipalGoalView => ({
        key: g.key,
        goalArea: g.goal_area,
        name: g.name,
        description: g.description,
      }),
    ),
    boards: await listBoards(db, m.id),
  }
}
