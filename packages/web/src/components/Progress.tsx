import { partStatusLabels } from '@arshjul/domain'
import type { Progress } from '../lib/cycle.ts'
import { progressSentence } from '../lib/cycle.ts'
import { PartStatusBadge } from './PartStatus.tsx'

/** How far the reporting has come: a sentence, a bar that shows the same, and the count per status. */
export function ProgressSummary({ progress, label }: { progress: Progress; label: string }) {
  return (
    <div className="progress">
      <p className="progress__text">{progressSentence(progress)}</p>
      <div className="progress__track" aria-hidden="true">
        <div className="progress__bar" style={{ width: `${progress.percent}%` }} />
      </div>
      <ul className="status-counts" aria-label={label}>
        {progress.counts.map(({ status, count }) => (
          <li key={status} className="status-counts__item">
            <span className="status-counts__count">{count}</span>
            <span className="visually-hidden"> {partStatusLabels[status]}</span>
            <span aria-hidden="true">
              <PartStatusBadge status={status} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
