/**
 * Reading the HTTP API. Every response is parsed with the domain's zod schema (the same one the
 * server validates against), and every failure becomes an ApiFailure with a Swedish message.
 */
import {
  ApiError,
  AssignmentList,
  BoardDetail,
  FollowUpOverview,
  GoalDetail,
  MunicipalityDetail,
  MunicipalitySummary,
} from '@arshjul/domain'
import { keepPreviousData, useQuery } from '@tanstack/react-query'

export interface FieldProblem {
  path: string
  message: string
}

export class ApiFailure extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    /** The server's stable error code ("CONFLICT", "VALIDATION" …), when it sent one. */
    readonly code: string | null = null,
    /** Problems per field of a refused request, with Swedish messages. */
    readonly details: readonly FieldProblem[] = [],
    /** The whole error body, for answers that carry more (a 409 carries the current version). */
    readonly body: unknown = null,
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}

const NETWORK_MESSAGE = 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.'
const FORMAT_MESSAGE = 'Servern svarade med uppgifter i ett oväntat format. Försök igen senare.'

function fallbackMessage(status: number): string {
  if (status === 401) return 'Du behöver logga in för att fortsätta.'
  if (status === 403) return 'Du har inte behörighet till detta.'
  if (status === 404) return 'Uppgifterna finns inte.'
  if (status === 429) return 'För många försök. Vänta en stund och försök igen.'
  if (status >= 500) return 'Ett fel uppstod på servern. Försök igen om en stund.'
  return 'Det gick inte att hämta uppgifterna.'
}

/** What the web app needs of a zod schema (the web package does not depend on zod itself). */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT'
  body?: unknown
  /** The session's CSRF token; the server refuses state-changing requests without it. */
  csrfToken?: string | null
  signal?: AbortSignal | undefined
}

/**
 * One call to the API: JSON in and out, same-origin cookies, the CSRF header on changes, and every
 * failure turned into an ApiFailure with the server's Swedish message, code and field problems.
 */
export async function request<T>(path: string, schema: Schema<T>, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    })
  } catch (cause) {
    if (options.signal?.aborted) throw cause
    throw new ApiFailure(0, NETWORK_MESSAGE)
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new ApiFailure(response.status, response.ok ? FORMAT_MESSAGE : fallbackMessage(response.status))
  }
  if (!response.ok) {
    const error = ApiError.safeParse(body)
    if (!error.success)
      throw new ApiFailure(response.status, fallbackMessage(response.status), null, [], body)
    const { code, message, details } = error.data.error
    throw new ApiFailure(response.status, message, code, details ?? [], body)
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiFailure(response.status, FORMAT_MESSAGE)
  return parsed.data
}

export function getJson<T>(path: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  return request(path, schema, { signal })
}

export function segment(value: string): string {
  return encodeURIComponent(value)
}

export function boardPath(code: string, board: string): string {
  return `/api/municipalities/${segment(code)}/boards/${segment(board)}`
}

export function followUpPath(code: string, board: string, followUp: string): string {
  return `${boardPath(code, board)}/follow-ups/${segment(followUp)}`
}

function useApi<T>(path: string | null, schema: Schema<T>, keepPrevious = false) {
  return useQuery({
    queryKey: [path],
    queryFn: ({ signal }) => getJson(path ?? '', schema, signal),
    enabled: path !== null,
    // While a filter changes, the previous result stays on screen (marked busy) instead of a blank page.
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  })
}

const MunicipalityList = MunicipalitySummary.array()

export const useMunicipalities = () => useApi('/api/municipalities', MunicipalityList)

export const useMunicipality = (code: string) =>
  useApi(`/api/municipalities/${segment(code)}`, MunicipalityDetail)

export const useBoard = (code: string, board: string) => useApi(boardPath(code, board), BoardDetail)

export const useFollowUpOverview = (code: string, board: string, followUp: string | null) =>
  useApi(followUp === null ? null : followUpPath(code, board, followUp), FollowUpOverview, true)

export const useGoal = (code: string, board: string, goal: string) =>
  useApi(`${boardPath(code, board)}/goals/${segment(goal)}`, GoalDetail)

export interface AssignmentFilter {
  year?: number | undefined
  status?: string | undefined
  kind?: string | undefined
}

export function useAssignments(code: string, board: string, filter: AssignmentFilter) {
  const params = new URLSearchParams()
  if (filter.year !== undefined) params.set('year', String(filter.year))
  if (filter.status) params.set('status', filter.status)
  if (filter.kind) params.set('kind', filter.kind)
  const query = params.toString()
  return useApi(`${boardPath(code, board)}/assignments${query ? `?${query}` : ''}`, AssignmentList, true)
}
