import { z } from 'zod'
import { Key } from './municipality.ts'
import { Year } from './organisation.ts'

/**
 * Council-level grouping of goals: a målområde (Linköping: Samhälle, Ekonomi, Verksamhet,
 * Medarbetare) or a prioriterat område (Luleå: VÄLFUNGERANDE VARDAG FÖR ALLA, …).
 */
export const GoalArea = z.object({
  key: Key,
  name: z.string().min(1),
  kind: z.enum(['goal-area', 'priority-area']),
  description: z.string().optional(),
  order: z.number().int().min(0),
})
export type GoalArea = z.infer<typeof GoalArea>

/** A kommunövergripande mål adopted by the council, under one goal area. */
export const MunicipalGoal = z.object({
  key: Key,
  goalArea: Key,
  name: z.string().min(1),
  description: z.string().optional(),
  order: z.number().int().min(0),
})
export type MunicipalGoal = z.infer<typeof MunicipalGoal>

/** How a goal is financed: "inom ram", or an appropriation with an amount in kronor. */
export const Financing = z.object({
  text: z.string().min(1),
  /** Whole kronor; "7 mkr" is 7000000. */
  amountKronor: z.number().int().optional(),
})
export type Financing = z.infer<typeof Financing>

export const Agenda2030Goal = z.number().int().min(1).max(17)

/**
 * A board goal (nämndmål) or a strategic initiative (strategiskt initiativ). Both are followed up
 * with assessments; an initiative carries a purpose ("För att …") instead of a financing text.
 */
export const BoardGoal = z.object({
  key: Key,
  board: Key,
  kind: z.enum(['goal', 'initiative']),
  title: z.string().min(1),
  description: z.string().optional(),
  purpose: z.string().optional(),
  financing: Financing.optional(),
  startYear: Year,
  endYear: Year,
  goalArea: Key.optional(),
  parentGoals: z.array(Key).default([]),
  responsibleUnit: Key.optional(),
  /** Free text such as "Socialförvaltningen huvudansvarig". */
  leadResponsibility: z.string().optional(),
  agenda2030: z.array(Agenda2030Goal).default([]),
  order: z.number().int().min(0),
})
export type BoardGoal = z.infer<typeof BoardGoal>

export const ActivityStatus = z.enum(['ej-paborjad', 'pagar', 'genomford', 'kvarstar', 'utgatt'])
export type ActivityStatus = z.infer<typeof ActivityStatus>

export const activityStatusLabels: Record<ActivityStatus, string> = {
  'ej-paborjad': 'Ej påbörjad',
  pagar: 'Pågår',
  genomford: 'Genomförd',
  kvarstar: 'Kvarstår',
  utgatt: 'Utgått',
}

/** An activity (aktivitet) under a goal in an administration's plan, for one year. */
export const Activity = z.object({
  key: Key,
  goal: Key,
  year: Year,
  title: z.string().min(1),
  description: z.string().optional(),
  status: ActivityStatus,
  responsibleUnit: Key.optional(),
  order: z.number().int().min(0),
})
export type Activity = z.infer<typeof Activity>
