import type { ReportCheck, ReportFinding } from '@arshjul/domain'
import { countNoun } from '../../lib/format.ts'

const groups: { severity: ReportFinding['severity']; title: string }[] = [
  { severity: 'error', title: 'Fel' },
  { severity: 'warning', title: 'Varningar' },
  { severity: 'note', title: 'Noteringar' },
]

/** The check before issue: whether it passed, then the errors, warnings and notes with where. */
export function CheckResult({ check }: { check: ReportCheck }) {
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
