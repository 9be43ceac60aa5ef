import type { FollowUpSummary, OperatingView } from '@arshjul/domain'
import { hasBarChart, periodText } from '@arshjul/domain'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useId, useState } from 'react'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { BoardNav } from '../components/BoardNav.tsx'
import { ChoiceLinks } from '../components/ChoiceLinks.tsx'
import { ActivityTable } from '../components/economy/ActivityTable.tsx'
import { BudgetChart } from '../components/economy/BudgetChart.tsx'
import { CommentsSection } from '../components/economy/CommentsSection.tsx'
import { FrameLists } from '../components/economy/FrameLists.tsx'
import { InvestmentTable } from '../components/economy/InvestmentTable.tsx'
import { OperatingTable } from '../components/economy/OperatingTable.tsx'
import { PlanTable, StatementTable } from '../components/economy/StatementTable.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { actionsAt } from '../lib/access.ts'
import { useBoard } from '../lib/api.ts'
import { deviationSentence, moneyWithUnit, monthOptions } from '../lib/economy.ts'
import { useActivities, useFrames, useInvestments, useOperating } from '../lib/economy-api.ts'
import { defaultFollowUp } from '../lib/follow-ups.ts'
import { usePageTitle } from '../lib/page.ts'
import { useSession } from '../lib/session.ts'
import type { EconomySearch } from '../router.tsx'
import '../economy.css'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/ekonomi')

/** The board's economy: operating accounts, activities, investments, budget frames and comments. */
export function EconomyPage() {
  const { code, board: boardKey } = route.useParams()
  const search = route.useSearch()
  const board = useBoard(code, boardKey)
  const session = useSession()
  const operating = useOperating(code, boardKey, {
    year: search.ar,
    month: search.manad,
    followUp: search.uppfoljning,
    structure: search.struktur === 'dagens' ? 'current' : undefined,
  })
  const view = operating.data
  const year = view?.year ?? null

  usePageTitle(['Ekonomi', board.data?.name, board.data?.municipality.name])

  if (board.isError && isNotFound(board.error)) return <NotFoundPage message={board.error.message} />

  const actions = actionsAt(session.data?.user, { municipality: code, board: boardKey })
  const mayImport = actions.has('manage-cycle')

  return (
    <>
      <BoardBreadcrumbs code={code} boardKey={boardKey} board={board.data} current="Ekonomi" />
      {board.isError ? <ErrorMessage error={board.error} onRetry={() => board.refetch()} /> : null}
      <PageHeading eyebrow={board.data ? `${board.data.municipality.name} · ${board.data.name}` : undefined}>
        Ekonomi
      </PageHeading>
      <BoardNav code={code} board={boardKey} />
      {mayImport ? (
        <p className="economy-actions">
          <Link
            to="/$code/$board/ekonomi/import"
            params={{ code, board: boardKey }}
            search={year !== null ? { ar: year } : {}}
            className="button"
          >
            Importera ekonomidata
          </Link>
        </p>
      ) : null}
      {operating.isPending ? <Loading what="ekonomin" /> : null}
      {operating.isError ? (
        isNotFound(operating.error) && view === undefined ? (
          <div className="alert" role="alert">
            <p>{operating.error.message}</p>
            {search.ar !== undefined || search.manad !== undefined ? (
              <p>
                <Link to="/$code/$board/ekonomi" params={{ code, board: boardKey }}>
                  Visa det senaste året med ekonomiska uppgifter
                </Link>
              </p>
            ) : null}
          </div>
        ) : (
          <ErrorMessage error={operating.error} onRetry={() => operating.refetch()} />
        )
      ) : null}
      {view ? (
        <div aria-busy={operating.isPlaceholderData}>
          {view.years.length === 0 && view.rows.length === 0 ? (
            <p className="lead">Det finns inga ekonomiska uppgifter för nämnden ännu.</p>
          ) : (
            <>
              <Filters
                view={view}
                search={search}
                code={code}
                board={boardKey}
                followUps={board.data?.followUps ?? []}
              />
              <EconomyView view={view} code={code} board={boardKey} followUps={board.data?.followUps ?? []} />
            </>
          )}
        </div>
      ) : null}
    </>
  )
}

interface FilterProps {
  view: OperatingView
  search: EconomySearch
  code: string
  board: string
  followUps: readonly FollowUpSummary[]
}

/** Year, period, structure and follow-up: each choice is a link (bookmarkable), the period a small form. */
function Filters({ view, search, code, board, followUps }: FilterProps) {
  const params = { code, board }
  const navigate = useNavigate()
  const monthId = useId()
  const [month, setMonth] = useState(String(view.throughMonth))
  const ofYear = followUps.filter((f) => f.year === view.year)
  const current = commentFollowUp(view, followUps)
  const years = [...view.years].sort((a, b) => b - a)
  return (
    <div className="filters economy-filters">
      {years.length > 0 ? (
        <ChoiceLinks label="År">
          {years.map((y) => (
            <Link
              key={y}
              to="/$code/$board/ekonomi"
              params={params}
              search={{ ar: y, struktur: search.struktur }}
              aria-current={y === view.year ? 'page' : undefined}
            >
              {y}
            </Link>
          ))}
        </ChoiceLinks>
      ) : null}
      <form
        className="period-form"
        onSubmit={(event) => {
          event.preventDefault()
          const chosen = Number(month)
          void navigate({
            to: '/$code/$board/ekonomi',
            params,
            search: { ...search, ar: view.year, manad: chosen === 12 ? undefined : chosen },
            resetScroll: false,
          })
        }}
      >
        <label htmlFor={monthId} className="choice__label">
          Period
        </label>
        <div className="period-form__row">
          <select
            id={monthId}
            className="input input--auto"
            value={month}
            onChange={(event) => setMonth(event.target.value)}
          >
            {monthOptions().map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            Visa period
          </button>
        </div>
      </form>
      <ChoiceLinks label="Struktur">
        <Link
          key="rapporterad"
          to="/$code/$board/ekonomi"
          params={params}
          search={{ ...search, struktur: undefined }}
          aria-current={view.structure === 'reported' ? 'page' : undefined}
        >
          Som rapporterad
        </Link>
        <Link
          key="dagens"
          to="/$code/$board/ekonomi"
          params={params}
          search={{ ...search, struktur: 'dagens' }}
          aria-current={view.structure === 'current' ? 'page' : undefined}
        >
          Dagens organisation
        </Link>
      </ChoiceLinks>
      {ofYear.length > 0 ? (
        <ChoiceLinks label="Uppföljning">
          {ofYear.map((f) => (
            <Link
              key={f.key}
              to="/$code/$board/ekonomi"
              params={params}
              search={{ ...search, ar: view.year, uppfoljning: f.key, manad: undefined }}
              aria-current={f.key === current?.key ? 'page' : undefined}
            >
              {f.title}
            </Link>
          ))}
        </ChoiceLinks>
      ) : null}
    </div>
  )
}

/**
 * The follow-up whose comments are shown: the one the figures are for, or else the year's usual one
 * (the annual report for a past year), so that a year's comments show without choosing.
 */
function commentFollowUp(
  view: OperatingView,
  followUps: readonly FollowUpSummary[],
): { key: string; title: string } | null {
  if (view.followUp) return view.followUp
  const chosen = defaultFollowUp(followUps.filter((f) => f.year === view.year))
  return chosen ? { key: chosen.key, title: chosen.title } : null
}

function EconomyView({
  view,
  code,
  board,
  followUps,
}: {
  view: OperatingView
  code: string
  board: string
  followUps: readonly FollowUpSummary[]
}) {
  const commentsOf = commentFollowUp(view, followUps)
  const activities = useActivities(code, board, view.year)
  const investments = useInvestments(code, board, view.year, view.followUp?.key)
  const frames = useFrames(code, board, view.year)
  const hasRows = view.rows.length > 0 || view.notBrokenDown !== null
  return (
    <>
      <p className="lead">
        {periodText(view.year, view.throughMonth).replace(/^./, (c) => c.toLocaleUpperCase('sv-SE'))}
        {view.followUp ? ` · ${view.followUp.title}` : ''}
        {view.structure === 'current' ? ' · Omräknat till dagens organisation' : ''}
      </p>
      <section aria-labelledby="drift-heading">
        <h2 id="drift-heading">Driftredovisning</h2>
        {hasRows ? (
          <>
            {view.total.outcome !== null ? (
              <p>
                Utfall för {periodText(view.year, view.throughMonth)}:{' '}
                {moneyWithUnit(view.total.outcome, view.display)}
                {view.total.deviation !== null && view.total.tone
                  ? `, ${deviationSentence(view.total.deviation, view.total.tone, view.display)}`
                  : ''}
                .
              </p>
            ) : null}
            <OperatingTable view={view} code={code} board={board} />
            {!view.hasAccountDetail ? (
              <p className="table-note">Underlaget har inga konton – bara belopp per ansvar.</p>
            ) : null}
            <StatementTable view={view} />
            <PlanTable view={view} />
            {hasBarChart(view) ? (
              <>
                <h3 id="chart-heading">Budget och utfall per ansvar</h3>
                <BudgetChart view={view} />
              </>
            ) : null}
          </>
        ) : (
          <p>Det finns ingen driftredovisning för {view.year}.</p>
        )}
      </section>

      {activities.data && activities.data.rows.length > 0 ? (
        <section aria-labelledby="activities-heading">
          <h2 id="activities-heading">Driftredovisning per verksamhet</h2>
          <ActivityTable view={activities.data} />
        </section>
      ) : null}
      {activities.isError && !isNotFound(activities.error) ? (
        <ErrorMessage error={activities.error} onRetry={() => activities.refetch()} />
      ) : null}

      <section aria-labelledby="investments-heading">
        <h2 id="investments-heading">Investeringsredovisning</h2>
        {investments.isPending ? <Loading what="investeringarna" /> : null}
        {investments.isError ? (
          <ErrorMessage error={investments.error} onRetry={() => investments.refetch()} />
        ) : null}
        {investments.data ? (
          investments.data.projects.length > 0 ? (
            <InvestmentTable view={investments.data} />
          ) : (
            <p>Det finns inga investeringsprojekt för {view.year}.</p>
          )
        ) : null}
      </section>

      {frames.data && frames.data.lists.length > 0 ? (
        <section aria-labelledby="frames-heading">
          <h2 id="frames-heading">Budgetramar</h2>
          <FrameLists view={frames.data} />
        </section>
      ) : null}
      {frames.isError && !isNotFound(frames.error) ? (
        <ErrorMessage error={frames.error} onRetry={() => frames.refetch()} />
      ) : null}

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Kommentar</h2>
        {commentsOf ? (
          <CommentsSection
            code={code}
            board={board}
            followUp={commentsOf}
            rows={view.rows}
            withInvestments={(investments.data?.projects.length ?? 0) > 0}
          />
        ) : (
          <p>Kommentarer skrivs i en uppföljning. Nämnden har ingen uppföljning för {view.year}.</p>
        )}
      </section>
    </>
  )
}
