import type { FollowUpKind, FollowUpStatus, FollowUpSummary, GoalGroup, LevelSummary } from '@arshjul/domain'
import { followUpStatusLabels } from '@arshjul/domain'
import { countNoun, joinSwedish } from './format.ts'

/** Kinds of follow-up that assess goals; a business plan only states them. */
const assessingKinds: ReadonlySet<FollowUpKind> = new Set(['annual', 'interim', 'tertial'])
/** A follow-up still being written is not yet what the board stands behind. */
const finishedStatuses: ReadonlySet<FollowUpStatus> = new Set(['approved', 'decided'])

/**
 * The follow-up a board page opens with: the newest finished one that assesses goals; else the
 * newest that assesses goals; else the newest. `followUps` come newest first, as the API returns them.
 */
export function defaultFollowUp(followUps: readonly FollowUpSummary[]): FollowUpSummary | undefined {
  return (
    followUps.find((f) => assessingKinds.has(f.kind) && finishedStatuses.has(f.status)) ??
    followUps.find((f) => assessingKinds.has(f.kind)) ??
    followUps[0]
  )
}

/**
 * How a follow-up is named in the list of a board's follow-ups: its title, the administration when
 * it is not the usual one and the title does not say it, and the status unless it is finished.
 * "Verksamhetsberättelse 2024", "Delårsrapport 2025 (öppen för rapportering)".
 */
export function followUpLabels(followUps: readonly FollowUpSummary[]): Map<string, string> {
  const perAdministration = new Map<string, number>()
  for (const f of followUps) {
    const name = f.administration?.name
    if (name) perAdministration.set(name, (perAdministration.get(name) ?? 0) + 1)
  }
  const usual = [...perAdministration].sort((a, b) => b[1] - a[1])[0]?.[0]
  return new Map(
    followUps.map((f) => {
      const notes: string[] = []
      const administration = f.administration?.name
      if (administration && administration !== usual && !f.title.includes(administration))
        notes.push(administration)
      if (!finishedStatuses.has(f.status)) notes.push(followUpStatusLabels[f.status].toLowerCase())
      return [f.key, notes.length > 0 ? `${f.title} (${notes.join(', ')})` : f.title]
    }),
  )
}

/** "18 mål", "5 mål och 6 strategiska initiativ". */
export function goalsPhrase(groups: readonly GoalGroup[]): string {
  const all = groups.flatMap((g) => g.goals)
  const initiatives = all.filter((g) => g.kind === 'initiative').length
  const goals = all.length - initiatives
  if (initiatives === 0) return countNoun(goals, 'mål', 'mål')
  if (goals === 0) return countNoun(initiatives, 'strategiskt initiativ', 'strategiska initiativ')
  return `${countNoun(goals, 'mål', 'mål')} och ${countNoun(initiatives, 'strategiskt initiativ', 'strategiska initiativ')}`
}

/** The sentence above the summary: "Verksamhetsberättelse 2024 omfattar 18 mål. Alla har bedömts: 13 Uppnått och 5 Delvis uppnått." */
export function summarySentence(title: string, groups: readonly GoalGroup[], summary: LevelSummary): string {
  if (summary.total === 0) return `${title} omfattar inga mål.`
  const assessed = summary.total - summary.notAssessed
  const intro = `${title} omfattar ${goalsPhrase(groups)}.`
  if (assessed === 0) return `${intro} Inga av dem har bedömts i den här uppföljningen.`
  const parts = summary.levels.filter((l) => l.count > 0).map((l) => `${l.count} ${l.label}`)
  const who = summary.notAssessed === 0 ? 'Alla' : String(assessed)
  const rest = summary.notAssessed > 0 ? ` ${summary.notAssessed} saknar bedömning.` : ''
  return `${intro} ${who} har bedömts: ${joinSwedish(parts)}.${rest}`
}
