import type {
  AssessmentScale,
  FollowUpSummary,
  InternalControlView,
  ReportPartRef,
  RiskView,
} from '@arshjul/domain'
import { getRouteApi, Link } from '@tanstack/react-router'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { BoardNav } from '../components/BoardNav.tsx'
import { ChoiceLinks } from '../components/ChoiceLinks.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { Paragraphs } from '../components/Paragraphs.tsx'
import { PartStatusBadge } from '../components/PartStatus.tsx'
import { AssessmentEditor } from '../components/personnel/AssessmentEditor.tsx'
import { ControlForm } from '../components/personnel/ControlForm.tsx'
import { ControlFollowUpView, ControlPlan } from '../components/personnel/ControlPlan.tsx'
import { FollowUpForm } from '../components/personnel/FollowUpForm.tsx'
import { RiskForm } from '../components/personnel/RiskForm.tsx'
import { RiskMatrix } from '../components/personnel/RiskMatrix.tsx'
import { RiskRegister } from '../components/personnel/RiskRegister.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { actionsAt } from '../lib/access.ts'
import { useBoard, useMunicipality } from '../lib/api.ts'
import { followUpLabels } from '../lib/follow-ups.ts'
import { usePageTitle } from '../lib/page.ts'
import { internalControlYears } from '../lib/personnel.ts'
import { useInternalControl } from '../lib/personnel-api.ts'
import { useSession } from '../lib/session.ts'
import '../personnel.css'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/intern-kontroll')

/** The board's internal control: risk matrix, risk register, control plan, follow-up and assessment. */
export function InternalControlPage() {
  const { code, board: boardKey } = route.useParams()
  const search = route.useSearch()
  const board = useBoard(code, boardKey)
  const municipality = useMunicipality(code)
  const session = useSession()
  const internalControl = useInternalControl(code, boardKey, {
    year: search.ar,
    followUp: search.uppfoljning,
  })
  const view = internalControl.data

  usePageTitle(['Intern kontroll', board.data?.name, board.data?.municipality.name])

  if (board.isError && isNotFound(board.error)) return <NotFoundPage message={board.error.message} />

  const mayManage = actionsAt(session.data?.user, { municipality: code, board: boardKey }).has('manage-cycle')
  const followUps = (board.data?.followUps ?? []).filter((f) => f.kind !== 'business-plan')

  return (
    <>
      <BoardBreadcrumbs code={code} boardKey={boardKey} board={board.data} current="Intern kontroll" />
      {board.isError ? <ErrorMessage error={board.error} onRetry={() => board.refetch()} /> : null}
      <PageHeading eyebrow={board.data ? `${board.data.municipality.name} · ${board.data.name}` : undefined}>
        Intern kontroll
      </PageHeading>
      <BoardNav code={code} board={boardKey} />
      {internalControl.isPending ? <Loading what="den interna kontrollen" /> : null}
      {internalControl.isError ? (
        isNotFound(internalControl.error) && view === undefined ? (
          <div className="alert" role="alert">
            <p>{internalControl.error.message}</p>
            {search.ar !== undefined || search.uppfoljning !== undefined ? (
              <p>
                <Link to="/$code/$board/intern-kontroll" params={{ code, board: boardKey }}>
                  Visa det senaste året
                </Link>
              </p>
            ) : null}
          </div>
        ) : (
          <ErrorMessage error={internalControl.error} onRetry={() => internalControl.refetch()} />
        )
      ) : null}
      {view ? (
        <div aria-busy={internalControl.isPlaceholderData}>
          <Filters view={view} code={code} board={boardKey} followUps={followUps} />
          <InternalControl
            // A new year or follow-up starts with every form closed.
            key={`${view.year}-${view.followUp?.key ?? ''}`}
            view={view}
            code={code}
            board={boardKey}
            mayManage={mayManage}
            scale={municipality.data?.settings.assessmentScale}
          />
        </div>
      ) : null}
    </>
  )
}

function Filters({
  view,
  code,
  board,
  followUps,
}: {
  view: InternalControlView
  code: string
  board: string
  followUps: readonly FollowUpSummary[]
}) {
  const params = { code, board }
  const years = internalControlYears(
    view,
    followUps.map((f) => f.year),
  )
  const ofYear = followUps.filter((f) => f.year === view.year)
  const labels = followUpLabels(followUps)
  return (
    <div className="filters">
      <ChoiceLinks label="År">
        {years.map((y) => (
          <Link
            key={y}
            to="/$code/$board/intern-kontroll"
            params={params}
            search={{ ar: y }}
            aria-current={y === view.year ? 'page' : undefined}
          >
            {y}
          </Link>
        ))}
      </ChoiceLinks>
      {ofYear.length > 0 ? (
        <ChoiceLinks label="Uppföljning">
          {ofYear.map((f) => (
            <Link
              key={f.key}
              to="/$code/$board/intern-kontroll"
              params={params}
              search={{ ar: view.year, uppfoljning: f.key }}
              aria-current={f.key === view.followUp?.key ? 'page' : undefined}
            >
              {labels.get(f.key) ?? f.title}
            </Link>
          ))}
        </ChoiceLinks>
      ) : null}
    </div>
  )
}

type Editing =
  | { kind: 'risk'; risk?: RiskView }
  | { kind: 'control' }
  | { kind: 'follow-up'; control: string }
  | { kind: 'assessment' }

type Section = 'risks' | 'controls' | 'follow-ups' | 'assessment'

const locked = new Set(['decided', 'approved'])

function InternalControl({
  view,
  code,
  board,
  mayManage,
  scale,
}: {
  view: InternalControlView
  code: string
  board: string
  mayManage: boolean
  scale: AssessmentScale | undefined
}) {
  const [editing, setEditing] = useState<Editing | null>(null)
  const [announcement, setAnnouncement] = useState<{ section: Section; text: string } | null>(null)
  // The button that opened a form takes focus back when the form closes.
  const opener = useRef<HTMLElement | null>(null)
  const returnFocus = useRef(false)
  useEffect(() => {
    if (editing === null && returnFocus.current) {
      returnFocus.current = false
      if (opener.current?.isConnected) opener.current.focus()
      opener.current = null
    }
  }, [editing])

  const open = (next: Editing, from: HTMLElement) => {
    opener.current = from
    setAnnouncement(null)
    setEditing(next)
  }
  const close = (section: Section, message: string) => {
    returnFocus.current = true
    setEditing(null)
    setAnnouncement(message ? { section, text: message } : null)
  }
  const status = (section: Section) => (
    <p role="status" className="save-status">
      {announcement?.section === section ? announcement.text : ''}
    </p>
  )

  const followUp = view.followUp
  const editable = view.editable
  // The register and the plan can be worked on ahead of the year; follow-ups need an open follow-up.
  const manage = mayManage
  const isOpen = (kind: Editing['kind']) => editing?.kind === kind

  return (
    <>
      <p className="lead">
        Intern kontroll {view.year}
        {followUp ? ` · ${followUp.title}` : ''}
      </p>
      {followUp && locked.has(followUp.status) ? (
        <p className="muted">
          {followUp.title} är {followUp.status === 'decided' ? 'beslutad' : 'godkänd'} och kan inte längre
          ändras.
        </p>
      ) : null}
      {!followUp ? (
        <p className="muted">
          Nämnden har ingen uppföljning för {view.year}. Kontrollmomentens uppföljning och den sammanfattande
          bedömningen skrivs i en uppföljning.
        </p>
      ) : null}

      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">Riskmatris</h2>
        <RiskMatrix view={view} />
      </section>

      <section aria-labelledby="risks-heading">
        <h2 id="risks-heading">Riskregister</h2>
        {view.risks.length > 0 ? (
          <RiskRegister
            view={view}
            onEdit={manage ? (risk, button) => open({ kind: 'risk', risk }, button) : undefined}
          />
        ) : (
          <p>Inga risker är registrerade för {view.year}.</p>
        )}
        {manage ? (
          <SectionAction
            label="Registrera risk"
            expanded={editing?.kind === 'risk' && editing.risk === undefined}
            onOpen={(button) => open({ kind: 'risk' }, button)}
            onClose={() => close('risks', '')}
          />
        ) : null}
        {editing?.kind === 'risk' ? (
          <div className="panel ic-panel">
            <RiskForm
              code={code}
              board={board}
              view={view}
              risk={editing.risk}
              onSaved={(message) => close('risks', message)}
              onCancel={() => close('risks', '')}
            />
          </div>
        ) : null}
        {status('risks')}
      </section>

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">Internkontrollplan</h2>
        {view.controls.length > 0 ? (
          <ControlPlan view={view} />
        ) : (
          <p>Det finns inga kontrollmoment i planen för {view.year}.</p>
        )}
        {manage ? (
          <SectionAction
            label="Lägg till kontrollmoment"
            expanded={isOpen('control')}
            onOpen={(button) => open({ kind: 'control' }, button)}
            onClose={() => close('controls', '')}
          />
        ) : null}
        {editing?.kind === 'control' ? (
          <div className="panel ic-panel">
            <ControlForm
              code={code}
              board={board}
              view={view}
              initialRisk={view.risks.length === 1 ? view.risks[0]?.key : null}
              onSaved={(message) => close('controls', message)}
              onCancel={() => close('controls', '')}
            />
          </div>
        ) : null}
        {status('controls')}
      </section>

      {followUp ? (
        <section aria-labelledby="follow-ups-heading">
          <h2 id="follow-ups-heading">Uppföljning av kontrollmomenten</h2>
          {view.controls.length === 0 ? (
            <p>Det finns inga kontrollmoment att följa upp i {followUp.title}.</p>
          ) : (
            <>
              <p>Uppföljning i {followUp.title}.</p>
              <ul className="control-list">
                {view.controls.map((control) => (
                  <li key={control.key} className="control-item">
                    <h3>{control.title}</h3>
                    <ControlFollowUpView control={control} />
                    {control.part ? (
                      <PartLink
                        code={code}
                        board={board}
                        followUp={followUp.key}
                        part={control.part}
                        label="Rapportera uppföljningen"
                        hidden={` av ${control.title}`}
                      />
                    ) : editable && scale ? (
                      <SectionAction
                        small
                        label={control.followUp ? 'Ändra uppföljningen' : 'Följ upp'}
                        hidden={` av ${control.title}`}
                        expanded={editing?.kind === 'follow-up' && editing.control === control.key}
                        onOpen={(button) => open({ kind: 'follow-up', control: control.key }, button)}
                        onClose={() => close('follow-ups', '')}
                      />
                    ) : null}
                    {editing?.kind === 'follow-up' && editing.control === control.key && scale ? (
                      <div className="panel ic-panel">
                        <FollowUpForm
                          code={code}
                          board={board}
                          view={view}
                          followUp={followUp}
                          control={control}
                          scale={scale}
                          onSaved={(message) => close('follow-ups', message)}
                          onCancel={() => close('follow-ups', '')}
                        />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )}
          {status('follow-ups')}
        </section>
      ) : null}

      {followUp ? (
        <section aria-labelledby="assessment-heading">
          <h2 id="assessment-heading">Sammanfattande bedömning</h2>
          {view.assessment ? (
            <div className="prose ic-assessment">
              <Paragraphs text={view.assessment.text} />
            </div>
          ) : (
            <p className="muted">Det finns ingen sammanfattande bedömning i {followUp.title} ännu.</p>
          )}
          {view.assessmentPart ? (
            <PartLink
              code={code}
              board={board}
              followUp={followUp.key}
              part={view.assessmentPart}
              label="Skriv den sammanfattande bedömningen"
            />
          ) : editable ? (
            <SectionAction
              label={view.assessment ? 'Ändra sammanfattande bedömning' : 'Skriv sammanfattande bedömning'}
              expanded={isOpen('assessment')}
              onOpen={(button) => open({ kind: 'assessment' }, button)}
              onClose={() => close('assessment', '')}
            />
          ) : null}
          {editing?.kind === 'assessment' ? (
            <div className="panel ic-panel">
              <AssessmentEditor
                code={code}
                board={board}
                view={view}
                followUp={followUp}
                onSaved={(message) => close('assessment', message)}
                onCancel={() => close('assessment', '')}
              />
            </div>
          ) : null}
          {status('assessment')}
        </section>
      ) : null}
    </>
  )
}

/**
 * Where a follow-up reports internal control in its workflow: the part's status and the way to it
 * (the part is drafted, marked ready, reviewed and approved like a goal's assessment).
 */
function PartLink({
  code,
  board,
  followUp,
  part,
  label,
  hidden,
}: {
  code: string
  board: string
  followUp: string
  part: ReportPartRef
  label: string
  hidden?: string
}) {
  return (
    <p className="ic-action">
      <PartStatusBadge status={part.status} />{' '}
      <Link
        to="/$code/$board/uppfoljning/$followUp/del/$partId"
        params={{ code, board, followUp, partId: part.id }}
      >
        {label}
        {hidden ? <span className="visually-hidden">{hidden}</span> : null}
      </Link>
    </p>
  )
}

/** The button that opens a section's form; it says whether the form is open. */
function SectionAction({
  label,
  hidden,
  expanded,
  onOpen,
  onClose,
  small = false,
}: {
  label: string
  /** Words only a screen reader hears, which make the name unique ("av Attest av fakturor"). */
  hidden?: ReactNode
  expanded: boolean
  onOpen: (button: HTMLButtonElement) => void
  /** Pressed again while the form is open: the form closes without saving. */
  onClose: () => void
  small?: boolean
}) {
  return (
    <p className="ic-action">
      <button
        type="button"
        className={small ? 'button button--small' : 'button'}
        aria-expanded={expanded}
        onClick={(event) => (expanded ? onClose() : onOpen(event.currentTarget))}
      >
        {label}
        {hidden ? <span className="visually-hidden">{hidden}</span> : null}
      </button>
    </p>
  )
}
