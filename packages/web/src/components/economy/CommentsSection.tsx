import type { EconomyCommentView, OperatingRow } from '@arshjul/domain'
import { useEffect, useRef, useState } from 'react'
import { formatDateTime } from '../../lib/cycle.ts'
import { type CommentRef, useComments } from '../../lib/economy-api.ts'
import { Paragraphs } from '../Paragraphs.tsx'
import { ErrorMessage, Loading } from '../QueryState.tsx'
import { CommentEditor } from './CommentEditor.tsx'
import { Tone } from './Tone.tsx'

interface Props {
  code: string
  board: string
  followUp: { key: string; title: string }
  rows: readonly OperatingRow[]
  /** Whether the board has investments, which have a comment of their own. */
  withInvestments: boolean
}

/**
 * The comments of a follow-up on the economy: the board's as a whole and one per cost centre.
 * Readers see what has been written; those who may write get an editor with a computed draft.
 */
export function CommentsSection({ code, board, followUp, rows, withInvestments }: Props) {
  const boardRef: CommentRef = { followUp: followUp.key, kind: 'board', key: '' }
  const investmentsRef: CommentRef = { followUp: followUp.key, kind: 'investments', key: '' }
  const costCentreRefs: CommentRef[] = rows.map((r) => ({
    followUp: followUp.key,
    kind: 'cost-centre' as const,
    key: r.costCentre.code,
  }))
  const refs = [boardRef, investmentsRef, ...costCentreRefs]
  const results = useComments(code, board, refs)
  const [boardResult, investmentsResult, ...perCostCentre] = results
  const pending = results.some((r) => r.isPending)
  const failed = results.find((r) => r.isError)

  if (pending) return <Loading what="kommentarerna" />
  if (failed) return <ErrorMessage error={failed.error} onRetry={() => void failed.refetch()} />

  const boardComment = boardResult?.data
  const investmentsComment = investmentsResult?.data
  const shown = rows
    .map((row, i) => ({ row, ref: costCentreRefs[i], comment: perCostCentre[i]?.data }))
    .filter((item): item is { row: OperatingRow; ref: CommentRef; comment: EconomyCommentView } =>
      Boolean(item.ref && item.comment && (item.comment.text || item.comment.editable)),
    )

  return (
    <>
      <p>Kommentarer i {followUp.title}.</p>
      {boardComment ? (
        <div className="comment-block">
          <h3>{boardComment.subjectName}</h3>
          <CommentBlock
            code={code}
            board={board}
            subject={boardRef}
            comment={boardComment}
            idPrefix="comment-board"
          />
        </div>
      ) : null}
      {investmentsComment && (investmentsComment.text || (withInvestments && investmentsComment.editable)) ? (
        <div className="comment-block">
          <h3>Investeringar</h3>
          <CommentBlock
            code={code}
            board={board}
            subject={investmentsRef}
            comment={investmentsComment}
            idPrefix="comment-investments"
          />
        </div>
      ) : null}
      <h3>Kommentarer per ansvar</h3>
      {shown.length === 0 ? <p>Inga kommentarer per ansvar.</p> : null}
      {shown.length > 0 ? (
        <ul className="comment-list">
          {shown.map(({ row, ref, comment }, i) => (
            <li key={row.costCentre.code} className="comment-block">
              <h4>
                {comment.subjectName} <Tone tone={row.figures.tone} />
              </h4>
              <CommentBlock
                code={code}
                board={board}
                subject={ref}
                comment={comment}
                idPrefix={`comment-cc-${i}`}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

function CommentBlock({
  code,
  board,
  subject,
  comment,
  idPrefix,
}: {
  code: string
  board: string
  subject: CommentRef
  comment: EconomyCommentView
  idPrefix: string
}) {
  const [editing, setEditing] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const toggle = useRef<HTMLButtonElement>(null)
  // After the editor closes, focus goes back to the button that opened it (once it is rendered again).
  const returnFocus = useRef(false)
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false
      toggle.current?.focus()
    }
  }, [editing])
  const close = (message: string) => {
    returnFocus.current = true
    setEditing(false)
    setAnnouncement(message)
  }
  return (
    <>
      {comment.text ? (
        <div className="comment__text">
          <Paragraphs text={comment.text} />
        </div>
      ) : (
        <p className="muted">Ingen kommentar ännu.</p>
      )}
      {comment.text && (comment.updatedAt || comment.updatedBy) ? (
        <p className="meta">
          Senast ändrad
          {comment.updatedAt ? ` ${formatDateTime(comment.updatedAt)}` : ''}
          {comment.updatedBy ? ` av ${comment.updatedBy}` : ''}
        </p>
      ) : null}
      {comment.editable && !editing ? (
        <button
          type="button"
          ref={toggle}
          className="button button--small"
          onClick={() => {
            setAnnouncement('')
            setEditing(true)
          }}
        >
          {comment.text ? 'Ändra kommentar' : 'Skriv kommentar'}
          <span className="visually-hidden"> till {comment.subjectName}</span>
        </button>
      ) : null}
      {editing ? (
        <CommentEditor
          code={code}
          board={board}
          subject={subject}
          comment={comment}
          idPrefix={idPrefix}
          onSaved={() => close('Kommentaren är sparad.')}
          onCancel={() => close('')}
        />
      ) : null}
      <p role="status" className="save-status">
        {announcement}
      </p>
    </>
  )
}
