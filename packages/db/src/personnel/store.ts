import {
  AppError,
  breakdownKey,
  type PersonnelBreakdown,
  type PersonnelMeasure,
  parseBreakdownKey,
} from '@arshjul/domain'
import { type Actor, appendAudit } from '../cycle/audit.ts'
import type { Queryable } from '../database.ts'
import { insertRows } from '../insert-rows.ts'

export type PersonnelScopeKind = 'org-unit' | 'administration' | 'municipality'

/** One figure to store, for a resolved scope (a unit's, an administration's or the municipality's id). */
export interface PersonnelRowInput {
  scopeKind: PersonnelScopeKind
  scopeId: string
  measure: PersonnelMeasure
  year: number
  period: string | null
  breakdown: PersonnelBreakdown
  numerator: string | null
  denominator: string | null
  value: number | null
}

export interface PersonnelImport {
  municipalityId: string
  scope: string
  sourceKind: 'csv' | 'xlsx' | 'seed'
  fileName: string
  sha256: string | null
  actor: Actor | null
}

export async function findPreviousPersonnelImport(db: Queryable, imp: PersonnelImport) {
  const [row] = await db.query<{ id: string; file_name: string; imported_at: string; row_count: number }>(
    `SELECT id, file_name, imported_at::text, row_count FROM personnel_imports WHERE municipality_id = $1 AND scope = $2`,
    [imp.municipalityId, imp.scope],
  )
  return row
    ? { id: row.id, fileName: row.file_name, importedAt: row.imported_at, rowCount: row.row_count }
    : null
}

/** Store an import, replacing the earlier one of the same scope, in the caller's transaction. */
export async function replacePersonnelImport(
  tx: Queryable,
  imp: PersonnelImport,
  rows: readonly PersonnelRowInput[],
  importId?: string,
): Promise<{ importId: string; replaced: boolean }> {
  const previous = await findPreviousPersonnelImport(tx, imp)
  if (previous) await tx.query('DELETE FROM personnel_imports WHERE id = $1', [previous.id])
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO personnel_imports (id, municipality_id, scope, source_kind, file_name, file_sha256, row_count, imported_by)
     VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      importId ?? null,
      imp.municipalityId,
      imp.scope,
      imp.sourceKind,
      imp.fileName,
      imp.sha256,
      rows.length,
      imp.actor?.id ?? null,
    ],
  )
  if (!created) throw new Error('personnel import not written')
  await insertRows(
    tx,
    'personnel_figures',
    [
      'import_id',
      'municipality_id',
      'scope_kind',
      'scope_id',
      'measure',
      'year',
      'period',
      'breakdown',
      'numerator',
      'denominator',
      'value',
    ],
    rows.map((r) => [
      created.id,
      imp.municipalityId,
      r.scopeKind,
      r.scopeId,
      r.measure,
      r.year,
      r.period,
      breakdownKey(r.breakdown),
      r.numerator,
      r.denominator,
      r.value,
    ]),
  )
  if (imp.actor) {
    await appendAudit(tx, {
      chain: imp.municipalityId,
      actor: imp.actor,
      action: 'personnel.import',
      entityKind: 'personnel-import',
      entityId: created.id,
      summary: previous
        ? `Importerade personalnyckeltal ur ${imp.fileName} (${rows.length} rader) och ersatte ${previous.fileName}`
        : `Importerade personalnyckeltal ur ${imp.fileName} (${rows.length} rader)`,
      before: previous,
      after: { scope: imp.scope, fileName: imp.fileName, sha256: imp.sha256, rowCount: rows.length },
    })
  }
  return { importId: created.id, replaced: previous !== null }
}

export interface StoredPersonnelFigure {
  measure: PersonnelMeasure
  year: number
  period: string | null
  breakdown: PersonnelBreakdown
  numerator: string | null
  denominator: string | null
  value: number | null
}

/**
 * The figures of one scope. Where two imports hold the same figure (a series printed again in a
 * later report), the most recent import wins.
 */
export async function readPersonnelFigures(
  db: Queryable,
  municipalityId: string,
  scopeKind: PersonnelScopeKind,
  scopeId: string,
): Promise<StoredPersonnelFigure[]> {
  const rows = await db.query<{
    measure: PersonnelMeasure
    year: number
    period: string | null
    breakdown: string
    numerator: string | null
    denominator: string | null
    value: string | null
  }>(
    `SELECT DISTINCT ON (f.measure, f.year, f.period, f.breakdown)
            f.measure, f.year, f.period, f.breakdown, f.numerator::text, f.denominator::text, f.value::text
       FROM personnel_figures f JOIN personnel_imports i ON i.id = f.import_id
      WHERE f.municipality_id = $1 AND f.scope_kind = $2 AND f.scope_id = $3
      ORDER BY f.measure, f.year, f.period, f.breakdown, i.imported_at DESC, i.id`,
    [municipalityId, scopeKind, scopeId],
  )
  return rows.map((r) => ({
    measure: r.measure,
    year: r.year,
    period: r.period,
    breakdown: parseBreakdownKey(r.breakdown),
    numerator: r.numerator === null ? null : trimZeros(r.numerator),
    denominator: r.denominator === null ? null : trimZeros(r.denominator),
    value: r.value === null ? null : Number(r.value),
  }))
}

/** "198.0000" → "198": numeric comes back with the column's scale. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** Resolve a scope given as a key (unit or administration) or "kommunen" for a municipality. */
export async function resolvePersonnelScope(
  db: Queryable,
  municipalityId: string,
  key: string,
): Promise<{ kind: PersonnelScopeKind; id: string; name: string } | null> {
  if (key === 'kommunen') {
    const [m] = await db.query<{ name: string }>('SELECT name FROM municipalities WHERE id = $1', [
      municipalityId,
    ])
    return m ? { kind: 'municipality', id: municipalityId, name: m.name } : null
  }
  const candidates = await db.query<{ kind: PersonnelScopeKind; id: string; name: string; figures: number }>(
    `SELECT 'org-unit' AS kind, u.id, u.name,
            (SELECT count(*)::int FROM personnel_figures f WHERE f.scope_kind = 'org-unit' AND f.scope_id = u.id) AS figures
       FROM org_units u WHERE u.municipality_id = $1 AND u.key = $2
     UNION ALL
     SELECT 'administration', a.id, a.name,
            (SELECT count(*)::int FROM personnel_figures f WHERE f.scope_kind = 'administration' AND f.scope_id = a.id)
       FROM administrations a WHERE a.municipality_id = $1 AND a.key = $2`,
    [municipalityId, key],
  )
  // A unit and an administration may share a key (Luleå's Kommunstaben is both): the one with
  // figures wins, else the unit.
  const chosen = [...candidates].sort((a, b) => b.figures - a.figures || (a.kind === 'org-unit' ? -1 : 1))[0]
  return chosen ? { kind: chosen.kind, id: chosen.id, name: chosen.name } : null
}

export function unknownScope(key: string): AppError {
  return new AppError('NOT_FOUND', { userMessage: `Enheten "${key}" finns inte.` })
}
