import {
  type ControllerOverview,
  followUpKindLabels,
  type Grant,
  isAllowed,
  PartStatus,
  type PartSummary,
  type ResourcePath,
  type Role,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { countQueued, enqueueJob } from './jobs.ts'
import { type FollowUpCycle, type PartRecord, readParts } from './read-parts.ts'
import { partPath } from './resource-path.ts'

export function countStatuses(parts: readonly PartSummary[]) {
  return PartStatus.options.map((status) => ({
    status,
    count: parts.filter((p) => p.status === status).length,
  }))
}

/** The policy path of each part, computing each unit's path once. */
export async function pathsOfParts(
  db: Queryable,
  cycle: FollowUpCycle,
  parts: readonly PartRecord[],
): Promise<Map<string, ResourcePath>> {
  const byUnit = new Map<string, ResourcePath>()
  const out = new Map<string, ResourcePath>()
  for (const p of parts) {
    const unitKey = p.unitId ?? `board:${cycle.boardId}`
    let base = byUnit.get(unitKey)
    if (!base) {
      base = await partPath(db, {
        unitId: p.unitId,
        boardId: cycle.boardId,
        administrationId: cycle.administrationId,
        goalIds: [],
      })
      byUnit.set(unitKey, base)
    }
    out.set(p.summary.id, [...base, ...p.goalIds])
  }
  return out
}

interface Person {
  userId: string
  name: string
  email: string
  grants: Grant[]
}

/** Everyone holding a role in the municipality, with their grants there. */
async function peopleWithRole(
  db: Queryable,
  municipalityId: string,
  roles: readonly Role[],
): Promise<Person[]> {
  const rows = await db.query<{
    user_id: string
    name: string
    email: string
    role: Role
    scope_kind: Grant['scopeKind']
    scope_id: string
  }>(
    `SELECT u.id AS user_id, u.name, u.email, g.role, g.scope_kind, g.scope_id
       FROM role_grants g JOIN users u ON u.id = g.user_id
      WHERE g.municipality_id = $1 AND g.role = ANY($2::text[]) AND NOT u.disabled
      ORDER BY u.name`,
    [municipalityId, roles],
  )
  const people = new Map<string, Person>()
  for (const r of rows) {
    const p = people.get(r.user_id) ?? { userId: r.user_id, name: r.name, email: r.email, grants: [] }
    p.grants.push({ role: r.role, scopeKind: r.scope_kind, scopeId: r.scope_id })
    people.set(r.user_id, p)
  }
  return [...people.values()]
}

/**
 * Per responsible unit: how many parts there are in each status, how many are late or returned,
 * and who reports there. Units are listed in the order their first part appears.
 */
export async function controllerOverview(
  db: Queryable,
  cycle: FollowUpCycle,
  today: string,
): Promise<ControllerOverview> {
  const parts = await readParts(db, cycle, { today })
  const paths = await pathsOfParts(db, cycle, parts)
  const reporters = await peopleWithRole(db, cycle.municipalityId, ['reporter'])
  const groups = new Map<string, PartRecord[]>()
  for (const p of parts) {
    const key = p.summary.subject.unit?.key ?? ''
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  const units = [...groups.values()].map((group) => {
    const summaries = group.map((g) => g.summary)
    const names = new Set<string>()
    for (const g of group) {
      const path = paths.get(g.summary.id) ?? []
      for (const r of reporters) if (isAllowed(r.grants, 'report', path)) names.add(r.name)
    }
    return {
      unit: group[0]?.summary.subject.unit ?? null,
      reporters: [...names].sort(),
      total: group.length,
      byStatus: countStatuses(summaries),
      late: summaries.filter((s) => s.late).length,
      returned: summaries.filter((s) => s.status === 'returned').length,
    }
  })
  const all = parts.map((p) => p.summary)
  return {
    followUp: cycle.view,
    units,
    totals: { total: all.length, byStatus: countStatuses(all), late: all.filter((s) => s.late).length },
    queuedReminders: await countQueued(db, 'email'),
  }
}

/**
 * Queue one reminder e-mail per reporter who has parts not yet marked ready, listing them.
 * Delivery happens in the job runner (SMTP when configured, the log otherwise).
 */
export async function queueReminders(
  db: Queryable,
  cycle: FollowUpCycle,
  today: string,
  appUrl: string,
): Promise<number> {
  const parts = (await readParts(db, cycle, { today })).filter((p) =>
    ['not-started', 'draft', 'returned'].includes(p.summary.status),
  )
  const paths = await pathsOfParts(db, cycle, parts)
  const reporters = await peopleWithRole(db, cycle.municipalityId, ['reporter'])
  let queued = 0
  for (const person of reporters) {
    const mine = parts.filter((p) => isAllowed(person.grants, 'report', paths.get(p.summary.id) ?? []))
    if (mine.length === 0) continue
    const deadline = cycle.view.deadlines.report
    await enqueueJob(db, 'email', {
      to: person.email,
      subject: `Påminnelse: ${cycle.view.title}${deadline ? ` – sista dag ${deadline}` : ''}`,
      text: [
        `Hej ${person.name}!`,
        '',
        `Du har ${mine.length} ${mine.length === 1 ? 'del' : 'delar'} kvar att rapportera i ${followUpKindLabels[cycle.view.kind].toLowerCase()} "${cycle.view.title}":`,
        ...mine.map(
          (p) => `– ${p.summary.subject.title}${p.summary.status === 'returned' ? ' (återskickad)' : ''}`,
        ),
        '',
        `Rapportera i Årshjul: ${appUrl}`,
      ].join('\n'),
    })
    queued += 1
  }
  return queued
}
