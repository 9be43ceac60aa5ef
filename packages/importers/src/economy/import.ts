import { createHash } from 'node:crypto'
import {
  type Actor,
  addCostCentres,
  type BoardContext,
  type Database,
  type EconomyImport,
  findPreviousImport,
  type InvestmentAmountRow,
  type MunicipalityContext,
  previewImport,
  type Queryable,
  readCostCentres,
  replaceImport,
} from '@arshjul/db'
import {
  AppError,
  type ImportKind,
  type ImportPreview,
  type ImportResult,
  type Measure,
} from '@arshjul/domain'
import { assertPreviewed, problemDetails } from './problems.ts'
import { type PreparedInvestments, sheetRows } from './sheet-rows.ts'
import { sieRows } from './sie-rows.ts'
import type { PreparedRows } from './types.ts'

export interface ImportRequest {
  kind: ImportKind
  year: number
  fileName: string
  bytes: Uint8Array
  municipality: MunicipalityContext
  /** The board the import is made from; a SIE ledger covers the whole municipality. */
  board: BoardContext | null
  /** SIE: read a ledger with an unbalanced voucher anyway, reporting it as a warning. */
  allowUnbalanced?: boolean | undefined
  /** SIE: the ledger's dimension holding SCB activity codes, if it has one. */
  activityDimension?: number | undefined
}

const MAX_FILE_BYTES = 200 * 1024 * 1024

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function sourceKindOf(kind: ImportKind): EconomyImport['sourceKind'] {
  if (kind === 'sie') return 'sie'
  return kind.startsWith('csv') ? 'csv' : 'xlsx'
}

/** Read the file into rows (nothing is written); a bad file is a VALIDATION error listing lines. */
async function prepare(
  db: Queryable,
  req: ImportRequest,
): Promise<{ prepared: PreparedRows & { ok: true }; imp: EconomyImport; investments?: PreparedInvestments }> {
  if (req.bytes.byteLength === 0) {
    throw new AppError('VALIDATION', { userMessage: `Filen ${req.fileName} är tom.` })
  }
  if (req.bytes.byteLength > MAX_FILE_BYTES) {
    throw new AppError('VALIDATION', { userMessage: `Filen ${req.fileName} är större än 200 MB.` })
  }
  let prepared: PreparedRows
  let scope: string
  let boardId: string | null
  let investments: PreparedInvestments | undefined
  if (req.kind === 'sie') {
    prepared = sieRows(req.bytes, {
      fileName: req.fileName,
      year: req.year,
      allowUnbalanced: req.allowUnbalanced === true,
      activityDimension: req.activityDimension,
    })
    if (prepared.ok) await checkActivityCodes(db, req.municipality.id, prepared.rows)
    scope = 'sie'
    boardId = null
  } else {
    if (!req.board) throw new AppError('VALIDATION', { userMessage: 'Ange vilken nämnd filen gäller.' })
    const sheet = await sheetRows(db, req.board, req)
    prepared = sheet.prepared
    scope = sheet.scope
    investments = sheet.investments
    boardId = req.board.id
  }
  if (!prepared.ok) {
    throw new AppError('VALIDATION', {
      userMessage: `Filen ${req.fileName} kunde inte läsas in: ${prepared.errors.length === 1 ? 'ett fel' : `${prepared.errors.length} fel`}. Ingenting har sparats.`,
      details: problemDetails(prepared.errors),
    })
  }
  return {
    prepared,
    ...(investments ? { investments } : {}),
    imp: {
      municipalityId: req.municipality.id,
      boardId,
      year: req.year,
      scope,
      sourceKind: sourceKindOf(req.kind),
      fileName: req.fileName,
      sha256: sha256Of(req.bytes),
      actor: null,
      summary: prepared.summary,
    },
  }
}

/** What the import would change, before anything is written. */
export async function previewEconomyImport(db: Queryable, req: ImportRequest): Promise<ImportPreview> {
  const { prepared, imp, investments } = await prepare(db, req)
  const preview = await previewImport(db, imp, prepared.rows, prepared.names)
  if (investments) {
    preview.rowCount = investments.rows.length
    preview.changes = await investmentChanges(db, imp, investments)
  }
  return {
    fileName: req.fileName,
    sha256: imp.sha256 ?? '',
    kind: req.kind,
    year: req.year,
    warnings: prepared.warnings,
    ...preview,
  }
}

/**
 * Write the import, all or nothing, replacing the earlier import of the same scope. The file must be
 * the one that was previewed (same SHA-256). Cost centres the municipality does not know stop the
 * import unless the caller accepts them as new (they are then listed for mapping to units).
 */
export async function commitEconomyImport(
  db: Database,
  req: ImportRequest & { expectedSha256?: string | undefined; acceptNewCostCentres: boolean; actor: Actor },
): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const { prepared, imp, investments } = await prepare(tx, req)
    assertPreviewed(req.expectedSha256, imp.sha256)
    const known = await readCostCentres(tx, req.municipality.id)
    const unknown = [
      ...new Set(prepared.rows.map((r) => r.costCentre).filter((c): c is string => c !== null)),
    ]
      .filter((c) => !known.has(c))
      .sort()
    if (unknown.length > 0 && !req.acceptNewCostCentres) {
      throw new AppError('VALIDATION', {
        userMessage: `Filen har ${unknown.length} ansvar som Årshjul inte känner till. Koppla dem eller godkänn dem som nya. Ingenting har sparats.`,
        details: unknown.map((code) => ({
          path: `ansvar ${code}`,
          message: `Okänt ansvar ${code}${prepared.names.get(code) ? ` (${prepared.names.get(code)})` : ''}`,
        })),
      })
    }
    await addCostCentres(
      tx,
      req.municipality.id,
      unknown.map((code) => ({ code, name: prepared.names.get(code) ?? null })),
    )
    const investmentRows = investments && req.board ? await upsertProjects(tx, req.board, investments) : []
    const { importId, replaced } = await replaceImport(
      tx,
      { ...imp, actor: req.actor },
      prepared.rows,
      investmentRows,
    )
    return { importId, rowCount: prepared.rows.length + investmentRows.length, replaced: replaced !== null }
  })
}

/** Create or update the projects of an investment file; returns its amounts with project ids. */
async function upsertProjects(
  tx: Queryable,
  board: BoardContext,
  inv: PreparedInvestments,
): Promise<InvestmentAmountRow[]> {
  const ids = new Map<string, string>()
  for (const p of inv.projects) {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO investment_projects (municipality_id, board_id, key, name, category, status, decided_total_ore)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (municipality_id, key) DO UPDATE
         SET name = EXCLUDED.name, category = EXCLUDED.category, status = EXCLUDED.status,
             decided_total_ore = COALESCE(EXCLUDED.decided_total_ore, investment_projects.decided_total_ore)
       WHERE investment_projects.board_id = EXCLUDED.board_id
       RETURNING id`,
      [board.municipality.id, board.id, p.key, p.name, p.category, p.status, p.decidedTotalOre ?? null],
    )
    if (!row) throw new AppError('CONFLICT', { userMessage: `Projektet "${p.key}" hör till en annan nämnd.` })
    ids.set(p.key, row.id)
  }
  return inv.rows.map((r) => ({
    projectId: ids.get(r.projectKey) as string,
    year: r.year,
    measure: r.measure,
    followUpId: r.followUpId,
    amountOre: r.amountOre,
  }))
}

/** Before and after per project and measure, against the import this one would replace. */
async function investmentChanges(
  db: Queryable,
  imp: EconomyImport,
  inv: PreparedInvestments,
): Promise<ImportPreview['changes']> {
  const previous = await findPreviousImport(db, imp)
  const before = new Map<string, number>()
  const names = new Map(inv.projects.map((p) => [p.key, p.name]))
  if (previous) {
    const old = await db.query<{ key: string; name: string; measure: Measure; sum: string }>(
      `SELECT p.key, p.name, a.measure, sum(a.amount_ore)::text AS sum
         FROM investment_amounts a JOIN investment_projects p ON p.id = a.project_id
        WHERE a.import_id = $1 GROUP BY p.key, p.name, a.measure`,
      [previous.id],
    )
    for (const r of old) {
      before.set(`${r.key}\u0000${r.measure}`, Number(r.sum))
      if (!names.has(r.key)) names.set(r.key, r.name)
    }
  }
  const after = new Map<string, number>()
  for (const r of inv.rows) {
    const key = `${r.projectKey}\u0000${r.measure}`
    after.set(key, (after.get(key) ?? 0) + r.amountOre)
  }
  return [...new Set([...before.keys(), ...after.keys()])]
    .sort()
    .map((key) => {
      const [project = '', measure = 'budget'] = key.split('\u0000')
      return {
        subject: project,
        subjectName: names.get(project) ?? project,
        measure: measure as Measure,
        before: before.get(key) ?? 0,
        after: after.get(key) ?? 0,
      }
    })
    .filter((c) => c.before !== c.after)
}

/** Activity codes in a ledger must be SCB's or the municipality's own; unknown ones stop the import. */
async function checkActivityCodes(
  db: Queryable,
  municipalityId: string,
  rows: readonly { activityCode: string | null }[],
): Promise<void> {
  const used = [...new Set(rows.map((r) => r.activityCode).filter((c): c is string => c !== null))]
  if (used.length === 0) return
  const known = new Set(
    (
      await db.query<{ code: string }>(
        'SELECT code FROM activity_codes WHERE (municipality_id IS NULL OR municipality_id = $1) AND code = ANY($2::text[])',
        [municipalityId, used],
      )
    ).map((r) => r.code),
  )
  const unknown = used.filter((c) => !known.has(c)).sort()
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', {
      userMessage: `Filen har verksamhetskoder som varken är SCB:s eller kommunens egna: ${unknown.join(', ')}. Ingenting har sparats.`,
      details: unknown.map((code) => ({
        path: `verksamhet ${code}`,
        message: `Okänd verksamhetskod ${code}`,
      })),
    })
  }
}
