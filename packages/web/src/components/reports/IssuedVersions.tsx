import { type ReportCheck, reportFormatLabels } from '@arshjul/domain'
import { countNoun } from '../../lib/format.ts'
import { reportPaths, useReportIssues } from '../../lib/reports-api.ts'
import { DataTable } from '../DataTable.tsx'
import { ErrorMessage, Loading } from '../QueryState.tsx'
import { formatName, issuedAt } from './format.ts'

/** The versions issued so far: when, in which format, by whom, their checksum and any exception. */
export function IssuedVersions({ code, board, check }: { code: string; board: string; check: ReportCheck }) {
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
