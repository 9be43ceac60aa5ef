import {
  type Breakdown,
  type Direction,
  type IndicatorSource,
  type IndicatorUnit,
  type IndicatorView,
  ValueStatus,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { type BoardContext, groupBy } from './context.ts'

export interface IndicatorFilter {
  key?: string
  goalId?: string
  /** Indicators of goals valid in this year, or with a value or target for it. */
  year?: number
}

interface IndicatorRow {
  id: string
  key: string
  name: string
  description: string | null
  unit: IndicatorUnit
  unit_label: string | null
  direction: Direction | null
  source: IndicatorSource
  decimals: number
  scope: string | null
  publication_lag_years: number
  lag_note: string | null
  breakdowns: Breakdown[]
}

/** numeric comes back as text from both engines; it holds the decimal exactly as stored. */
const toNumber = (v: string | null) => (v === null ? null : Number(v))

export async function readIndicators(
  db: Queryable,
  board: BoardContext,
  filter: IndicatorFilter,
): Promise<IndicatorView[]> {
  const rows = await db.query<IndicatorRow>(
    `SELECT i.id, i.key, i.name, i.description, i.unit, i.unit_label, i.direction, i.source, i.decimals, i.scope,
            i.publication_lag_years, i.lag_note, i.breakdowns
       FROM indicators i
      WHERE i.board_id = $1
        AND ($2::text IS NULL OR i.key = $2)
        AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM indicator_goals ig WHERE ig.indicator_id = i.id AND ig.goal_id = $3))
        AND ($4::int IS NULL
             OR EXISTS (SELECT 1 FROM indicator_goals ig JOIN board_goals g ON g.id = ig.goal_id
                         WHERE ig.indicator_id = i.id AND $4::int BETWEEN g.start_year AND g.end_year)
             OR EXISTS (SELECT 1 FROM indicator_values v WHERE v.indicator_id = i.id AND v.year = $4)
             OR EXISTS (SELECT 1 FROM indicator_targets t WHERE t.indicator_id = i.id AND t.year = $4))
      ORDER BY i.sort_order, i.name`,
    [board.id, filter.key ?? null, filter.goalId ?? null, filter.year ?? null],
  )
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const values = await db.query<{
    indicator_id: string
    year: number
    breakdown: string
    value: string | null
    status: string
    reference_year: number | null
    note: string | null
  }>(
    `SELECT indicator_id, year, breakdown, value::text AS value, status, reference_year, note
       FROM indicator_values WHERE indicator_id = ANY($1::uuid[]) ORDER BY year, breakdown`,
    [ids],
  )
  const targets = await db.query<{
    indicator_id: string
    year: number
    breakdown: string
    value: string | null
    text: string | null
  }>(
    `SELECT indicator_id, year, breakdown, value::text AS value, text
       FROM indicator_targets WHERE indicator_id = ANY($1::uuid[]) ORDER BY year, breakdown`,
    [ids],
  )
  const goals = await db.query<{ indicator_id: string; key: string; title: string }>(
    `SELECT ig.indicator_id, g.key, g.title FROM indicator_goals ig JOIN board_goals g ON g.id = ig.goal_id
      WHERE ig.indicator_id = ANY($1::uuid[]) ORDER BY g.start_year, g.sort_order`,
    [ids],
  )
  const valuesOf = groupBy(values, (v) => v.indicator_id)
  const targetsOf = groupBy(targets, (t) => t.indicator_id)
  const goalsOf = groupBy(goals, (g) => g.indicator_id)
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    description: r.description,
    unit: r.unit,
    unitLabel: r.unit_label,
    direction: r.direction,
    source: r.source,
    decimals: r.decimals,
    scope: r.scope,
    publicationLagYears: r.publication_lag_years,
    lagNote: r.lag_note,
    breakdowns: r.breakdowns,
    values: (valuesOf.get(r.id) ?? []).map((v) => ({
      year: v.year,
      breakdown: v.breakdown,
      value: toNumber(v.value),
      status: ValueStatus.parse(v.status),
      ...(v.reference_year === null ? {} : { referenceYear: v.reference_year }),
      ...(v.note === null ? {} : { note: v.note }),
    })),
    targets: (targetsOf.get(r.id) ?? []).map((t) => ({
      year: t.year,
      breakdown: t.breakdown,
      ...(t.value === null ? {} : { value: Number(t.value) }),
      ...(t.text === null ? {} : { text: t.text }),
    })),
    goals: (goalsOf.get(r.id) ?? []).map(({ key, title }) => ({ key, title })),
  }))
}
