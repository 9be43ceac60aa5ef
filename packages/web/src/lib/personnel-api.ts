/**
 * The personnel and internal-control API. Reading is open to everyone (the server hides small
 * groups from those outside the administration); risks, controls, follow-ups, the overall
 * assessment and imports need a signed-in controller, administrator or reporter and carry the
 * session's CSRF token. Imports send the raw file and are read with the economy's lenient error
 * parsing, which keeps the problems per line of a refused file.
 */
import {
  InternalControlView,
  PersonnelImportPreview,
  PersonnelImportResult,
  PersonnelScopes,
  PersonnelView,
} from '@arshjul/domain'
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query'
import { boardPath, getJson, type Schema, segment } from './api.ts'
import { type EconomySend, economyRequest } from './economy-api.ts'
import type { Send } from './session.ts'

export type PersonnelImportKind = 'csv' | 'xlsx'

function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

const personnelBase = (code: string) => `/api/municipalities/${segment(code)}/personnel`
const internalControlBase = (code: string, board: string) => `${boardPath(code, board)}/internal-control`

export const personnelPaths = {
  scopes: (code: string) => personnelBase(code),
  view: (code: string, scope: string) => `${personnelBase(code)}/${segment(scope)}`,
  template: (code: string, file: 'template.csv' | 'template.xlsx', year?: number) =>
    `${personnelBase(code)}/${file}${query({ year })}`,
  preview: (code: string, q: { kind: PersonnelImportKind; year: number; fileName: string }) =>
    `${personnelBase(code)}/imports/preview${query({ kind: q.kind, year: q.year, fileName: q.fileName })}`,
  import: (code: string, q: { kind: PersonnelImportKind; year: number; fileName: string; sha256: string }) =>
    `${personnelBase(code)}/imports${query({
      kind: q.kind,
      year: q.year,
      fileName: q.fileName,
      sha256: q.sha256,
    })}`,
  internalControl: (
    code: string,
    board: string,
    q: { year?: number | undefined; followUp?: string | undefined },
  ) => `${internalControlBase(code, board)}${query({ year: q.year, followUp: q.followUp })}`,
  risk: (code: string, board: string, key: string) =>
    `${internalControlBase(code, board)}/risks/${segment(key)}`,
  control: (code: string, board: string, key: string) =>
    `${internalControlBase(code, board)}/controls/${segment(key)}`,
  controlFollowUp: (code: string, board: string, control: string, followUp: string) =>
    `${internalControlBase(code, board)}/controls/${segment(control)}/follow-ups/${segment(followUp)}`,
  assessment: (code: string, board: string, followUp: string) =>
    `${internalControlBase(code, board)}/assessments/${segment(followUp)}`,
}

function useRead<T>(path: string | null, schema: Schema<T>, keepPrevious = false) {
  return useQuery({
    queryKey: [path],
    queryFn: ({ signal }) => getJson(path ?? '', schema, signal),
    enabled: path !== null,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  })
}

export const usePersonnelScopes = (code: string) => useRead(personnelPaths.scopes(code), PersonnelScopes)

export const usePersonnel = (code: string, scope: string | null) =>
  useRead(scope === null ? null : personnelPaths.view(code, scope), PersonnelView, true)

export const useInternalControl = (
  code: string,
  board: string,
  q: { year?: number | undefined; followUp?: string | undefined },
) => useRead(personnelPaths.internalControl(code, board, q), InternalControlView, true)

/** The answer to a saved risk, follow-up or assessment: its new version. */
const Version: Schema<{ version: number }> = {
  safeParse: (data) => {
    const version = (data as { version?: unknown } | null)?.version
    return typeof version === 'number' && Number.isInteger(version)
      ? { success: true, data: { version } }
      : { success: false }
  },
}

export interface RiskInput {
  title: string
  description?: string
  probability: number
  consequence: number
  owner?: string
  identifiedYear: number
  /** 0 for a new risk. */
  version: number
}

export interface ControlInput {
  year: number
  title: string
  risk: string | null
  method?: string
  responsible?: string
  /** The unit that follows the control up; null = the administration. */
  unit: string | null
  frequency?: string
  mandatory: boolean
  /** 0 for a new control; else the version read. */
  version: number
}

export interface ControlFollowUpInput {
  result?: string
  level: string | null
  action?: string
  returnsNextYear: boolean
  version: number
}

export const saveRisk = (send: Send, code: string, board: string, key: string, risk: RiskInput) =>
  send('PUT', personnelPaths.risk(code, board, key), risk, Version)

export const saveControl = (send: Send, code: string, board: string, key: string, control: ControlInput) =>
  send('PUT', personnelPaths.control(code, board, key), control, Version)

export const saveControlFollowUp = (
  send: Send,
  code: string,
  board: string,
  control: string,
  followUp: string,
  change: ControlFollowUpInput,
) => send('PUT', personnelPaths.controlFollowUp(code, board, control, followUp), change, Version)

export const saveAssessment = (
  send: Send,
  code: string,
  board: string,
  followUp: string,
  assessment: { text: string; version: number },
) => send('PUT', personnelPaths.assessment(code, board, followUp), assessment, Version)

export function previewPersonnelImport(
  send: EconomySend,
  code: string,
  q: { kind: PersonnelImportKind; year: number; fileName: string },
  file: ArrayBuffer,
): Promise<PersonnelImportPreview> {
  return send('POST', personnelPaths.preview(code, q), { file }, PersonnelImportPreview)
}

export function runPersonnelImport(
  send: EconomySend,
  code: string,
  q: { kind: PersonnelImportKind; year: number; fileName: string; sha256: string },
  file: ArrayBuffer,
) {
  return send('POST', personnelPaths.import(code, q), { file }, PersonnelImportResult)
}

/** Reading the internal control again, e.g. to show what someone else saved after a conflict. */
export function fetchInternalControl(
  code: string,
  board: string,
  q: { year?: number | undefined; followUp?: string | undefined },
): Promise<InternalControlView> {
  return economyRequest(personnelPaths.internalControl(code, board, q), InternalControlView)
}

/** After a change, everything read about the board's internal control is read again. */
export function invalidateInternalControl(client: QueryClient, code: string, board: string): Promise<void> {
  const prefix = internalControlBase(code, board)
  return client.invalidateQueries({
    predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith(prefix),
  })
}

/** After an import, every personnel figure of the municipality is read again. */
export function invalidatePersonnel(client: QueryClient, code: string): Promise<void> {
  const prefix = personnelBase(code)
  return client.invalidateQueries({
    predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith(prefix),
  })
}
