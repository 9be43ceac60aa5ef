/**
 * Writing one part: the form's model, autosave (about a second after typing stops, and when a field
 * loses focus), "Klarmarkera", and the 409 when someone else saved first. One save at a time; the
 * version the server last answered is what the next save is based on.
 */
import { PartDetail } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiFailure } from '../../lib/api.ts'
import { conflictOf, type FollowUpRef, invalidateFollowUp, paths } from '../../lib/cycle-api.ts'
import { type FieldErrors, hasErrors, noErrors, placeProblems } from '../../lib/part-form.ts'
import { useSend } from '../../lib/session.ts'

const AUTOSAVE_DELAY_MS = 1_000

/** How a kind of part turns into form fields and back. */
export interface KindModel<M> {
  fromPart(part: PartDetail): M
  /** The content to send, or the fields that cannot be read yet (e.g. "12,x" as a number). */
  toContent(model: M, part: PartDetail): { content: Record<string, unknown>; unreadable: FieldErrors }
  /** The form's field for a problem the server reported at `path` ("analysis", "values.0.value"). */
  fieldOf(path: string, model: M, part: PartDetail): string | null
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'conflict' }

export interface Conflict<M> {
  mine: M
  theirs: PartDetail
}

export function useDraft<M>(
  ref: FollowUpRef,
  initial: PartDetail,
  model: KindModel<M>,
  onServerChange: (part: PartDetail) => void,
) {
  const send = useSend()
  const client = useQueryClient()
  const [value, setValue] = useState<M>(() => model.fromPart(initial))
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const [errors, setErrors] = useState<FieldErrors>(noErrors)
  const [conflict, setConflict] = useState<Conflict<M> | null>(null)
  const [dialogOpen, setDialogOpen] = useState(false)
  const [readying, setReadying] = useState(false)

  const part = useRef(initial)
  const latest = useRef(value)
  /** The content as the server has it: a "change" that comes back to it is not saved again. */
  const saved = useRef(JSON.stringify(model.toContent(value, initial).content))
  const pending = useRef(false)
  const inFlight = useRef<Promise<void> | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const paused = useRef(false)
  const path = paths.part(ref, initial.id)

  const adopt = useCallback(
    (detail: PartDetail) => {
      part.current = detail
      saved.current = JSON.stringify(model.toContent(model.fromPart(detail), detail).content)
      client.setQueryData([path], detail)
      onServerChange(detail)
    },
    [client, model, path, onServerChange],
  )

  const clearTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }, [])

  const flush = useCallback((): Promise<void> => {
    clearTimer()
    if (inFlight.current) return inFlight.current
    if (!pending.current || paused.current) return Promise.resolve()
    const { content, unreadable } = model.toContent(latest.current, part.current)
    if (hasErrors(unreadable)) {
      // Nothing half-read is saved; the field itself says what to correct.
      setSaveState({ kind: 'error', message: 'Ändringen är inte sparad: rätta de markerade fälten.' })
      return Promise.resolve()
    }
    pending.current = false
    if (JSON.stringify(content) === saved.current) {
      setSaveState((s) => (s.kind === 'dirty' ? { kind: 'idle' } : s))
      return Promise.resolve()
    }
    setSaveState({ kind: 'saving' })
    const run = send('PUT', path, { version: part.current.version, content }, PartDetail).then(
      (detail) => {
        inFlight.current = null
        adopt(detail)
        if (!pending.current) return setSaveState({ kind: 'saved', at: new Date() })
        // Changed while this was saved: the rest follows when the typing pauses (a timer is then
        // running), or at once when a field was left meanwhile.
        setSaveState({ kind: 'dirty' })
        if (!timer.current) void flushRef.current()
      },
      (error: unknown) => {
        inFlight.current = null
        const theirs = conflictOf(error)
        if (theirs) {
          paused.current = true
          pending.current = true
          setConflict({ mine: latest.current, theirs })
          setDialogOpen(true)
          setSaveState({ kind: 'conflict' })
          return
        }
        // Tried again at the next change or when a field loses focus, not in a loop.
        pending.current = true
        setSaveState({
          kind: 'error',
          message:
            error instanceof ApiFailure
              ? `Ändringen är inte sparad. ${error.message}`
              : 'Ändringen är inte sparad. Försök igen.',
        })
      },
    )
    inFlight.current = run
    return run
  }, [adopt, model, path, send, clearTimer])
  const flushRef = useRef(flush)
  flushRef.current = flush

  /** Change the form; saved a second after the last change (or at once when a field loses focus). */
  const update = useCallback(
    (next: M | ((previous: M) => M)) => {
      const resolved = typeof next === 'function' ? (next as (previous: M) => M)(latest.current) : next
      latest.current = resolved
      setValue(resolved)
      pending.current = true
      if (paused.current) return
      setSaveState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }))
      clearTimer()
      timer.current = setTimeout(() => void flushRef.current(), AUTOSAVE_DELAY_MS)
    },
    [clearTimer],
  )

  const saveNow = useCallback(() => {
    if (pending.current) void flushRef.current()
  }, [])

  // Leaving the page saves what is left; closing the tab with unsaved changes asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current || inFlight.current) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => {
      window.removeEventListener('beforeunload', warn)
      clearTimer()
      if (pending.current && !paused.current) void flushRef.current()
    }
  }, [clearTimer])

  /** "Klarmarkera": the content and the step in one request, after any save under way. */
  const markReady = useCallback(async (): Promise<boolean> => {
    if (readying || paused.current) return false
    clearTimer()
    setReadying(true)
    try {
      // A save under way may be followed by one more for what changed meanwhile; wait for all of them.
      while (inFlight.current) await inFlight.current
      if (paused.current) return false
      clearTimer()
      const { content, unreadable } = model.toContent(latest.current, part.current)
      if (hasErrors(unreadable)) {
        setErrors(unreadable)
        return false
      }
      pending.current = false
      const detail = await send(
        'POST',
        `${path}/ready`,
        { version: part.current.version, content },
        PartDetail,
      )
      setErrors(noErrors)
      adopt(detail)
      setSaveState({ kind: 'saved', at: new Date() })
      void invalidateFollowUp(client, ref)
      return true
    } catch (error) {
      const theirs = conflictOf(error)
      if (theirs) {
        paused.current = true
        pending.current = true
        setConflict({ mine: latest.current, theirs })
        setDialogOpen(true)
        setSaveState({ kind: 'conflict' })
        return false
      }
      pending.current = true
      if (error instanceof ApiFailure && error.details.length > 0) {
        setErrors(placeProblems(error.details, (at) => model.fieldOf(at, latest.current, part.current)))
      } else {
        setErrors({
          fields: {},
          general: [
            error instanceof ApiFailure ? error.message : 'Delen kunde inte klarmarkeras. Försök igen.',
          ],
        })
      }
      return false
    } finally {
      setReadying(false)
    }
  }, [adopt, client, model, path, readying, ref, send, clearTimer])

  /** Resolve a conflict: keep what I wrote (saved over theirs) or take theirs into the form. */
  const resolve = useCallback(
    (choice: 'mine' | 'theirs') => {
      const current = conflict?.theirs
      if (!current) return
      setConflict(null)
      setDialogOpen(false)
      paused.current = false
      adopt(current)
      if (choice === 'theirs') {
        const theirs = model.fromPart(current)
        latest.current = theirs
        setValue(theirs)
        pending.current = false
        setSaveState({ kind: 'idle' })
      } else {
        pending.current = true
        void flushRef.current()
      }
    },
    [adopt, conflict, model],
  )

  return {
    value,
    update,
    saveNow,
    saveState,
    errors,
    markReady,
    readying,
    conflict,
    resolve,
    dialogOpen,
    /** Escape closes the dialog; nothing is saved until a choice is made. */
    setDialogOpen,
  }
}
