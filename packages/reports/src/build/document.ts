/**
 * Build a document from its data and template. The template names sections; each is built from
 * the data or, for a narrative, from the board's text. A template that names a section that does
 * not exist is refused with what and where, before anything is built.
 */
import {
  defaultReportTemplates,
  type NarrativeKey,
  narrativeSections,
  type ReportKind,
  type ReportTemplate,
  reportKindLabels,
  reportSectionIds,
  type TemplateSection,
} from '@arshjul/domain'
import type { ReportData } from '../data.ts'
import type { ReportDocument, Section } from '../model.ts'
import { assignmentsSection } from './assignments.ts'
import { BuildContext } from './context.ts'
import { framesSection, investmentsSection, operatingSection } from './economy.ts'
import { goalsSection } from './goals.ts'
import { internalControlSection } from './internal-control.ts'
import { personnelSection } from './personnel.ts'
import { draftSummary, summarySection } from './summary.ts'

/** A template that cannot be built: each problem with its place in the template. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError'
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`Mallen kan inte användas: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  }
}

const known = new Set<string>(reportSectionIds)

export function checkTemplate(template: ReportTemplate): void {
  const problems: { path: string; message: string }[] = []
  const walk = (sections: readonly TemplateSection[], path: string) => {
    sections.forEach((s, i) => {
      const here = `${path}[${i}]`
      if (!known.has(s.id)) {
        problems.push({ path: here, message: `Mallen hänvisar till avsnittet "${s.id}", som inte finns.` })
      }
      if (s.id === 'chapter' && !s.title)
        problems.push({ path: here, message: 'Ett kapitel behöver en rubrik.' })
      if (s.id === 'chapter' && !s.sections?.length)
        problems.push({ path: here, message: 'Ett kapitel behöver minst ett avsnitt.' })
      if (s.id !== 'chapter' && s.sections?.length)
        problems.push({ path: here, message: 'Bara ett kapitel kan ha avsnitt under sig.' })
      if (s.sections) walk(s.sections, `${here}.sections`)
    })
  }
  walk(template.sections, 'sections')
  if (problems.length > 0) throw new TemplateError(problems)
}

export function templateFor(data: ReportData): ReportTemplate {
  const kind = data.followUp.kind as ReportKind
  return data.board.municipality.settings.reportTemplates[kind] ?? defaultReportTemplates[kind]
}

function narrative(ctx: BuildContext, key: NarrativeKey, title: string | undefined): Section | null {
  const textValue = ctx.data.content.document.texts[key]
  const heading = title ?? narrativeSections[key].title
  if (!textValue?.trim()) {
    ctx.note('warning', `Avsnitt "${heading}"`, 'Avsnittet saknar text och är inte med i dokumentet.')
    return null
  }
  const cites = ctx.data.content.document.textCites?.[key]
  return {
    id: key,
    title: heading,
    blocks: [{ kind: 'paragraph', text: textValue.trim(), cites }],
    sections: [],
  }
}

const builders: Record<string, (ctx: BuildContext, title: string) => Section | null> = {
  summary: summarySection,
  goals: goalsSection,
  assignments: assignmentsSection,
  operating: operatingSection,
  investments: investmentsSection,
  frames: framesSection,
  personnel: personnelSection,
  'internal-control': internalControlSection,
}

const defaultTitles: Record<string, string> = {
  summary: 'Sammanfattning',
  goals: 'Måluppföljning',
  assignments: 'Uppdrag',
  operating: 'Driftredovisning',
  investments: 'Investeringsredovisning',
  frames: 'Ramförändringar',
  personnel: 'Personalredovisning',
  'internal-control': 'Intern kontroll',
}

function buildSection(ctx: BuildContext, t: TemplateSection): Section | null {
  if (t.id === 'chapter') {
    const children = (t.sections ?? [])
      .map((s) => buildSection(ctx, s))
      .filter((s): s is Section => s !== null)
    if (children.length === 0) return null
    const title = t.title ?? ''
    const slug = title
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
    return { id: `chapter-${slug}`, title, blocks: [], sections: children }
  }
  if (t.id.startsWith('narrative:'))
    return narrative(ctx, t.id.slice('narrative:'.length) as NarrativeKey, t.title)
  const build = builders[t.id]
  if (!build) throw new TemplateError([{ path: t.id, message: `Avsnittet "${t.id}" finns inte.` }])
  return build(ctx, t.title ?? defaultTitles[t.id] ?? t.id)
}

/**
 * The summary drafted from a follow-up's figures, with the figures it cites (the keys and values
 * the document's tables use): offered to the writer of the summary's part in the workflow.
 */
export function summaryDraft(data: ReportData): { text: string; cites: { figure: string; value: string }[] } {
  return draftSummary(new BuildContext(data))
}

export function buildDocument(
  data: ReportData,
  template: ReportTemplate = templateFor(data),
): ReportDocument {
  checkTemplate(template)
  const ctx = new BuildContext(data)
  const sections = template.sections.map((t) => buildSection(ctx, t)).filter((s): s is Section => s !== null)
  const kind = data.followUp.kind as ReportKind
  const title = data.followUp.title.trim() || `${reportKindLabels[kind]} ${data.followUp.year}`
  return {
    kind,
    title,
    board: data.board.name,
    municipality: data.board.municipality.name,
    year: data.followUp.year,
    followUp: {
      key: data.followUp.key,
      status: data.followUp.status,
      decisionRef: data.followUp.decisionRef,
      decidedOn: data.followUp.decidedOn,
    },
    basis: data.basis,
    sections,
    figures: ctx.figures,
    notes: ctx.notes,
    checks: ctx.checks,
    printed: data.content.document.printedFigures ?? [],
  }
}
