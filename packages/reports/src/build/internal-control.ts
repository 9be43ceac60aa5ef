/**
 * Internal control: the risks with their values, the control plan with each control's follow-up
 * on the goals' scale, and the overall assessment.
 */
import type { Block, Row, Section, TableBlock } from '../model.ts'
import { count, level, NONE, text } from './cells.ts'
import type { BuildContext } from './context.ts'

export function internalControlSection(ctx: BuildContext, title: string): Section | null {
  const view = ctx.data.content.internalControl
  if (!view) return null
  const blocks: Block[] = []
  if (view.assessment?.text) blocks.push({ kind: 'paragraph', text: view.assessment.text })
  if (view.risks.length > 0) {
    const rows: Row[] = view.risks.map((r) => ({
      kind: 'data',
      cells: [
        text(r.title),
        text(`${view.scale.probability[r.probability - 1] ?? ''} (${r.probability})`),
        text(`${view.scale.consequence[r.consequence - 1] ?? ''} (${r.consequence})`),
        count(r.value),
        text(r.bandLabel),
      ],
    }))
    blocks.push({
      kind: 'table',
      id: ctx.tableId('risks'),
      caption: `Riskbedömning ${view.year}`,
      columns: [
        { key: 'risk', label: 'Risk', align: 'left', width: 3 },
        { key: 'p', label: 'Sannolikhet', align: 'left', width: 1.5 },
        { key: 'c', label: 'Konsekvens', align: 'left', width: 1.5 },
        { key: 'value', label: 'Riskvärde', align: 'right' },
        { key: 'band', label: 'Risknivå', align: 'left' },
      ],
      rows,
      notes: ['Riskvärdet är sannolikhet × konsekvens.'],
    } satisfies TableBlock)
  }
  if (view.controls.length > 0) {
    const followed = ctx.kind !== 'business-plan'
    blocks.push({
      kind: 'table',
      id: ctx.tableId('controls'),
      caption: `${followed ? 'Uppföljning av internkontrollplanen' : 'Internkontrollplan'} ${view.year}`,
      columns: [
        { key: 'control', label: 'Kontrollmoment', align: 'left', width: 3 },
        { key: 'method', label: 'Metod', align: 'left', width: 1.5 },
        { key: 'responsible', label: 'Ansvarig', align: 'left', width: 1.5 },
        ...(followed ? [{ key: 'level', label: 'Bedömning', align: 'left' as const, width: 1.6 }] : []),
      ],
      rows: view.controls.map((c) => ({
        kind: 'data',
        cells: [
          text(c.mandatory ? `${c.title} (kommungemensamt)` : c.title),
          text(c.method ?? NONE),
          text(c.responsible ?? c.unit?.name ?? NONE),
          ...(followed ? [level(c.followUp?.level ?? null)] : []),
        ],
      })),
    })
    if (followed) {
      for (const c of view.controls) {
        const f = c.followUp
        if (!f?.result && !f?.action) continue
        const parts = [f.result ? `Resultat: ${f.result}` : null, f.action ? `Åtgärd: ${f.action}` : null]
        if (f.returnsNextYear) parts.push('Kontrollmomentet återkommer i nästa års plan.')
        blocks.push({ kind: 'paragraph', text: `${c.title}. ${parts.filter(Boolean).join(' ')}` })
      }
    }
  }
  if (blocks.length === 0) return null
  return { id: 'internal-control', title, blocks, sections: [] }
}
