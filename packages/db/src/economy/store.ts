import {
  type AccountGroup,
  AppError,
  accountGroupOf,
  defaultAccountGroups,
  type ImportPreview,
  type Measure,
} from '@arshjul/domain'
import { type Actor, appendAudit } from '../cycle/audit.ts'
import type { Queryable } from '../database.ts'
import { insertRows } from '../insert-rows.ts'

/** One operating amount to be stored: exact öre in the ledger's sign. */
export interface AmountRow {
  year: number
  month: number | null
  measure: Measure
  followUpId: string | null
  costCentre: string | null
  account: string | null
  accountGroup: string | null
  activityCode: string | null
  amountOre: number
}

export interface InvestmentAmountRow {
  projectId: string
  year: number
  measure: Exclude<Measure, 'period-budget'>
  followUpId: string | null
  amountOre: number
}

/** What is being imported: a file (or a seeded data set) for one scope of one year. */
export interface EconomyImport {
  municipalityId: string
  /** Null for a ledger covering the whole municipality (its cost centres say which board). */
  boardId: string | null
  year: number
  /** Which earlier import this one replaces: the same scope, year and board. */
  scope: string
  sourceKind: 'sie' | 'csv' | 'xlsx' | 'seed'
  /** 'comparison' keeps figures printed for comparison out of the tables (see migration 003). */
  role?: 'record' | 'comparison'
  fileName: string
  sha256: string | null
  actor: Actor | null
  summary?: unknown
}

export interface PreviousImport {
  id: string
  fileName: string
  importedAt: string
  rowCount: number
}

export async function findPreviousImport(db: Queryable, imp: EconomyImport): Promise<PreviousImport | null> {
  const [row] = await db.query<{ id: string; file_name: string; imported_at: string; row_count: number }>(
    `SELECT id, file_name, imported_at::text, row_count FROM economy_imports
      WHERE municipality_id = $1 AND board_id IS NOT DISTINCT FROM $2 AND year = $3 AND scope = $4`,
    [imp.municipalityId, imp.boardId, imp.year, imp.scope],
  )
  return row
    ? { id: row.id, fileName: row.file_name, importedAt: row.imported_at, rowCount: row.row_count }
    : null
}

/**
 * Store an import inside the caller's transaction, replacing the earlier import of the same scope
 * (its amounts go with it by cascade): a corrected file loaded again never duplicates anything.
 * The caller has validated every row; the audit trail records what was replaced.
 */
export async function replaceImport(
  tx: Queryable,
  imp: EconomyImport,
  rows: readonly AmountRow[],
  investmentRows: readonly InvestmentAmountRow[] = [],
  options: { importId?: string } = {},
): Promise<{ importId: string; replaced: PreviousImport | null }> {
  const previous = await findPreviousImport(tx, imp)
  if (previous) await tx.query('DELETE FROM economy_imports WHERE id = $1', [previous.id])
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO economy_imports
       (id, municipality_id, board_id, year, scope, source_kind, file_name, file_sha256, row_count, summary, imported_by, role)
     VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11, $12)
     RETURNING id`,
    [
      options.importId ?? null,
      imp.municipalityId,
      imp.boardId,
      imp.year,
      imp.scope,
      imp.sourceKind,
      imp.fileName,
      imp.sha256,
      rows.length + investmentRows.length,
      JSON.stringify(imp.summary ?? {}),
      imp.actor?.id ?? null,
      imp.role ?? 'record',
    ],
  )
  if (!created) throw new Error('economy import not written')
  const importId = created.id
  await insertRows(
    tx,
    'economy_amounts',
    [
      'import_id',
      'municipality_id',
      'board_id',
      'year',
      'month',
      'measure',
      'follow_up_id',
      'cost_centre',
      'account',
      'account_group',
      'activity_code',
      'amount_ore',
    ],
    rows.map((r) => [
      importId,
      imp.municipalityId,
      imp.boardId,
      r.year,
      r.month,
      r.measure,
      r.followUpId,
      r.costCentre,
      r.account,
      r.accountGroup,
      r.activityCode,
      r.amountOre,
    ]),
  )
  await insertRows(
    tx,
    'investment_amounts',
    ['import_id', 'project_id', 'year', 'measure', 'follow_up_id', 'amount_ore'],
    investmentRows.map((r) => [importId, r.projectId, r.year, r.measure, r.followUpId, r.amountOre]),
  )
  if (imp.actor) {
    await appendAudit(tx, {
      chain: imp.municipalityId,
      actor: imp.actor,
      action: 'economy.import',
      entityKind: 'economy-import',
      entityId: importId,
      summary: previous
        ? `Importerade ${imp.fileName} för ${imp.year} (${rows.length + investmentRows.length} rader) och ersatte ${previous.fileName}`
        : `Importerade ${imp.fileName} för ${imp.year} (${rows.length + investmentRows.length} rader)`,
      before: previous,
      after: { scope: imp.scope, fileName: imp.fileName, sha256: imp.sha256, rowCount: rows.length },
    })
  }
  return { importId, replaced: previous }
}

/** The municipality's account-group mapping, or the Kommun-Bas default when it has none stored. */
export async function readAccountGroups(db: Queryable, municipalityId: string): Promise<AccountGroup[]> {
  const rows = await db.query<{ key: string; label: string; kind: AccountGroup['kind']; ranges: unknown }>(
    'SELECT key, label, kind, ranges FROM account_groups WHERE municipality_id = $1 ORDER BY sort_order',
    [municipalityId],
  )
  if (rows.length === 0) return defaultAccountGroups
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    kind: r.kind,
    ranges: r.ranges as AccountGroup['ranges'],
  }))
}

export async function writeAccountGroups(
  tx: Queryable,
  municipalityId: string,
  groups: readonly AccountGroup[],
): Promise<void> {
  await tx.query('DELETE FROM account_groups WHERE municipality_id = $1', [municipalityId])
  await insertRows(
    tx,
    'account_groups',
    ['municipality_id', 'key', 'label', 'kind', 'sort_order', 'ranges::jsonb'],
    groups.map((g, i) => [municipalityId, g.key, g.label, g.kind, i, JSON.stringify(g.ranges)]),
  )
}

export interface CostCentreRecord {
  code: string
  name: string
  orgUnitId: string | null
  unitKey: string | null
  unitName: string | null
  boardId: string | null
  administrationKey: string | null
  administrationName: string | null
  sortOrder: number | null
}

/** Cost centres of a municipality with the unit (and through it the board) each belongs to. */
export async function readCostCentres(
  db: Queryable,
  municipalityId: string,
): Promise<Map<string, CostCentreRecord>> {
  const rows = await db.query<{
    code: string
    name: string
    org_unit_id: string | null
    unit_key: string | null
    unit_name: string | null
    board_id: string | null
    adm_key: string | null
    adm_name: string | null
    sort_order: number | null
  }>(
    `SELECT c.code, c.name, c.org_unit_id, u.key AS unit_key, u.name AS unit_name, a.board_id,
            a.key AS adm_key, a.name AS adm_name, c.sort_order
       FROM cost_centres c
       LEFT JOIN org_units u ON u.id = c.org_unit_id
       LEFT JOIN administrations a ON a.id = u.administration_id
      WHERE c.municipality_id = $1
      ORDER BY c.sort_order NULLS LAST, c.code`,
    [municipalityId],
  )
  return new Map(
    rows.map((r) => [
      r.code,
      {
        code: r.code,
        name: r.name,
        orgUnitId: r.org_unit_id,
        unitKey: r.unit_key,
        unitName: r.unit_name,
        boardId: r.board_id,
        administrationKey: r.adm_key,
        administrationName: r.adm_name,
        sortOrder: r.sort_order,
      },
    ]),
  )
}

/** Register cost centres that an import brought (not yet mapped to a unit). Existing ones are kept. */
export async function addCostCentres(
  tx: Queryable,
  municipalityId: string,
  centres: readonly { code: string; name: string | null }[],
): Promise<void> {
  for (const c of centres) {
    await tx.query(
      `INSERT INTO cost_centres (municipality_id, code, name) VALUES ($1, $2, $3)
       ON CONFLICT (municipality_id, code) DO NOTHING`,
      [municipalityId, c.code, c.name ?? `Ansvar ${c.code}`],
    )
  }
}

/** Map a cost centre to a unit of the municipality (or unmap it with null). */
export async function mapCostCentre(
  tx: Queryable,
  municipalityId: string,
  code: string,
  unitKey: string | null,
  actor: Actor,
): Promise<void> {
  let unitId: string | null = null
  if (unitKey !== null) {
    const [unit] = await tx.query<{ id: string }>(
      'SELECT id FROM org_units WHERE municipality_id = $1 AND key = $2',
      [municipalityId, unitKey],
    )
    if (!unit) throw new AppError('VALIDATION', { userMessage: `Enheten "${unitKey}" finns inte.` })
    unitId = unit.id
  }
  const [row] = await tx.query<{ id: string }>(
    `UPDATE cost_centres SET org_unit_id = $3 WHERE municipality_id = $1 AND code = $2
     RETURNING id`,
    [municipalityId, code, unitId],
  )
  if (!row) throw new AppError('NOT_FOUND', { userMessage: `Ansvaret ${code} finns inte.` })
  await appendAudit(tx, {
    chain: municipalityId,
    actor,
    action: 'economy.map-cost-centre',
    entityKind: 'cost-centre',
    entityId: row.id,
    summary: unitKey
      ? `Kopplade ansvar ${code} till enheten ${unitKey}`
      : `Tog bort kopplingen för ansvar ${code}`,
    before: null,
    after: { code, unit: unitKey },
  })
}

/**
 * What an import would change, before anything is written: amounts per cost centre and measure
 * before (the import it replaces) and after, cost centres that are not known, and accounts the
 * mapping does not cover.
 */
export async function previewImport(
  db: Queryable,
  imp: EconomyImport,
  rows: readonly AmountRow[],
  names: ReadonlyMap<string, string> = new Map(),
): Promise<Omit<ImportPreview, 'fileName' | 'sha256' | 'kind' | 'year' | 'warnings'>> {
  const previous = await findPreviousImport(db, imp)
  const known = await readCostCentres(db, imp.municipalityId)
  const groups = await readAccountGroups(db, imp.municipalityId)
  const before = new Map<string, number>()
  if (previous) {
    const old = await db.query<{ cost_centre: string | null; measure: Measure; sum: string }>(
      `SELECT cost_centre, measure, sum(amount_ore)::text AS sum FROM economy_amounts
        WHERE import_id = $1 GROUP BY cost_centre, measure`,
      [previous.id],
    )
    for (const r of old) before.set(`${r.cost_centre ?? ''}\u0000${r.measure}`, Number(r.sum))
  }
  const after = new Map<string, number>()
  for (const r of rows) {
    const key = `${r.costCentre ?? ''}\u0000${r.measure}`
    after.set(key, (after.get(key) ?? 0) + r.amountOre)
  }
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort()
  const changes = keys
    .map((key) => {
      const [code = '', measure = 'outcome'] = key.split('\u0000')
      return {
        subject: code,
        subjectName:
          code === ''
            ? 'Ej fördelat på ansvar'
            : (known.get(code)?.name ?? names.get(code) ?? `Ansvar ${code}`),
        measure: measure as Measure,
        before: before.get(key) ?? 0,
        after: after.get(key) ?? 0,
      }
    })
    .filter((c) => c.before !== c.after)
  const unknownCodes = [...new Set(rows.map((r) => r.costCentre).filter((c): c is string => c !== null))]
    .filter((c) => !known.has(c))
    .sort()
  const unmapped = [
    ...new Set(
      rows
        .filter(
          (r) =>
            r.account !== null && r.accountGroup === null && accountGroupOf(r.account, groups) === undefined,
        )
        .map((r) => r.account as string),
    ),
  ].sort()
  return {
    scope: imp.scope,
    rowCount: rows.length,
    replaces: previous
      ? { fileName: previous.fileName, importedAt: previous.importedAt, rowCount: previous.rowCount }
      : null,
    changes,
    unknownCostCentres: unknownCodes.map((code) => ({ code, name: names.get(code) ?? null })),
    unmappedAccounts: unmapped,
  }
}
