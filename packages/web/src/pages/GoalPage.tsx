import type { AssessmentView, GoalDetail, MunicipalityDetail } from '@arshjul/domain'
import { activityStatusLabels, followUpKindLabels } from '@arshjul/domain'
import { getRouteApi } from '@tanstack/react-router'
import { AssignmentTable } from '../components/AssignmentTable.tsx'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { DataTable } from '../components/DataTable.tsx'
import { HistorySection } from '../components/HistorySection.tsx'
import { IndicatorBlock } from '../components/IndicatorBlock.tsx'
import { LevelBadge, TrendLabel } from '../components/LevelBadge.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { Paragraphs } from '../components/Paragraphs.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { useBoard, useGoal, useMunicipality } from '../lib/api.ts'
import { formatAmount, yearSpan } from '../lib/format.ts'
import { usePageTitle } from '../lib/page.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/mal/$goal')

export function GoalPage() {
  const { code, board: boardKey, goal: goalKey } = route.useParams()
  const board = useBoard(code, boardKey)
  const municipality = useMunicipality(code)
  const goal = useGoal(code, boardKey, goalKey)

  usePageTitle([
    goal.data?.title ?? (goal.isPending ? 'Laddar' : null),
    board.data?.name,
    board.data?.municipality.name,
  ])

  const notFound = [goal, board].find((q) => q.isError && isNotFound(q.error))
  if (notFound?.error) return <NotFoundPage message={notFound.error.message} />

  return (
    <>
      <BoardBreadcrumbs
        code={code}
        boardKey={boardKey}
        board={board.data}
        current={goal.data?.title ?? 'Mål'}
      />
      {goal.isPending ? <Loading what="målet" /> : null}
      {goal.isError ? <ErrorMessage error={goal.error} onRetry={() => goal.refetch()} /> : null}
      {goal.data ? (
        <GoalView goal={goal.data} municipality={municipality.data} code={code} board={boardKey} />
      ) : null}
    </>
  )
}

interface ViewProps {
  goal: GoalDetail
  municipality: MunicipalityDetail | undefined
  code: string
  board: string
}

function GoalView({ goal, municipality, code, board }: ViewProps) {
  const settings = municipality?.settings
  const kindLabel = goal.kind === 'initiative' ? 'Strategiskt initiativ' : 'Nämndmål'
  const latest = goal.assessments[0]
  const financing = goal.financing
  return (
    <>
      <PageHeading eyebrow={kindLabel}>{goal.title}</PageHeading>
      <dl className="facts">
        {goal.goalArea ? (
          <div>
            <dt>{settings?.goalAreaLabel ?? 'Målområde'}</dt>
            <dd>{goal.goalArea.name}</dd>
          </div>
        ) : null}
        {goal.parentGoals.length > 0 ? (
          <div>
            <dt>Kommunövergripande mål</dt>
            <dd>
              <ul className="plain-list">
                {goal.parentGoals.map((p) => (
                  <li key={p.key}>{p.name}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Period</dt>
          <dd>{yearSpan(goal.startYear, goal.endYear)}</dd>
        </div>
        {goal.responsibleUnit || goal.leadResponsibility ? (
          <div>
            <dt>Ansvar</dt>
            <dd>{[goal.responsibleUnit?.name, goal.leadResponsibility].filter(Boolean).join(' · ')}</dd>
          </div>
        ) : null}
        {goal.agenda2030.length > 0 ? (
          <div>
            <dt>Agenda 2030</dt>
            <dd>{goal.agenda2030.map((n) => `Mål ${n}`).join(', ')}</dd>
          </div>
        ) : null}
      </dl>

      {goal.description ? (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading">Beskrivning</h2>
          <Paragraphs text={goal.description} />
        </section>
      ) : null}
      {financing ? (
        <section aria-labelledby="financing-heading">
          <h2 id="financing-heading">Finansiering</h2>
          {financing.amountKronor !== undefined && settings ? (
            <p className="amount">
              Belopp:{' '}
              <strong>
                {formatAmount(financing.amountKronor, settings.amountUnit, settings.amountDecimals)}
              </strong>
            </p>
          ) : null}
          <Paragraphs text={financing.text} />
        </section>
      ) : null}
      {goal.purpose ? (
        <section aria-labelledby="purpose-heading">
          <h2 id="purpose-heading">Syfte</h2>
          <Paragraphs text={goal.purpose} />
        </section>
      ) : null}

      <section aria-labelledby="assessment-heading" className="panel">
        <h2 id="assessment-heading">Senaste bedömning</h2>
        {latest ? <LatestAssessment assessment={latest} /> : <p>Målet har inte bedömts ännu.</p>}
      </section>

      {goal.assessments.length > 0 ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Bedömningar över tid</h2>
          <DataTable caption="Bedömningar per uppföljning, den senaste först">
            <thead>
              <tr>
                <th scope="col">Uppföljning</th>
                <th scope="col">Typ</th>
                <th scope="col">Bedömning</th>
                {goal.scale.usesTrend ? <th scope="col">Trend</th> : null}
                <th scope="col">Prognos</th>
              </tr>
            </thead>
            <tbody>
              {goal.assessments.map((a) => (
                <tr key={a.followUp.key}>
                  <th scope="row">{a.followUp.title}</th>
                  <td>{followUpKindLabels[a.followUp.kind]}</td>
                  <td>
                    <LevelBadge level={a.level} />
                  </td>
                  {goal.scale.usesTrend ? <td>{a.trend ? <TrendLabel trend={a.trend} /> : '–'}</td> : null}
                  <td>
                    {a.forecastLevel ? <LevelBadge level={a.forecastLevel} /> : (a.forecastText ?? '–')}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">Indikatorer</h2>
        {goal.indicators.length === 0 ? <p>Målet har inga indikatorer.</p> : null}
        {goal.indicators.map((indicator) => (
          <div key={indicator.key}>
            <IndicatorBlock indicator={indicator} />
            <HistorySection
              code={code}
              board={board}
              kind="indicators"
              subject={indicator.key}
              variant="disclosure"
            />
          </div>
        ))}
      </section>

      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">Aktiviteter</h2>
        {goal.activities.length === 0 ? (
          <p>Målet har inga aktiviteter.</p>
        ) : (
          <DataTable caption="Aktiviteter för målet">
            <thead>
              <tr>
                <th scope="col">Aktivitet</th>
                <th scope="col">År</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {goal.activities.map((activity) => (
                <tr key={activity.key}>
                  <td>
                    <span className="cell-title">{activity.title}</span>
                    {activity.description ? <span className="cell-text">{activity.description}</span> : null}
                  </td>
                  <td>{activity.year}</td>
                  <td>
                    <span className={`status status--${activity.status}`}>
                      {activityStatusLabels[activity.status]}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">Uppdrag</h2>
        {goal.assignments.length === 0 ? (
          <p>Inga uppdrag är kopplade till målet.</p>
        ) : (
          <AssignmentTable
            items={goal.assignments}
            caption="Uppdrag kopplade till målet"
            code={code}
            board={board}
          />
        )}
      </section>

      <HistorySection code={code} board={board} kind="goals" subject={goal.key} />
    </>
  )
}

function LatestAssessment({ assessment }: { assessment: AssessmentView }) {
  return (
    <>
      <p className="assessment-line">
        <span className="muted">{assessment.followUp.title}:</span> <LevelBadge level={assessment.level} />{' '}
        <TrendLabel trend={assessment.trend} />
      </p>
      {assessment.forecastLevel || assessment.forecastText ? (
        <p>
          <strong>Prognos: </strong>
          {assessment.forecastLevel ? <LevelBadge level={assessment.forecastLevel} /> : null}{' '}
          {assessment.forecastText}
        </p>
      ) : null}
      {assessment.analysis ? (
        <>
          <h3>Analys</h3>
          <Paragraphs text={assessment.analysis} />
        </>
      ) : null}
      {assessment.deviations.length > 0 ? (
        <>
          <h3>Avvikelser</h3>
          <ul>
            {assessment.deviations.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      ) : null}
      {assessment.examples.length > 0 ? (
        <>
          <h3>Exempel på genomfört arbete</h3>
          <ul>
            {assessment.examples.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
