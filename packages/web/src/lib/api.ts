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

export class ApiFailure extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}

const NETWORK_MESSAGE = 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.'
const FORMAT_MESSAGE = 'Servern svarade med uppgifter i ett oväntat format. Försök igen senare.'

function fallbackMessage(status: number): string {
  if (status === 404) return 'Uppgifterna finns inte.'
  if (status >= 500) return 'Ett fel uppstod på servern. Försök igen om en stund.'
  return 'Det gick inte att hämta uppgifterna.'
}

/** What the web app needs of a zod schema (the web package does not depend on zod itself). */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false }
}

export async function getJson<T>(path: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal: signal ?? null })
  } catch (cause) {
    if (signal?.aborted) throw cause
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
    throw new ApiFailure(
      response.status,
      error.success ? error.data.error.message : fallbackMessage(response.status),
    )
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiFailure(response.status, FORMAT_MESSAGE)
  return parsed.data
}

function segment(value: string): string {
  return encodeURIComponent(value)
}

export function boardPath(code: string, board: string): string {
  return `/api/municipalities/${segment(code)}/boards/${segment(board)}`
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
  useApi(
    followUp === null ? null : `${boardPath(code, board)}/follow-ups/${segment(followUp)}`,
    FollowUpOverview,
    true,
  )

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
