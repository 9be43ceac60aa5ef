import { type BoardContext, type Queryable, readCostCentres } from '@arshjul/db'
import {
  investmentTemplateCsv,
  investmentTemplateXlsx,
  operatingTemplateCsv,
  operatingTemplateXlsx,
} from '../spreadsheet/index.ts'
import type { InvestmentProjectInfo } from '../spreadsheet/types.ts'

export const templateNames = ['drift.csv', 'drift.xlsx', 'investeringar.csv', 'investeringar.xlsx'] as const
export type TemplateName = (typeof templateNames)[number]

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * A template to download, prefilled with the board's cost centres (operating) or projects
 * (investments) for the year, in the municipality's sign convention.
 */
export async function economyTemplate(
  db: Queryable,
  board: BoardContext,
  name: TemplateName,
  year: number,
): Promise<{ fileName: string; contentType: string; body: Buffer | string }> {
  const sign = board.municipality.settings.signConvention
  const base = `${board.municipality.code}-${board.key}-${year}`
  if (name.startsWith('drift')) {
    const centres = [...(await readCostCentres(db, board.municipality.id)).values()]
      .filter((c) => c.boardId === board.id)
      .map((c) => ({ code: c.code, name: c.name }))
    const options = { sign, prefill: { costCentres: centres, year, measure: 'budget' as const } }
    return name.endsWith('.csv')
      ? {
          fileName: `drift-${base}.csv`,
          contentType: 'text/csv; charset=utf-8',
          body: operatingTemplateCsv(options),
        }
      : { fileName: `drift-${base}.xlsx`, contentType: XLSX, body: await operatingTemplateXlsx(options) }
  }
  const projects = await db.query<{
    key: string
    name: string
    category: InvestmentProjectInfo['category']
    status: InvestmentProjectInfo['status']
    decided_total_ore: string | null
  }>(
    `SELECT key, name, category, status, decided_total_ore::text FROM investment_projects
      WHERE board_id = $1 AND status <> 'completed' ORDER BY key`,
    [board.id],
  )
  const options = {
    sign,
    prefill: {
      projects: projects.map((p) => ({
        key: p.key,
        name: p.name,
        category: p.category,
        status: p.status,
        ...(p.decided_total_ore === null ? {} : { decidedTotalOre: Number(p.decided_total_ore) }),
      })),
      year,
      measure: 'budget' as const,
    },
  }
  return name.endsWith('.csv')
    ? {
        fileName: `investeringar-${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: investmentTemplateCsv(options),
      }
    : {
        fileName: `investeringar-${base}.xlsx`,
        contentType: XLSX,
        body: await investmentTemplateXlsx(options),
      }
}
