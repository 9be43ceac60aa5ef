import { type AssessmentScale, type LevelView, MunicipalitySettings } from '@arshjul/domain'
import type { Queryable } from '../database.ts'

export interface MunicipalityContext {
  id: string
  code: string
  name: string
  settings: MunicipalitySettings
}

export interface BoardContext {
  municipality: MunicipalityContext
  id: string
  key: string
  name: string
  shortName: string
}

/** Find a municipality by SCB code; null when there is none. */
export async function findMunicipality(db: Queryable, code: string): Promise<MunicipalityContext | null> {
  const [row] = await db.query<{ id: string; code: string; name: string; settings: unknown }>(
    'SELECT id, code, name, settings FROM municipalities WHERE code = $1',
    [code],
  )
  if (!row) return null
  return { id: row.id, code: row.code, name: row.name, settings: MunicipalitySettings.parse(row.settings) }
}

/** Find a board of a municipality by key; null when either is unknown. */
export async function findBoard(db: Queryable, code: string, boardKey: string): Promise<BoardContext | null> {
  const municipality = await findMunicipality(db, code)
  if (!municipality) return null
  const [row] = await db.query<{ id: string; key: string; name: string; short_name: string }>(
    'SELECT id, key, name, short_name FROM boards WHERE municipality_id = $1 AND key = $2',
    [municipality.id, boardKey],
  )
  if (!row) return null
  return { municipality, id: row.id, key: row.key, name: row.name, shortName: row.short_name }
}

/** Look up levels of a scale by key, as the API presents them. */
export function levelLookup(scale: AssessmentScale): (key: string | null) => LevelView | null {
  const byKey = new Map(
    scale.levels.map(({ key, label, rank, colour, symbol }) => [key, { key, label, rank, colour, symbol }]),
  )
  return (key) => (key === null ? null : (byKey.get(key) ?? null))
}

/** Group rows by a key, keeping the order of first appearance. */
export function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const row of rows) {
    const k = keyOf(row)
    const list = map.get(k)
    if (list) list.push(row)
    else map.set(k, [row])
  }
  return map
}
