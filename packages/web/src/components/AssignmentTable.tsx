import type { AssignmentView } from '@arshjul/domain'
import { assignmentKindLabels, assignmentStatusLabels } from '@arshjul/domain'
import { Link } from '@tanstack/react-router'
import { latestComment } from '../lib/assignments.ts'
import { DataTable } from './DataTable.tsx'
import { HistorySection } from './HistorySection.tsx'

interface Props {
  items: readonly AssignmentView[]
  caption: string
  code: string
  board: string
  /** Show each assignment's goal as a link (not on the goal's own page). */
  showGoal?: boolean
}

export function AssignmentTable({ items, caption, code, board, showGoal = false }: Props) {
  return (
    <DataTable caption={caption} className="assignment-table">
      <thead>
        <tr>
          <th scope="col">Uppdrag</th>
          <th scope="col">Typ och beslut</th>
          <th scope="col">Återrapportering</th>
          <th scope="col">Status</th>
          <th scope="col">Senaste kommentar</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const comment = latestComment(item.updates)
          return (
            <tr key={item.key}>
              <td className="cell-main">
                <span className="cell-title">{item.title}</span>
                {item.description ? <span className="cell-text">{item.description}</span> : null}
                <HistorySection
                  code={code}
                  board={board}
                  kind="assignments"
                  subject={item.key}
                  variant="disclosure"
                />
                {showGoal && item.goal ? (
                  <span className="cell-text">
                    Mål:{' '}
                    <Link to="/$code/$board/mal/$goal" params={{ code, board, goal: item.goal.key }}>
                      {item.goal.title}
                    </Link>
                  </span>
                ) : null}
                {item.carriedOverFromYear !== null ? (
                  <span className="cell-text">Överfört från {item.carriedOverFromYear}</span>
                ) : null}
              </td>
              <td>
                {assignmentKindLabels[item.kind]}
                {item.givenBy || item.decisionRef ? (
                  <span className="cell-text">
                    {[item.givenBy ? `Givet av ${item.givenBy}` : null, item.decisionRef]
                      .filter(Boolean)
                      .join(', ')}
                  </span>
                ) : null}
              </td>
              <td>{item.dueText ?? item.dueDate ?? '–'}</td>
              <td>
                <span className={`status status--${item.status}`}>{assignmentStatusLabels[item.status]}</span>
                <span className="cell-text">{item.statusDate}</span>
              </td>
              <td className="cell-comment">
                {comment ? (
                  <>
                    <span className="cell-text cell-date">{comment.date}</span>
                    {comment.comment}
                  </>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </DataTable>
  )
}
