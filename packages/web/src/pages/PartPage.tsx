import type { PartDetail } from '@arshjul/domain'
import { partKindLabels } from '@arshjul/domain'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useCallback, useEffect, useRef, useState } from 'react'
import { SignInPrompt } from '../components/Account.tsx'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { IndicatorBlock } from '../components/IndicatorBlock.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { LateMarker, PartStatusBadge } from '../components/PartStatus.tsx'
import { ContentView } from '../components/part/ContentView.tsx'
import { PartEditor } from '../components/part/PartEditor.tsx'
import { ReviewActions } from '../components/part/ReviewActions.tsx'
import { SuggestionPanel } from '../components/part/SuggestionPanel.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { actionsAt, mayOverview } from '../lib/access.ts'
import { useBoard } from '../lib/api.ts'
import { formatDateTime } from '../lib/cycle.ts'
import { type FollowUpRef, usePart } from '../lib/cycle-api.ts'
import { formatLongDate } from '../lib/format.ts'
import { usePageTitle } from '../lib/page.ts'
import { useSession } from '../lib/session.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/uppfoljning/$followUp/del/$partId')

/** One part of a follow-up: the reporting form, or the part to read and review. */
export function PartPage() {
  const { code, board: boardKey, followUp, partId } = route.useParams()
  const board = useBoard(code, boardKey)
  const session = useSession()
  const user = session.data?.user ?? null
  const ref = { code, board: boardKey, followUp }
  const part = usePart(user ? ref : null, partId)

  usePageTitle([
    part.data?.subject.title ?? (part.isPending && user ? 'Laddar' : 'Rapportering'),
    part.data?.followUp.title,
    board.data?.name,
  ])

  if (part.isError && isNotFound(part.error)) return <NotFoundPage message={part.error.message} />

  return (
    <>
      <BoardBreadcrumbs
        code={code}
        boardKey={boardKey}
        board={board.data}
        current={part.data?.subject.title ?? 'Del'}
        tasksOf={followUp}
      />
      {session.isPending ? <Loading what="delen" /> : null}
      {session.isSuccess && !user ? (
        <>
          <PageHeading>Rapportering</PageHeading>
          <SignInPrompt what="delen" />
        </>
      ) : null}
      {part.isError ? (
        <>
          <PageHeading>Rapportering</PageHeading>
          <ErrorMessage error={part.error} onRetry={() => part.refetch()} />
        </>
      ) : null}
      {/* The form starts from what the server has now, never from an older copy in the cache. */}
      {user && !part.isError && !part.isFetchedAfterMount ? <Loading what="delen" /> : null}
      {part.data && part.isFetchedAfterMount ? (
        <PartScreen
          key={part.data.id}
          initial={part.data}
          followUp={ref}
          reviewer={mayOverview(
            actionsAt(user, {
              municipality: code,
              board: boardKey,
              administration: part.data.followUp.administration?.key,
            }),
          )}
        />
      ) : null}
    </>
  )
}

interface ScreenProps {
  initial: PartDetail
  followUp: FollowUpRef
  /** The user may see the review page (shown as a link back to it). */
  reviewer: boolean
}

function PartScreen({ initial, followUp, reviewer }: ScreenProps) {
  const [part, setPart] = useState(initial)
  const [announcement, setAnnouncement] = useState<{ message: string } | null>(null)
  const notice = useRef<HTMLDivElement>(null)
  const latest = useRef(initial)

  const announce = useCallback((message: string) => setAnnouncement({ message }), [])

  // The button that was pressed is gone with its form: focus goes to the message that says what happened.
  useEffect(() => {
    if (announcement) notice.current?.focus()
  }, [announcement])

  const onChange = useCallback(
    (next: PartDetail) => {
      const previous = latest.current
      latest.current = next
      setPart(next)
      if (previous.status !== 'ready' && next.status === 'ready') {
        announce('Delen är klarmarkerad och väntar nu på granskning.')
      }
    },
    [announce],
  )

  const onReviewed = useCallback(
    (next: PartDetail, message: string) => {
      latest.current = next
      setPart(next)
      announce(message)
    },
    [announce],
  )

  const goal = part.kind === 'goal' ? part.subject : part.subject.goals[0]
  const deadline = part.followUp.deadlines.report
  return (
    <>
      <PageHeading eyebrow={`${partKindLabels[part.kind]} · ${part.followUp.title}`}>
        {part.subject.title}
      </PageHeading>
      <div className="part-facts">
        <PartStatusBadge status={part.status} />
        {part.late ? <LateMarker /> : null}
        {part.subject.unit ? <span>Enhet: {part.subject.unit.name}</span> : null}
        {deadline ? <span>Sista dag för rapportering: {formatLongDate(deadline)}</span> : null}
        {reviewer ? (
          <Link
            to="/$code/$board/uppfoljning/$followUp/granskning"
            params={{ code: followUp.code, board: followUp.board, followUp: followUp.followUp }}
          >
            Till granskningen
          </Link>
        ) : null}
        {goal ? (
          <Link
            to="/$code/$board/mal/$goal"
            params={{ code: followUp.code, board: followUp.board, goal: goal.key }}
          >
            {part.kind === 'goal' ? 'Visa målet' : `Visa målet ${goal.title}`}
          </Link>
        ) : null}
      </div>
      {part.status === 'returned' && part.returnComment ? (
        <div className="returned-note returned-note--page">
          <p className="returned-note__title">
            Återskickad
            {part.reviewedBy ? ` av ${part.reviewedBy}` : ''}
            {part.reviewedAt ? ` ${formatDateTime(part.reviewedAt)}` : ''}. Kommentar:
          </p>
          <p className="returned-note__text">{part.returnComment}</p>
        </div>
      ) : null}
      {announcement ? (
        <div className="notice-box" role="status" tabIndex={-1} ref={notice}>
          <p>{announcement.message}</p>
        </div>
      ) : null}
      <div className={part.suggestion || part.indicator ? 'part-layout' : 'part-layout part-layout--single'}>
        <div className="part-layout__main">
          {part.can.edit ? (
            <PartEditor followUp={followUp} part={part} onChange={onChange} />
          ) : (
            <section aria-labelledby="content-heading">
              <h2 id="content-heading">Rapporterat</h2>
              {!part.can.review ? <p className="muted">{readOnlyReason(part)}</p> : null}
              <ContentView part={part} />
            </section>
          )}
          {part.can.review ? <ReviewActions followUp={followUp} part={part} onReviewed={onReviewed} /> : null}
        </div>
        {part.suggestion ? (
          <aside className="part-layout__aside" aria-label="Förslag till bedömning">
            <SuggestionPanel suggestion={part.suggestion} />
          </aside>
        ) : null}
        {part.indicator ? (
          <aside className="part-layout__aside" aria-labelledby="earlier-heading">
            <section className="panel">
              <h2 id="earlier-heading">Tidigare värden och målvärden</h2>
              <IndicatorBlock indicator={part.indicator} heading={null} />
            </section>
          </aside>
        ) : null}
      </div>
    </>
  )
}

function readOnlyReason(part: PartDetail): string {
  if (part.followUp.status !== 'open')
    return 'Uppföljningen är inte öppen för rapportering; delen kan bara läsas.'
  if (part.status === 'ready') return 'Delen är klarmarkerad och väntar på granskning.'
  if (part.status === 'approved') return 'Delen är granskad och godkänd.'
  return 'Du kan läsa delen men inte ändra den.'
}
