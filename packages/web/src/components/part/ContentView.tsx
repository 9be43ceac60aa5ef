import type { AssessmentScale, PartDetail } from '@arshjul/domain'
import { activityStatusLabels, assignmentStatusLabels, trendLabels, valueStatusLabels } from '@arshjul/domain'
import { breakdownsOf, contentOf, decimalText } from '../../lib/part-form.ts'
import { DataTable } from '../DataTable.tsx'
import { LevelBadge } from '../LevelBadge.tsx'
import { Paragraphs } from '../Paragraphs.tsx'

interface Props {
  part: PartDetail
  /** The content to show; the part's own when absent (the conflict dialog shows another). */
  content?: unknown
}

function levelOf(scale: AssessmentScale, key: string | null) {
  return scale.levels.find((l) => l.key === key) ?? null
}

const none = <span className="muted">Inte angivet</span>

/** What a part holds, to read: the reviewer's view, and each side of the conflict dialog. */
export function ContentView({ part, content = part.content }: Props) {
  if (part.kind === 'goal') {
    const c = contentOf('goal', content)
    const forecast = levelOf(part.scale, c.forecastLevel)
    return (
      <dl className="content-view">
        <div>
          <dt>Bedömning</dt>
          <dd>{c.level ? <LevelBadge level={levelOf(part.scale, c.level)} /> : none}</dd>
        </div>
        {part.scale.usesTrend ? (
          <div>
            <dt>Trend</dt>
            <dd>
              {c.trend ? (
                <>
                  <span aria-hidden="true">{trendLabels[c.trend].symbol}</span> {trendLabels[c.trend].label}
                </>
              ) : (
                none
              )}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Prognos för planperioden</dt>
          <dd>
            {forecast ? <LevelBadge level={forecast} /> : null}
            {c.forecastText ? <Paragraphs text={c.forecastText} /> : null}
            {!forecast && !c.forecastText ? none : null}
          </dd>
        </div>
        <div>
          <dt>Analys</dt>
          <dd>{c.analysis?.trim() ? <Paragraphs text={c.analysis} /> : none}</dd>
        </div>
        <div>
          <dt>Avvikelser</dt>
          <dd>
            {c.deviations.length > 0 ? (
              <ul>
                {c.deviations.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : (
              'Inga'
            )}
          </dd>
        </div>
      </dl>
    )
  }
  if (part.kind === 'indicator') {
    const year = part.followUp.year
    const values = contentOf('indicator', content).values
    return (
      <DataTable caption={`Rapporterade värden ${year}`}>
        <thead>
          <tr>
            <th scope="col">Avser</th>
            <th scope="col" className="num">
              Värde
            </th>
            <th scope="col">Status</th>
            <th scope="col">Kommentar</th>
          </tr>
        </thead>
        <tbody>
          {breakdownsOf(part.indicator).map((b) => {
            const v = values.find((x) => x.year === year && x.breakdown === b.key)
            return (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td className="num">{v?.value != null ? decimalText(v.value) : '–'}</td>
                <td>{v ? valueStatusLabels[v.status] : 'Inte rapporterat'}</td>
                <td>{v?.comment || '–'}</td>
              </tr>
            )
          })}
        </tbody>
      </DataTable>
    )
  }
  if (part.kind === 'control') {
    const c = contentOf('control', content)
    return (
      <dl className="content-view">
        <div>
          <dt>Resultat</dt>
          <dd>{c.result?.trim() ? <Paragraphs text={c.result} /> : none}</dd>
        </div>
        <div>
          <dt>Bedömning</dt>
          <dd>{c.level ? <LevelBadge level={levelOf(part.scale, c.level)} /> : none}</dd>
        </div>
        <div>
          <dt>Åtgärd</dt>
          <dd>{c.action?.trim() ? <Paragraphs text={c.action} /> : none}</dd>
        </div>
        <div>
          <dt>Återkommer nästa år</dt>
          <dd>{c.returnsNextYear ? 'Ja' : 'Nej'}</dd>
        </div>
      </dl>
    )
  }
  if (part.kind === 'narrative') {
    const c = contentOf('narrative', content)
    return (
      <dl className="content-view">
        <div>
          <dt>{part.subject.title}</dt>
          <dd>{c.text?.trim() ? <Paragraphs text={c.text} /> : none}</dd>
        </div>
      </dl>
    )
  }
  if (part.kind === 'control-summary' || part.kind === 'personnel') {
    const c = contentOf(part.kind, content)
    return (
      <dl className="content-view">
        <div>
          <dt>{part.kind === 'personnel' ? 'Kommentar' : 'Sammanfattande bedömning'}</dt>
          <dd>{c.text?.trim() ? <Paragraphs text={c.text} /> : none}</dd>
        </div>
      </dl>
    )
  }
  const c = part.kind === 'activity' ? contentOf('activity', content) : contentOf('assignment', content)
  const status = c.status
    ? part.kind === 'activity'
      ? activityStatusLabels[c.status as keyof typeof activityStatusLabels]
      : assignmentStatusLabels[c.status as keyof typeof assignmentStatusLabels]
    : null
  return (
    <dl className="content-view">
      <div>
        <dt>Status</dt>
        <dd>{status ?? none}</dd>
      </div>
      {'transferredToYear' in c && c.transferredToYear ? (
        <div>
          <dt>Överförs till år</dt>
          <dd>{c.transferredToYear}</dd>
        </div>
      ) : null}
      <div>
        <dt>Kommentar</dt>
        <dd>{c.comment?.trim() ? <Paragraphs text={c.comment} /> : none}</dd>
      </div>
    </dl>
  )
}
