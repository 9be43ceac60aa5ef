import type { LevelView, Trend } from '@arshjul/domain'
import { trendLabels } from '@arshjul/domain'
import { tint } from '../lib/colour.ts'

/** An assessment level: symbol, text and colour together, never the colour alone. */
export function LevelBadge({ level }: { level: LevelView | null }) {
  if (!level) {
    return (
      <span className="badge badge--none">
        <span className="badge__symbol" aria-hidden="true">
          –
        </span>
        Ej bedömd
      </span>
    )
  }
  return (
    <span className="badge" style={{ backgroundColor: tint(level.colour), borderLeftColor: level.colour }}>
      <span className="badge__symbol" aria-hidden="true">
        {level.symbol}
      </span>
      {level.label}
    </span>
  )
}

export function TrendLabel({ trend }: { trend: Trend | null }) {
  if (!trend) return null
  const { label, symbol } = trendLabels[trend]
  return (
    <span className="trend">
      <span aria-hidden="true">{symbol}</span> Trend: {label.toLowerCase()}
    </span>
  )
}

/** A coloured square for a level, beside text that names the level. */
export function LevelSwatch({ colour }: { colour: string }) {
  return <span className="swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
}
