import {
  type FollowUpSummary,
  followUpStatusLabels,
  type IssuedReport,
  type ReportCheck,
  type ReportFinding,
  ReportFormat,
  reportFormatLabels,
} from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { useReturnPath } from '../components/Account.tsx'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { BoardNav } from '../components/BoardNav.tsx'
import { ChoiceLinks } from '../components/ChoiceLinks.tsx'
import { DataTable } from '../components/DataTable.tsx'
import { ErrorSummary, type SummaryItem } from '../components/form/ErrorSummary.tsx'
import { Field } from '../components/form/Field.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { ApiFailure, useBoard } from '../lib/api.ts'
import { followUpLabels } from '../lib/follow-ups.ts'
import { countNoun, formatLongDate } from '../lib/format.ts'
import { usePageTitle } from '../lib/page.ts'
import {
  invalidateReportIssues,
  issueReport,
  reportPaths,
  useReportCheck,
  useReportIssues,
} from '../lib/reports-api.ts'
import { useSend } from '../lib/session.ts'
import '../reports.css'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/dokument')

const formats = ReportFormat.options
/** "webbsida (HTML)" in a sentence, "Webbsida (HTML)" on its own. */
const formatName = (format: ReportFormat) =>
  reportFormatLabels[format].charAt(0).toUpperCase() + reportFormatLabels[format].slice(1)

const issuedAtFormat = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
})
const issuedAt = (iso: string) => issuedAtFormat.format(new Date(iso))

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

const groups: { severity: ReportFinding['severity']; title: string }[] = [
  { severity: 'error', title: 'Fel' },
  { severity: 'warning', title: 'Varningar' },
  { severity: 'note', title: 'Noteringar' },
]

function CheckResult({ check }: { check: ReportCheck }) {
  const errorCount = check.findings.filter((f) => f.severity === 'error').length
  return (
    <section aria-labelledby="check-heading" className="report-section">
      <h2 id="check-heading">Kontroll före utfärdande</h2>
      <p className="muted">
        Summor, avvikelser, antal och varje siffra som förekommer på flera ställen kontrolleras mot de exakta
        beloppen innan dokumentet utfärdas.
      </p>
      {errorCount === 0 ? (
        <p className="check-result check-result--ok">
          <strong>Alla kontroller gick igenom.</strong> Dokumentet kan utfärdas.
        </p>
      ) : (
        <p className="check-result check-result--error">
          <strong>Kontrollen hittade {countNoun(errorCount, 'fel', 'fel')}.</strong> Dokumentet kan utfärdas
          bara med ett undantag som controllern skriver under.
        </p>
      )}
      {groups.map(({ severity, title }) => {
        const found = check.findings.filter((f) => f.severity === severity)
        if (found.length === 0) return null
        return (
          <div key={severity} className="findings-group">
            <h3 id={`findings-${severity}`}>
              {title} ({found.length})
            </h3>
            <ul className={`findings findings--${severity}`} aria-labelledby={`findings-${severity}`}>
              {found.map((f) => (
                <li key={`${f.where}-${f.message}`}>
                  <span className="findings__where">{f.where}</span>
                  <span className="findings__message">{f.message}</span>
                </li>
              ))}
            </ul>
          </div>
        )
      })}
    </section>
  )
}

function Downloads({ code, board, check }: { code: string; board: string; check: ReportCheck }) {
  const { document } = check
  const followUp = document.followUp.key
  return (
    <section aria-labelledby="download-heading" className="report-section">
      <h2 id="download-heading">Ladda ned</h2>
      <p className="muted">
        {document.basis.kind === 'snapshot'
          ? 'Dokumentet görs av uppgifterna som de var när nämnden beslutade, och blir detsamma varje gång.'
          : 'Dokumentet görs av uppgifterna som de är nu; uppföljningen är inte beslutad.'}
      </p>
      <ul className="report-downloads">
        {formats.map((format) => (
          <li key={format}>
            <a href={reportPaths.document(code, board, followUp, format)} download>
              Ladda ned som {reportFormatLabels[format]}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={reportPaths.preview(code, board, followUp)}>Förhandsgranska som webbsida</a>
      </p>
    </section>
  )
}

const EXCEPTION_ID = 'issue-exception'

function IssueForm({ code, board, check }: { code: string; board: string; check: ReportCheck }) {
  const send = useSend()
  const client = useQueryClient()
  const followUp = check.document.followUp.key
  const needsException = !check.canIssue
  const [format, setFormat] = useState<ReportFormat>('pdf')
  const [exception, setException] = useState('')
  const [exceptionError, setExceptionError] = useState<string | undefined>(undefined)
  const [summary, setSummary] = useState<{ title: string; items: SummaryItem[] } | null>(null)
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<IssuedReport | null>(null)
  const summaryRef = useRef<HTMLDivElement>(null)
  const [focusSummary, setFocusSummary] = useState(false)
  useEffect(() => {
    if (focusSummary && summaryRef.current) {
      summaryRef.current.focus()
      setFocusSummary(false)
    }
  }, [focusSummary])

  const refuse = (title: string, items: SummaryItem[]) => {
    setSummary({ title, items })
    setFocusSummary(true)
  }

  const submit = async () => {
    if (busy) return
    const reason = exception.trim()
    if (needsException && reason.length < 10) {
      const message = reason ? 'Skälet till undantag behöver vara minst 10 tecken' : 'Ange skäl till undantag'
      setExceptionError(message)
      refuse('Dokumentet kan inte utfärdas', [{ fieldId: EXCEPTION_ID, message }])
      return
    }
    setBusy(true)
    setSummary(null)
    setExceptionError(undefined)
    setIssued(null)
    try {
      const result = await issueReport(send, code, board, followUp, {
        format,
        ...(needsException ? { exception: reason } : {}),
      })
      setIssued(result)
      await invalidateReportIssues(client, code, board, followUp)
    } catch (error) {
      const details = error instanceof ApiFailure ? error.details : []
      const onException = details.find((d) => d.path === 'exception' || d.path === 'body.exception')
      if (onException) setExceptionError(onException.message)
      refuse(
        error instanceof ApiFailure ? error.message : 'Dokumentet kunde inte utfärdas. Försök igen.',
        details.length > 0
          ? details.map((d) => ({
              fieldId: d === onException && needsException ? EXCEPTION_ID : null,
              message:
                d === onException || d.path.startsWith('body.') ? d.message : `${d.path}: ${d.message}`,
            }))
          : [{ fieldId: null, message: 'Försök igen om en stund.' }],
      )
      // The data may have changed since the check: read it again (an exception may now be needed).
      void client.invalidateQueries({ queryKey: [reportPaths.check(code, board, followUp)] })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="issue-heading" className="report-section">
      <h2 id="issue-heading">Utfärda</h2>
      <p className="muted">
        Det utfärdade dokumentet sparas exakt som det ser ut, med en kontrollsumma (SHA-256), och kan inte
        ändras eller tas bort.
      </p>
      <form
        className="form issue-form"
        noValidate
        aria-labelledby="issue-heading"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        {summary ? <ErrorSummary ref={summaryRef} title={summary.title} items={summary.items} /> : null}
        <fieldset className="field fieldset">
          <legend className="field__label">Format</legend>
          <div className="choices choices--inline">
            {formats.map((f) => (
              <div key={f} className="choices__item">
                <input
                  type="radio"
                  id={`issue-format-${f}`}
                  name="issue-format"
                  value={f}
                  checked={format === f}
                  onChange={() => setFormat(f)}
                />
                <label htmlFor={`issue-format-${f}`}>{formatName(f)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {needsException ? (
          <Field
            id={EXCEPTION_ID}
            label="Skäl till undantag"
            hint="Kontrollen hittade fel i dokumentet. Skriv varför det ändå ska utfärdas. Du skriver under undantaget som controller: skälet sparas med dokumentet, ditt namn och tidpunkten."
            error={exceptionError}
          >
            {(control) => (
              <textarea
                {...control}
                className="input"
                rows={4}
                required
                value={exception}
                onChange={(event) => setException(event.target.value)}
              />
            )}
          </Field>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {needsException ? 'Utfärda med undantag' : 'Utfärda dokumentet'}
          </button>
        </div>
        <p role="status" className="save-status">
          {busy ? 'Dokumentet görs …' : ''}
          {issued
            ? `${check.document.title} är utfärdad som ${reportFormatLabels[issued.format]} (SHA-256 ${issued.sha256.slice(0, 12)}…).`
            : ''}
        </p>
        {issued ? (
          <p className="issued-now">
            <a href={reportPaths.issue(code, board, followUp, issued.id)} download>
              Ladda ned den utfärdade versionen
            </a>
          </p>
        ) : null}
      </form>
    </section>
  )
}

function IssuedVersions({ code, board, check }: { code: string; board: string; check: ReportCheck }) {
  const followUp = check.document.followUp.key
  const issues = useReportIssues(code, board, followUp)
  return (
    <section aria-labelledby="issued-heading" className="report-section">
      <h2 id="issued-heading">Utfärdade versioner</h2>
      {issues.isPending ? <Loading what="de utfärdade versionerna" /> : null}
      {issues.isError ? <ErrorMessage error={issues.error} onRetry={() => issues.refetch()} /> : null}
      {issues.data && issues.data.length === 0 ? <p>Inga versioner är utfärdade ännu.</p> : null}
      {issues.data && issues.data.length > 0 ? (
        <DataTable caption={`Utfärdade versioner av ${check.document.title}`} className="issued-table">
          <thead>
            <tr>
              <th scope="col">Utfärdad</th>
              <th scope="col">Format</th>
              <th scope="col">Av</th>
              <th scope="col">Kontrollsumma (SHA-256)</th>
              <th scope="col">Underlag</th>
              <th scope="col">Undantag</th>
              <th scope="col">Fil</th>
            </tr>
          </thead>
          <tbody>
            {issues.data.map((issue) => (
              <tr key={issue.id}>
                <th scope="row">{issuedAt(issue.issuedAt)}</th>
                <td>{formatName(issue.format)}</td>
                <td>{issue.issuedBy}</td>
                <td>
                  <code className="sha" title={issue.sha256} aria-hidden="true">
                    {issue.sha256.slice(0, 12)}…
                  </code>
                  <span className="visually-hidden">{issue.sha256}</span>
                </td>
                <td>{issue.fromDecided ? 'Beslutad version' : 'Aktuella uppgifter'}</td>
                <td className="cell-text">
                  {issue.exception ? (
                    <>
                      {issue.exception}{' '}
                      <span className="muted">({countNoun(issue.errorCount, 'fel', 'fel')})</span>
                    </>
                  ) : (
                    'Inget'
                  )}
                </td>
                <td>
                  <a href={reportPaths.issue(code, board, followUp, issue.id)} download>
                    Ladda ned
                    <span className="visually-hidden">
                      {' '}
                      {reportFormatLabels[issue.format]} utfärdad {issuedAt(issue.issuedAt)}
                    </span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </section>
  )
}
