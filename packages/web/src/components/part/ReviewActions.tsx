import { PartDetail } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { ApiFailure } from '../../lib/api.ts'
import { type FollowUpRef, invalidateFollowUp, paths } from '../../lib/cycle-api.ts'
import { useSend } from '../../lib/session.ts'
import { Field } from '../form/Field.tsx'

interface Props {
  followUp: FollowUpRef
  part: PartDetail
  /** The part after the review, and what happened, for the page to announce. */
  onReviewed: (part: PartDetail, message: string) => void
}

const COMMENT = 'return-comment'

/** The controller's review of a part marked ready: approve it, or return it with a comment. */
export function ReviewActions({ followUp, part, onReviewed }: Props) {
  const send = useSend()
  const client = useQueryClient()
  const [comment, setComment] = useState('')
  const [commentError, setCommentError] = useState<string | undefined>()
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const commentField = useRef<HTMLTextAreaElement>(null)
  const path = paths.part(followUp, part.id)

  const run = async (step: 'approve' | 'return', body: Record<string, unknown>, message: string) => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    try {
      const detail = await send('POST', `${path}/${step}`, { version: part.version, ...body }, PartDetail)
      client.setQueryData([path], detail)
      setComment('')
      onReviewed(detail, message)
      void invalidateFollowUp(client, followUp)
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : 'Det gick inte. Försök igen.')
    } finally {
      setBusy(false)
    }
  }

  const submitReturn = (event: FormEvent) => {
    event.preventDefault()
    if (!comment.trim()) {
      setCommentError('Skriv vad rapportören behöver ändra.')
      commentField.current?.focus()
      return
    }
    setCommentError(undefined)
    void run(
      'return',
      { comment: comment.trim() },
      'Delen är återskickad till rapportören med din kommentar.',
    )
  }

  return (
    <section className="panel review" aria-labelledby="review-heading">
      <h2 id="review-heading">Granskning</h2>
      {failure ? (
        <div className="alert" role="alert">
          <p>{failure}</p>
        </div>
      ) : null}
      {part.status === 'ready' ? (
        <div className="review__approve">
          <p>Godkänn delen när den är klar att ingå i uppföljningen.</p>
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy || undefined}
            onClick={() => void run('approve', {}, 'Delen är godkänd.')}
          >
            Godkänn
          </button>
        </div>
      ) : null}
      <form className="form review__return" noValidate onSubmit={submitReturn}>
        <Field
          id={COMMENT}
          label="Kommentar till rapportören"
          hint="Krävs för att återskicka. Skriv vad som behöver kompletteras eller ändras."
          error={commentError}
        >
          {(control) => (
            <textarea
              {...control}
              ref={commentField}
              className="input"
              rows={4}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          Återskicka
        </button>
      </form>
    </section>
  )
}
