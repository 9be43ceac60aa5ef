/**
 * The follow-up cycle over HTTP: tasks, parts, the controller's overview, baseline and history.
 * These answers change while people work, so they are asked for again whenever a page opens.
 */
import {
  BaselineDiff,
  ControllerOverview,
  HistoryView,
  PartConflict,
  PartDetail,
  TaskList,
} from '@arshjul/domain'
import { type QueryClient, useQuery } from '@tanstack/react-query'
import { ApiFailure, boardPath, followUpPath, getJson, type Schema, segment } from './api.ts'

export type TaskView = 'report' | 'review' | 'all'

export interface FollowUpRef {
  code: string
  board: string
  followUp: string
}

const base = (ref: FollowUpRef) => followUpPath(ref.code, ref.board, ref.followUp)

export const paths = {
  tasks: (ref: FollowUpRef, view: TaskView) => `${base(ref)}/tasks?view=${view}`,
  part: (ref: FollowUpRef, partId: string) => `${base(ref)}/parts/${segment(partId)}`,
  overview: (ref: FollowUpRef) => `${base(ref)}/overview`,
  baseline: (ref: FollowUpRef) => `${base(ref)}/baseline`,
  reminders: (ref: FollowUpRef) => `${base(ref)}/reminders`,
  transitions: (ref: FollowUpRef) => `${base(ref)}/transitions`,
  history: (code: string, board: string, kind: 'goals' | 'indicators' | 'assignments', key: string) =>
    `${boardPath(code, board)}/${kind}/${segment(key)}/history`,
}

function useFresh<T>(path: string | null, schema: Schema<T>) {
  return useQuery({
    queryKey: [path],
    queryFn: ({ signal }) => getJson(path ?? '', schema, signal),
    enabled: path !== null,
    staleTime: 0,
  })
}

/** `enabled` is false while nobody is signed in: these answers are 401 then. */
export const useTasks = (ref: FollowUpRef | null, view: TaskView) =>
  useFresh(ref ? paths.tasks(ref, view) : null, TaskList)

export const usePart = (ref: FollowUpRef | null, partId: string) =>
  useFresh(ref ? paths.part(ref, partId) : null, PartDetail)

export const useControllerOverview = (ref: FollowUpRef | null) =>
  useFresh(ref ? paths.overview(ref) : null, ControllerOverview)

export const useBaseline = (ref: FollowUpRef | null) =>
  useFresh(ref ? paths.baseline(ref) : null, BaselineDiff)

export type HistoryKind = 'goals' | 'indicators' | 'assignments'

/** The change history of a goal, indicator or assignment; a refusal (403) simply gives no data. */
export const useHistory = (code: string, board: string, kind: HistoryKind, key: string, enabled: boolean) =>
  useFresh(enabled ? paths.history(code, board, kind, key) : null, HistoryView)

/** The answer to "Skicka påminnelser" (the server declares it inline, so it is not in the domain). */
export const RemindersQueued: Schema<{ queued: number }> = {
  safeParse(data) {
    const queued =
      typeof data === 'object' && data !== null ? (data as { queued?: unknown }).queued : undefined
    return typeof queued === 'number' && Number.isInteger(queued)
      ? { success: true, data: { queued } }
      : { success: false }
  },
}

/** After a change, everything read about the follow-up (tasks, overview, parts) is read again. */
export function invalidateFollowUp(client: QueryClient, ref: FollowUpRef): Promise<void> {
  const prefix = base(ref)
  return client.invalidateQueries({
    predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith(prefix),
  })
}

/** The version saved by someone else, when a save was refused as stale (409 with `current`). */
export function conflictOf(error: unknown): PartDetail | null {
  if (!(error instanceof ApiFailure) || error.status !== 409) return null
  const parsed = PartConflict.safeParse(error.body)
  return parsed.success ? parsed.data.current : null
}
