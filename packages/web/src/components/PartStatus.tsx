import type { PartStatus } from '@arshjul/domain'
import { partStatusLabels } from '@arshjul/domain'

const symbols: Record<PartStatus, string> = {
  'not-started': '○',
  draft: '✎',
  ready: '✓',
  returned: '↩',
  approved: '✔',
}

/** A part's status as text with a symbol; the colour only reinforces it. */
export function PartStatusBadge({ status }: { status: PartStatus }) {
  return (
    <span className={`part-status part-status--${status}`}>
      <span aria-hidden="true">{symbols[status]}</span> {partStatusLabels[status]}
    </span>
  )
}

/** "Försenad": not marked ready although the reporting deadline has passed. */
export function LateMarker() {
  return (
    <span className="late">
      <span aria-hidden="true">!</span> Försenad
    </span>
  )
}
