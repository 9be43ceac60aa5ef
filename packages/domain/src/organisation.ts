import { z } from 'zod'
import { Key } from './municipality.ts'

/** ISO date (yyyy-mm-dd). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datumet ska skrivas åååå-mm-dd')
export type IsoDate = z.infer<typeof IsoDate>

export const Year = z.number().int().min(1990).max(2100)

/** A board (nämnd or styrelse), e.g. Kommunstyrelsen (KS). */
export const Board = z.object({
  key: Key,
  name: z.string().min(1),
  shortName: z.string().min(1).max(12),
  description: z.string().optional(),
})
export type Board = z.infer<typeof Board>

/** An administration (förvaltning) working for a board, e.g. Kommunledningsförvaltningen (KLF). */
export const Administration = z.object({
  key: Key,
  board: Key,
  name: z.string().min(1),
  shortName: z.string().max(12).optional(),
  validFrom: IsoDate,
  validTo: IsoDate.optional(),
})
export type Administration = z.infer<typeof Administration>

export const OrgUnitKind = z.enum(['sector', 'office', 'staff', 'department', 'unit', 'other'])
export type OrgUnitKind = z.infer<typeof OrgUnitKind>

/**
 * An organisational unit below an administration. Units are effective-dated because
 * reorganisations are frequent: a unit that ceased has `validTo`, the day after which it no
 * longer exists. `code` is the ledger code where the source gives one (e.g. "1011").
 */
export const OrgUnit = z.object({
  key: Key,
  administration: Key,
  parent: Key.optional(),
  code: z.string().max(20).optional(),
  name: z.string().min(1),
  kind: OrgUnitKind,
  validFrom: IsoDate,
  validTo: IsoDate.optional(),
})
export type OrgUnit = z.infer<typeof OrgUnit>

/** A plan period such as "Mål och budget 2024–2026". */
export const PlanPeriod = z
  .object({
    key: Key,
    name: z.string().min(1),
    startYear: Year,
    endYear: Year,
  })
  .refine((p) => p.endYear >= p.startYear, { message: 'Planperioden slutar före den börjar' })
export type PlanPeriod = z.infer<typeof PlanPeriod>

/** Is the unit in existence on the given day? `validTo` is inclusive. */
export function isUnitValidOn(unit: Pick<OrgUnit, 'validFrom' | 'validTo'>, day: IsoDate): boolean {
  return unit.validFrom <= day && (unit.validTo === undefined || day <= unit.validTo)
}
