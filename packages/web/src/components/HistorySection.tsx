import { formatDateTime } from '../lib/cycle.ts'
import { type HistoryKind, useHistory } from '../lib/cycle-api.ts'
import { useSession } from '../lib/session.ts'
import { DataTable } from './DataTable.tsx'

const subjectWords: Record<HistoryKind, { caption: string; none: string }> = {
  goals: {
    caption: 'Ändringar av målet och dess rapportering, den senaste först',
    none: 'Inga ändringar har registrerats för målet.',
  },
  indicators: {
    caption: 'Ändringar av indikatorn och dess värden, den senaste först',
    none: 'Inga ändringar har registrerats för indikatorn.',
  },
  assignments: {
    caption: 'Ändringar av uppdraget och dess status, den senaste först',
    none: 'Inga ändringar har registrerats för uppdraget.',
  },
}

interface Props {
  code: string
  board: string
  kind: HistoryKind
  subject: string
  /** Shown as a section with a heading (the goal), or folded in a disclosure (indicators, assignments). */
  variant?: 'section' | 'disclosure'
}

/**
 * "Ändringshistorik": who changed a goal, indicator or assignment, when and how. Shown to signed-in
 * users whom the server lets read it (a grant on the board, or on the unit responsible); for anyone
 * else it is simply not there.
 */
export function HistorySection({ code, board, kind, subject, variant = 'section' }: Props) {
  const session = useSession()
  const history = useHistory(code, board, kind, subject, Boolean(session.data?.user))
  if (!history.data) return null
  const entries = [...history.data].reverse()
  const words = subjectWords[kind]
  const body =
    entries.length === 0 ? (
      <p>{words.none}</p>
    ) : (
      <DataTable caption={words.caption}>
        <thead>
          <tr>
            <th scope="col">Tidpunkt</th>
            <th scope="col">Vem</th>
            <th scope="col">Ändring</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries of the audit trail have no id in the API; the order is fixed
            <tr key={i}>
              <td className="cell-date">{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.summary}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    )
  if (variant === 'disclosure') {
    return (
      <details className="history-disclosure">
        <summary>Ändringshistorik ({entries.length})</summary>
        {body}
      </details>
    )
  }
  const headingId = `change-history-${kind}-${subject}`
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Ändringshistorik</h2>
      {body}
    </section>
  )
}
