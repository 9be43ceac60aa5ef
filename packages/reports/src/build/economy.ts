/**
 * Economy: the operating accounts per cost centre (subtotals per administration where the board
 * has several), with the identities they rely on declared for the validator; the investment
 * accounts with land development separate; frame changes and appropriation splits.
 */
import {
  type ActivityEconomyView,
  type AmountDisplay,
  fromLedgerSign,
  type InvestmentRow,
  monthName,
  type OperatingFigures,
  type OperatingView,
  sumOre,
} from '@arshjul/domain'
import type { Block, Cell, Row, Section, TableBlock, TableCheck } from '../model.ts'
import { amount, ledgerAmount, text } from './cells.ts'
import { operatingChart } from './charts.ts'
import type { BuildContext } from './context.ts'

type Column = 'budget' | 'outcome' | 'deviation' | 'forecast' | 'forecastDeviation' | 'previousYearOutcome'

const labels: Record<Column, string> = {
  budget: 'Budget',
  outcome: 'Utfall',
  deviation: 'Avvikelse',
  forecast: 'Prognos',
  forecastDeviation: 'Avvikelse prognos',
  previousYearOutcome: 'Utfall föregående år',
}

/** The columns of the year's table: the year's outcome at year end, the forecast during it. */
function columnsFor(view: OperatingView): Column[] {
  if (view.throughMonth === 12) return ['budget', 'outcome', 'deviation', 'previousYearOutcome']
  return ['budget', 'outcome', 'forecast', 'forecastDeviation']
}

/** The budget an outcome is compared with: the revised budget when there is one. */
const annualBudget = (f: OperatingFigures) => f.revisedBudget ?? f.budget

function cellFor(column: Column, f: OperatingFigures, display: AmountDisplay, figure?: string): Cell {
  switch (column) {
    case 'budget':
      return ledgerAmount(annualBudget(f), display, figure)
    case 'outcome':
      return ledgerAmount(f.outcome, display, figure)
    case 'forecast':
      return ledgerAmount(f.forecast, display, figure)
    case 'previousYearOutcome':
      return ledgerAmount(f.previousYearOutcome, display, figure)
    case 'deviation':
      return amount(f.deviation, display, figure)
    case 'forecastDeviation':
      return amount(f.forecastDeviation, display, figure)
  }
}

function exactOf(column: Column, f: OperatingFigures): number | null {
  return column === 'budget' ? annualBudget(f) : f[column]
}

export function operatingTable(ctx: BuildContext, view: OperatingView): TableBlock {
  const display = view.display
  const columns = columnsFor(view)
  const rows: Row[] = []
  const parts: number[] = []
  const subtotalRows: number[] = []
  const line = (
    name: string,
    f: OperatingFigures,
    kind: Row['kind'],
    figures?: Partial<Record<Column, string>>,
  ) => {
    rows.push({ kind, cells: [text(name), ...columns.map((c) => cellFor(c, f, display, figures?.[c]))] })
    return rows.length - 1
  }
  // Each row's deviation is a figure of its own: the summary names the largest ones.
  const rowFigures = (r: OperatingView['rows'][number]) => {
    const keys: Partial<Record<Column, string>> = {}
    for (const c of ['deviation', 'forecastDeviation'] as const) {
      const value = r.figures[c]
      if (value === null || !columns.includes(c)) continue
      keys[c] = ctx.figure(
        `operating.${r.costCentre.code}.${c}`,
        `${r.costCentre.name}, ${labels[c].toLowerCase()}`,
        value,
        ctx.economySource('Utfall mot budget, exakt i öre'),
        'öre',
      )
    }
    return keys
  }
  const byAdministration = view.subtotals.length > 1
  const checks: TableCheck[] = []
  if (byAdministration) {
    for (const sub of view.subtotals) {
      const name = sub.administration?.name ?? 'Övrigt'
      rows.push({ kind: 'group', cells: [text(name), ...columns.map(() => text(''))] })
      const own: number[] = []
      for (const r of view.rows.filter((x) => x.administration?.key === sub.administration?.key)) {
        own.push(line(`${r.costCentre.code} ${r.costCentre.name}`, r.figures, 'data', rowFigures(r)))
      }
      const subtotalKeys: Partial<Record<Column, string>> = {}
      for (const c of columns) {
        const exact = exactOf(c, sub.figures)
        if (exact === null) continue
        const shown =
          c === 'deviation' || c === 'forecastDeviation' ? exact : fromLedgerSign(exact, display.sign)
        const key = `operating.${sub.administration?.key ?? 'other'}.${c}`
        subtotalKeys[c] = ctx.figure(
          key,
          `Driftredovisning, summa ${name}, ${labels[c].toLowerCase()}`,
          shown,
          ctx.economySource('Summan av raderna, exakt i öre'),
          'öre',
        )
      }
      const total = line(`Summa ${name}`, sub.figures, 'subtotal', subtotalKeys)
      checks.push({
        kind: 'sum',
        label: `Raderna summerar till summan för ${name}`,
        columns: columns.map((_, i) => i + 1),
        parts: own,
        total,
      })
      subtotalRows.push(total)
    }
  } else {
    for (const r of view.rows)
      parts.push(line(`${r.costCentre.code} ${r.costCentre.name}`, r.figures, 'data', rowFigures(r)))
  }
  if (view.formerUnits)
    parts.push(
      line(`Tidigare enheter (${view.formerUnits.names.join(', ')})`, view.formerUnits.figures, 'data'),
    )
  if (view.notBrokenDown) parts.push(line('Ej fördelat per ansvar', view.notBrokenDown, 'data'))
  const figureKeys: Partial<Record<Column, string>> = {}
  for (const c of columns) {
    const exact = exactOf(c, view.total)
    if (exact === null) continue
    const shown = c === 'deviation' || c === 'forecastDeviation' ? exact : fromLedgerSign(exact, display.sign)
    figureKeys[c] = ctx.figure(
      `operating.total.${c}`,
      `Driftredovisning, summa, ${labels[c].toLowerCase()}`,
      shown,
      ctx.economySource('Summan av raderna, exakt i öre'),
      'öre',
    )
  }
  const total = line('Summa', view.total, 'total', figureKeys)
  checks.push({
    kind: 'sum',
    label: 'Raderna summerar till Summa',
    columns: columns.map((_, i) => i + 1),
    parts: [...subtotalRows, ...parts],
    total,
  })
  const budgetColumn = columns.indexOf('budget') + 1
  const pairs: [Column, Column][] = [
    ['outcome', 'deviation'],
    ['forecast', 'forecastDeviation'],
  ]
  for (const [value, result] of pairs) {
    if (
      !columns.includes(value) ||
      !columns.includes(result) ||
      (view.throughMonth < 12 && value === 'outcome')
    )
      continue
    checks.push({
      kind: 'difference',
      label: `${labels[result]} = ${labels[value].toLowerCase()} mot budget`,
      rows: rows.map((r, i) => (r.kind === 'group' ? -1 : i)).filter((i) => i >= 0),
      budget: budgetColumn,
      outcome: columns.indexOf(value) + 1,
      result: columns.indexOf(result) + 1,
      sign: display.sign,
    })
  }
  return {
    kind: 'table',
    id: ctx.tableId('operating'),
    caption: `Driftredovisning ${view.year}${view.throughMonth < 12 ? `, januari–${monthName(view.throughMonth)}` : ''}`,
    unit: display.unit,
    columns: [
      { key: 'unit', label: 'Ansvar', align: 'left', width: 3.2 },
      ...columns.map((c) => ({ key: c, label: labels[c], align: 'right' as const })),
    ],
    rows,
    checks,
  }
}

/** The operating accounts per SCB activity code, where the board reports by activity too. */
export function activityTable(
  ctx: BuildContext,
  view: ActivityEconomyView,
  throughMonth: number,
): TableBlock | null {
  if (view.rows.length === 0) return null
  const display = view.display
  const columns = columnsFor({ throughMonth } as OperatingView)
  const line = (name: string, f: OperatingFigures, kind: Row['kind']): Row => ({
    kind,
    cells: [text(name), ...columns.map((c) => cellFor(c, f, display))],
  })
  const rows = [
    ...view.rows.map((r) => line(`${r.code} ${r.label}`, r.figures, 'data')),
    line('Summa', view.total, 'total'),
  ]
  return {
    kind: 'table',
    id: ctx.tableId('operating-activities'),
    caption: `Driftredovisning per verksamhet ${view.year}`,
    unit: display.unit,
    columns: [
      { key: 'activity', label: 'Verksamhet', align: 'left', width: 3.2 },
      ...columns.map((c) => ({ key: c, label: labels[c], align: 'right' as const })),
    ],
    rows,
    checks: [
      {
        kind: 'sum',
        label: 'Verksamheterna summerar till Summa',
        columns: columns.map((_, i) => i + 1),
        parts: view.rows.map((_, i) => i),
        total: view.rows.length,
      },
    ],
  }
}

export function operatingSection(ctx: BuildContext, title: string): Section | null {
  const economy = ctx.data.content.economy
  if (!economy || economy.operating.rows.length === 0) return null
  const view = economy.operating
  const table = operatingTable(ctx, view)
  const blocks: Block[] = [table]
  const chart = operatingChart(view, table.id)
  if (chart) blocks.push(chart)
  const activities = economy.activities ? activityTable(ctx, economy.activities, view.throughMonth) : null
  if (activities) blocks.push(activities)
  const comment = ctx.data.content.document.economyComments.operating
  if (comment) blocks.push({ kind: 'paragraph', text: comment })
  return { id: 'operating', title, blocks, sections: [] }
}

type InvestmentColumn =
  | 'decidedTotal'
  | 'accumulatedOutcome'
  | 'accumulatedDeviation'
  | 'budget'
  | 'outcome'
  | 'deviation'
  | 'forecast'

const investmentLabels: Record<InvestmentColumn, string> = {
  decidedTotal: 'Beslutad budget',
  accumulatedOutcome: 'Ackumulerat utfall',
  accumulatedDeviation: 'Avvikelse mot beslut',
  budget: 'Budget',
  outcome: 'Utfall',
  deviation: 'Avvikelse',
  forecast: 'Prognos',
}

type InvestmentFigures = Pick<
  InvestmentRow,
  | 'decidedTotal'
  | 'accumulatedOutcome'
  | 'accumulatedDeviation'
  | 'budget'
  | 'revisedBudget'
  | 'outcome'
  | 'deviation'
  | 'forecast'
>

const investmentValue = (f: InvestmentFigures, c: InvestmentColumn) =>
  c === 'budget' ? (f.revisedBudget ?? f.budget) : f[c]

const statusGroupNames: Record<InvestmentRow['status'], string> = {
  completed: 'Färdigställda projekt',
  ongoing: 'Pågående projekt',
  planned: 'Planerade projekt',
}

/** Exact sum of projects' figures, for subtotals the view does not carry (per status). */
function sumInvestments(rows: readonly InvestmentFigures[]): InvestmentFigures {
  const add = (pick: (r: InvestmentFigures) => number | null) =>
    rows.some((r) => pick(r) !== null) ? sumOre(rows.map((r) => pick(r) ?? 0)) : null
  return {
    decidedTotal: add((r) => r.decidedTotal),
    accumulatedOutcome: add((r) => r.accumulatedOutcome),
    accumulatedDeviation: add((r) => r.accumulatedDeviation),
    budget: add((r) => r.revisedBudget ?? r.budget),
    revisedBudget: null,
    outcome: add((r) => r.outcome),
    deviation: add((r) => r.deviation),
    forecast: add((r) => r.forecast),
  }
}

/**
 * The investment accounts: per project, grouped into land development and other investments
 * (each with the view's exact totals), or — without land development — by status (completed,
 * ongoing). The decided total and accumulated outcome come first where projects have them.
 */
export function investmentsSection(ctx: BuildContext, title: string): Section | null {
  const view = ctx.data.content.economy?.investments
  if (!view || view.projects.length === 0) return null
  const display = view.display
  const yearColumns: InvestmentColumn[] =
    ctx.kind === 'business-plan'
      ? ['budget']
      : ctx.kind === 'annual'
        ? ['budget', 'outcome', 'deviation']
        : ['budget', 'outcome', 'forecast']
  const withDecided = ctx.kind !== 'business-plan' && view.projects.some((p) => p.decidedTotal !== null)
  const cols: InvestmentColumn[] = [
    ...(withDecided ? (['decidedTotal', 'accumulatedOutcome', 'accumulatedDeviation'] as const) : []),
    ...yearColumns,
  ]
  const favourable = (c: InvestmentColumn) => c === 'deviation' || c === 'accumulatedDeviation'
  const rows: Row[] = []
  const line = (name: string, f: InvestmentFigures, kind: Row['kind'], keyPrefix?: string) => {
    rows.push({
      kind,
      cells: [
        text(name),
        ...cols.map((c) => {
          const value = investmentValue(f, c)
          const shownValue =
            value === null ? null : favourable(c) ? value : fromLedgerSign(value, display.sign)
          const key =
            keyPrefix && shownValue !== null
              ? ctx.figure(
                  `${keyPrefix}.${c}`,
                  `Investeringar, ${name.toLowerCase()}, ${investmentLabels[c].toLowerCase()}`,
                  shownValue,
                  ctx.economySource('Summan av projekten, exakt i öre'),
                  'öre',
                )
              : undefined
          return amount(shownValue, display, key)
        }),
      ],
    })
    return rows.length - 1
  }
  const land = view.projects.filter((p) => p.landDevelopment)
  const groups: { name: string; projects: InvestmentRow[]; totals: InvestmentFigures; key: string }[] =
    land.length > 0
      ? [
          {
            name: 'Investeringar exklusive exploatering',
            projects: view.projects.filter((p) => !p.landDevelopment),
            totals: view.totals.excludingLandDevelopment,
            key: 'investments.ordinary',
          },
          {
            name: 'Exploatering och markförsäljning',
            projects: land,
            totals: view.totals.landDevelopment,
            key: 'investments.land',
          },
        ]
      : (['completed', 'ongoing', 'planned'] as const).map((status) => {
          const projects = view.projects.filter((p) => p.status === status)
          return {
            name: statusGroupNames[status],
            projects,
            totals: sumInvestments(projects),
            key: `investments.${status}`,
          }
        })
  const used = groups.filter((g) => g.projects.length > 0)
  const checks: TableCheck[] = []
  const columnIndexes = cols.map((_, i) => i + 1)
  const subtotals: number[] = []
  const singleGroup = used.length === 1
  for (const g of used) {
    if (!singleGroup) rows.push({ kind: 'group', cells: [text(g.name), ...cols.map(() => text(''))] })
    const parts = g.projects.map((p) => line(p.name, p, 'data'))
    if (singleGroup) {
      subtotals.push(...parts)
      continue
    }
    const sub = line(`Summa ${g.name.toLowerCase()}`, g.totals, 'subtotal', g.key)
    subtotals.push(sub)
    checks.push({
      kind: 'sum',
      label: `Projekten summerar till summan (${g.name.toLowerCase()})`,
      columns: columnIndexes,
      parts,
      total: sub,
    })
  }
  const total = line('Summa investeringar', view.totals.all, 'total', 'investments.all')
  checks.push({
    kind: 'sum',
    label: 'Delsummorna summerar till totalen',
    columns: columnIndexes,
    parts: subtotals,
    total,
  })
  const table: TableBlock = {
    kind: 'table',
    id: ctx.tableId('investments'),
    caption: `Investeringsredovisning ${view.year}`,
    unit: display.unit,
    columns: [
      { key: 'project', label: 'Projekt', align: 'left', width: 3.2 },
      ...cols.map((c) => ({ key: c, label: investmentLabels[c], align: 'right' as const })),
    ],
    rows,
    checks,
    notes:
      land.length > 0
        ? [
            'Exploatering och markförsäljning redovisas för sig; inkomster av markförsäljning ger ett överskott.',
          ]
        : undefined,
  }
  const blocks: Block[] = [table]
  const comment = ctx.data.content.document.economyComments.investments
  if (comment) blocks.push({ kind: 'paragraph', text: comment })
  return { id: 'investments', title, blocks, sections: [] }
}

export function framesSection(ctx: BuildContext, title: string): Section | null {
  const frames = ctx.data.content.economy?.frames
  if (!frames || frames.lists.length === 0) return null
  const blocks: Block[] = frames.lists.map((list) => {
    const rows: Row[] = list.items.map((i) => ({
      kind: 'data',
      cells: [text(i.label), amount(i.amount, frames.display)],
    }))
    rows.push({ kind: 'total', cells: [text('Summa'), amount(list.total, frames.display)] })
    return {
      kind: 'table',
      id: ctx.tableId(`frames-${list.key}`),
      caption: list.title,
      unit: frames.display.unit,
      columns: [
        { key: 'label', label: 'Förändring', align: 'left', width: 4 },
        { key: 'amount', label: 'Belopp', align: 'right' },
      ],
      rows,
      checks: [
        {
          kind: 'sum',
          label: 'Posterna summerar till summan',
          columns: [1],
          parts: list.items.map((_, i) => i),
          total: list.items.length,
        },
      ],
    }
  })
  return { id: 'frames', title, blocks, sections: [] }
}
