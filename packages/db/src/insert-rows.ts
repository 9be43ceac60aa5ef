import type { Queryable } from './database.ts'

/**
 * Insert many rows with one multi-row INSERT per chunk (PostgreSQL allows 65 535 parameters per
 * statement). `columns` may carry a cast, e.g. "notes::jsonb" (value given as a JSON string), applied to every row's
 * parameter.
 */
export async function insertRows(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return
  const names = columns.map((c) => c.split('::')[0])
  // JSON goes in as text and is cast by the server: a parameter typed jsonb would be JSON-encoded
  // a second time by postgres.js.
  const casts = columns.map((c) => {
    const cast = c.split('::')[1]
    if (cast === undefined) return ''
    return cast === 'jsonb' ? '::text::jsonb' : `::${cast}`
  })
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
