import type { PersonnelView } from '@arshjul/domain'
import { sickLeaveChart } from '@arshjul/domain'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useMemo } from 'react'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { BoardNav } from '../components/BoardNav.tsx'
import { ChoiceLinks } from '../components/ChoiceLinks.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { Paragraphs } from '../components/Paragraphs.tsx'
import { PartStatusBadge } from '../components/PartStatus.tsx'
import { PersonnelTable } from '../components/personnel/PersonnelTable.tsx'
import { SickLeaveChart } from '../components/personnel/SickLeaveChart.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { useBoard } from '../lib/api.ts'
import { usePageTitle } from '../lib/page.ts'
import {
  defaultScope,
  HIDDEN_RULE,
  hiddenCountText,
  mayImportPersonnel,
  scopeChoices,
  scopeYearsText,
} from '../lib/personnel.ts'
import { usePersonnel, usePersonnelScopes } from '../lib/personnel-api.ts'
import { useSession } from '../lib/session.ts'
import '../personnel.css'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/personal')

/** The personnel figures of the board's administrations, and of the municipality as a whole. */
export function PersonnelPage() {
  const { code, board: boardKey } = route.useParams()
  const search = route.useSearch()
  const board = useBoard(code, boardKey)
  const session = useSession()
  const scopes = usePersonnelScopes(code)
  const choices = useMemo(() => scopeChoices(scopes.data ?? [], board.data), [scopes.data, board.data])
  const ready = scopes.isSuccess && board.isSuccess
  const scope = search.enhet ?? (ready ? defaultScope(choices) : null)
  const personnel = usePersonnel(code, scope)
  const view = personnel.data

  usePageTitle(['Personal', board.data?.name, board.data?.municipality.name])

  if (board.isError && isNotFound(board.error)) return <NotFoundPage message={board.error.message} />

  const mayImport = mayImportPersonnel(session.data?.user, code)
  const latestYear = view?.years[view.years.length - 1]

  return (
    <>
      <BoardBreadcrumbs code={code} boardKey={boardKey} board={board.data} current="Personal" />
      {board.isError ? <ErrorMessage error={board.error} onRetry={() => board.refetch()} /> : null}
      <PageHeading eyebrow={board.data ? `${board.data.municipality.name} · ${board.data.name}` : undefined}>
        Personal
      </PageHeading>
      <BoardNav code={code} board={boardKey} />
      {mayImport ? (
        <p className="personnel-actions">
          <Link
            to="/$code/$board/personal/import"
            params={{ code, board: boardKey }}
            search={latestYear !== undefined ? { ar: latestYear } : {}}
            className="button"
          >
            Importera personaldata
          </Link>
        </p>
      ) : null}
      {scopes.isPending || (board.isPending && !search.enhet) ? <Loading what="enheterna" /> : null}
      {scopes.isError ? <ErrorMessage error={scopes.error} onRetry={() => scopes.refetch()} /> : null}
      {choices.length > 0 ? (
        <div className="filters">
          <ChoiceLinks label="Uppgifter för">
            {choices.map((choice) => (
              <Link
                key={choice.key}
                to="/$code/$board/personal"
                params={{ code, board: boardKey }}
                search={{ enhet: choice.key }}
                aria-current={choice.key === scope ? 'page' : undefined}
              >
                {choice.name}
              </Link>
            ))}
          </ChoiceLinks>
        </div>
      ) : null}
      {scope !== null && personnel.isPending ? <Loading what="personaluppgifterna" /> : null}
      {personnel.isError ? (
        isNotFound(personnel.error) ? (
          <div className="alert" role="alert">
            <p>{personnel.error.message}</p>
            {search.enhet ? (
              <p>
                <Link to="/$code/$board/personal" params={{ code, board: boardKey }}>
                  Visa nämndens förvaltning
                </Link>
              </p>
            ) : null}
          </div>
        ) : (
          <ErrorMessage error={personnel.error} onRetry={() => personnel.refetch()} />
        )
      ) : null}
      {view ? (
        <div aria-busy={personnel.isPlaceholderData}>
          <PersonnelFigures view={view} code={code} board={boardKey} />
        </div>
      ) : null}
    </>
  )
}

function PersonnelFigures({ view, code, board }: { view: PersonnelView; code: string; board: string }) {
  const chart = useMemo(() => sickLeaveChart(view), [view])
  if (view.years.length === 0 || view.measures.length === 0) {
    return <p className="lead">Det finns inga personaluppgifter för {view.scope.name} ännu.</p>
  }
  return (
    <>
      <p className="lead">Personalnyckeltal för {scopeYearsText(view)}.</p>
      {view.hiddenCount > 0 ? (
        <div className="notice-box personnel-note">
          <p>
            <strong>Skyddade uppgifter.</strong> {HIDDEN_RULE} {hiddenCountText(view.hiddenCount)} De visas
            med ett streck (–).
          </p>
        </div>
      ) : null}
      {view.insider ? (
        <p className="muted personnel-insider">
          Du ser alla uppgifter, även om små grupper, eftersom du har behörighet i förvaltningen. Utanför
          förvaltningen visas inte uppgifter om grupper med färre än 10 personer.
        </p>
      ) : null}
      {view.comments.length > 0 ? (
        <section aria-labelledby="personnel-comments" className="personnel-comments">
          <h2 id="personnel-comments">Kommentar</h2>
          {view.comments.map((c) => (
            <article key={c.followUp.key} aria-labelledby={`comment-${c.followUp.key}`}>
              <h3 id={`comment-${c.followUp.key}`}>{c.followUp.title}</h3>
              {c.text ? (
                <div className="prose">
                  <Paragraphs text={c.text} />
                </div>
              ) : (
                <p className="muted">Kommentaren är inte skriven ännu.</p>
              )}
              {c.part ? (
                <p>
                  <PartStatusBadge status={c.part.status} />{' '}
                  <Link
                    to="/$code/$board/uppfoljning/$followUp/del/$partId"
                    params={{ code, board, followUp: c.followUp.key, partId: c.part.id }}
                  >
                    Skriv kommentaren<span className="visually-hidden"> i {c.followUp.title}</span>
                  </Link>
                </p>
              ) : null}
            </article>
          ))}
        </section>
      ) : null}
      {view.measures.map((measure) => {
        const id = `measure-${measure.measure}`
        return (
          <section key={measure.measure} aria-labelledby={id} className="personnel-measure">
            <h2 id={id}>{measure.label}</h2>
            <PersonnelTable measure={measure} />
            {measure.measure === 'sick-leave' && chart ? (
              <>
                <h3>Sjukfrånvaro över tid</h3>
                <SickLeaveChart chart={chart} scopeName={view.scope.name} />
              </>
            ) : null}
          </section>
        )
      })}
    </>
  )
}
