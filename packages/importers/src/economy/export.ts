import type { MunicipalityContext, Queryable } from '@arshjul/db'
import { type Measure, measureLabels } from '@arshjul/domain'
import { formatOreForCsv, toConventionSign } from '../spreadsheet/number.ts'
import { OPERATING_COLUMNS } from '../spreadsheet/operating.ts'

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/**
 * Every operating amount of a municipality for a year, per cost centre, account and month, as CSV
 * for spreadsheets and BI tools: semicolon-separated UTF-8 with a byte-order mark (what Swedish
 * Excel opens directly), amounts in kronor with öre in the municipality's sign convention — the
 * same columns as the operating template. Sums are exact (taken in the database on öre).
 */
export async function exportOperatingCsv(
  db: Queryable,
  municipality: MunicipalityContext,
  year: number,
): Promise<string> {
  const rows = await db.query<{
    year: number
    month: number | null
    measure: Measure
    cost_centre: string | null
    account: string | null
    account_group: string | null
    activity_code: string | null
    follow_up: string | null
    sum: string
  }>(
    `SELECT a.year, a.month, a.measure, a.cost_centre, a.account, a.account_group, a.activity_code,
            f.key AS follow_up, sum(a.amount_ore)::text AS sum
       FROM economy_amounts_of_record a LEFT JOIN follow_ups f ON f.id = a.follow_up_id
      WHERE a.municipality_id = $1 AND a.year = $2
      GROUP BY a.year, a.month, a.measure, a.cost_centre, a.account, a.account_group, a.activity_code, f.key
      ORDER BY a.cost_centre NULLS FIRST, a.account NULLS FIRST, a.measure, a.month NULLS FIRST,
               a.account_group NULLS FIRST, a.activity_code NULLS FIRST, f.key NULLS FIRST`,
    [municipality.id, year],
  )
  const sign = municipality.settings.signConvention
  // The columns of the operating template, so an export can be edited and loaded again.
  const lines = [OPERATING_COLUMNS.map((c) => c.name).join(';')]
  for (const r of rows) {
    const ore = Number(r.sum)
    if (!Number.isSafeInteger(ore)) throw new RangeError('Beloppet är för stort för att skrivas exakt')
    lines.push(
      [
        String(r.year),
        r.month === null ? '' : String(r.month),
        measureLabels[r.measure],
        r.cost_centre ?? '',
        r.account ?? '',
        r.account_group ?? '',
        r.activity_code ?? '',
        r.follow_up ?? '',
        formatOreForCsv(toConventionSign(ore, sign)),
      ]
        .map(csvField)
        .join(';'),
    )
  }
  return `\ufeff${lines.join('\r\n')}\r\n`
}
