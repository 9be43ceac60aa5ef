import { z } from 'zod'
import { Key } from './municipality.ts'
import { IsoDate, Year } from './organisation.ts'

/**
 * Kinds of assignment (uppdrag):
 * - investigation: utredningsuppdrag from the council (KF) in the budget decision;
 * - additional: tilläggsuppdrag;
 * - strategic-common: kommungemensamt strategiskt utvecklingsuppdrag;
 * - strategic-board: nämndspecifikt strategiskt utvecklingsuppdrag;
 * - board: nämnduppdrag given by the board itself.
 */
export const AssignmentKind = z.enum([
  'investigation',
  'additional',
  'strategic-common',
  'strategic-board',
  'board',
])
export type AssignmentKind = z.infer<typeof AssignmentKind>

export const assignmentKindLabels: Record<AssignmentKind, string> = {
  investigation: 'Utredningsuppdrag',
  additional: 'Tilläggsuppdrag',
  'strategic-common': 'Kommungemensamt strategiskt utvecklingsuppdrag',
  'strategic-board': 'Nämndspecifikt strategiskt utvecklingsuppdrag',
  board: 'Nämnduppdrag',
}

export const AssignmentStatus = z.enum([
  'ej-paborjad',
  'paborjad',
  'pagar',
  'genomford',
  'kvarstar',
  'inte-aktuellt',
  'overfors',
])
export type AssignmentStatus = z.infer<typeof AssignmentStatus>

export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
  'ej-paborjad': 'Ej påbörjad',
  paborjad: 'Påbörjad',
  pagar: 'Pågår',
  genomford: 'Genomförd',
  kvarstar: 'Kvarstår',
  'inte-aktuellt': 'Inte aktuellt',
  overfors: 'Överförs',
}

/** A dated status report on an assignment ("Senaste kommentar (2024-12-31)"). */
export const AssignmentUpdate = z.object({
  date: IsoDate,
  status: AssignmentStatus,
  comment: z.string().optional(),
  /** For status "overfors": the year of the business plan it moves to. */
  transferredToYear: Year.optional(),
})
export type AssignmentUpdate = z.infer<typeof AssignmentUpdate>

export const Assignment = z.object({
  key: Key,
  board: Key,
  kind: AssignmentKind,
  /** The year whose plan or budget gave the assignment. */
  year: Year,
  title: z.string().min(1),
  description: z.string().optional(),
  /** Who gave it, e.g. "Kommunfullmäktige". */
  givenBy: z.string().optional(),
  /** The decision, e.g. "KF 2023-11-27 § 180". */
  decisionRef: z.string().optional(),
  /** When it is due, as the source states it ("Återrapporteras under kvartal 1 2024"). */
  dueText: z.string().optional(),
  dueDate: IsoDate.optional(),
  goalArea: Key.optional(),
  goal: Key.optional(),
  responsibleUnit: Key.optional(),
  carriedOverFromYear: Year.optional(),
  /** Status reports, oldest first; the last is the current status. */
  updates: z.array(AssignmentUpdate).min(1),
  order: z.number().int().min(0),
})
export type Assignment = z.infer<typeof Assignment>

/** Count assignments per status, in the order of the status enum (a status with none gets 0). */
export function countByStatus(statuses: readonly AssignmentStatus[]): Record<AssignmentStatus, number> {
  const counts = Object.fromEntries(AssignmentStatus.options.map((s) => [s, 0])) as Record<
    AssignmentStatus,
    number
  >
  for (const s of statuses) counts[s] += 1
  return counts
}
