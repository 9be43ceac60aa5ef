import type { AssessmentScale } from './municipality.ts'
import { levelsHighestFirst } from './municipality.ts'

export interface LevelCount {
  key: string
  label: string
  rank: number
  colour: string
  symbol: string
  count: number
}

export interface LevelCounts {
  levels: LevelCount[]
  notAssessed: number
  total: number
}

/**
 * Count goals per level of the scale ("13 uppnådda och 5 delvis uppnådda"). `levels` holds one
 * entry per level of the scale, highest first, including levels with no goals. A goal without an
 * assessment, or with a level not on the scale, counts as not assessed.
 */
export function countLevels(
  scale: AssessmentScale,
  assessedLevels: readonly (string | null | undefined)[],
): LevelCounts {
  const levels = levelsHighestFirst(scale).map(({ key, label, rank, colour, symbol }) => ({
    key,
    label,
    rank,
    colour,
    symbol,
    count: 0,
  }))
  const byKey = new Map(levels.map((l) => [l.key, l]))
  let notAssessed = 0
  for (const level of assessedLevels) {
    const entry = level ? byKey.get(level) : undefined
    if (entry) entry.count += 1
    else notAssessed += 1
  }
  return { levels, notAssessed, total: assessedLevels.length }
}
