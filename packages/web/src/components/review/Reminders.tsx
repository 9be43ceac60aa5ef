import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiFailure } from '../../lib/api.ts'
import { type FollowUpRef, invalidateFollowUp, paths, RemindersQueued } from '../../lib/cycle-api.ts'
import { countNoun } from '../../lib/format.ts'
import { useSend } from '../../lib/session.ts'

/** "Skicka påminnelser": an e-mail to each reporter who still has parts left. */
export function Reminders({ followUp, queued }: { followUp: FollowUpRef; queued: number }) {
  const send = useSend()
  const client = useQueryClient()
  const [result, setResult] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const remind = async () => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    setResult(null)
    try {
      const answer = await send('POST', paths.reminders(followUp), undefined, RemindersQueued)
      setResult(
        answer.queued === 0
          ? 'Ingen påminnelse behövdes: ingen rapportör har delar kvar.'
          : `${countNoun(answer.queued, 'påminnelse', 'påminnelser')} har lagts i kö och skickas per e-post.`,
      )
      void invalidateFollowUp(client, followUp)
    } catch (error) {
      setFailure(
        error instanceof ApiFailure ? error.message : 'Påminnelserna kunde inte skickas. Försök igen.',
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="reminders">
      <button
        type="button"
        className="button"
        aria-disabled={busy || undefined}
        onClick={() => void remind()}
      >
        Skicka påminnelser
      </button>
      <p className="muted">
        Rapportörer som har delar kvar får ett e-postmeddelande med en länk till sina uppgifter.
        {queued > 0 ? ` ${countNoun(queued, 'påminnelse väntar', 'påminnelser väntar')} på att skickas.` : ''}
      </p>
      <p role="status">{result}</p>
      {failure ? (
        <div className="alert" role="alert">
          <p>{failure}</p>
        </div>
      ) : null}
    </div>
  )
}
