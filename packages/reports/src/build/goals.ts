/**
 * Goals: the symbol legend, the summary of attainment per goal (grouped by goal area), the count
 * per level, and a section per goal with its assessment, analysis and indicators. In a business
 * plan the goals are listed with their purpose and the indicators' targets instead.
 */
import {
  type AssessmentScale,
  type GoalListItem,
  type IndicatorView,
  levelsHighestFirst,
  trendLabels,
} from '@arshjul/domain'
import type { Block, Row, Section, TableBlock } from '../model.ts'
import { count, level, measured, NONE, text } from './cells.ts'
import { type BuildContext, computed } from './context.ts'

export function legend(scale: AssessmentScale): Block {
  return {
    kind: 'legend',
    title: 'Symboler för bedömning',
    items: levelsHighestFirst(scale).map((l) => ({ symbol: l.symbol, colour: l.colour, label: l.label })),
  }
}

const goalNoun = (goal: Pick<GoalListItem, 'kind'>) =>
  goal.kind === 'initiative' ? 'Strategiskt initiativ' : 'Nämndmål'

function summaryTable(ctx: BuildContext, id: string): TableBlock {
  const { overview } = ctx.data.content
  const withTrend = overview.scale.usesTrend
  const rows: Row[] = []
  const columns = [
    { key: 'goal', label: 'Mål', align: 'left' as const, width: 4 },
    { key: 'level', label: 'Bedömning', align: 'left' as const, width: 2 },
    ...(withTrend ? [{ key: 'trend', label: 'Trend', align: 'left' as const, width: 1.3 }] : []),
  ]
  const many = overview.groups.filter((g) => g.goals.length > 0).length > 1
  for (const group of overview.groups) {
    if (group.goals.length === 0) continue
    if (many && group.goalArea)
      rows.push({ kind: 'group', cells: columns.map((_, i) => text(i === 0 ? group.goalArea?.name : '')) })
    for (const goal of group.goals) {
      const a = goal.assessment
      rows.push({
        kind: 'data',
        cells: [
          text(goal.title),
          level(a?.level ?? null),
          ...(withTrend
            ? [text(a?.trend ? `${trendLabels[a.trend].symbol} ${trendLabels[a.trend].label}` : NONE)]
            : []),
        ],
      })
    }
  }
  return { kind: 'table', id, caption: `Måluppfyllelse ${ctx.year}`, columns, rows }
}

/** The count of goals per level, as a table that adds up, each count a figure the text can cite. */
function countTable(ctx: BuildContext, listId: string): TableBlock {
  const { summary, scale } = ctx.data.content.overview
  const id = ctx.tableId('goal-counts')
  const rows: Row[] = summary.levels.map((l) => {
    const key = ctx.figure(
      `goals.level.${l.key}`,
      `Antal mål som bedöms ${l.label.toLowerCase()}`,
      l.count,
      computed('Räknat ur bedömningarna'),
    )
    ctx.checks.push({
      kind: 'count',
      label: `Antal ${l.label.toLowerCase()}`,
      figure: key,
      table: listId,
      column: 1,
      match: l.label,
    })
    return { kind: 'data', cells: [level(l), count(l.count, key)] }
  })
  const notAssessedKey = ctx.figure(
    'goals.not-assessed',
    'Antal mål utan bedömning',
    summary.notAssessed,
    computed('Räknat ur bedömningarna'),
  )
  ctx.checks.push({
    kind: 'count',
    label: 'Antal ej bedömda',
    figure: notAssessedKey,
    table: listId,
    column: 1,
    match: 'Ej bedömd',
  })
  rows.push({ kind: 'data', cells: [text('Ej bedömd'), count(summary.notAssessed, notAssessedKey)] })
  const totalKey = ctx.figure('goals.count', 'Antal mål', summary.total, computed('Räknat ur målen'))
  ctx.checks.push({ kind: 'count', label: 'Antal mål', figure: totalKey, table: listId, column: 0 })
  rows.push({ kind: 'total', cells: [text('Summa'), count(summary.total, totalKey)] })
  void scale
  return {
    kind: 'table',
    id,
    caption: `Antal mål per bedömning ${ctx.year}`,
    columns: [
      { key: 'level', label: 'Bedömning', align: 'left', width: 3 },
      { key: 'count', label: 'Antal', align: 'right' },
    ],
    rows,
    checks: [
      {
        kind: 'sum',
        label: 'Antalen summerar till antalet mål',
        columns: [1],
        parts: rows.slice(0, -1).map((_, i) => i),
        total: rows.length - 1,
      },
    ],
  }
}

function sourceOf(indicator: IndicatorView) {
  const s = indicator.source
  if (s.kind === 'kolada') return { kind: 'kolada' as const, label: `Kolada ${s.koladaKpiId ?? ''}`.trim() }
  return { kind: 'entered' as const, label: s.name ?? 'Inmatat värde' }
}

/** The indicators of a goal: values of the last years and the target of the document's year. */
function indicatorTable(ctx: BuildContext, goalKey: string, indicators: IndicatorView[]): TableBlock | null {
  if (indicators.length === 0) return null
  const years = [
    ...new Set(indicators.flatMap((i) => i.values.filter((v) => v.breakdown === 'total').map((v) => v.year))),
  ]
    .filter((y) => y <= ctx.year)
    .sort((a, b) => a - b)
    .slice(-3)
  const target = ctx.year
  const rows: Row[] = indicators.map((ind) => {
    const unit = ind.unitLabel === '%' ? '\u00a0%' : ''
    const cells = years.map((year) => {
      const v = ind.values.find((x) => x.year === year && x.breakdown === 'total')
      if (!v || v.value === null) return measured(null, ind.decimals)
      const key = ctx.figure(`indicator.${ind.key}.${year}`, `${ind.name} ${year}`, v.value, sourceOf(ind))
      return measured(v.value, ind.decimals, unit, key)
    })
    const t = ind.targets.find((x) => x.year === target && x.breakdown === 'total')
    const targetCell = t?.value !== undefined ? measured(t.value, ind.decimals, unit) : text(t?.text ?? NONE)
    const name = ind.unitLabel && ind.unitLabel !== '%' ? `${ind.name} (${ind.unitLabel})` : ind.name
    return { kind: 'data', cells: [text(name), ...cells, targetCell] }
  })
  return {
    kind: 'table',
    id: ctx.tableId(`indicators-${goalKey}`),
    caption: 'Indikatorer',
    columns: [
      { key: 'indicator', label: 'Indikator', align: 'left', width: 4 },
      ...years.map((y) => ({ key: String(y), label: String(y), align: 'right' as const })),
      { key: 'target', label: `Målvärde ${target}`, align: 'right' },
    ],
    rows,
  }
}

function paragraphs(textValue: string | null | undefined): Block[] {
  return textValue?.trim() ? [{ kind: 'paragraph', text: textValue.trim() }] : []
}

function goalSection(ctx: BuildContext, goal: GoalListItem): Section {
  const a = goal.assessment
  const indicators = ctx.data.content.indicators.filter((i) => i.goals.some((g) => g.key === goal.key))
  const blocks: Block[] = []
  const description = ctx.data.content.plan.goals.find((g) => g.key === goal.key)?.description
  if (ctx.kind === 'business-plan') {
    blocks.push(...paragraphs(description))
  } else {
    const facts = [
      `${goalNoun(goal)}. Bedömning: ${a?.level ? `${a.level.symbol} ${a.level.label}` : 'ej bedömd'}.`,
    ]
    if (a?.trend) facts.push(`Trend: ${trendLabels[a.trend].label.toLowerCase()}.`)
    blocks.push({ kind: 'paragraph', text: facts.join(' ') })
    blocks.push(...paragraphs(a?.analysis))
    if (a && a.examples.length > 0) blocks.push({ kind: 'list', items: a.examples })
    if (a && a.deviations.length > 0) {
      blocks.push({ kind: 'paragraph', text: 'Avvikelser:' }, { kind: 'list', items: a.deviations })
    }
    if (a?.forecastText?.trim()) blocks.push({ kind: 'paragraph', text: `Prognos: ${a.forecastText.trim()}` })
  }
  const table = indicatorTable(ctx, goal.key, indicators)
  if (table) blocks.push(table)
  return { id: `goal-${goal.key}`, title: goal.title, blocks, sections: [] }
}

export function goalsSection(ctx: BuildContext, title: string): Section | null {
  const { overview } = ctx.data.content
  // A business plan presents the goals it decides (from its year); goals of earlier plans still in
  // force are followed up, not decided again.
  const goals = overview.groups
    .flatMap((g) => g.goals)
    .filter((g) => ctx.kind !== 'business-plan' || g.startYear === ctx.year)
  if (goals.length === 0) return null
  const blocks: Block[] = []
  if (ctx.kind !== 'business-plan') {
    const listId = ctx.tableId('goal-summary')
    blocks.push(legend(overview.scale), summaryTable(ctx, listId), countTable(ctx, listId))
  }
  return { id: 'goals', title, blocks, sections: goals.map((g) => goalSection(ctx, g)) }
}
