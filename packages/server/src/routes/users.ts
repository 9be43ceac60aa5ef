import { findMunicipality, grantRole, listMunicipalUsers, revokeRole, setDisabled } from '@arshjul/db'
import { ApiError, Role, ScopeKind } from '@arshjul/domain'
import { hash } from '@node-rs/argon2'
import { z } from 'zod'
import type { AppInstance } from '../app.ts'
import { notFound } from '../errors.ts'
import { requireAllowed } from '../policies/guards.ts'
import { actorOf } from './cycle-context.ts'
import { MunicipalityParams } from './params.ts'

const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  singleSignOn: z.boolean(),
  grants: z.array(
    z.object({
      id: z.string(),
      role: Role,
      scopeKind: ScopeKind,
      scopeKey: z.string(),
      scopeName: z.string(),
    }),
  ),
})

const GrantRequest = z.object({
  email: z.string().trim().email(),
  name: z.string().trim().min(1).max(200),
  /** Optional: users of single sign-on have none. At least 12 characters (OWASP ASVS 2.1.1). */
  password: z.string().min(12, 'Lösenordet ska ha minst 12 tecken.').max(128).optional(),
  role: Role,
  scopeKind: ScopeKind,
  /** Key of the board, administration, unit or goal; the municipality's code for the whole municipality. */
  scopeKey: z.string().trim().min(1),
})

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError }

/** People and roles in a municipality, managed by its administrators. */
export function userRoutes(app: AppInstance): void {
  const BASE = '/api/municipalities/:code/users'
  const requireAdmin = async (request: Parameters<typeof requireAllowed>[1], code: string) => {
    const municipality = await findMunicipality(app.db, code)
    if (!municipality) throw notFound(`Kommunen ${code}`)
    const actor = await actorOf(
      app.db,
      await requireAllowed(app.db, request, 'manage-users', [municipality.id]),
    )
    return { municipality, actor }
  }

  app.get(
    BASE,
    {
      schema: {
        tags: ['Användare'],
        summary: 'Användare med roller i kommunen',
        params: MunicipalityParams,
        response: { 200: z.array(UserView), ...errors },
      },
    },
    async (request) => {
      const { municipality } = await requireAdmin(request, request.params.code)
      return listMunicipalUsers(app.db, municipality.id)
    },
  )

  app.post(
    `${BASE}/grants`,
    {
      schema: {
        tags: ['Användare'],
        summary:
          'Ge en användare en roll inom en del av organisationen (skapar användaren om e-postadressen är ny)',
        params: MunicipalityParams,
        body: GrantRequest,
        response: { 201: z.object({ userId: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { municipality, actor } = await requireAdmin(request, request.params.code)
      const passwordHash = request.body.password ? await hash(request.body.password) : null
      const userId = await app.db.transaction((tx) =>
        grantRole(
          tx,
          { id: municipality.id, code: municipality.code },
          { ...request.body, passwordHash },
          actor,
        ),
      )
      return reply.status(201).send({ userId })
    },
  )

  app.delete(
    `${BASE}/grants/:grant`,
    {
      schema: {
        tags: ['Användare'],
        summary: 'Ta bort en roll',
        params: MunicipalityParams.extend({ grant: z.guid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { municipality, actor } = await requireAdmin(request, request.params.code)
      await app.db.transaction((tx) => revokeRole(tx, municipality.id, request.params.grant, actor))
      return reply.status(204).send(null)
    },
  )

  app.post(
    `${BASE}/:user/disabled`,
    {
      schema: {
        tags: ['Användare'],
        summary: 'Stäng av eller aktivera ett konto; avstängning avslutar kontots sessioner',
        params: MunicipalityParams.extend({ user: z.guid() }),
        body: z.object({ disabled: z.boolean() }),
        response: { 200: z.object({ disabled: z.boolean() }), ...errors },
      },
    },
    async (request) => {
      const { municipality, actor } = await requireAdmin(request, request.params.code)
      await app.db.transaction((tx) =>
        setDisabled(tx, municipality.id, request.params.user, request.body.disabled, actor),
      )
      return { disabled: request.body.disabled }
    },
  )
}
