import type { FollowUpSummary, SessionUser } from '@arshjul/domain'
import { followUpStatusLabels } from '@arshjul/domain'
import { getRouteApi, Link } from '@tanstack/react-router'
import { SignInPrompt } from '../components/Account.tsx'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { BoardNav } from '../components/BoardNav.tsx'
import { ChoiceLinks } from '../components/ChoiceLinks.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { PartList } from '../components/PartList.tsx'
import { ProgressSummary } from '../components/Progress.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { actionsAt, mayOverview } from '../lib/access.ts'
import { useBoard } from '../lib/api.ts'
import { activeFollowUps, progressOf } from '../lib/cycle.ts'
import { useTasks } from '../lib/cycle-api.ts'
import { countNoun, formatLongDate } from '../lib/format.ts'
import { usePageTitle } from '../lib/page.ts'
import { useSession } from '../lib/session.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/uppgifter')

/** "Mina uppgifter": the signed-in user's parts of the board's follow-ups that are open now. */
export function TasksPage() {
  const { code, board: boardKey } = route.useParams()
  const search = route.useSearch()
  const board = useBoard(code, boardKey)
  const session = useSession()
  const user = session.data?.user ?? null
  const followUps = activeFollowUps(board.data?.followUps ?? [])
  const selected = search.uppfoljning ? followUps.find((f) => f.key === search.uppfoljning) : followUps[0]

  usePageTitle(['Mina uppgifter', board.data?.name, board.data?.municipality.name])

  if (board.isError && isNotFound(board.error)) return <NotFoundPage message={board.error.message} />

  return (
    <>
      <BoardBreadcrumbs code={code} boardKey={boardKey} board={board.data} current={'Mina uppgifter'} />
      <PageHeading eyebrow={board.data ? `${board.data.municipality.name} · ${board.data.name}` : undefined}>
        Mina uppgifter
      </PageHeading>
      <BoardNav code={code} board={boardKey} />
      {board.isPending || session.isPending ? <Loading what="uppgifterna" /> : null}
      {board.isError ? <ErrorMessage error={board.error} onRetry={() => board.refetch()} /> : null}
      {session.isError ? <ErrorMessage error={session.error} onRetry={() => session.refetch()} /> : null}
      {board.data && session.isSuccess && !user ? <SignInPrompt what="dina uppgifter" /> : null}
      {board.data && user ? (
        <>
          {followUps.length === 0 ? (
            <p>Nämnden har ingen uppföljning som är öppen för rapportering just nu.</p>
          ) : null}
          {followUps.length > 1 ? (
            <ChoiceLinks label="Uppföljning">
              {followUps.map((f) => (
                <Link
                  key={f.key}
                  to="/$code/$board/uppgifter"
                  params={{ code, board: boardKey }}
                  search={{ uppfoljning: f.key }}
                  aria-current={f.key === selected?.key ? 'page' : undefined}
                >
                  {f.title}
                </Link>
              ))}
            </ChoiceLinks>
          ) : null}
          {search.uppfoljning && !selected ? (
            <div className="alert" role="alert">
              <p>Uppföljningen är inte öppen för rapportering. Välj en av nämndens öppna uppföljningar.</p>
            </div>
          ) : null}
          {selected ? <FollowUpTasks code={code} board={boardKey} followUp={selected} user={user} /> : null}
        </>
      ) : null}
    </>
  )
}

interface TasksProps {
  code: string
  board: string
  followUp: FollowUpSummary
  user: SessionUser
}

function FollowUpTasks({ code, board, followUp, user }: TasksProps) {
  const ref = { code, board, followUp: followUp.key }
  const tasks = useTasks(ref, 'report')
  const reviews = mayOverview(
    actionsAt(user, { municipality: code, board, administration: followUp.administration?.key }),
  )
  const review = useTasks(reviews ? ref : null, 'review')
  const deadline = tasks.data?.followUp.deadlines.report
  const progress = tasks.data ? progressOf(tasks.data.progress.byStatus) : null
  const late = tasks.data?.parts.filter((p) => p.late).length ?? 0
  const returned = tasks.data?.parts.filter((p) => p.status === 'returned').length ?? 0

  return (
    <section aria-labelledby="follow-up-heading" aria-busy={tasks.isFetching && Boolean(tasks.data)}>
      <h2 id="follow-up-heading">{followUp.title}</h2>
      <p className="meta">
        {followUpStatusLabels[followUp.status]}
        {deadline ? ` · Sista dag för rapportering: ${formatLongDate(deadline)}` : ''}
      </p>
      {reviews ? (
        <div className="panel panel--compact">
          <h3 className="panel__title">Granskning</h3>
          <p>
            {review.data
              ? review.data.parts.length === 0
                ? 'Inga delar väntar på granskning.'
                : `${countNoun(review.data.parts.length, 'del väntar', 'delar väntar')} på granskning.`
              : 'Översikt per enhet, delar att granska och uppföljningens arbetsgång.'}
          </p>
          <p>
            <Link
              to="/$code/$board/uppfoljning/$followUp/granskning"
              params={{ code, board, followUp: followUp.key }}
            >
              Granska {followUp.title}
            </Link>
          </p>
        </div>
      ) : null}
      {tasks.isPending ? <Loading what="dina delar" /> : null}
      {tasks.isError ? <ErrorMessage error={tasks.error} onRetry={() => tasks.refetch()} /> : null}
      {tasks.data && progress ? (
        <>
          <ProgressSummary progress={progress} label="Antal delar per status" />
          {late > 0 || returned > 0 ? (
            <p>
              {[
                late > 0 ? `${countNoun(late, 'del är försenad', 'delar är försenade')}` : null,
                returned > 0 ? `${countNoun(returned, 'del har', 'delar har')} återskickats till dig` : null,
              ]
                .filter(Boolean)
                .join('. ')}
              .
            </p>
          ) : null}
          {tasks.data.parts.length === 0 ? (
            <p>Du har inga delar att rapportera i den här uppföljningen.</p>
          ) : (
            <PartList
              parts={tasks.data.parts}
              code={code}
              board={board}
              followUp={followUp.key}
              idPrefix="mine"
            />
          )}
        </>
      ) : null}
    </section>
  )
}
