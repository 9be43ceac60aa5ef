import { encodeCp437 } from './decode.ts'
import type { SieFile, SieObjectList } from './types.ts'
import { formatAmount } from './values.ts'

/** A field in quotes, with `"` and `\` escaped; line breaks, which no field may hold, become spaces. */
const quoted = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]/g, ' ')}"`

/** Account numbers go unquoted, as readers expect, unless they hold a character that needs quotes. */
const bare = (value: string) => (/^[^\s"{}\\]+$/.test(value) ? value : quoted(value))

const list = (objects: SieObjectList) => `{${objects.map((o) => `${o.dimension} ${quoted(o.id)}`).join(' ')}}`

/** Optional trailing fields: empty ones before a present one are written as "", the rest dropped. */
function trailing(values: readonly (string | null)[]): string {
  const last = values.findLastIndex((v) => v !== null)
  return values
    .slice(0, last + 1)
    .map((v) => ` ${v ?? '""'}`)
    .join('')
}

/**
 * The SIE text of a file: records in the order the standard lists them, CRLF line ends. Reading
 * the result with `parseSie` gives the same structure back, line numbers aside (the writer's
 * own order decides those).
 */
export function formatSie(file: SieFile): string {
  const out: string[] = []
  if (file.flag !== null) out.push(`#FLAGGA ${file.flag}`)
  if (file.program) out.push(`#PROGRAM ${quoted(file.program.name)} ${quoted(file.program.version)}`)
  if (file.format !== null) out.push(`#FORMAT ${quoted(file.format)}`)
  if (file.generated) out.push(`#GEN ${file.generated.date} ${quoted(file.generated.by)}`)
  if (file.sieType !== null) out.push(`#SIETYP ${file.sieType}`)
  if (file.companyName !== null) out.push(`#FNAMN ${quoted(file.companyName)}`)
  if (file.orgNumber !== null) out.push(`#ORGNR ${quoted(file.orgNumber)}`)
  for (const y of file.fiscalYears) out.push(`#RAR ${y.index} ${y.start} ${y.end}`)
  for (const a of file.accounts) {
    out.push(`#KONTO ${bare(a.number)} ${quoted(a.name)}`)
    if (a.type !== null) out.push(`#KTYP ${bare(a.number)} ${quoted(a.type)}`)
  }
  for (const d of file.dimensions) {
    out.push(
      d.parent === null
        ? `#DIM ${d.number} ${quoted(d.name)}`
        : `#UNDERDIM ${d.number} ${quoted(d.name)} ${d.parent}`,
    )
  }
  for (const o of file.objects) out.push(`#OBJEKT ${o.dimension} ${quoted(o.id)} ${quoted(o.name)}`)
  for (const b of file.yearBalances) {
    const quantity = b.quantity === null ? null : quoted(b.quantity)
    out.push(`#${b.kind} ${b.year} ${bare(b.account)} ${formatAmount(b.amountOre)}${trailing([quantity])}`)
  }
  for (const b of file.periodBalances) {
    const head = `#${b.kind} ${b.year} ${b.period} ${bare(b.account)} ${list(b.objects)}`
    const quantity = b.quantity === null ? null : quoted(b.quantity)
    out.push(`${head} ${formatAmount(b.amountOre)}${trailing([quantity])}`)
  }
  for (const v of file.vouchers) {
    const head = `#VER ${quoted(v.series)} ${quoted(v.number)} ${v.date} ${quoted(v.text)}`
    out.push(`${head}${trailing([v.registeredOn])}`, '{')
    for (const r of v.rows) {
      const optional = trailing([
        r.date,
        r.text === null ? null : quoted(r.text),
        r.quantity === null ? null : quoted(r.quantity),
      ])
      out.push(`   #${r.kind} ${bare(r.account)} ${list(r.objects)} ${formatAmount(r.amountOre)}${optional}`)
    }
    out.push('}')
  }
  return `${out.join('\r\n')}\r\n`
}

/** The file as CP437 bytes (`#FORMAT PC8`); characters outside CP437 become "?". */
export function writeSie(file: SieFile): Uint8Array {
  return encodeCp437(formatSie(file))
}
