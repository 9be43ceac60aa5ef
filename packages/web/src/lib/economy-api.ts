/**
 * The economy API: operating accounts, the drill-down per cost centre, activities, investments,
 * budget frames, deviation comments and imports. Reading is open to readers; comments and imports
 * need a signed-in controller or administrator and carry the session's CSRF token.
 *
 * The economy routes send details in their errors that are not a list of field problems (the
 * current comment on a 409, the problems per line of a refused file), so they are read here with
 * their own, more lenient error parsing; every failure is still an ApiFailure with a Swedish message.
 */

import type { ImportKind } from '@arshjul/domain'
import {
  ActivityEconomyView,
  CostCentreView,
  EconomyCommentConflict,
  EconomyCommentView,
  FramesView,
  ImportPreview,
  ImportResult,
  InvestmentView,
  OperatingDrillView,
  OperatingView,
  SessionInfo,
} from '@arshjul/domain'
import {
  keepPreviousData,
  type QueryClient,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { useCallback } from 'react'
import { ApiFailure, boardPath, getJson, type Schema, segment } from './api.ts'
import { SESSION_KEY } from './session.ts'

export type Structure = 'reported' | 'current'

export interface OperatingQuery {
  year?: number | undefined
  month?: number | undefined
  followUp?: string | undefined
  structure?: Structure | undefined
}

export type CommentKind = 'board' | 'cost-centre' | 'investment' | 'investments'

export interface CommentRef {
  followUp: string
  kind: CommentKind
  key: string
}

function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const economyBase = (code: string, board: string) => `${boardPath(code, board)}/economy`

export const economyPaths = {
  operating: (code: string, board: string, q: OperatingQuery) =>
    `${economyBase(code, board)}/operating${query({
      year: q.year,
      month: q.month,
      followUp: q.followUp,
      structure: q.structure,
    })}`,
  drill: (code: string, board: string, costCentre: string, q: { year: number; month: number }) =>
    `${economyBase(code, board)}/operating/${segment(costCentre)}${query({ year: q.year, month: q.month })}`,
  activities: (code: string, board: string, year: number) =>
    `${economyBase(code, board)}/activities${query({ year })}`,
  investments: (code: string, board: string, year: number, followUp?: string | null) =>
    `${economyBase(code, board)}/investments${query({ year, followUp })}`,
  frames: (code: string, board: string, year: number) =>
    `${economyBase(code, board)}/frames${query({ year })}`,
  comment: (code: string, board: string, ref: CommentRef) =>
    `${economyBase(code, board)}/comments${query({ followUp: ref.followUp, kind: ref.kind, key: ref.key })}`,
  template: (code: string, board: string, file: TemplateFile, year: number) =>
    `${economyBase(code, board)}/templates/${file}${query({ year })}`,
  preview: (code: string, board: string, kind: ImportKind, year: number, fileName: string) =>
    `${economyBase(code, board)}/imports/preview${query({ kind, year, fileName })}`,
  import: (
    code: string,
    board: string,
    q: { kind: ImportKind; year: number; fileName: string; sha256: string; acceptNewCostCentres: boolean },
  ) =>
    `${economyBase(code, board)}/imports${query({
      kind: q.kind,
      year: q.year,
      fileName: q.fileName,
      sha256: q.sha256,
      acceptNewCostCentres: q.acceptNewCostCentres,
    })}`,
  costCentres: (code: string) => `/api/municipalities/${segment(code)}/economy/cost-centres`,
}

export type TemplateFile = 'drift.csv' | 'drift.xlsx' | 'investeringar.csv' | 'investeringar.xlsx'

const NETWORK_MESSAGE = 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.'
const FORMAT_MESSAGE = 'Servern svarade med uppgifter i ett oväntat format. Försök igen senare.'

function fallbackMessage(status: number): string {
  if (status === 401) return 'Du behöver logga in för att fortsätta.'
  if (status === 403) return 'Du har inte behörighet till detta.'
  if (status === 404) return 'Uppgifterna finns inte.'
  if (status === 409) return 'Någon annan har ändrat uppgifterna under tiden.'
  if (status === 413) return 'Filen är för stor.'
  if (status === 429) return 'För många försök. Vänta en stund och försök igen.'
  if (status >= 500) return 'Ett fel uppstod på servern. Försök igen om en stund.'
  return 'Det gick inte att hämta uppgifterna.'
}

interface EconomyRequest {
  method?: 'GET' | 'POST' | 'PUT'
  /** JSON for comments; the raw file for imports. */
  json?: unknown
  file?: ArrayBuffer | Blob
  csrfToken?: string | null
  signal?: AbortSignal | undefined
}

/** One call to an economy route; a failure keeps the whole error body for the caller to read. */
export async function economyRequest<T>(
  path: string,
  schema: Schema<T>,
  options: EconomyRequest = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  let body: BodyInit | null = null
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.file !== undefined) {
    headers['content-type'] = 'application/octet-stream'
    body = options.file
  }
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal ?? null,
    })
  } catch (cause) {
    if (options.signal?.aborted) throw cause
    throw new ApiFailure(0, NETWORK_MESSAGE)
  }
  let data: unknown
  try {
    data = await response.json()
  } catch {
    throw new ApiFailure(response.status, response.ok ? FORMAT_MESSAGE : fallbackMessage(response.status))
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error
    const message = typeof error?.message === 'string' && error.message ? error.message : null
    const code = typeof error?.code === 'string' ? error.code : null
    throw new ApiFailure(response.status, message ?? fallbackMessage(response.status), code, [], data)
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw new ApiFailure(response.status, FORMAT_MESSAGE)
  return parsed.data
}

function useEconomy<T>(path: string | null, schema: Schema<T>, keepPrevious = false) {
  return useQuery({
    queryKey: [path],
    queryFn: ({ signal }) => economyRequest(path ?? '', schema, { signal }),
    enabled: path !== null,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  })
}

export const useOperating = (code: string, board: string, q: OperatingQuery) =>
  useEconomy(economyPaths.operating(code, board, q), OperatingView, true)

export const useOperatingDrill = (
  code: string,
  board: string,
  costCentre: string,
  q: { year: number; month: number },
  enabled: boolean,
) => useEconomy(enabled ? economyPaths.drill(code, board, costCentre, q) : null, OperatingDrillView)

export const useActivities = (code: string, board: string, year: number | null) =>
  useEconomy(year === null ? null : economyPaths.activities(code, board, year), ActivityEconomyView, true)

export const useInvestments = (code: string, board: string, year: number | null, followUp?: string | null) =>
  useEconomy(
    year === null ? null : economyPaths.investments(code, board, year, followUp),
    InvestmentView,
    true,
  )

export const useFrames = (code: string, board: string, year: number | null) =>
  useEconomy(year === null ? null : economyPaths.frames(code, board, year), FramesView, true)

const CostCentreList = CostCentreView.array()
export const useCostCentres = (code: string, enabled = true) =>
  useEconomy(enabled ? economyPaths.costCentres(code) : null, CostCentreList)

/** Comments change while people write: asked for again whenever the page opens. */
function commentQuery(code: string, board: string, ref: CommentRef, enabled: boolean) {
  const path = economyPaths.comment(code, board, ref)
  return {
    queryKey: [path],
    queryFn: ({ signal }: { signal: AbortSignal }) => economyRequest(path, EconomyCommentView, { signal }),
    enabled,
    staleTime: 0,
  }
}

export const useComment = (code: string, board: string, ref: CommentRef | null) =>
  useQuery(commentQuery(code, board, ref ?? { followUp: '', kind: 'board', key: '' }, ref !== null))

export const useComments = (code: string, board: string, refs: readonly CommentRef[]) =>
  useQueries({ queries: refs.map((ref) => commentQuery(code, board, ref, true)) })

async function currentToken(client: QueryClient): Promise<string | null> {
  const info = await client.ensureQueryData({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => getJson('/api/auth/session', SessionInfo, signal),
  })
  return info.csrfToken
}

export type EconomySend = <T>(
  method: 'POST' | 'PUT',
  path: string,
  body: { json: unknown } | { file: ArrayBuffer | Blob },
  schema: Schema<T>,
) => Promise<T>

/** State-changing calls with the session's CSRF token; the session is read again on 401/403. */
export function useEconomySend(): EconomySend {
  const client = useQueryClient()
  return useCallback(
    async (method, path, body, schema) => {
      const csrfToken = await currentToken(client)
      try {
        return await economyRequest(path, schema, { method, csrfToken, ...body })
      } catch (error) {
        if (error instanceof ApiFailure && (error.status === 401 || error.status === 403)) {
          void client.invalidateQueries({ queryKey: SESSION_KEY })
        }
        throw error
      }
    },
    [client],
  )
}

export function saveComment(
  send: EconomySend,
  code: string,
  board: string,
  ref: CommentRef,
  text: string,
  version: number,
): Promise<EconomyCommentView> {
  return send('PUT', economyPaths.comment(code, board, ref), { json: { text, version } }, EconomyCommentView)
}

export function previewImport(
  send: EconomySend,
  code: string,
  board: string,
  q: { kind: ImportKind; year: number; fileName: string },
  file: ArrayBuffer,
): Promise<ImportPreview> {
  return send('POST', economyPaths.preview(code, board, q.kind, q.year, q.fileName), { file }, ImportPreview)
}

export function runImport(
  send: EconomySend,
  code: string,
  board: string,
  q: { kind: ImportKind; year: number; fileName: string; sha256: string; acceptNewCostCentres: boolean },
  file: ArrayBuffer,
): Promise<ImportResult> {
  return send('POST', economyPaths.import(code, board, q), { file }, ImportResult)
}

/**
 * The comment saved by someone else, when a save was refused as stale: a 409 with `current` (as
 * `EconomyCommentConflict`; `error.details.current` is read too).
 */
export function commentConflictOf(error: unknown): EconomyCommentView | null {
  if (!(error instanceof ApiFailure) || error.status !== 409) return null
  const conflict = EconomyCommentConflict.safeParse(error.body)
  if (conflict.success) return conflict.data.current
  const details = (error.body as { error?: { details?: { current?: unknown } } } | null)?.error?.details
  const parsed = EconomyCommentView.safeParse(details?.current)
  return parsed.success ? parsed.data : null
}

/** After an import or a saved comment, everything read about the board's economy is read again. */
export function invalidateEconomy(client: QueryClient, code: string, board: string): Promise<void> {
  const prefix = economyBase(code, board)
  const costCentres = economyPaths.costCentres(code)
  return client.invalidateQueries({
    predicate: (q) =>
      typeof q.queryKey[0] === 'string' &&
      (q.queryKey[0].startsWith(prefix) || q.queryKey[0] === costCentres),
  })
}
