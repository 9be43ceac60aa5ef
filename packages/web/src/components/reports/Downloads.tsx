import { type ReportCheck, reportFormatLabels } from '@arshjul/domain'
import { reportPaths } from '../../lib/reports-api.ts'
import { formats } from './format.ts'

/** The document in each format, made from the decided snapshot or from the data as it is now. */
export function Downloads({ code, board, check }: { code: string; board: string; check: ReportCheck }) {
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
