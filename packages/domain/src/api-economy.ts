/**
 * Shapes of the economy API. Every amount is an integer number of öre in the ledger's sign (costs
 * and investment expenditure positive, income negative; the allocation positive when received), so
 * that totals are exact everywhere. Deviations are already oriented: positive is favourable under
 * every sign convention. Clients show amounts with `fromLedgerSign` and `formatAmount` under the
 * `display` settings that come with each view — rounding happens last, in the client.
 */
import { z } from 'zod'
import { AccountGroupKind, InvestmentCategory, InvestmentStatus, Measure } from './economy-model.ts'
import { AmountUnit, Key, SignConvention } from './municipality.ts'

const Ore = z.number().int()
const OptionalOre = Ore.nullable()

export const AmountDisplay = z.object({ unit: AmountUnit, decimals: z.number().int(), sign: SignConvention })
export type AmountDisplay = z.infer<typeof AmountDisplay>

export const DeviationTone = z.enum(['surplus', 'deficit', 'on-budget'])
export type DeviationTone = z.infer<typeof DeviationTone>

/** The figures of one row of an operating table. Null means "no amount of this kind was loaded". */
export const OperatingFigures = z.object({
  /** Annual budget as first decided. */
  budget: OptionalOre,
  /** Annual budget after changes during the year; the deviation is measured against it when present. */
  revisedBudget: OptionalOre,
  /** Budget to date (sum of the monthly period budget through `throughMonth`). */
  periodBudget: OptionalOre,
  /** Outcome to date (through `throughMonth`). */
  outcome: OptionalOre,
  /** Full-year forecast of the chosen follow-up. */
  forecast: OptionalOre,
  /** The forecast of the follow-up before it, for the change since then. */
  previousForecast: OptionalOre,
  /** Outcome of the same period of the previous year. */
  previousYearOutcome: OptionalOre,
  /** Outcome against budget (the period budget when the period is not the whole year). */
  deviation: OptionalOre,
  /** Forecast against the annual budget. */
  forecastDeviation: OptionalOre,
  /** Favourable-positive change of the forecast since the previous one. */
  forecastChange: OptionalOre,
  tone: DeviationTone.nullable(),
})
export type OperatingFigures = z.infer<typeof OperatingFigures>

export const OperatingRow = z.object({
  costCentre: z.object({ code: z.string(), name: z.string() }),
  unit: z.object({ key: Key, name: z.string() }).nullable(),
  /** The administration the cost centre's unit belongs to (a board may have several). */
  administration: z.object({ key: Key, name: z.string() }).nullable(),
  figures: OperatingFigures,
  /** Set when the row was restated from cost centres of an earlier structure. */
  restatedFrom: z.array(z.string()).default([]),
})
export type OperatingRow = z.infer<typeof OperatingRow>

/**
 * The operating statement. Net cost and finance net are in the ledger's sign like every amount; the
 * allocation is positive when received (so `fromLedgerSign` prints it as the municipality does: with
 * the sign of costs where costs are negative). The result is different: it is favourable-positive in
 * every convention (a surplus positive, a deficit negative) and is shown as it is, without
 * `fromLedgerSign`. It is null where no allocation was loaded.
 */
export const OperatingStatementView = z.object({
  netCost: OperatingFigures,
  allocation: OperatingFigures,
  financeNet: OperatingFigures,
  result: OperatingFigures,
})

export const OperatingView = z.object({
  board: z.object({ key: Key, name: z.string() }),
  year: z.number().int(),
  throughMonth: z.number().int().min(1).max(12),
  followUp: z.object({ key: Key, title: z.string() }).nullable(),
  previousFollowUp: z.object({ key: Key, title: z.string() }).nullable(),
  display: AmountDisplay,
  structure: z.enum(['reported', 'current']),
  /** Per cost centre; the total below is computed from these rows' exact amounts. */
  rows: z.array(OperatingRow),
  /**
   * Cost centres with amounts only for the previous year (units that ceased in a reorganisation),
   * shown as one line "as reported" so the year's table lists the units that exist; restated, they
   * are moved into today's units instead.
   */
  formerUnits: z.object({ names: z.array(z.string()), figures: OperatingFigures }).nullable(),
  /** Amounts loaded for the board as a whole, not broken down per cost centre (e.g. plan years). */
  notBrokenDown: OperatingFigures.nullable(),
  total: OperatingFigures,
  /**
   * Subtotals per administration when the rows belong to more than one (Linköping's KS: the
   * Kommunledningsförvaltningen and the internally financed Verksamhetsstöd och service).
   */
  subtotals: z.array(
    z.object({
      administration: z.object({ key: Key, name: z.string() }).nullable(),
      figures: OperatingFigures,
    }),
  ),
  statement: OperatingStatementView,
  /** Plan years: net cost per later year, from budget decisions. */
  plans: z.array(z.object({ year: z.number().int(), netCost: Ore })),
  years: z.array(z.number().int()),
  hasAccountDetail: z.boolean(),
})
export type OperatingView = z.infer<typeof OperatingView>

export const OperatingDrillView = z.object({
  costCentre: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  display: AmountDisplay,
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: AccountGroupKind.nullable(),
      figures: OperatingFigures,
    }),
  ),
  months: z.array(
    z.object({
      month: z.number().int(),
      periodBudget: OptionalOre,
      outcome: OptionalOre,
      previousYearOutcome: OptionalOre,
    }),
  ),
})
export type OperatingDrillView = z.infer<typeof OperatingDrillView>

export const ActivityEconomyView = z.object({
  year: z.number().int(),
  display: AmountDisplay,
  rows: z.array(z.object({ code: z.string(), label: z.string(), figures: OperatingFigures })),
  total: OperatingFigures,
})
export type ActivityEconomyView = z.infer<typeof ActivityEconomyView>

export const InvestmentRow = z.object({
  key: Key,
  name: z.string(),
  category: InvestmentCategory,
  categoryLabel: z.string(),
  status: InvestmentStatus,
  statusLabel: z.string(),
  landDevelopment: z.boolean(),
  decidedTotal: OptionalOre,
  accumulatedOutcome: OptionalOre,
  /** Decided total against accumulated outcome, favourable positive. */
  accumulatedDeviation: OptionalOre,
  budget: OptionalOre,
  revisedBudget: OptionalOre,
  forecast: OptionalOre,
  outcome: OptionalOre,
  deviation: OptionalOre,
  plans: z.array(z.object({ year: z.number().int(), amount: Ore })),
  note: z.string().nullable(),
})
export type InvestmentRow = z.infer<typeof InvestmentRow>

const InvestmentTotals = InvestmentRow.pick({
  decidedTotal: true,
  accumulatedOutcome: true,
  accumulatedDeviation: true,
  budget: true,
  revisedBudget: true,
  forecast: true,
  outcome: true,
  deviation: true,
})

export const InvestmentView = z.object({
  year: z.number().int(),
  display: AmountDisplay,
  projects: z.array(InvestmentRow),
  /** Land development (exploatering, land sales) is reported separately with its own result. */
  totals: z.object({
    excludingLandDevelopment: InvestmentTotals,
    landDevelopment: InvestmentTotals,
    all: InvestmentTotals,
  }),
  planYears: z.array(z.number().int()),
})
export type InvestmentView = z.infer<typeof InvestmentView>

export const FrameListView = z.object({
  key: Key,
  year: z.number().int(),
  kind: z.enum(['frame-changes', 'appropriation-split']),
  title: z.string(),
  items: z.array(z.object({ label: z.string(), amount: Ore, costCentre: z.string().nullable() })),
  total: Ore,
})
export const FramesView = z.object({ display: AmountDisplay, lists: z.array(FrameListView) })
export type FramesView = z.infer<typeof FramesView>

export const CommentSubjectParam = z.object({
  kind: z.enum(['board', 'cost-centre', 'investment', 'investments']),
  key: z.string().default(''),
})

export const EconomyCommentView = z.object({
  subject: CommentSubjectParam,
  subjectName: z.string(),
  text: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** A draft computed from the figures, offered for the person to edit. */
  draft: z.string(),
  editable: z.boolean(),
})
export type EconomyCommentView = z.infer<typeof EconomyCommentView>

export const EconomyCommentConflict = z.object({
  error: z.object({ code: z.literal('CONFLICT'), message: z.string() }),
  current: EconomyCommentView,
})

export const SaveEconomyComment = z.object({
  text: z.string().trim().min(1, 'Skriv en kommentar').max(20_000, 'Kommentaren är för lång'),
  /** The version the edit started from; a stale version gives 409 with the current text. */
  version: z.number().int().min(0),
})

export const ImportKind = z.enum([
  'sie',
  'csv-drift',
  'xlsx-drift',
  'csv-investeringar',
  'xlsx-investeringar',
])
export type ImportKind = z.infer<typeof ImportKind>

/** What an import would change, per cost centre (or project) and measure, before anything is written. */
export const ImportPreview = z.object({
  fileName: z.string(),
  sha256: z.string(),
  kind: ImportKind,
  year: z.number().int(),
  scope: z.string(),
  rowCount: z.number().int(),
  /** Whether it replaces an earlier import of the same scope (and when that was). */
  replaces: z.object({ fileName: z.string(), importedAt: z.string(), rowCount: z.number().int() }).nullable(),
  changes: z.array(
    z.object({
      subject: z.string(),
      subjectName: z.string(),
      measure: Measure,
      before: Ore,
      after: Ore,
    }),
  ),
  /** Cost centres in the file that are not known: they must be mapped (or accepted as new) first. */
  unknownCostCentres: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  /** Accounts outside the account-group mapping. */
  unmappedAccounts: z.array(z.string()),
  warnings: z.array(z.string()),
})
export type ImportPreview = z.infer<typeof ImportPreview>

export const ImportResult = z.object({
  importId: z.string(),
  rowCount: z.number().int(),
  replaced: z.boolean(),
})
export type ImportResult = z.infer<typeof ImportResult>

export const CostCentreView = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.object({ key: Key, name: z.string() }).nullable(),
})
export type CostCentreView = z.infer<typeof CostCentreView>

export const SaveFrameList = z.object({
  year: z.number().int().min(1990).max(2100),
  kind: z.enum(['frame-changes', 'appropriation-split']),
  title: z.string().trim().min(1, 'Ange en rubrik').max(300),
  items: z
    .array(
      z.object({
        label: z.string().trim().min(1, 'Ange vad förändringen avser').max(500),
        /** Öre; positive raises the frame (more allocation), negative lowers it. */
        amount: z.number().int().refine(Number.isSafeInteger, 'Beloppet är för stort'),
        costCentre: z.string().max(20).nullable().default(null),
      }),
    )
    .min(1, 'Listan ska ha minst en rad')
    .max(500),
})

export const ReorganisationView = z.object({
  key: Key,
  effectiveFrom: z.string(),
  description: z.string(),
  moves: z.array(z.object({ from: z.string(), to: z.string(), sharePpm: z.number().int() })),
})
export type ReorganisationView = z.infer<typeof ReorganisationView>

export const SaveReorganisation = ReorganisationView.extend({
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange datumet som ÅÅÅÅ-MM-DD'),
  description: z.string().trim().min(1, 'Beskriv omorganisationen').max(2_000),
  moves: z
    .array(
      z.object({
        from: z.string().min(1).max(20),
        to: z.string().min(1).max(20),
        sharePpm: z.number().int().min(1).max(1_000_000).default(1_000_000),
      }),
    )
    .min(1, 'Ange minst en flytt'),
})
