/**
 * Verification before issue: every identity the document relies on, checked on exact values.
 * Rows add up to their totals; deviations follow the municipality's sign rule; the same figure
 * prints the same everywhere; a sentence's numbers are still the figures' values; counts of
 * levels and statuses match the lists. An `error` blocks issuing (unless the controller signs an
 * exception); notes the builder already made (a source that printed another figure) come along.
 */
import { type AmountUnit, formatNumber, orePerUnit } from '@arshjul/domain'
import type { Cell, Finding, NumberCell, ReportDocument, Section, TableBlock, TableCheck } from './model.ts'

const exactOf = (cell: Cell | undefined): bigint | null => {
  if (cell?.kind !== 'number' || cell.exact === undefined) return null
  return parseExact(cell.exact)
}

/** Exact values are integers (öre, counts) or decimals; decimals compare at 6 places. */
function parseExact(text: string): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim())
  if (!m) return null
  const [, sign, whole, fraction = ''] = m
  const scaled = BigInt(`${whole}${fraction.padEnd(6, '0').slice(0, 6)}`)
  return sign === '-' ? -scaled : scaled
}

function showExact(value: bigint): string {
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(7, '0')
  const whole = digits.slice(0, -6)
  const fraction = digits.slice(-6).replace(/0+$/, '')
  return `${negative ? '−' : ''}${whole}${fraction ? `,${fraction}` : ''}`
}

/** An exact value as the table's readers know it: money in the table's unit, anything else as is. */
function showIn(table: TableBlock, value: bigint): string {
  const perUnit = table.unit && table.unit in orePerUnit ? orePerUnit[table.unit as AmountUnit] : null
  if (perUnit === null) return showExact(value)
  // Exact values carry six decimals (see parseExact); öre are whole.
  const ore = Number(value / 1_000_000n)
  const amount = ore / perUnit
  const decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(Math.abs(amount % 1) || 1))))
  return formatNumber(amount, Number.isInteger(amount) ? 0 : Math.max(1, decimals))
}

function tables(sections: readonly Section[]): { table: TableBlock; section: Section }[] {
  return sections.flatMap((section) => [
    ...section.blocks.filter((b): b is TableBlock => b.kind === 'table').map((table) => ({ table, section })),
    ...tables(section.sections),
  ])
}

const rowName = (table: TableBlock, row: number) => {
  const first = table.rows[row]?.cells[0]
  return first?.kind === 'text' ? first.text : `rad ${row + 1}`
}
const where = (table: TableBlock, row: number | null, column: number) =>
  `Tabell "${table.caption}"${row === null ? '' : `, rad "${rowName(table, row)}"`}, kolumn "${table.columns[column]?.label ?? column + 1}"`

function checkTable(table: TableBlock, check: TableCheck): Finding[] {
  const findings: Finding[] = []
  if (check.kind === 'sum') {
    for (const column of check.columns) {
      const total = exactOf(table.rows[check.total]?.cells[column])
      const parts = check.parts.map((r) => exactOf(table.rows[r]?.cells[column]))
      if (total === null && parts.every((p) => p === null)) continue
      // A dash (no amount of that kind) adds nothing; a total without a value over rows with one is wrong.
      if (total === null) {
        findings.push({
          severity: 'error',
          where: where(table, check.total, column),
          message: `${check.label}: raderna har belopp men summaraden saknar värde.`,
        })
        continue
      }
      const sum = parts.reduce<bigint>((a, b) => a + (b ?? 0n), 0n)
      if (sum !== total) {
        findings.push({
          severity: 'error',
          where: where(table, check.total, column),
          message: `${check.label}: raderna summerar till ${showIn(table, sum)} men summaraden visar ${showIn(table, total)}.`,
        })
        continue
      }
      const rounding = roundingNote(table, check.parts, check.total, column)
      if (rounding) findings.push(rounding)
    }
  } else {
    for (const row of check.rows) {
      const cells = table.rows[row]?.cells
      const budget = exactOf(cells?.[check.budget])
      const outcome = exactOf(cells?.[check.outcome])
      const result = exactOf(cells?.[check.result])
      if (budget === null || outcome === null || result === null) continue
      const expected = check.sign === 'costs-positive' ? budget - outcome : outcome - budget
      if (expected !== result) {
        findings.push({
          severity: 'error',
          where: where(table, row, check.result),
          message: `${check.label}: avvikelsen ska vara ${showIn(table, expected)} men är ${showIn(table, result)}.`,
        })
      }
    }
  }
  return findings
}

/**
 * Rows rounded one by one may not add up to the rounded total (the total is rounded from the exact
 * sum): said in a note, as readers add up printed rows.
 */
function roundingNote(table: TableBlock, parts: number[], total: number, column: number): Finding | null {
  const shown = (row: number) => {
    const cell = table.rows[row]?.cells[column]
    return cell?.kind === 'number' && cell.value !== null ? cell.value : null
  }
  const totalShown = shown(total)
  const cell = table.rows[total]?.cells[column]
  if (totalShown === null || cell?.kind !== 'number') return null
  const scale = 10 ** cell.decimals
  const sum = parts.reduce((a, r) => a + Math.round((shown(r) ?? 0) * scale), 0)
  if (sum === Math.round(totalShown * scale)) return null
  const print = (n: number) => formatNumber(n / scale, cell.decimals)
  return {
    severity: 'note',
    where: where(table, total, column),
    message: `De avrundade raderna summerar till ${print(sum)} men summan visar ${cell.display}: summan räknas på exakta belopp och avrundas sist.`,
  }
}

/** Where a source document printed a figure differently, the computed value is shown and noted. */
function checkPrinted(doc: ReportDocument): Finding[] {
  const shownByFigure = new Map<string, string>()
  for (const { cell } of numberCells(doc)) if (cell.figure) shownByFigure.set(cell.figure, cell.display)
  const normal = (text: string) => text.replace(/[\s\u00a0\u202f]/g, '').replace(/-/g, '\u2212')
  return (doc.printed ?? []).flatMap((p): Finding[] => {
    const shown = shownByFigure.get(p.figure)
    const label = doc.figures[p.figure]?.label ?? p.figure
    if (shown === undefined) {
      return [
        {
          severity: 'warning',
          where: p.location,
          message: `Källdokumentets siffra för "${label}" finns inte i dokumentet.`,
        },
      ]
    }
    if (normal(shown) === normal(p.printed)) return []
    return [
      {
        severity: 'note',
        where: p.location,
        message: `Källdokumentet trycker ${label.toLowerCase()} som ${p.printed}; beräknat ur de exakta beloppen blir den ${shown}, och det är det värde dokumentet visar.`,
      },
    ]
  })
}

function numberCells(
  doc: ReportDocument,
): { cell: NumberCell; table: TableBlock; row: number; column: number }[] {
  return tables(doc.sections).flatMap(({ table }) =>
    table.rows.flatMap((r, row) =>
      r.cells.flatMap((cell, column) => (cell.kind === 'number' ? [{ cell, table, row, column }] : [])),
    ),
  )
}

function checkFigures(doc: ReportDocument): Finding[] {
  const findings: Finding[] = []
  for (const { cell, table, row, column } of numberCells(doc)) {
    if (!cell.figure) continue
    const figure = doc.figures[cell.figure]
    if (!figure) {
      findings.push({
        severity: 'warning',
        where: where(table, row, column),
        message: `Siffran hänvisar till "${cell.figure}", som saknar källa.`,
      })
      continue
    }
    const shown = cell.exact === undefined ? null : parseExact(cell.exact)
    const source = parseExact(figure.exact)
    if (shown !== null && source !== null && shown !== source) {
      findings.push({
        severity: 'error',
        where: where(table, row, column),
        message: `${figure.label} är ${showExact(source)} i källan men ${showExact(shown)} här: samma siffra ska vara densamma överallt.`,
      })
    }
  }
  return findings
}

function checkCitations(doc: ReportDocument): Finding[] {
  const findings: Finding[] = []
  const walk = (sections: readonly Section[]) => {
    for (const section of sections) {
      for (const block of section.blocks) {
        if (block.kind !== 'paragraph') continue
        for (const cite of block.cites ?? []) {
          const figure = doc.figures[cite.figure]
          if (!figure) {
            findings.push({
              severity: 'error',
              where: `Avsnitt "${section.title}"`,
              message: `Texten bygger på "${cite.figure}", som inte finns i dokumentet.`,
            })
          } else if (parseExact(figure.exact) !== parseExact(cite.value)) {
            findings.push({
              severity: 'error',
              where: `Avsnitt "${section.title}"`,
              message: `Texten skrevs när ${figure.label.toLowerCase()} var ${showExact(parseExact(cite.value) ?? 0n)}; nu är den ${showExact(parseExact(figure.exact) ?? 0n)}. Uppdatera texten.`,
            })
          }
        }
      }
      walk(section.sections)
    }
  }
  walk(doc.sections)
  return findings
}

function checkCounts(doc: ReportDocument): Finding[] {
  const byId = new Map(tables(doc.sections).map(({ table }) => [table.id, table]))
  const findings: Finding[] = []
  for (const check of doc.checks ?? []) {
    const table = byId.get(check.table)
    const figure = doc.figures[check.figure]
    if (!table || !figure) {
      findings.push({
        severity: 'error',
        where: check.label,
        message: `Kontrollen hänvisar till ${table ? `siffran "${check.figure}"` : `tabellen "${check.table}"`}, som saknas.`,
      })
      continue
    }
    const counted = table.rows.filter((r) => {
      if (r.kind !== 'data') return false
      if (check.match === undefined) return true
      const cell = r.cells[check.column]
      const text = cell?.kind === 'level' ? cell.label : cell?.kind === 'text' ? cell.text : null
      return text === check.match
    }).length
    const stated = parseExact(figure.exact)
    if (stated !== BigInt(counted) * 1_000_000n) {
      findings.push({
        severity: 'error',
        where: `Tabell "${table.caption}"`,
        message: `${check.label}: tabellen har ${counted} men dokumentet anger ${showExact(stated ?? 0n)}.`,
      })
    }
  }
  return findings
}

/** Every finding, errors first; the builder's own notes last. */
export function validateDocument(doc: ReportDocument): Finding[] {
  const findings = [
    ...tables(doc.sections).flatMap(({ table }) => (table.checks ?? []).flatMap((c) => checkTable(table, c))),
    ...checkFigures(doc),
    ...checkCitations(doc),
    ...checkCounts(doc),
    ...checkPrinted(doc),
    ...doc.notes,
  ]
  const order = { error: 0, warning: 1, note: 2 } as const
  return findings.sort((a, b) => order[a.severity] - order[b.severity])
}

export const blocking = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error')
