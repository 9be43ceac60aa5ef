import type { AssessmentScale, Trend } from '@arshjul/domain'
import { levelsHighestFirst, trendLabels } from '@arshjul/domain'
import { LevelBadge } from './LevelBadge.tsx'

const trends: Trend[] = ['improving', 'unchanged', 'worsening']

/** "Teckenförklaring": what each symbol and colour of the municipality's scale means. */
export function Legend({ scale }: { scale: AssessmentScale }) {
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">Teckenförklaring</h2>
      <ul className="legend__list">
        {levelsHighestFirst(scale).map((level) => (
          <li key={level.key} className="legend__item">
            <LevelBadge level={level} />
            {level.description ? <span className="legend__text">{level.description}</span> : null}
          </li>
        ))}
        <li className="legend__item">
          <LevelBadge level={null} />
          <span className="legend__text">Målet har ingen bedömning i uppföljningen.</span>
        </li>
      </ul>
      {scale.usesTrend ? (
        <ul className="legend__list legend__list--trends">
          {trends.map((trend) => (
            <li key={trend} className="legend__item">
              <span className="trend">
                <span aria-hidden="true">{trendLabels[trend].symbol}</span> {trendLabels[trend].label}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
