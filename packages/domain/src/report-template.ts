/**
 * Report templates: which sections a document has, in which order and under which headings. Each
 * municipality may override the default of a document kind in its settings; each board writes the
 * narrative sections (foreword, the year, the future …) per follow-up.
 */
import { z } from 'zod'

export const ReportKind = z.enum(['business-plan', 'monthly', 'tertial', 'interim', 'annual'])
export type ReportKind = z.infer<typeof ReportKind>

export const reportKindLabels: Record<ReportKind, string> = {
  'business-plan': 'Verksamhetsplan',
  monthly: 'Månadsrapport',
  tertial: 'Tertialrapport',
  interim: 'Delårsrapport',
  annual: 'Verksamhetsberättelse',
}

/** The narrative sections a board writes, with the heading each gets by default. */
export const narrativeSections = {
  foreword: { title: 'Inledning', hint: 'Ordförandens eller förvaltningschefens inledning.' },
  mission: { title: 'Uppdrag', hint: 'Vad nämnden ansvarar för.' },
  year: { title: 'Året som gått', hint: 'Det viktigaste som hänt under perioden.' },
  events: { title: 'Väsentliga händelser', hint: 'Händelser av betydelse för verksamheten eller ekonomin.' },
  future: { title: 'Framtiden', hint: 'Trender, risker och utmaningar framåt.' },
} as const
export type NarrativeKey = keyof typeof narrativeSections

/**
 * The sections a template can name. `chapter` groups the sections under it under its own title;
 * `narrative:<key>` is one of the board's texts; the rest are built from the data.
 */
export const reportSectionIds = [
  'chapter',
  'summary',
  'goals',
  'assignments',
  'operating',
  'investments',
  'frames',
  'personnel',
  'internal-control',
  ...Object.keys(narrativeSections).map((k) => `narrative:${k}`),
] as const

/** What each section id of a template is, for the people who edit templates. */
export const reportSectionLabels: Record<string, string> = {
  chapter: 'Kapitel med egen rubrik och avsnitt under sig',
  summary: 'Sammanfattning (utkast från siffrorna, skrivs i arbetsflödet)',
  goals: 'Mål: teckenförklaring, sammanställning, antal per bedömning, ett avsnitt per mål',
  assignments: 'Uppdrag med antal per status',
  operating: 'Driftredovisning per ansvar och verksamhet, med diagram och kommentar',
  investments: 'Investeringsredovisning',
  frames: 'Ramförändringar och fördelning',
  personnel: 'Personalredovisning (skyddad för små grupper)',
  'internal-control': 'Intern kontroll: risker, kontrollmoment och bedömning',
  ...Object.fromEntries(
    Object.entries(narrativeSections).map(([key, s]) => [`narrative:${key}`, `Text: ${s.title}`]),
  ),
}

export interface TemplateSection {
  id: string
  title?: string | undefined
  sections?: TemplateSection[] | undefined
}

export const TemplateSection: z.ZodType<TemplateSection> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    title: z.string().min(1).max(200).optional(),
    sections: z.array(TemplateSection).max(50).optional(),
  }),
)

export const ReportTemplate = z.object({ sections: z.array(TemplateSection).min(1).max(50) })
export type ReportTemplate = z.infer<typeof ReportTemplate>

const chapter = (title: string, sections: TemplateSection[]): TemplateSection => ({
  id: 'chapter',
  title,
  sections,
})

const followUpTemplate = (future: boolean): ReportTemplate => ({
  sections: [
    { id: 'narrative:foreword' },
    chapter('Verksamhetsberättelse', [
      { id: 'narrative:mission' },
      { id: 'summary', title: 'Sammanfattning' },
      { id: 'narrative:year' },
      { id: 'narrative:events' },
      ...(future ? [{ id: 'narrative:future' }] : []),
    ]),
    chapter('Måluppföljning', [
      { id: 'goals', title: 'Sammanställning måluppfyllelse' },
      { id: 'assignments', title: 'Uppdrag' },
    ]),
    { id: 'personnel', title: 'Personalredovisning' },
    chapter('Ekonomisk redovisning', [
      { id: 'operating', title: 'Driftredovisning' },
      { id: 'investments', title: 'Investeringsredovisning' },
    ]),
    { id: 'internal-control', title: 'Intern kontroll' },
  ],
})

/** The default template of each kind; a municipality's settings may replace any of them. */
export const defaultReportTemplates: Record<ReportKind, ReportTemplate> = {
  annual: followUpTemplate(true),
  interim: followUpTemplate(false),
  tertial: followUpTemplate(false),
  monthly: {
    sections: [
      { id: 'summary', title: 'Sammanfattning' },
      { id: 'operating', title: 'Driftredovisning' },
      { id: 'investments', title: 'Investeringsredovisning' },
    ],
  },
  'business-plan': {
    sections: [
      { id: 'narrative:foreword' },
      { id: 'narrative:mission' },
      chapter('Mål och uppdrag', [
        { id: 'goals', title: 'Nämndens mål' },
        { id: 'assignments', title: 'Uppdrag' },
      ]),
      chapter('Ekonomi', [
        { id: 'frames', title: 'Ramförändringar och fördelning' },
        { id: 'operating', title: 'Driftbudget' },
        { id: 'investments', title: 'Investeringsbudget' },
      ]),
      { id: 'internal-control', title: 'Internkontrollplan' },
    ],
  },
}

/**
 * The texts of a document that are written in the follow-up's workflow, in template order: each
 * narrative section, and the summary (drafted from the figures, edited by the writer).
 */
export function writtenSections(template: ReportTemplate): string[] {
  const out: string[] = []
  const walk = (sections: readonly TemplateSection[]) => {
    for (const s of sections) {
      if (s.id.startsWith('narrative:')) out.push(s.id.slice('narrative:'.length))
      else if (s.id === 'summary') out.push('summary')
      if (s.sections) walk(s.sections)
    }
  }
  walk(template.sections)
  return [...new Set(out)]
}

/** The heading of a written section: the narrative's, or "Sammanfattning". */
export function writtenSectionTitle(section: string): string {
  return section === 'summary'
    ? 'Sammanfattning'
    : (narrativeSections[section as NarrativeKey]?.title ?? section)
}

/** A narrative text of a follow-up in the seed files. */
export const SeedReportText = z.object({
  followUp: z.string().min(1),
  section: z.enum(Object.keys(narrativeSections) as [NarrativeKey, ...NarrativeKey[]]),
  text: z.string().min(1).max(50_000),
})

/**
 * A figure as a source document printed it where it disagrees with the document's own figures;
 * `figure` is the key of the generated document's figure (e.g. "operating.total.budget").
 */
export const SeedSourceFigure = z.object({
  followUp: z.string().min(1),
  figure: z.string().min(1).max(200),
  printed: z.string().min(1).max(50),
  location: z.string().min(1).max(300),
})
