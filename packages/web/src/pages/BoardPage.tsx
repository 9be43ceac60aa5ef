import type { FollowUpOverview, GoalGroup, MunicipalityDetail } from '@arshjul/domain'
import { followUpStatusLabels } from '@arshjul/domain'
import { getRouteApi, Link } from '@tanstack/react-router'
import { BoardNav } from '../components/BoardNav.tsx'
import { Breadcrumbs } from '../components/Breadcrumbs.tsx'
import { ChoiceLinks } from '../components/ChoiceLinks.tsx'
import { Legend } from '../components/Legend.tsx'
import { LevelBadge, LevelSwatch, TrendLabel } from '../components/LevelBadge.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { useBoard, useFollowUpOverview, useMunicipality } from '../lib/api.ts'
import { defaultFollowUp, followUpLabels, summarySentence } from '../lib/follow-ups.ts'
import { formatLongDate } from '../lib/format.ts'
import { usePageTitle } from '../lib/page.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board')

export function BoardPage() {
  const { code, board: boardKey } = route.useParams()
  const search = route.useSearch()
  const board = useBoard(code, boardKey)
  const municipality = useMunicipality(code)
  const followUps = board.data?.followUps ?? []
  const selected = search.uppfoljning
    ? followUps.find((f) => f.key === search.uppfoljning)
    : defaultFollowUp(followUps)
  const labels = followUpLabels(followUps)
  const overview = useFollowUpOverview(code, boardKey, board.data ? (selected?.key ?? null) : null)

  usePageTitle([board.data?.name ?? (board.isPending ? 'Laddar' : null), board.data?.municipality.name])

  if (board.isError && isNotFound(board.error)) return <NotFoundPage message={board.error.message} />

  return (
    <>
      <Breadcrumbs current={board.data?.name ?? 'Nämnd'}>
        <Link to="/">Start</Link>
        <Link to="/$code" params={{ code }}>
          {board.data?.municipality.name ?? 'Kommun'}
        </Link>
      </Breadcrumbs>
      {board.isPending ? <Loading what="nämnden" /> : null}
      {board.isError ? <ErrorMessage error={board.error} onRetry={() => board.refetch()} /> : null}
      {board.data ? (
        <>
          <PageHeading eyebrow={board.data.municipality.name}>{board.data.name}</PageHeading>
          <BoardNav code={code} board={boardKey} />
          {followUps.length === 0 ? <p>Nämnden har inga uppföljningar ännu.</p> : null}
          {followUps.length > 0 ? (
            <ChoiceLinks label="Uppföljning">
              {followUps.map((f) => (
                <Link
                  key={f.key}
                  to="/$code/$board"
                  params={{ code, board: boardKey }}
                  search={{ uppfoljning: f.key }}
                  aria-current={f.key === selected?.key ? 'page' : undefined}
                >
                  {labels.get(f.key) ?? f.title}
                </Link>
              ))}
            </ChoiceLinks>
          ) : null}
          {search.uppfoljning && !selected ? (
            <div className="alert" role="alert">
              <p>Uppföljningen finns inte. Välj en av nämndens uppföljningar ovan.</p>
            </div>
          ) : null}
          {selected ? (
            <>
              {overview.isPending ? <Loading what="uppföljningen" /> : null}
              {overview.isError ? (
                <ErrorMessage error={overview.error} onRetry={() => overview.refetch()} />
              ) : null}
              {overview.data ? (
                <div aria-busy={overview.isPlaceholderData}>
                  <FollowUpView
                    overview={overview.data}
                    municipality={municipality.data}
                    code={code}
                    board={boardKey}
                  />
                </div>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </>
  )
}

interface ViewProps {
  overview: FollowUpOverview
  municipality: MunicipalityDetail | undefined
  code: string
  board: string
}

function FollowUpView({ overview, municipality, code, board }: ViewProps) {
  const { followUp, summary, groups, scale } = overview
  const areaLabel = municipality?.settings.goalAreaLabel ?? 'Målområde'
  return (
    <>
      <section aria-labelledby="summary-heading" className="panel">
        <h2 id="summary-heading">{followUp.title}</h2>
        <p className="meta">
          {followUpStatusLabels[followUp.status]}
          {followUp.decisionRef ? ` · Beslut ${followUp.decisionRef}` : ''}
          {` · Avser perioden till och med ${formatLongDate(followUp.periodEnd)}`}
        </p>
        <p>{summarySentence(followUp.title, groups, summary)}</p>
        <ul className="summary" aria-label="Antal mål per bedömning">
          {summary.levels.map((level) => (
            <li key={level.key} className="summary__item">
              <span className="summary__count">{level.count}</span>
              <span className="summary__label">
                <LevelSwatch colour={level.colour} />
                <span aria-hidden="true">{level.symbol}</span> {level.label}
              </span>
            </li>
          ))}
          {summary.notAssessed > 0 ? (
            <li className="summary__item">
              <span className="summary__count">{summary.notAssessed}</span>
              <span className="summary__label">Ej bedömda</span>
            </li>
          ) : null}
        </ul>
      </section>
      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading">Mål och bedömningar</h2>
        {groups.map((group) => (
          <GoalGroupView
            key={group.goalArea?.key ?? 'ovriga'}
            group={group}
            areaLabel={areaLabel}
            code={code}
            board={board}
          />
        ))}
      </section>
      <Legend scale={scale} />
    </>
  )
}

function GoalGroupView({
  group,
  areaLabel,
  code,
  board,
}: {
  group: GoalGroup
  areaLabel: string
  code: string
  board: string
}) {
  const headingId = `group-${group.goalArea?.key ?? 'ovriga'}`
  return (
    <section className="goal-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {group.goalArea ? (
          <>
            <span className="area__label">{areaLabel}:</span> {group.goalArea.name}
          </>
        ) : (
          'Övriga mål'
        )}
      </h3>
      <ul className="goal-list">
        {group.goals.map((goal) => (
          <li key={goal.key} className="goal-row">
            <div className="goal-row__main">
              {goal.kind === 'initiative' ? <span className="tag">Strategiskt initiativ</span> : null}
              <Link
                to="/$code/$board/mal/$goal"
                params={{ code, board, goal: goal.key }}
                className="goal-row__title"
              >
                {goal.title}
              </Link>
            </div>
            <div className="goal-row__status">
              <LevelBadge level={goal.assessment?.level ?? null} />
              <TrendLabel trend={goal.assessment?.trend ?? null} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
