import { mayReadBoardHistory } from '../lib/access.ts'
import { formatDateTime } from '../lib/cycle.ts'
import { useGoalHistory } from '../lib/cycle-api.ts'
import { useSession } from '../lib/session.ts'
import { DataTable } from './DataTable.tsx'

/**
 * "Ändringshistorik": who changed the goal, when and how. Only for those with a grant on the whole
 * board; for anyone else the section is simply not there.
 */
export function HistorySection({ code, board, goal }: { code: string; board: string; goal: string }) {
  const session = useSession()
  const allowed = mayReadBoardHistory(session.data?.user, { municipality: code, board })
  const history = useGoalHistory(code, board, goal, allowed)
  if (!allowed || !history.data) return null
  const entries = [...history.data].reverse()
  return (
    <section aria-labelledby="change-history-heading">
      <h2 id="change-history-heading">Ändringshistorik</h2>
      {entries.length === 0 ? (
        <p>Inga ändringar har registrerats för målet.</p>
      ) : (
        <DataTable caption="Ändringar av målet och dess rapportering, den senaste först">
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
      )}
    </section>
  )
}
