/**
 * Assignments: the list with each one's status, and the count per status (a table that adds up;
 * each count a figure the summary can cite and the validator can re-count from the list).
 */
import {
  AssignmentStatus,
  type AssignmentView,
  assignmentKindLabels,
  assignmentStatusLabels,
} from '@arshjul/domain'
import type { Block, Row, Section, TableBlock } from '../model.ts'
import { count, text } from './cells.ts'
import { type BuildContext, computed } from './context.ts'

/** The assignments a document of the year reports: given that year or earlier, not closed before it. */
export function assignmentsOfYear(ctx: BuildContext): AssignmentView[] {
  return ctx.data.content.assignments.items.filter(
    (a) => a.year <= ctx.year && (a.year === ctx.year || Number(a.statusDate.slice(0, 4)) >= ctx.year),
  )
}

export function assignmentsSection(ctx: BuildContext, title: string): Section | null {
  const items = assignmentsOfYear(ctx)
  if (items.length === 0) return null
  const listId = ctx.tableId('assignments')
  const list: TableBlock = {
    kind: 'table',
    id: listId,
    caption: `Uppdrag ${ctx.year}`,
    columns: [
      { key: 'title', label: 'Uppdrag', align: 'left', width: 4 },
      { key: 'given', label: 'Typ och beslut', align: 'left', width: 2 },
      { key: 'status', label: 'Status', align: 'left', width: 1.3 },
    ],
    rows: items.map((a) => ({
      kind: 'data',
      cells: [
        text(a.title),
        text([assignmentKindLabels[a.kind], a.decisionRef].filter(Boolean).join(', ')),
        text(assignmentStatusLabels[a.status]),
      ],
    })),
  }
  const rows: Row[] = AssignmentStatus.options
    .map((status) => ({ status, n: items.filter((a) => a.status === status).length }))
    .filter((s) => s.n > 0)
    .map(({ status, n }) => {
      const label = assignmentStatusLabels[status]
      const key = ctx.figure(
        `assignments.status.${status}`,
        `Antal uppdrag med status ${label.toLowerCase()}`,
        n,
        computed('Räknat ur uppdragen'),
      )
      ctx.checks.push({
        kind: 'count',
        label: `Antal uppdrag: ${label.toLowerCase()}`,
        figure: key,
        table: listId,
        column: 2,
        match: label,
      })
      return { kind: 'data' as const, cells: [text(label), count(n, key)] }
    })
  const totalKey = ctx.figure(
    'assignments.count',
    'Antal uppdrag',
    items.length,
    computed('Räknat ur uppdragen'),
  )
  ctx.checks.push({ kind: 'count', label: 'Antal uppdrag', figure: totalKey, table: listId, column: 0 })
  const counts: TableBlock = {
    kind: 'table',
    id: ctx.tableId('assignment-counts'),
    caption: `Antal uppdrag per status ${ctx.year}`,
    columns: [
      { key: 'status', label: 'Status', align: 'left', width: 3 },
      { key: 'count', label: 'Antal', align: 'right' },
    ],
    rows: [...rows, { kind: 'total', cells: [text('Summa'), count(items.length, totalKey)] }],
    checks: [
      {
        kind: 'sum',
        label: 'Antalen summerar till antalet uppdrag',
        columns: [1],
        parts: rows.map((_, i) => i),
        total: rows.length,
      },
    ],
  }
  const blocks: Block[] = [counts, list]
  const comments = items.filter((a) => a.updates.at(-1)?.comment)
  const sections: Section[] = comments.map((a) => ({
    id: `assignment-${a.key}`,
    title: a.title,
    blocks: [
      { kind: 'paragraph', text: `Status: ${assignmentStatusLabels[a.status]} (${a.statusDate}).` },
      { kind: 'paragraph', text: a.updates.at(-1)?.comment ?? '' },
    ],
    sections: [],
  }))
  return { id: 'assignments', title, blocks, sections }
}
