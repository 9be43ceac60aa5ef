import type { Queryable } from './database.ts'

/**
 * Insert many rows with one multi-row INSERT per chunk (PostgreSQL allows 65 535 parameters per
 * statement). `columns` may carry a cast, e.g. "settings::jsonb", applied to every row's parameter.
 */
export async function insertRows(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return
  const names = columns.map((c) => c.split('::')[0])
  const casts = columns.map((c) => (c.includes('::') ? `::${c.split('::')[1]}` : ''))
  const perChunk = Math.max(1, Math.floor(60_000 / columns.length))
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk)
    const params: unknown[] = []
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length)
        throw new Error(`${table}: row has ${row.length} values, expected ${columns.length}`)
      const slots = row.map((value, i) => {
        params.push(value === undefined ? null : value)
        return `$${params.length}${casts[i]}`
      })
      return `(${slots.join(', ')})`
    })
    await db.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES ${tuples.join(', ')}`, params)
  }
}
