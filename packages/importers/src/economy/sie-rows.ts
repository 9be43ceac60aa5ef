import { isResultAccount } from '@arshjul/domain'
import { aggregate } from '../sie/aggregate.ts'
import { parseSie } from '../sie/parse.ts'
import type { SieProblem } from '../sie/types.ts'
import type { ImportRow, PreparedRows } from './types.ts'

function toOre(value: bigint, line: number): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n))
    throw new RangeError(`Beloppet på rad ${line} är för stort för att räknas exakt`)
  return n
}

/**
 * Read a SIE 4 file into operating amounts for one calendar year: outcome (from the vouchers, or
 * #PSALDO when the file has none) and period budget (#PBUDGET) per result account, cost centre
 * (dimension 1) and month. Balance-sheet accounts (classes 1–2) are not part of the operating
 * statement and are left out.
 */
export function sieRows(
  bytes: Uint8Array,
  options: {
    fileName: string
    year: number
    costCentreDimension?: number
    /** The ledger's dimension for SCB activity codes (verksamhet), if it books them. */
    activityDimension?: number | undefined
    /** Read a ledger with an unbalanced voucher anyway (it is reported as a warning). */
    allowUnbalanced?: boolean
  },
): PreparedRows {
  const parsed = parseSie(bytes, {
    fileName: options.fileName,
    year: options.year,
    unbalancedVouchers: options.allowUnbalanced ? 'warning' : 'error',
  })
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(problem) }
  const agg = aggregate(parsed.file, {
    year: options.year,
    costCentreDimension: options.costCentreDimension ?? 1,
    ...(options.activityDimension === undefined ? {} : { activityDimension: options.activityDimension }),
  })
  const fy = agg.fiscalYear
  if (!fy) {
    return {
      ok: false,
      errors: [{ line: 1, message: `Filen har inget räkenskapsår (#RAR) för ${options.year}.` }],
    }
  }
  const rows: ImportRow[] = []
  for (const r of agg.rows) {
    if (!isResultAccount(r.account)) continue
    // A broken fiscal year (a company's 1 Sep–31 Aug, say) keeps each month in its calendar year.
    const month = Number(r.period.slice(4, 6))
    const base = {
      year: Number(r.period.slice(0, 4)),
      month,
      followUpId: null,
      costCentre: r.costCentre,
      account: r.account,
      accountGroup: null,
      activityCode: r.activity ?? null,
    }
    if (r.outcomeOre !== 0n) rows.push({ ...base, measure: 'outcome', amountOre: toOre(r.outcomeOre, 1) })
    if (r.budgetOre !== 0n) rows.push({ ...base, measure: 'period-budget', amountOre: toOre(r.budgetOre, 1) })
  }
  const dimension = options.costCentreDimension ?? 1
  const names = new Map(
    parsed.file.objects.filter((o) => o.dimension === dimension).map((o) => [o.id, o.name] as const),
  )
  return {
    ok: true,
    rows,
    names,
    warnings: parsed.warnings.map((w) => `Rad ${w.line}: ${w.message}`),
    summary: {
      company: parsed.file.companyName,
      program: parsed.file.program?.name ?? null,
      outcomeSource: agg.outcomeSource,
      encoding: parsed.file.encoding,
    },
  }
}

function problem(p: SieProblem): { line: number; column?: number; message: string } {
  return p.column === undefined
    ? { line: p.line, message: p.message }
    : { line: p.line, column: p.column, message: p.message }
}
