/** Shapes of the personnel and internal-control API. */
import { z } from 'zod'
import { LevelView } from './api.ts'
import { Key } from './municipality.ts'
import { PersonnelBreakdown, PersonnelMeasure } from './personnel.ts'
import { PartStatus } from './workflow.ts'

export const PersonnelCell = z.object({
  year: z.number().int(),
  period: z.string().nullable(),
  /** Null when hidden (a group under 10 people, seen from outside the administration) or missing. */
  value: z.number().nullable(),
  hidden: z.boolean(),
  /** Computed from the stored quantities (not a printed figure). */
  computed: z.boolean(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
})

/**
 * A part of the follow-up's workflow that holds what is shown (a control's follow-up, a text):
 * until the follow-up is approved, the part's content is the latest word and is edited there.
 */
export const ReportPartRef = z.object({ id: z.string(), status: PartStatus })
export type ReportPartRef = z.infer<typeof ReportPartRef>

export const PersonnelView = z.object({
  scope: z.object({
    kind: z.enum(['org-unit', 'administration', 'municipality']),
    key: z.string(),
    name: z.string(),
  }),
  years: z.array(z.number().int()),
  /** Whether the viewer sees everything (inside the administration) or the protected view. */
  insider: z.boolean(),
  hiddenCount: z.number().int(),
  /**
   * The administration's comments on its personnel in its follow-ups, newest first: the decided or
   * approved text, or — for insiders, while the follow-up is being reported — the part's draft.
   */
  comments: z.array(
    z.object({
      followUp: z.object({ key: Key, title: z.string() }),
      text: z.string().nullable(),
      part: ReportPartRef.nullable(),
    }),
  ),
  measures: z.array(
    z.object({
      measure: PersonnelMeasure,
      label: z.string(),
      kind: z.enum(['count', 'percent', 'ratio', 'index', 'years']),
      decimals: z.number().int(),
      numerator: z.string().nullable(),
      denominator: z.string().nullable(),
      rows: z.array(
        z.object({ breakdown: PersonnelBreakdown, label: z.string(), cells: z.array(PersonnelCell) }),
      ),
    }),
  ),
})
export type PersonnelView = z.infer<typeof PersonnelView>

export const PersonnelScopes = z.array(
  z.object({
    kind: z.enum(['org-unit', 'administration', 'municipality']),
    key: z.string(),
    name: z.string(),
  }),
)

export const RiskView = z.object({
  key: Key,
  title: z.string(),
  description: z.string().nullable(),
  probability: z.number().int(),
  consequence: z.number().int(),
  value: z.number().int(),
  band: z.enum(['low', 'medium', 'high']),
  bandLabel: z.string(),
  owner: z.string().nullable(),
  identifiedYear: z.number().int(),
  version: z.number().int(),
})
export type RiskView = z.infer<typeof RiskView>

export const ControlView = z.object({
  key: Key,
  year: z.number().int(),
  title: z.string(),
  risk: z.object({ key: Key, title: z.string() }).nullable(),
  method: z.string().nullable(),
  responsible: z.string().nullable(),
  frequency: z.string().nullable(),
  mandatory: z.boolean(),
  /** The unit that follows the control up in the workflow; none = the administration. */
  unit: z.object({ key: Key, name: z.string() }).nullable(),
  carriedFrom: z.object({ key: Key, year: z.number().int() }).nullable(),
  version: z.number().int(),
  /** The control's part in the follow-up's workflow, for those who may see it. */
  part: ReportPartRef.nullable(),
  followUp: z
    .object({
      result: z.string().nullable(),
      level: LevelView.nullable(),
      action: z.string().nullable(),
      returnsNextYear: z.boolean(),
      version: z.number().int(),
    })
    .nullable(),
})
export type ControlView = z.infer<typeof ControlView>

export const InternalControlView = z.object({
  year: z.number().int(),
  followUp: z.object({ key: Key, title: z.string(), status: z.string() }).nullable(),
  scale: z.object({ probability: z.array(z.string()), consequence: z.array(z.string()) }),
  risks: z.array(RiskView),
  /** The heat map: one cell per probability × consequence, with the risks in it (text, not colour alone). */
  matrix: z.array(
    z.object({
      probability: z.number().int(),
      consequence: z.number().int(),
      value: z.number().int(),
      band: z.enum(['low', 'medium', 'high']),
      risks: z.array(z.object({ key: Key, title: z.string() })),
    }),
  ),
  controls: z.array(ControlView),
  assessment: z.object({ text: z.string(), version: z.number().int() }).nullable(),
  /** The overall assessment's part in the follow-up's workflow, for those who may see it. */
  assessmentPart: ReportPartRef.nullable(),
  /** The board's units in force in the year: who may follow a control up. */
  units: z.array(z.object({ key: Key, name: z.string() })),
  years: z.array(z.number().int()),
  editable: z.boolean(),
})
export type InternalControlView = z.infer<typeof InternalControlView>

export const SaveRisk = z.object({
  title: z.string().trim().min(1, 'Ange risken').max(500),
  description: z.string().trim().max(5_000).optional(),
  probability: z.number().int().min(1),
  consequence: z.number().int().min(1),
  owner: z.string().trim().max(300).optional(),
  identifiedYear: z.number().int().min(1990).max(2100),
  /** 0 for a new risk; else the version read (a stale one gives 409). */
  version: z.number().int().min(0),
})

export const SaveControl = z.object({
  year: z.number().int().min(1990).max(2100),
  title: z.string().trim().min(1, 'Ange kontrollmomentet').max(500),
  risk: Key.nullable().default(null),
  method: z.string().trim().max(500).optional(),
  responsible: z.string().trim().max(300).optional(),
  frequency: z.string().trim().max(200).optional(),
  mandatory: z.boolean().default(false),
  /** The unit that follows the control up; none = the administration. */
  unit: Key.nullable().default(null),
  /** 0 for a new control; else the version read (a stale one gives 409). */
  version: z.number().int().min(0),
})

export const SaveControlFollowUp = z.object({
  result: z.string().trim().max(10_000).optional(),
  level: Key.nullable(),
  action: z.string().trim().max(10_000).optional(),
  returnsNextYear: z.boolean(),
  version: z.number().int().min(0),
})

export const SaveControlAssessment = z.object({
  text: z.string().trim().min(1, 'Skriv en sammanfattande bedömning').max(20_000),
  version: z.number().int().min(0),
})

/** What an HR file would load, before anything is written. */
export const PersonnelImportPreview = z.object({
  fileName: z.string(),
  sha256: z.string(),
  year: z.number().int(),
  rowCount: z.number().int(),
  /** Per unit, administration or the municipality: how many figures, and for which measures. */
  scopes: z.array(
    z.object({ key: z.string(), name: z.string(), figures: z.number().int(), measures: z.array(z.string()) }),
  ),
  replaces: z.object({ fileName: z.string(), importedAt: z.string(), rowCount: z.number().int() }).nullable(),
  warnings: z.array(z.string()),
})
export type PersonnelImportPreview = z.infer<typeof PersonnelImportPreview>

export const PersonnelImportResult = z.object({ rowCount: z.number().int(), replaced: z.boolean() })
