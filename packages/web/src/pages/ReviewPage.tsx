import type { ControllerOverview, SessionUser } from '@arshjul/domain'
import { followUpStatusLabels, PartStatus, partStatusLabels } from '@arshjul/domain'
import { getRouteApi } from '@tanstack/react-router'
import { SignInPrompt } from '../components/Account.tsx'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { DataTable } from '../components/DataTable.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { PartList } from '../components/PartList.tsx'
import { ProgressSummary } from '../components/Progress.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { BaselineSection } from '../components/review/BaselineSection.tsx'
import { Reminders } from '../components/review/Reminders.tsx'
import { Workflow } from '../components/review/Workflow.tsx'
import { actionsAt } from '../lib/access.ts'
import { useBoard } from '../lib/api.ts'
import { progressOf } from '../lib/cycle.ts'
import { type FollowUpRef, useControllerOverview, useTasks } from '../lib/cycle-api.ts'
import { formatLongDate } from '../lib/format.ts'
import { usePageTitle } from '../lib/page.ts'
import { useSession } from '../lib/session.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/uppfoljning/$followUp/granskning')

/** The controller's and the head of administration's page for one follow-up. */
export function ReviewPage() {
  const { code, board: boardKey, followUp } = route.useParams()
  const board = useBoard(code, boardKey)
  const session = useSession()
  const user = session.data?.user ?? null
  const ref = { code, board: boardKey, followUp }
  const overview = useControllerOverview(user ? ref : null)
  const title = overview.data?.followUp.title

  usePageTitle(['Granskning', title, board.data?.name, board.data?.municipality.name])

  if (overview.isError && isNotFound(overview.error)) return <NotFoundPage message={overview.error.message} />

  return (
    <>
      <BoardBreadcrumbs
        code={code}
        boardKey={boardKey}
        board={board.data}
        current="Granskning"
        tasksOf={followUp}
      />
      <PageHeading eyebrow={[title, board.data?.name].filter(Boolean).join(' · ') || undefined}>
        Granskning
      </PageHeading>
      {session.isPending ? <Loading what="granskningen" /> : null}
      {session.isSuccess && !user ? <SignInPrompt what="granskningen" /> : null}
      {overview.isPending && user ? <Loading what="översikten" /> : null}
      {overview.isError ? <ErrorMessage error={overview.error} onRetry={() => overview.refetch()} /> : null}
      {overview.data && user ? <Review overview={overview.data} followUp={ref} user={user} /> : null}
    </>
  )
}

function Review({
  overview,
  followUp,
  user,
}: {
  overview: ControllerOverview
  followUp: FollowUpRef
  user: SessionUser
}) {
  const cycle = overview.followUp
  const actions = actionsAt(user, {
    municipality: followUp.code,
    board: followUp.board,
    administration: cycle.administration?.key,
  })
  const review = useTasks(actions.has('review') ? followUp : null, 'review')
  const deadlines = [
    ['Rapportering', cycle.deadlines.report],
    ['Granskning', cycle.deadlines.review],
    ['Godkännande', cycle.deadlines.approve],
    ['Beslut', cycle.deadlines.decide],
  ] as const

  return (
    <>
      <section aria-labelledby="status-heading" className="panel">
        <h2 id="status-heading">{cycle.title}</h2>
        <p className="meta">
          {followUpStatusLabels[cycle.status]}
          {cycle.decisionRef ? ` · Beslut ${cycle.decisionRef}` : ''}
          {` · Avser perioden till och med ${formatLongDate(cycle.periodEnd)}`}
        </p>
        <dl className="facts facts--inline" aria-label="Tidsplan">
          {deadlines.map(([label, date]) =>
            date ? (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{formatLongDate(date)}</dd>
              </div>
            ) : null,
          )}
        </dl>
        <ProgressSummary
          progress={progressOf(overview.totals.byStatus)}
          label="Antal delar per status, alla enheter"
        />
        <p>
          {overview.totals.late > 0
            ? `${overview.totals.late} ${overview.totals.late === 1 ? 'del är försenad' : 'delar är försenade'}.`
            : 'Inga delar är försenade.'}
        </p>
      </section>

      <Workflow followUp={followUp} cycle={cycle} actions={actions} />

      {actions.has('review') ? (
        <section aria-labelledby="to-review-heading">
          <h2 id="to-review-heading">Att granska</h2>
          {review.isPending ? <Loading what="delarna att granska" /> : null}
          {review.isError ? <ErrorMessage error={review.error} onRetry={() => review.refetch()} /> : null}
          {review.data && review.data.parts.length === 0 ? <p>Inga delar väntar på granskning.</p> : null}
          {review.data && review.data.parts.length > 0 ? (
            <PartList
              parts={review.data.parts}
              code={followUp.code}
              board={followUp.board}
              followUp={followUp.followUp}
              idPrefix="review"
            />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="units-heading">
        <h2 id="units-heading">Översikt per enhet</h2>
        <UnitTable overview={overview} />
        {actions.has('manage-cycle') ? (
          <Reminders followUp={followUp} queued={overview.queuedReminders} />
        ) : null}
      </section>

      <BaselineSection followUp={followUp} />
    </>
  )
}

function UnitTable({ overview }: { overview: ControllerOverview }) {
  const statuses = PartStatus.options
  const count = (list: { status: string; count: number }[], status: string) =>
    list.find((c) => c.status === status)?.count ?? 0
  return (
    <DataTable caption="Delar per enhet och status" className="unit-table">
      <thead>
        <tr>
          <th scope="col">Enhet</th>
          <th scope="col">Rapportörer</th>
          {statuses.map((s) => (
            <th key={s} scope="col" className="num">
              {partStatusLabels[s]}
            </th>
          ))}
          <th scope="col" className="num">
            Totalt
          </th>
          <th scope="col" className="num">
            Försenade
          </th>
        </tr>
      </thead>
      <tbody>
        {overview.units.map((u) => (
          <tr key={u.unit?.key ?? 'utan-enhet'}>
            <th scope="row">{u.unit?.name ?? 'Utan enhet'}</th>
            <td>
              {u.reporters.length > 0 ? u.reporters.join(', ') : <span className="muted">Ingen utsedd</span>}
            </td>
            {statuses.map((s) => (
              <td key={s} className="num">
                {count(u.byStatus, s)}
              </td>
            ))}
            <td className="num">{u.total}</td>
            <td className={u.late > 0 ? 'num num--alert' : 'num'}>{u.late}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Alla enheter</th>
          <td />
          {statuses.map((s) => (
            <td key={s} className="num">
              {count(overview.totals.byStatus, s)}
            </td>
          ))}
          <td className="num">{overview.totals.total}</td>
          <td className="num">{overview.totals.late}</td>
        </tr>
      </tfoot>
    </DataTable>
  )
}
