/**
 * Drafted summary paragraphs: deterministic Swedish sentences from the figures — the result
 * against budget and the largest deviations, goal attainment, assignment status — each citing the
 * figures it uses (with the value it used), so the validator can tell when the text no longer
 * agrees with the tables. The writer edits them; an edited text keeps its citations.
 */
import {
  AssignmentStatus,
  assignmentStatusLabels,
  formatAmount,
  formatNumber,
  fromLedgerSign,
  type OperatingView,
} from '@arshjul/domain'
import type { Block, Citation, ParagraphBlock, Section } from '../model.ts'
import { assignmentsOfYear } from './assignments.ts'
import { type BuildContext, computed } from './context.ts'

const joinSv = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`

function money(view: OperatingView, ore: number): string {
  return formatAmount(Math.abs(ore), view.display.unit, view.display.decimals)
}

function economyParagraph(ctx: BuildContext): Block | null {
  const view = ctx.data.content.economy?.operating
  if (!view || view.rows.length === 0) return null
  const cites: Citation[] = []
  const cite = (key: string, label: string, exact: number) => {
    ctx.figure(key, label, exact, ctx.economySource('Summan av raderna, exakt i öre'), 'öre')
    cites.push({ figure: key, value: String(exact) })
  }
  const sentences: string[] = []
  const yearEnd = view.throughMonth === 12
  const deviation = yearEnd ? view.total.deviation : (view.total.forecastDeviation ?? view.total.deviation)
  if (deviation === null) return null
  const key = yearEnd || view.total.forecastDeviation === null ? 'deviation' : 'forecastDeviation'
  cite(
    `operating.total.${key}`,
    `Driftredovisning, summa, ${key === 'deviation' ? 'avvikelse' : 'avvikelse prognos'}`,
    deviation,
  )
  const outcomeOre = yearEnd ? view.total.outcome : view.total.forecast
  const budgetOre = view.total.revisedBudget ?? view.total.budget
  const what = yearEnd ? 'Utfallet' : 'Prognosen för helåret'
  const result =
    deviation === 0
      ? 'i nivå med budget'
      : `ett ${deviation > 0 ? 'överskott' : 'underskott'} på ${money(view, deviation)} mot budget`
  let sentence = `${what} ${view.year} visar ${result}`
  if (outcomeOre !== null && budgetOre !== null) {
    const shownOutcome = fromLedgerSign(outcomeOre, view.display.sign)
    const shownBudget = fromLedgerSign(budgetOre, view.display.sign)
    cite(
      `operating.total.${yearEnd ? 'outcome' : 'forecast'}`,
      `Driftredovisning, summa, ${yearEnd ? 'utfall' : 'prognos'}`,
      shownOutcome,
    )
    cite('operating.total.budget', 'Driftredovisning, summa, budget', shownBudget)
    sentence += ` (${yearEnd ? 'utfall' : 'prognos'} ${formatAmount(shownOutcome, view.display.unit, view.display.decimals)}, budget ${formatAmount(shownBudget, view.display.unit, view.display.decimals)})`
  }
  sentences.push(`${sentence}.`)
  const rows = view.rows.filter(
    (r) => (yearEnd ? r.figures.deviation : (r.figures.forecastDeviation ?? r.figures.deviation)) !== null,
  )
  const devOf = (r: (typeof rows)[number]) =>
    (yearEnd ? r.figures.deviation : (r.figures.forecastDeviation ?? r.figures.deviation)) ?? 0
  const worst = [...rows].sort((a, b) => devOf(a) - devOf(b))[0]
  const best = [...rows].sort((a, b) => devOf(b) - devOf(a))[0]
  const parts: string[] = []
  for (const [row, word] of [
    [worst, 'underskott'],
    [best, 'överskott'],
  ] as const) {
    if (!row) continue
    const d = devOf(row)
    if ((word === 'underskott' && d >= 0) || (word === 'överskott' && d <= 0)) continue
    cite(`operating.${row.costCentre.code}.${key}`, `${row.costCentre.name}, avvikelse`, d)
    parts.push(`störst ${word} har ${row.costCentre.name} (${money(view, d)})`)
  }
  if (parts.length > 0) sentences.push(`${joinSv(parts).replace(/^./, (c) => c.toUpperCase())}.`)
  return { kind: 'paragraph', drafted: true, text: sentences.join(' '), cites }
}

function goalsParagraph(ctx: BuildContext): Block | null {
  const { summary } = ctx.data.content.overview
  if (summary.total === 0 || ctx.kind === 'business-plan') return null
  const cites: Citation[] = []
  const cite = (key: string, label: string, n: number) => {
    ctx.figure(key, label, n, computed('Räknat ur bedömningarna'))
    cites.push({ figure: key, value: String(n) })
  }
  cite('goals.count', 'Antal mål', summary.total)
  // "Level count" pairs: the scale's labels are used as they are, without inflecting them.
  const parts = summary.levels
    .filter((l) => l.count > 0)
    .map((l) => {
      cite(`goals.level.${l.key}`, `Antal mål som bedöms ${l.label.toLowerCase()}`, l.count)
      return `${l.label.toLowerCase()} ${formatNumber(l.count, 0)}`
    })
  const sentences = [`Nämnden följer upp ${formatNumber(summary.total, 0)} mål.`]
  if (parts.length > 0) sentences.push(`Bedömningarna: ${joinSv(parts)}.`)
  if (summary.notAssessed > 0) {
    cite('goals.not-assessed', 'Antal mål utan bedömning', summary.notAssessed)
    sentences.push(
      summary.notAssessed === 1
        ? 'Ett mål är inte bedömt.'
        : `${formatNumber(summary.notAssessed, 0)} mål är inte bedömda.`,
    )
  }
  return { kind: 'paragraph', drafted: true, text: sentences.join(' '), cites }
}

function assignmentsParagraph(ctx: BuildContext): Block | null {
  const items = assignmentsOfYear(ctx)
  if (items.length === 0) return null
  const cites: Citation[] = []
  const cite = (key: string, label: string, n: number) => {
    ctx.figure(key, label, n, computed('Räknat ur uppdragen'))
    cites.push({ figure: key, value: String(n) })
  }
  cite('assignments.count', 'Antal uppdrag', items.length)
  const parts = AssignmentStatus.options
    .map((s) => ({ s, n: items.filter((a) => a.status === s).length }))
    .filter((x) => x.n > 0)
    .map(({ s, n }) => {
      const label = assignmentStatusLabels[s]
      cite(`assignments.status.${s}`, `Antal uppdrag med status ${label.toLowerCase()}`, n)
      return `${label.toLowerCase()} ${formatNumber(n, 0)}`
    })
  return {
    kind: 'paragraph',
    drafted: true,
    text: `Nämnden redovisar ${formatNumber(items.length, 0)} uppdrag. Senaste status: ${joinSv(parts)}.`,
    cites,
  }
}

function draftedParagraphs(ctx: BuildContext): ParagraphBlock[] {
  return [economyParagraph(ctx), goalsParagraph(ctx), assignmentsParagraph(ctx)].filter(
    (b): b is ParagraphBlock => b !== null && b.kind === 'paragraph',
  )
}

/**
 * The summary: the text the writer approved in the workflow (with the figures it cites, so the
 * validator can tell when they have changed since), else the draft made from the figures.
 */
export function summarySection(ctx: BuildContext, title: string): Section | null {
  const drafted = draftedParagraphs(ctx)
  const written = ctx.data.content.document.texts.summary
  if (written?.trim()) {
    const cites = ctx.data.content.document.textCites?.summary ?? []
    return {
      id: 'summary',
      title,
      blocks: [{ kind: 'paragraph', text: written.trim(), cites }],
      sections: [],
    }
  }
  return drafted.length > 0 ? { id: 'summary', title, blocks: drafted, sections: [] } : null
}

/** The summary as drafted from the figures, for the writer to start from: one text and its citations. */
export function draftSummary(ctx: BuildContext): { text: string; cites: Citation[] } {
  const drafted = draftedParagraphs(ctx)
  return { text: drafted.map((p) => p.text).join('\n\n'), cites: drafted.flatMap((p) => p.cites ?? []) }
}
