/**
 * The signed-in user. The session lives in an HttpOnly cookie the app cannot read; the app asks the
 * server who is signed in and keeps the CSRF token that every change must carry.
 */
import { SessionInfo } from '@arshjul/domain'
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { ApiFailure, getJson, request, type Schema } from './api.ts'

export const SESSION_KEY = ['session'] as const
const SIGNED_OUT: SessionInfo = { user: null, csrfToken: null }

function fetchSession(signal?: AbortSignal): Promise<SessionInfo> {
  return getJson('/api/auth/session', SessionInfo, signal)
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  })
}

/**
 * Another user's data must never stay in the cache after a sign-in or sign-out. Removed, not
 * refetched: pages ask again as they render, and those that need a user then ask for nothing.
 */
function replaceSession(client: QueryClient, info: SessionInfo): void {
  void client.cancelQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] })
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] })
  client.setQueryData(SESSION_KEY, info)
}

async function currentToken(client: QueryClient): Promise<string | null> {
  const info = await client.ensureQueryData({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
  })
  return info.csrfToken
}

export type Send = <T>(method: 'POST' | 'PUT', path: string, body: unknown, schema: Schema<T>) => Promise<T>

/**
 * A function for state-changing calls: JSON body, the session's CSRF token, and the session
 * refreshed when the server says it has ended (401) or the token is no longer valid (403).
 */
export function useSend(): Send {
  const client = useQueryClient()
  return useCallback(
    async (method, path, body, schema) => {
      const csrfToken = await currentToken(client)
      try {
        return await request(path, schema, { method, body, csrfToken })
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

export interface Credentials {
  email: string
  password: string
}

export function useLogin() {
  const client = useQueryClient()
  const send = useSend()
  return useMutation({
    mutationFn: (credentials: Credentials) => send('POST', '/api/auth/login', credentials, SessionInfo),
    onSuccess: (info) => replaceSession(client, info),
  })
}

export function useLogout() {
  const client = useQueryClient()
  const send = useSend()
  return useMutation({
    mutationFn: () => send('POST', '/api/auth/logout', undefined, SessionInfo),
    // Signed out on the client whatever the server answered: the cookie may already be gone.
    onSettled: () => replaceSession(client, SIGNED_OUT),
  })
}
