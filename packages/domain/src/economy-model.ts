import { z } from 'zod'
import { AmountUnit, Key, SignConvention } from './municipality.ts'

/**
 * What an amount is. Annual measures (budget, revised budget, forecast, plan) have no month;
 * monthly measures (period budget, outcome) have one. A forecast belongs to a follow-up, so each
 * follow-up keeps its own and the change since the previous forecast can be shown. A plan amount is
 * a later year's figure in a budget decision (plan 2026 and 2027 in "Budget 2025 med plan 2026–2027").
 */
export const Measure = z.enum(['budget', 'revised-budget', 'period-budget', 'outcome', 'forecast', 'plan'])
export type Measure = z.infer<typeof Measure>

export const measureLabels: Record<Measure, string> = {
  budget: 'Budget',
  'revised-budget': 'Reviderad budget',
  'period-budget': 'Periodbudget',
  outcome: 'Utfall',
  forecast: 'Prognos',
  plan: 'Plan',
}

export const Month = z.number().int().min(1, 'Månaden ska vara 1–12').max(12, 'Månaden ska vara 1–12')

/** Kronor, a whole number. Demo and template data are given in kronor; the database keeps öre. */
export const Kronor = z
  .number()
  .int('Beloppet ska anges i hela kronor')
  .refine((v) => Number.isSafeInteger(v * 100), 'Beloppet är för stort')

/** A ledger account: four digits in Kommun-Bas and BAS; some ledgers use more. */
export const AccountNumber = z.string().regex(/^\d{3,8}$/, 'Kontot ska vara 3–8 siffror')

/**
 * What an account group does in the operating statement. Income and cost groups make up the net
 * cost; finance is the finance net; allocation is the kommunbidrag the board receives.
 */
export const AccountGroupKind = z.enum(['income', 'cost', 'finance', 'allocation'])
export type AccountGroupKind = z.infer<typeof AccountGroupKind>

export const AccountRange = z
  .object({ from: z.number().int().min(0), to: z.number().int().min(0) })
  .refine((r) => r.to >= r.from, { message: 'Kontointervallet slutar före det börjar' })
export type AccountRange = z.infer<typeof AccountRange>

export const AccountGroup = z.object({
  key: Key,
  label: z.string().min(1),
  kind: AccountGroupKind,
  /** Four-digit account intervals, inclusive; longer account numbers are matched on their first four digits. */
  ranges: z.array(AccountRange).default([]),
})
export type AccountGroup = z.infer<typeof AccountGroup>

/**
 * The default mapping from Kommun-Bas accounts to the groups municipalities print: class 3 income,
 * 4 purchased activities and services, 50–57 personnel, 58–59 other, 60 premises rent, 61–79 other
 * costs, 8 finance. A municipality edits it; the allocation has no default accounts (it is usually
 * entered from the budget decision, or mapped to the internal account the municipality uses).
 */
export const defaultAccountGroups: AccountGroup[] = [
  { key: 'intakter', label: 'Verksamhetens intäkter', kind: 'income', ranges: [{ from: 3000, to: 3999 }] },
  { key: 'personal', label: 'Personalkostnader', kind: 'cost', ranges: [{ from: 5000, to: 5799 }] },
  { key: 'lokalhyror', label: 'Lokalhyror', kind: 'cost', ranges: [{ from: 6000, to: 6099 }] },
  {
    key: 'kop-av-tjanster',
    label: 'Köp av verksamhet och tjänster',
    kind: 'cost',
    ranges: [{ from: 4000, to: 4999 }],
  },
  {
    key: 'ovriga-kostnader',
    label: 'Övriga kostnader',
    kind: 'cost',
    ranges: [
      { from: 5800, to: 5999 },
      { from: 6100, to: 7999 },
    ],
  },
  { key: 'finansnetto', label: 'Finansnetto', kind: 'finance', ranges: [{ from: 8000, to: 8999 }] },
  { key: 'kommunbidrag', label: 'Kommunbidrag', kind: 'allocation', ranges: [] },
]

/** Problems with a mapping: overlapping intervals would put one account in two groups. */
export function checkAccountGroups(groups: readonly AccountGroup[]): string[] {
  const problems: string[] = []
  const keys = new Set<string>()
  for (const g of groups) {
    if (keys.has(g.key)) problems.push(`Kontogruppen "${g.key}" finns två gånger`)
    keys.add(g.key)
  }
  const all = groups.flatMap((g) => g.ranges.map((r) => ({ ...r, group: g.label })))
  all.sort((a, b) => a.from - b.from)
  for (let i = 1; i < all.length; i++) {
    const prev = all[i - 1]
    const cur = all[i]
    if (prev && cur && cur.from <= prev.to) {
      problems.push(
        `Kontona ${cur.from}–${Math.min(prev.to, cur.to)} hör både till "${prev.group}" och "${cur.group}"`,
      )
    }
  }
  return problems
}

/** The group an account belongs to, or undefined when the mapping does not cover it. */
export function accountGroupOf(account: string, groups: readonly AccountGroup[]): AccountGroup | undefined {
  const n = Number(account.slice(0, 4))
  if (!Number.isInteger(n)) return undefined
  return groups.find((g) => g.ranges.some((r) => n >= r.from && n <= r.to))
}

/** Result accounts (classes 3–8) belong in the operating statement; classes 1–2 are the balance sheet. */
export function isResultAccount(account: string): boolean {
  const first = account.charAt(0)
  return first >= '3' && first <= '8'
}

/**
 * A cost centre (ansvar, dimension 1 in SIE): the ledger's code for a unit. Several cost centres may
 * belong to one organisational unit; a cost centre that is not yet mapped has no unit.
 */
export const CostCentre = z.object({
  code: z
    .string()
    .min(1)
    .max(20)
    .regex(/^[\p{L}\p{N}_.-]+$/u, 'Ansvarskoden får bara innehålla bokstäver, siffror, _ . och -'),
  name: z.string().min(1),
  orgUnit: Key.optional(),
})
export type CostCentre = z.infer<typeof CostCentre>

/** SCB's räkenskapssammandrag activity code, or a municipality's own code beside them (e.g. 920). */
export const ActivityCode = z.object({
  code: z.string().regex(/^\d{3}$/, 'Verksamhetskoden ska vara tre siffror'),
  label: z.string().min(1),
})
export type ActivityCode = z.infer<typeof ActivityCode>

export const InvestmentCategory = z.enum([
  'expansion',
  'reinvestment',
  'adaptation',
  'image',
  'exploitation-housing',
  'exploitation-business',
  'land-purchase',
  'land-sale',
  'other',
])
export type InvestmentCategory = z.infer<typeof InvestmentCategory>

export const investmentCategoryLabels: Record<InvestmentCategory, string> = {
  expansion: 'Expansion',
  reinvestment: 'Reinvestering',
  adaptation: 'Verksamhetsanpassning',
  image: 'Imageinvestering',
  'exploitation-housing': 'Exploatering bostadsområden',
  'exploitation-business': 'Exploatering verksamhetsområden',
  'land-purchase': 'Markförvärv',
  'land-sale': 'Markförsäljning',
  other: 'Övrigt',
}

/** Land development (exploatering) and land sales are reported separately, with their own result. */
export function isLandDevelopment(category: InvestmentCategory): boolean {
  return (
    category === 'exploitation-housing' || category === 'exploitation-business' || category === 'land-sale'
  )
}

export const InvestmentStatus = z.enum(['planned', 'ongoing', 'completed'])
export type InvestmentStatus = z.infer<typeof InvestmentStatus>
export const investmentStatusLabels: Record<InvestmentStatus, string> = {
  planned: 'Planerat',
  ongoing: 'Pågående',
  completed: 'Färdigställt',
}

/** How a source document printed its figures: unit, decimals and sign (they differ even within one municipality). */
export const PrintedAs = z.object({
  unit: AmountUnit,
  decimals: z.number().int().min(0).max(3),
  sign: SignConvention,
})
export type PrintedAs = z.infer<typeof PrintedAs>

/**
 * One amount in seed or template data, in exact kronor and in the ledger's sign (costs and
 * investment expenditure positive, income negative); the allocation is positive when received.
 * `printed` is the figure as the source printed it, kept so that tests prove the exact amount
 * reproduces it.
 */
export const SeedAmount = z.object({
  measure: Measure,
  year: z.number().int().min(1990).max(2100).optional(),
  month: Month.optional(),
  /** The follow-up a forecast belongs to. */
  followUp: Key.optional(),
  kr: Kronor,
  printed: z.number().optional(),
  /**
   * A figure the source printed only for comparison — last year's outcome in this year's report, a
   * preliminary outcome in next year's plan — when another data set is the record of that year. It
   * is kept (to regenerate the document) but not counted in that year's tables.
   */
  comparison: z.boolean().optional(),
})
export type SeedAmount = z.infer<typeof SeedAmount>

/**
 * One row of a printed operating table, with its amounts. The dimensions a row has decide which
 * tables it appears in: a cost centre (per unit), an activity code (per SCB activity), an account
 * group (per kind of cost or income). A row with none of them is the board as a whole, not broken
 * down (plan years printed only as a total, say). Totals are computed from one breakdown at a time.
 */
export const SeedEconomyLine = z.object({
  costCentre: z.string().optional(),
  activityCode: z.string().optional(),
  accountGroup: Key.optional(),
  account: AccountNumber.optional(),
  amounts: z.array(SeedAmount).min(1),
  /** The deviation the source printed for this row (budget against outcome, same year). */
  printedDeviation: z.number().optional(),
})
export type SeedEconomyLine = z.infer<typeof SeedEconomyLine>

/** A total the source printed, kept so that tests show whether the computed total matches it. */
export const PrintedTotal = z.object({
  label: z.string().min(1),
  measure: z.union([Measure, z.literal('deviation')]),
  year: z.number().int().optional(),
  /** Which rows it sums: those with a cost centre, or those with an activity code. */
  over: z.enum(['cost-centres', 'activity-codes', 'account-groups']),
  printed: z.number(),
  /** false when the source's printed total differs from the sum of its exact rows (listed in notes). */
  matches: z.boolean(),
})
export type PrintedTotal = z.infer<typeof PrintedTotal>

/** A set of operating amounts loaded together (what one import is for seeded data). */
export const SeedEconomyDataset = z.object({
  key: Key,
  board: Key,
  year: z.number().int().min(1990).max(2100),
  title: z.string().min(1),
  printedAs: PrintedAs,
  lines: z.array(SeedEconomyLine).min(1),
  printedTotals: z.array(PrintedTotal).default([]),
})
export type SeedEconomyDataset = z.infer<typeof SeedEconomyDataset>

export const SeedInvestment = z.object({
  key: Key,
  board: Key,
  name: z.string().min(1),
  category: InvestmentCategory,
  status: InvestmentStatus,
  costCentre: z.string().optional(),
  /** The total budget decided for the whole project, where the source gives one. */
  decidedTotalKr: Kronor.optional(),
  printedDecidedTotal: z.number().optional(),
  printedAs: PrintedAs,
  /** Outcome of earlier years may be one amount on the year before the report ("accumulated before 2024"). */
  amounts: z.array(SeedAmount.extend({ year: z.number().int().min(1990).max(2100) })).default([]),
  /** Accumulated outcome since the start as printed, for the test that the amounts reproduce it. */
  printedAccumulated: z.number().optional(),
  note: z.string().optional(),
})
export type SeedInvestment = z.infer<typeof SeedInvestment>

/** A list that explains a budget frame ("+1 900 tkr höjd IT-avgift") or splits an appropriation over areas. */
export const SeedFrameList = z.object({
  key: Key,
  board: Key,
  year: z.number().int().min(1990).max(2100),
  kind: z.enum(['frame-changes', 'appropriation-split']),
  title: z.string().min(1),
  printedAs: PrintedAs,
  items: z
    .array(
      z.object({
        label: z.string().min(1),
        kr: Kronor,
        costCentre: z.string().optional(),
        printed: z.number().optional(),
      }),
    )
    .min(1),
})
export type SeedFrameList = z.infer<typeof SeedFrameList>

/** Who a deviation comment is about. */
export const CommentSubject = z.union([
  z.object({ kind: z.literal('board') }),
  z.object({ kind: z.literal('cost-centre'), code: z.string().min(1) }),
  z.object({ kind: z.literal('investment'), key: Key }),
  z.object({ kind: z.literal('investments') }),
])
export type CommentSubject = z.infer<typeof CommentSubject>

export const SeedEconomyComment = z.object({
  followUp: Key,
  subject: CommentSubject,
  text: z.string().min(1),
})
export type SeedEconomyComment = z.infer<typeof SeedEconomyComment>

/**
 * Shares are exact: parts per million (1 000 000 = the whole). A move without a share moves all of
 * the cost centre; the shares out of one cost centre add up to the whole.
 */
export const SharePpm = z.number().int().min(1).max(1_000_000)

export const SeedReorganisation = z.object({
  key: Key,
  /** The first day of the new structure. */
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  description: z.string().min(1),
  moves: z
    .array(
      z.object({ from: z.string().min(1), to: z.string().min(1), sharePpm: SharePpm.default(1_000_000) }),
    )
    .min(1),
})
export type SeedReorganisation = z.infer<typeof SeedReorganisation>

export const SeedEconomy = z.object({
  /** Replaces the default account-group mapping (only in the file that defines the municipality). */
  accountGroups: z.array(AccountGroup).optional(),
  /** The municipality's own activity codes beside SCB's. */
  activityCodes: z.array(ActivityCode).default([]),
  costCentres: z.array(CostCentre).default([]),
  datasets: z.array(SeedEconomyDataset).default([]),
  investments: z.array(SeedInvestment).default([]),
  frameLists: z.array(SeedFrameList).default([]),
  comments: z.array(SeedEconomyComment).default([]),
  reorganisations: z.array(SeedReorganisation).default([]),
})
export type SeedEconomy = z.infer<typeof SeedEconomy>
