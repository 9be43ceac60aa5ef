import { type IssuedReport, type ReportCheck, type ReportFormat, reportFormatLabels } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { ApiFailure } from '../../lib/api.ts'
import { invalidateReportIssues, issueReport, reportPaths } from '../../lib/reports-api.ts'
import { useSend } from '../../lib/session.ts'
import { ErrorSummary, type SummaryItem } from '../form/ErrorSummary.tsx'
import { Field } from '../form/Field.tsx'
import { formatName, formats } from './format.ts'

const EXCEPTION_ID = 'issue-exception'

/**
 * Issuing (controllers): the format, and — when the check found errors — the reason for the
 * exception the controller signs; the issued version is announced with a link to its bytes.
 */
export function IssueForm({ code, board, check }: { code: string; board: string; check: ReportCheck }) {
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
