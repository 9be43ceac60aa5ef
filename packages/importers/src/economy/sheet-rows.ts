import { type BoardContext, type Queryable, readAccountGroups } from '@arshjul/db'
import type { ImportKind } from '@arshjul/domain'
import { parseInvestmentSheet, parseOperatingSheet } from '../spreadsheet/index.ts'
import type { InvestmentProjectInfo, SheetProblem } from '../spreadsheet/types.ts'
import type { ImportProblem, ImportRow, PreparedRows } from './types.ts'

export interface PreparedInvestments {
  projects: InvestmentProjectInfo[]
  rows: {
    projectKey: string
    year: number
    measure: Exclude<ImportRow['measure'], 'period-budget'>
    followUpId: string | null
    amountOre: number
  }[]
}

function problems(list: readonly SheetProblem[]): ImportProblem[] {
  return list.map((p) =>
    p.column === undefined
      ? { line: p.line, message: p.message }
      : { line: p.line, column: p.column, message: p.message },
  )
}

async function followUpIds(db: Queryable, board: BoardContext): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; key: string }>(
    'SELECT id, key FROM follow_ups WHERE board_id = $1',
    [board.id],
  )
  return new Map(rows.map((r) => [r.key, r.id]))
}

/**
 * Read a filled-in template (CSV or Excel) for the board into rows, checking what the template
 * itself cannot know: that follow-ups, account groups and activity codes exist. Unknown cost
 * centres are not errors here: the preview lists them for mapping.
 */
export async function sheetRows(
  db: Queryable,
  board: BoardContext,
  req: { kind: ImportKind; year: number; fileName: string; bytes: Uint8Array },
): Promise<{ prepared: PreparedRows; scope: string; investments?: PreparedInvestments }> {
  const format = req.kind.startsWith('csv') ? 'csv' : 'xlsx'
  const options = { year: req.year, sign: board.municipality.settings.signConvention }
  const fus = await followUpIds(db, board)
  const errors: ImportProblem[] = []
  const followUpOf = (key: string | undefined, line: number): string | null => {
    if (key === undefined) return null
    const id = fus.get(key)
    if (id === undefined)
      errors.push({
        line,
        column: 'Uppföljning',
        message: `Rad ${line}: uppföljningen "${key}" finns inte för nämnden.`,
      })
    return id ?? null
  }

  if (req.kind === 'csv-drift' || req.kind === 'xlsx-drift') {
    const parsed = await parseOperatingSheet(req.bytes, format, options)
    if (!parsed.ok) return { prepared: { ok: false, errors: problems(parsed.errors) }, scope: '' }
    const groups = new Set((await readAccountGroups(db, board.municipality.id)).map((g) => g.key))
    const codes = new Set(
      (
        await db.query<{ code: string }>(
          'SELECT code FROM activity_codes WHERE municipality_id IS NULL OR municipality_id = $1',
          [board.municipality.id],
        )
      ).map((r) => r.code),
    )
    const rows: ImportRow[] = parsed.rows.map((r) => {
      if (r.accountGroup !== undefined && !groups.has(r.accountGroup)) {
        errors.push({
          line: r.line,
          column: 'Kontogrupp',
          message: `Rad ${r.line}: kontogruppen "${r.accountGroup}" finns inte.`,
        })
      }
      if (r.activityCode !== undefined && !codes.has(r.activityCode)) {
        errors.push({
          line: r.line,
          column: 'Verksamhet',
          message: `Rad ${r.line}: verksamhetskoden ${r.activityCode} finns inte.`,
        })
      }
      return {
        year: r.year,
        month: r.month ?? null,
        measure: r.measure,
        followUpId: followUpOf(r.followUp, r.line),
        costCentre: r.costCentre ?? null,
        account: r.account ?? null,
        accountGroup: r.accountGroup ?? null,
        activityCode: r.activityCode ?? null,
        amountOre: r.amountOre,
      }
    })
    if (errors.length > 0) return { prepared: { ok: false, errors }, scope: '' }
    const measures = [...new Set(rows.map((r) => r.measure))].sort().join('+')
    const followUps = [...new Set(parsed.rows.map((r) => r.followUp).filter((k) => k !== undefined))]
      .sort()
      .join('+')
    return {
      prepared: {
        ok: true,
        rows,
        names: new Map(),
        warnings: parsed.warnings.map((w) => w.message),
        summary: { rows: rows.length, measures },
      },
      // A new budget file replaces the earlier budget file; a forecast replaces that follow-up's forecast.
      scope: `sheet-drift:${measures}${followUps ? `:${followUps}` : ''}`,
    }
  }

  const parsed = await parseInvestmentSheet(req.bytes, format, options)
  if (!parsed.ok) return { prepared: { ok: false, errors: problems(parsed.errors) }, scope: '' }
  const projects = new Map<string, InvestmentProjectInfo>()
  for (const r of parsed.rows) projects.set(r.project.key, r.project)
  const elsewhere = await db.query<{ key: string }>(
    'SELECT key FROM investment_projects WHERE municipality_id = $1 AND board_id <> $2 AND key = ANY($3::text[])',
    [board.municipality.id, board.id, [...projects.keys()]],
  )
  for (const e of elsewhere) {
    const line = parsed.rows.find((r) => r.project.key === e.key)?.line ?? 1
    errors.push({
      line,
      column: 'Projekt',
      message: `Rad ${line}: projektet "${e.key}" hör till en annan nämnd.`,
    })
  }
  const rows = parsed.rows.map((r) => ({
    projectKey: r.project.key,
    year: r.year,
    measure: r.measure,
    followUpId: followUpOf(r.followUp, r.line),
    amountOre: r.amountOre,
  }))
  if (errors.length > 0) return { prepared: { ok: false, errors }, scope: '' }
  const measures = [...new Set(rows.map((r) => r.measure))].sort().join('+')
  return {
    prepared: {
      ok: true,
      rows: [],
      names: new Map(),
      warnings: parsed.warnings.map((w) => w.message),
      summary: { projects: projects.size, rows: rows.length, measures },
    },
    scope: `sheet-investments:${measures}`,
    investments: { projects: [...projects.values()], rows },
  }
}
