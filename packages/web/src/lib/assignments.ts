import type { AssignmentList, AssignmentUpdate } from '@arshjul/domain'
import { countNoun, joinSwedish, statusCount } from './format.ts'

/** "33 uppdrag: 7 ej påbörjade, 10 pågår och 10 genomförda." (statuses with none are left out) */
export function countsSentence(list: Pick<AssignmentList, 'counts' | 'total'>): string {
  if (list.total === 0) return 'Det finns inga uppdrag.'
  const parts = list.counts.filter((c) => c.count > 0).map((c) => statusCount(c.status, c.count))
  return `${countNoun(list.total, 'uppdrag', 'uppdrag')}: ${joinSwedish(parts)}.`
}

/** The latest dated status report that has a comment ("Senaste kommentar (2024-12-31)"). */
export function latestComment(updates: readonly AssignmentUpdate[]): AssignmentUpdate | undefined {
  let latest: AssignmentUpdate | undefined
  for (const update of updates) {
    if (update.comment && (!latest || update.date >= latest.date)) latest = update
  }
  return latest
}
