import type { Direction, IndicatorTarget, IndicatorValue } from './indicators.ts'
import { type AssessmentLevel, type AssessmentScale, levelsHighestFirst } from './municipality.ts'

/** What the suggestion knows of one indicator of the goal. */
export interface IndicatorInput {
  key: string
  name: string
  direction: Direction | null
  values: readonly IndicatorValue[]
  targets: readonly IndicatorTarget[]
}

export type Verdict = 'met' | 'improving' | 'not-met' | 'no-data'

export const verdictLabels: Record<Verdict, string> = {
  met: 'Når målet',
  improving: 'Rör sig i önskad riktning',
  'not-met': 'Når inte målet',
  'no-data': 'Underlag saknas',
}

/** How one indicator was judged, with the figures used, so the rule can be shown beside the result. */
export interface IndicatorVerdict {
  key: string
  name: string
  verdict: Verdict
  /** The outcome used: the latest final or preliminary total at or before the year. */
  value: number | null
  valueYear: number | null
  /** The value it was compared with: the target, or the previous outcome when there is no target. */
  comparedWith: number | null
  comparedWithLabel: string | null
  score: number | null
}

export interface Suggestion {
  level: AssessmentLevel | null
  /** Average score 0–1 over the indicators with data (met 1, improving 0.5, not met 0). */
  score: number | null
  indicators: IndicatorVerdict[]
  /** The rule in Swedish, for display beside the suggestion. */
  rule: string
}

export const SUGGESTION_RULE =
  'Varje indikator med utfall bedöms: når målvärdet (eller förbättras i önskad riktning när målvärde saknas) = 1, ' +
  'under målvärdet men bättre än året före = 0,5, annars 0. Medelvärdet fördelas jämnt över skalans nivåer ' +
  '(högsta nivån kräver 1,0). Indikatorer utan utfall räknas inte.'

function latestTotal(values: readonly IndicatorValue[], year: number): IndicatorValue | undefined {
  return [...values]
    .filter((v) => v.breakdown === 'total' && v.value !== null && v.year <= year)
    .sort((a, b) => b.year - a.year)[0]
}

function targetFor(targets: readonly IndicatorTarget[], year: number): number | undefined {
  const withValue = targets.filter((t) => t.breakdown === 'total' && t.value !== undefined)
  const exact = withValue.find((t) => t.year === year)
  const latest = [...withValue].filter((t) => t.year <= year).sort((a, b) => b.year - a.year)[0]
  return (exact ?? latest)?.value
}

/** True when `a` is better than `b` under the direction (at-least counts as higher-is-better). */
function better(direction: Direction, a: number, b: number): boolean {
  if (direction === 'increase' || direction === 'at-least') return a > b
  if (direction === 'decrease' || direction === 'at-most') return a < b
  return a === b
}

function meets(direction: Direction, value: number, target: number): boolean {
  if (direction === 'increase' || direction === 'at-least') return value >= target
  if (direction === 'decrease' || direction === 'at-most') return value <= target
  return value === target
}

export function judgeIndicator(input: IndicatorInput, year: number): IndicatorVerdict {
  const none: IndicatorVerdict = {
    key: input.key,
    name: input.name,
    verdict: 'no-data',
    value: null,
    valueYear: null,
    comparedWith: null,
    comparedWithLabel: null,
    score: null,
  }
  const latest = latestTotal(input.values, year)
  if (!latest || latest.value === null) return none
  const direction = input.direction ?? 'increase'
  const previous = latestTotal(input.values, latest.year - 1)
  const target = targetFor(input.targets, year)
  const base = { ...none, value: latest.value, valueYear: latest.year }
  if (target !== undefined) {
    if (meets(direction, latest.value, target))
      return { ...base, verdict: 'met', comparedWith: target, comparedWithLabel: 'målvärde', score: 1 }
    if (previous?.value != null && better(direction, latest.value, previous.value)) {
      return {
        ...base,
        verdict: 'improving',
        comparedWith: target,
        comparedWithLabel: 'målvärde',
        score: 0.5,
      }
    }
    return { ...base, verdict: 'not-met', comparedWith: target, comparedWithLabel: 'målvärde', score: 0 }
  }
  if (!input.direction || previous?.value == null)
    return { ...none, value: latest.value, valueYear: latest.year }
  const label = `utfall ${previous.year}`
  if (
    better(input.direction, latest.value, previous.value) ||
    (input.direction === 'maintain' && latest.value === previous.value)
  ) {
    return { ...base, verdict: 'met', comparedWith: previous.value, comparedWithLabel: label, score: 1 }
  }
  return { ...base, verdict: 'not-met', comparedWith: previous.value, comparedWithLabel: label, score: 0 }
}

/**
 * Suggest a level for a goal from its indicators (see SUGGESTION_RULE). The suggestion is advice:
 * a person decides the level. Returns level null when no indicator has usable figures.
 */
export function suggestLevel(
  scale: AssessmentScale,
  indicators: readonly IndicatorInput[],
  year: number,
): Suggestion {
  const verdicts = indicators.map((i) => judgeIndicator(i, year))
  const scores = verdicts.map((v) => v.score).filter((s): s is number => s !== null)
  if (scores.length === 0) return { level: null, score: null, indicators: verdicts, rule: SUGGESTION_RULE }
  const score = scores.reduce((a, b) => a + b, 0) / scores.length
  const lowestFirst = [...levelsHighestFirst(scale)].reverse()
  const steps = lowestFirst.length - 1
  // The top level only for a perfect score; otherwise spread the rest evenly below it.
  const index = score >= 1 ? steps : Math.min(steps - 1, Math.floor(score * steps))
  return { level: lowestFirst[index] ?? null, score, indicators: verdicts, rule: SUGGESTION_RULE }
}

/**
 * An analysis text is required when the chosen level is below the top level of the scale, or
 * differs from the suggestion.
 */
export function analysisRequired(
  scale: AssessmentScale,
  chosenLevel: string,
  suggestedLevel: string | null,
): boolean {
  const top = levelsHighestFirst(scale)[0]
  return chosenLevel !== top?.key || (suggestedLevel !== null && suggestedLevel !== chosenLevel)
}
