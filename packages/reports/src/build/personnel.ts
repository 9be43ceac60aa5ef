/**
 * Personnel: one table per measure (rows by breakdown, columns by year), as the public may see
 * them — a group under 10 people prints as a dash with the rule in a note — the sick-leave chart
 * and the board's comment.
 */
import { formatNumber, type PersonnelView } from '@arshjul/domain'
import type { Block, Cell, Section, TableBlock } from '../model.ts'
import { measured, NONE, text } from './cells.ts'
import { sickLeaveChartBlock } from './charts.ts'
import type { BuildContext } from './context.ts'

const HIDDEN_RULE =
  'Uppgifter om grupper med färre än 10 personer redovisas inte, inte heller uppgifter som skulle avslöja dem; de visas med ett streck.'

type Measure = PersonnelView['measures'][number]

const unitSuffix = (m: Measure) => (m.kind === 'percent' ? '\u00a0%' : '')
const unitWord: Record<Measure['kind'], string | null> = {
  percent: 'procent',
  count: 'antal',
  years: 'år',
  index: 'index',
  ratio: null,
}

function measureTable(ctx: BuildContext, measure: Measure): TableBlock {
  const columns = [
    ...new Map(
      measure.rows
        .flatMap((r) => r.cells)
        .map((c) => [`${c.year}|${c.period ?? ''}`, { year: c.year, period: c.period }] as const),
    ).values(),
  ].sort((a, b) => a.year - b.year || (a.period ?? '').localeCompare(b.period ?? ''))
  const rows = measure.rows.map((row) => ({
    kind: 'data' as const,
    cells: [
      text(row.label),
      ...columns.map((col): Cell => {
        const cell = row.cells.find((c) => c.year === col.year && c.period === col.period)
        if (!cell || cell.value === null) return { ...measured(null, measure.decimals), display: NONE }
        const decimals = measure.kind === 'count' ? 0 : measure.decimals
        return measured(
          measure.kind === 'count' ? Math.round(cell.value) : cell.value,
          decimals,
          unitSuffix(measure),
        )
      }),
    ],
  }))
  const unit = unitWord[measure.kind]
  return {
    kind: 'table',
    id: ctx.tableId(`personnel-${measure.measure}`),
    caption: measure.label,
    unit: unit ?? undefined,
    columns: [
      { key: 'breakdown', label: 'Grupp', align: 'left', width: 3 },
      ...columns.map((c) => ({
        key: `${c.year}-${c.period ?? ''}`,
        label: c.period ? `${c.year} ${c.period}` : String(c.year),
        align: 'right' as const,
      })),
    ],
    rows,
    notes:
      measure.numerator && measure.denominator
        ? [`Beräknat som ${measure.numerator.toLowerCase()} delat med ${measure.denominator.toLowerCase()}.`]
        : undefined,
  }
}

export function personnelSection(ctx: BuildContext, title: string): Section | null {
  const view = ctx.data.content.document.personnel
  const comment = ctx.data.content.document.personnelComment
  if (!view && !comment) return null
  const blocks: Block[] = []
  if (comment) blocks.push({ kind: 'paragraph', text: comment })
  if (view) {
    const first = view.years[0]
    const last = view.years.at(-1)
    const years = first === last ? String(first) : `${first}–${last}`
    blocks.push({ kind: 'paragraph', text: `Personalnyckeltal för ${view.scope.name}, ${years}.` })
    for (const measure of view.measures) {
      blocks.push(measureTable(ctx, measure))
      if (measure.measure === 'sick-leave') {
        const chart = sickLeaveChartBlock(view)
        if (chart) blocks.push(chart)
      }
    }
    if (view.hiddenCount > 0) {
      blocks.push({
        kind: 'note',
        text: `${HIDDEN_RULE} ${formatNumber(view.hiddenCount, 0)} ${view.hiddenCount === 1 ? 'uppgift är dold' : 'uppgifter är dolda'}.`,
      })
    }
  }
  return { id: 'personnel', title, blocks, sections: [] }
}
