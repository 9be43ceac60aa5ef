import {
  type Actor,
  type Database,
  type PersonnelImport,
  type PersonnelRowInput,
  type Queryable,
  replacePersonnelImport,
  resolvePersonnelScope,
} from '@arshjul/db'
import { AppError, type PersonnelImportPreview, type ProblemDetail, personnelMeasures } from '@arshjul/domain'
import { sha256Of } from '../economy/import.ts'
import { assertPreviewed, problemDetails } from '../economy/problems.ts'
import { parsePersonnelSheet } from '../spreadsheet/personnel.ts'
import { personnelTemplateCsv, personnelTemplateXlsx } from '../spreadsheet/templates.ts'

export interface PersonnelImportRequest {
  format: 'csv' | 'xlsx'
  year: number
  fileName: string
  bytes: Uint8Array
  municipalityId: string
}

/** An HR file for a year replaces the earlier one for that year. */
const scopeOf = (year: number) => `hr:${year}`

interface Prepared {
  rows: (PersonnelRowInput & { unitKey: string })[]
  names: Map<string, string>
  warnings: string[]
  imp: PersonnelImport
}

/**
 * Read the file (a series over several years is allowed) and resolve each row's unit: an org unit,
 * an administration or "kommunen". Any problem — in the file or an unknown unit — stops it with the
 * line; nothing is written.
 */
async function prepare(db: Queryable, req: PersonnelImportRequest): Promise<Prepared> {
  if (req.bytes.byteLength === 0)
    throw new AppError('VALIDATION', { userMessage: `Filen ${req.fileName} är tom.` })
  const parsed = await parsePersonnelSheet(req.bytes, req.format, { year: req.year, allowYears: 'any' })
  const problems: ProblemDetail[] = []
  if (!parsed.ok) problems.push(...problemDetails(parsed.errors))
  const rows: Prepared['rows'] = []
  const names = new Map<string, string>()
  if (parsed.ok) {
    const scopes = new Map<string, Awaited<ReturnType<typeof resolvePersonnelScope>>>()
    for (const r of parsed.rows) {
      if (!scopes.has(r.unit)) scopes.set(r.unit, await resolvePersonnelScope(db, req.municipalityId, r.unit))
      const scope = scopes.get(r.unit)
      if (!scope) {
        problems.push({
          path: `rad ${r.line}, kolumn Enhet`,
          message: `Rad ${r.line}, kolumn Enhet: enheten "${r.unit}" finns inte i kommunen.`,
          line: r.line,
          column: 'Enhet',
        })
        continue
      }
      names.set(r.unit, scope.name)
      rows.push({
        unitKey: r.unit,
        scopeKind: scope.kind,
        scopeId: scope.id,
        measure: r.measure,
        year: r.year,
        period: r.period ?? null,
        breakdown: r.breakdown,
        numerator: r.numerator ?? null,
        denominator: r.denominator ?? null,
        value: r.value ?? null,
      })
    }
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION', {
      userMessage: `Filen ${req.fileName} kunde inte läsas in: ${problems.length === 1 ? 'ett fel' : `${problems.length} fel`}. Ingenting har sparats.`,
      details: problems,
    })
  }
  return {
    rows,
    names,
    warnings: parsed.ok ? parsed.warnings.map((w) => w.message) : [],
    imp: {
      municipalityId: req.municipalityId,
      scope: scopeOf(req.year),
      sourceKind: req.format,
      fileName: req.fileName,
      sha256: sha256Of(req.bytes),
      actor: null,
    },
  }
}

export async function previewPersonnelImport(
  db: Queryable,
  req: PersonnelImportRequest,
): Promise<PersonnelImportPreview> {
  const { rows, names, warnings, imp } = await prepare(db, req)
  const [previous] = await db.query<{ file_name: string; imported_at: string; row_count: number }>(
    'SELECT file_name, imported_at::text, row_count FROM personnel_imports WHERE municipality_id = $1 AND scope = $2',
    [imp.municipalityId, imp.scope],
  )
  const byUnit = new Map<string, typeof rows>()
  for (const r of rows) byUnit.set(r.unitKey, [...(byUnit.get(r.unitKey) ?? []), r])
  return {
    fileName: req.fileName,
    sha256: imp.sha256 ?? '',
    year: req.year,
    rowCount: rows.length,
    scopes: [...byUnit.entries()].map(([key, list]) => ({
      key,
      name: names.get(key) ?? key,
      figures: list.length,
      measures: [...new Set(list.map((r) => personnelMeasures[r.measure].label))],
    })),
    replaces: previous
      ? { fileName: previous.file_name, importedAt: previous.imported_at, rowCount: previous.row_count }
      : null,
    warnings,
  }
}

/** Write the file's figures, all or nothing, replacing the earlier HR file for the year. */
export async function commitPersonnelImport(
  db: Database,
  req: PersonnelImportRequest & { expectedSha256?: string | undefined; actor: Actor },
): Promise<{ rowCount: number; replaced: boolean }> {
  return db.transaction(async (tx) => {
    const { rows, imp } = await prepare(tx, req)
    assertPreviewed(req.expectedSha256, imp.sha256)
    const { replaced } = await replacePersonnelImport(tx, { ...imp, actor: req.actor }, rows)
    return { rowCount: rows.length, replaced }
  })
}

/** The HR template, prefilled with the municipality's administrations and units. */
export async function personnelTemplate(
  db: Queryable,
  municipalityId: string,
  format: 'csv' | 'xlsx',
  year: number,
): Promise<{ fileName: string; contentType: string; body: string | Buffer }> {
  const units = await db.query<{ key: string; name: string }>(
    `SELECT key, name FROM administrations WHERE municipality_id = $1 AND (valid_to IS NULL OR valid_to >= make_date($2, 1, 1))
     UNION ALL
     SELECT key, name FROM org_units WHERE municipality_id = $1 AND (valid_to IS NULL OR valid_to >= make_date($2, 1, 1))`,
    [municipalityId, year],
  )
  const options = { prefill: { units: [{ key: 'kommunen', name: 'Hela kommunen' }, ...units], year } }
  return format === 'csv'
    ? {
        fileName: `personal-${year}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: personnelTemplateCsv(options),
      }
    : {
        fileName: `personal-${year}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await personnelTemplateXlsx(options),
      }
}
