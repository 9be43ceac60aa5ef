import { type FollowUpSummary, followUpStatusLabels } from '@arshjul/domain'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useReturnPath } from '../components/Account.tsx'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { BoardNav } from '../components/BoardNav.tsx'
import { ChoiceLinks } from '../components/ChoiceLinks.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { CheckResult } from '../components/reports/CheckResult.tsx'
import { Downloads } from '../components/reports/Downloads.tsx'
import { IssuedVersions } from '../components/reports/IssuedVersions.tsx'
import { IssueForm } from '../components/reports/IssueForm.tsx'
import { ApiFailure, useBoard } from '../lib/api.ts'
import { followUpLabels } from '../lib/follow-ups.ts'
import { formatLongDate } from '../lib/format.ts'
import { usePageTitle } from '../lib/page.ts'
import { useReportCheck } from '../lib/reports-api.ts'
import '../reports.css'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/dokument')

/** A board's documents: pick a follow-up, see the check before issuing, download, issue, and the record. */
export function ReportsPage() {
  const { code, board: boardKey } = route.useParams()
  const search = route.useSearch()
  const board = useBoard(code, boardKey)
  const followUps = board.data?.followUps ?? []
  // The newest decided follow-up is the one everyone may read; else the newest.
  const selected = search.uppfoljning
    ? followUps.find((f) => f.key === search.uppfoljning)
    : (followUps.find((f) => f.status === 'decided') ?? followUps[0])
  const labels = followUpLabels(followUps)

  usePageTitle(['Dokument', selected?.title, board.data?.name, board.data?.municipality.name])

  if (board.isError && isNotFound(board.error)) return <NotFoundPage message={board.error.message} />

  return (
    <>
      <BoardBreadcrumbs code={code} boardKey={boardKey} board={board.data} current="Dokument" />
      {board.isError ? <ErrorMessage error={board.error} onRetry={() => board.refetch()} /> : null}
      <PageHeading eyebrow={board.data ? `${board.data.municipality.name} · ${board.data.name}` : undefined}>
        Dokument
      </PageHeading>
      <BoardNav code={code} board={boardKey} />
      {board.isPending ? <Loading what="nämndens uppföljningar" /> : null}
      {board.data && followUps.length === 0 ? <p>Nämnden har inga uppföljningar ännu.</p> : null}
      {followUps.length > 0 ? (
        <div className="filters">
          <ChoiceLinks label="Uppföljning">
            {followUps.map((f) => (
              <Link
                key={f.key}
                to="/$code/$board/dokument"
                params={{ code, board: boardKey }}
                search={{ uppfoljning: f.key }}
                aria-current={f.key === selected?.key ? 'page' : undefined}
              >
                {labels.get(f.key) ?? f.title}
              </Link>
            ))}
          </ChoiceLinks>
        </div>
      ) : null}
      {board.data && search.uppfoljning && !selected ? (
        <div className="alert" role="alert">
          <p>Uppföljningen finns inte. Välj en av nämndens uppföljningar ovan.</p>
        </div>
      ) : null}
      {selected ? (
        <FollowUpDocument key={selected.key} code={code} board={boardKey} followUp={selected} />
      ) : null}
    </>
  )
}

/** "beslutad 14 oktober 2025, KS § 123", "öppen för rapportering". */
function statusText(followUp: FollowUpSummary): string {
  if (followUp.status !== 'decided') return followUpStatusLabels[followUp.status].toLowerCase()
  return [
    `beslutad${followUp.decidedOn ? ` ${formatLongDate(followUp.decidedOn)}` : ''}`,
    followUp.decisionRef,
  ]
    .filter(Boolean)
    .join(', ')
}

function FollowUpDocument({
  code,
  board,
  followUp,
}: {
  code: string
  board: string
  followUp: FollowUpSummary
}) {
  const check = useReportCheck(code, board, followUp.key)
  const here = useReturnPath()
  const refused = check.error instanceof ApiFailure ? check.error.status : null
  return (
    <>
      <p className="lead">
        {followUp.title} · {statusText(followUp)}
      </p>
      {check.isPending ? <Loading what="kontrollen av dokumentet" /> : null}
      {refused === 401 ? (
        <div className="panel notice">
          <p>
            {followUp.title} är inte beslutad. Innan beslutet kan dokumentet bara ses av den som har
            behörighet i nämnden.
          </p>
          <p>
            <Link to="/logga-in" search={{ tillbaka: here }} className="button button--primary">
              Logga in
            </Link>
          </p>
        </div>
      ) : check.isError ? (
        <ErrorMessage error={check.error} onRetry={refused === 403 ? undefined : () => check.refetch()} />
      ) : null}
      {check.data ? (
        <>
          <CheckResult check={check.data} />
          <Downloads code={code} board={board} check={check.data} />
          {check.data.mayIssue ? <IssueForm code={code} board={board} check={check.data} /> : null}
          <IssuedVersions code={code} board={board} check={check.data} />
        </>
      ) : null}
    </>
  )
}
