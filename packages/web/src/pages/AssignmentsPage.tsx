import type { AssignmentStatus } from '@arshjul/domain'
import { assignmentStatusLabels } from '@arshjul/domain'
import { getRouteApi, Link } from '@tanstack/react-router'
import { AssignmentTable } from '../components/AssignmentTable.tsx'
import { BoardNav } from '../components/BoardNav.tsx'
import { Breadcrumbs } from '../components/Breadcrumbs.tsx'
import { ChoiceLinks } from '../components/ChoiceLinks.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { useAssignments, useBoard } from '../lib/api.ts'
import { countsSentence } from '../lib/assignments.ts'
import { countNoun } from '../lib/format.ts'
import { usePageTitle } from '../lib/page.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/uppdrag')

export function AssignmentsPage() {
  const { code, board: boardKey } = route.useParams()
  const search = route.useSearch()
  const board = useBoard(code, boardKey)
  const assignments = useAssignments(code, boardKey, { year: search.ar, status: search.status })

  usePageTitle(['Uppdrag', board.data?.name, board.data?.municipality.name])

  if (board.isError && isNotFound(board.error)) return <NotFoundPage message={board.error.message} />

  const data = assignments.data
  const params = { code, board: boardKey }

  return (
    <>
      <Breadcrumbs current="Uppdrag">
        <Link to="/">Start</Link>
        <Link to="/$code" params={{ code }}>
          {board.data?.municipality.name ?? 'Kommun'}
        </Link>
        <Link to="/$code/$board" params={params}>
          {board.data?.name ?? 'Nämnd'}
        </Link>
      </Breadcrumbs>
      {board.isError ? <ErrorMessage error={board.error} onRetry={() => board.refetch()} /> : null}
      <PageHeading eyebrow={board.data ? `${board.data.municipality.name} · ${board.data.name}` : undefined}>
        Uppdrag
      </PageHeading>
      <BoardNav code={code} board={boardKey} />
      {assignments.isPending ? <Loading what="uppdragen" /> : null}
      {assignments.isError ? (
        <ErrorMessage error={assignments.error} onRetry={() => assignments.refetch()} />
      ) : null}
      {data ? (
        <>
          <div className="filters">
            <ChoiceLinks label="År">
              <Link
                key="alla"
                to="/$code/$board/uppdrag"
                params={params}
                search={{ status: search.status }}
                aria-current={search.ar === undefined ? 'page' : undefined}
              >
                Alla år
              </Link>
              {data.years.map((year) => (
                <Link
                  key={year}
                  to="/$code/$board/uppdrag"
                  params={params}
                  search={{ ar: year, status: search.status }}
                  aria-current={search.ar === year ? 'page' : undefined}
                >
                  {year}
                </Link>
              ))}
            </ChoiceLinks>
            <ChoiceLinks label="Status">
              <Link
                key="alla"
                to="/$code/$board/uppdrag"
                params={params}
                search={{ ar: search.ar }}
                aria-current={search.status === undefined ? 'page' : undefined}
              >
                Alla ({data.total})
              </Link>
              {data.counts
                .filter((c) => c.count > 0 || c.status === search.status)
                .map((c) => (
                  <Link
                    key={c.status}
                    to="/$code/$board/uppdrag"
                    params={params}
                    search={{ ar: search.ar, status: c.status }}
                    aria-current={search.status === c.status ? 'page' : undefined}
                  >
                    {assignmentStatusLabels[c.status]} ({c.count})
                  </Link>
                ))}
            </ChoiceLinks>
          </div>
          <p className="lead">{countsSentence(data)}</p>
          <div aria-busy={assignments.isPlaceholderData}>
            <p role="status" className="result-status">
              {assignments.isPlaceholderData
                ? 'Hämtar uppdragen …'
                : resultText(data.items.length, search.status)}
            </p>
            {data.items.length > 0 ? (
              <AssignmentTable
                items={data.items}
                caption={tableCaption(search.ar, search.status)}
                code={code}
                board={boardKey}
                showGoal
              />
            ) : null}
          </div>
        </>
      ) : null}
    </>
  )
}

function resultText(shown: number, status: AssignmentStatus | undefined): string {
  if (shown === 0) return 'Inga uppdrag matchar urvalet.'
  const what = countNoun(shown, 'uppdrag', 'uppdrag')
  return status
    ? `Visar ${what} med status ${assignmentStatusLabels[status].toLowerCase()}.`
    : `Visar ${what}.`
}

function tableCaption(year: number | undefined, status: AssignmentStatus | undefined): string {
  if (year === undefined && !status) return 'Alla uppdrag'
  const parts = ['Uppdrag']
  if (year !== undefined) parts.push(String(year))
  if (status) parts.push(`med status ${assignmentStatusLabels[status].toLowerCase()}`)
  return parts.join(' ')
}
