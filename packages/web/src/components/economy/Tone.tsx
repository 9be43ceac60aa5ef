import type { DeviationTone } from '@arshjul/domain'
import { toneSymbols, toneWords } from '../../lib/economy.ts'

/** A deviation's direction as a word with a symbol and a colour, never the colour alone. */
export function Tone({ tone }: { tone: DeviationTone | null | undefined }) {
  if (!tone) return null
  return (
    <span className={`tone tone--${tone}`}>
      <span aria-hidden="true" className="tone__symbol">
        {toneSymbols[tone]}
      </span>{' '}
      {toneWords[tone]}
    </span>
  )
}
