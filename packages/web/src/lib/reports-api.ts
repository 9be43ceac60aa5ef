/**
 * The documents API: a follow-up's document in four formats (plain links, so the browser downloads
 * them), the check before issuing, the issued versions, and issuing (a signed-in controller, with the
 * session's CSRF token). A decided follow-up's document is public; an open one's is for those inside.
 */
import {
  IssuedReport,
  IssuedReportList,
  type IssueReportRequest,
  ReportCheck,
  type ReportFormat,
} from '@arshjul/domain'
import { type QueryClient, useQuery } from '@tanstack/react-query'
import { followUpPath, getJson, type Schema, segment } from './api.ts'
import type { Send } from './session.ts'

const reportBase = (code: string, board: string, followUp: string) =>
  `${followUpPath(code, board, followUp)}/report`

export const reportPaths = {
  document: (code: string, board: string, followUp: string, format: ReportFormat) =>
    `${reportBase(code, board, followUp)}?format=${format}`,
  preview: (code: string, board: string, followUp: string) =>
    `${reportBase(code, board, followUp)}?format=html&preview=true`,
  check: (code: string, board: string, followUp: string) => `${reportBase(code, board, followUp)}/check`,
  issues: (code: string, board: string, followUp: string) => `${reportBase(code, board, followUp)}/issues`,
  issue: (code: string, board: string, followUp: string, id: string) =>
    `${reportBase(code, board, followUp)}/issues/${segment(id)}`,
}

function useRead<T>(path: string | null, schema: Schema<T>) {
  return useQuery({
    queryKey: [path],
    queryFn: ({ signal }) => getJson(path ?? '', schema, signal),
    enabled: path !== null,
  })
}

export const useReportCheck = (code: string, board: string, followUp: string | null) =>
  useRead(followUp === null ? null : reportPaths.check(code, board, followUp), ReportCheck)

export const useReportIssues = (code: string, board: string, followUp: string | null) =>
  useRead(followUp === null ? null : reportPaths.issues(code, board, followUp), IssuedReportList)

export const issueReport = (
  send: Send,
  code: string,
  board: string,
  followUp: string,
  request: IssueReportRequest,
) => send('POST', reportPaths.issues(code, board, followUp), request, IssuedReport)

/** After an issue, the list of issued versions is read again. */
export function invalidateReportIssues(
  client: QueryClient,
  code: string,
  board: string,
  followUp: string,
): Promise<void> {
  return client.invalidateQueries({ queryKey: [reportPaths.issues(code, board, followUp)] })
}
