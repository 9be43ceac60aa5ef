import type { OrgUnit, SeedFile, SeedUser } from '@arshjul/domain'
import { createParts } from '../cycle/create-parts.ts'
import { takeSnapshot } from '../cycle/snapshot.ts'
import type { Queryable } from '../database.ts'
import { loadSeedEconomy } from '../economy/seed.ts'
import { insertRows } from '../insert-rows.ts'
import { loadSeedPersonnel } from '../personnel/seed.ts'
import { findBoard } from '../read/context.ts'
import type { SeedSet } from './read-seed-files.ts'
import { stableId } from './stable-id.ts'

type Collections = Omit<
  SeedFile,
  | 'schemaVersion'
  | 'municipality'
  | 'source'
  | 'notes'
  | 'definition'
  | 'economy'
  | 'personnel'
  | 'internalControl'
>

export interface SeedCounts {
  municipality: string
  boardGoals: number
  indicators: number
  indicatorValues: number
  assignments: number
  assessments: number
  economyAmounts: number
  investments: number
  personnelFigures: number
  controls: number
}

/**
 * Load one municipality's validated seed set inside the caller's transaction, replacing whatever that
 * municipality had: the old rows are deleted and the new ones inserted with ids derived from the keys.
 * Loading the same files twice therefore leaves exactly the same data.
 */
export async function loadSeedSet(tx: Queryable, set: SeedSet): Promise<SeedCounts> {
  const all = <K extends keyof Collections>(k: K): Collections[K] =>
    set.files.flatMap((f) => f.data[k] as unknown[]) as Collections[K]
  const code = set.municipality
  const definition = set.files.find((f) => f.data.definition)?.data.definition
  if (!definition) throw new Error(`Kommunen ${code} saknar definition`)
  const id = (kind: string, key: string) => stableId(code, kind, key)
  const ref = (kind: string, key: string | undefined) => (key === undefined ? null : id(kind, key))
  const mid = stableId(code)

  const counts: SeedCounts = {
    municipality: code,
    boardGoals: all('boardGoals').length,
    indicators: all('indicators').length,
    indicatorValues: all('indicators').reduce((n, i) => n + i.values.length, 0),
    assignments: all('assignments').length,
    assessments: all('assessments').length,
    economyAmounts: 0,
    investments: 0,
    personnelFigures: 0,
    controls: 0,
  }

  await tx.query('DELETE FROM municipalities WHERE code = $1', [code])
  await tx.query(
    'INSERT INTO municipalities (id, code, name, vision, settings) VALUES ($1, $2, $3, $4, $5::text::jsonb)',
    [mid, code, definition.name, definition.vision ?? null, JSON.stringify(definition.settings)],
  )
  await insertRows(
    tx,
    'data_sources',
    ['municipality_id', 'file', 'title', 'notes::jsonb'],
    set.files.map((f) => [
      mid,
      f.data.source?.file ?? f.name,
      f.data.source?.title ?? null,
      JSON.stringify(f.data.notes),
    ]),
  )
  await insertRows(
    tx,
    'boards',
    ['id', 'municipality_id', 'key', 'name', 'short_name', 'description'],
    all('boards').map((b) => [id('board', b.key), mid, b.key, b.name, b.shortName, b.description]),
  )
  await insertRows(
    tx,
    'administrations',
    ['id', 'municipality_id', 'board_id', 'key', 'name', 'short_name', 'valid_from', 'valid_to'],
    all('administrations').map((a) => [
      id('administration', a.key),
      mid,
      id('board', a.board),
      a.key,
      a.name,
      a.shortName,
      a.validFrom,
      a.validTo,
    ]),
  )
  await insertRows(
    tx,
    'org_units',
    [
      'id',
      'municipality_id',
      'administration_id',
      'parent_id',
      'key',
      'code',
      'name',
      'kind',
      'valid_from',
      'valid_to',
    ],
    parentsFirst(all('orgUnits')).map((u) => [
      id('org-unit', u.key),
      mid,
      id('administration', u.administration),
      ref('org-unit', u.parent),
      u.key,
      u.code,
      u.name,
      u.kind,
      u.validFrom,
      u.validTo,
    ]),
  )
  await insertRows(
    tx,
    'plan_periods',
    ['id', 'municipality_id', 'key', 'name', 'start_year', 'end_year'],
    all('planPeriods').map((p) => [id('plan-period', p.key), mid, p.key, p.name, p.startYear, p.endYear]),
  )
  await insertRows(
    tx,
    'goal_areas',
    ['id', 'municipality_id', 'key', 'name', 'kind', 'description', 'sort_order'],
    all('goalAreas').map((g) => [id('goal-area', g.key), mid, g.key, g.name, g.kind, g.description, g.order]),
  )
  await insertRows(
    tx,
    'municipal_goals',
    ['id', 'municipality_id', 'goal_area_id', 'key', 'name', 'description', 'sort_order'],
    all('municipalGoals').map((g) => [
      id('municipal-goal', g.key),
      mid,
      id('goal-area', g.goalArea),
      g.key,
      g.name,
      g.description,
      g.order,
    ]),
  )
  await insertRows(
    tx,
    'board_goals',
    [
      'id',
      'municipality_id',
      'board_id',
      'key',
      'kind',
      'title',
      'description',
      'purpose',
      'financing_text',
      'financing_amount_kronor',
      'start_year',
      'end_year',
      'goal_area_id',
      'responsible_unit_id',
      'lead_responsibility',
      'agenda2030::jsonb',
      'sort_order',
    ],
    all('boardGoals').map((g) => [
      id('goal', g.key),
      mid,
      id('board', g.board),
      g.key,
      g.kind,
      g.title,
      g.description,
      g.purpose,
      g.financing?.text,
      g.financing?.amountKronor,
      g.startYear,
      g.endYear,
      ref('goal-area', g.goalArea),
      ref('org-unit', g.responsibleUnit),
      g.leadResponsibility,
      JSON.stringify(g.agenda2030),
      g.order,
    ]),
  )
  await insertRows(
    tx,
    'board_goal_parents',
    ['board_goal_id', 'municipal_goal_id', 'sort_order'],
    all('boardGoals').flatMap((g) =>
      g.parentGoals.map((p, i) => [id('goal', g.key), id('municipal-goal', p), i]),
    ),
  )
  await insertRows(
    tx,
    'activities',
    [
      'id',
      'municipality_id',
      'goal_id',
      'key',
      'year',
      'title',
      'description',
      'status',
      'responsible_unit_id',
      'sort_order',
    ],
    all('activities').map((a) => [
      id('activity', a.key),
      mid,
      id('goal', a.goal),
      a.key,
      a.year,
      a.title,
      a.description,
      a.status,
      ref('org-unit', a.responsibleUnit),
      a.order,
    ]),
  )
  await insertRows(
    tx,
    'assignments',
    [
      'id',
      'municipality_id',
      'board_id',
      'key',
      'kind',
      'year',
      'title',
      'description',
      'given_by',
      'decision_ref',
      'due_text',
      'due_date',
      'goal_area_id',
      'goal_id',
      'responsible_unit_id',
      'carried_over_from_year',
      'sort_order',
    ],
    all('assignments').map((a) => [
      id('assignment', a.key),
      mid,
      id('board', a.board),
      a.key,
      a.kind,
      a.year,
      a.title,
      a.description,
      a.givenBy,
      a.decisionRef,
      a.dueText,
      a.dueDate,
      ref('goal-area', a.goalArea),
      ref('goal', a.goal),
      ref('org-unit', a.responsibleUnit),
      a.carriedOverFromYear,
      a.order,
    ]),
  )
  await insertRows(
    tx,
    'assignment_updates',
    ['assignment_id', 'seq', 'date', 'status', 'comment', 'transferred_to_year'],
    all('assignments').flatMap((a) =>
      a.updates.map((u, seq) => [
        id('assignment', a.key),
        seq,
        u.date,
        u.status,
        u.comment,
        u.transferredToYear,
      ]),
    ),
  )
  await insertRows(
    tx,
    'indicators',
    [
      'id',
      'municipality_id',
      'board_id',
      'key',
      'name',
      'description',
      'unit',
      'unit_label',
      'direction',
      'source::jsonb',
      'kolada_kpi_id',
      'decimals',
      'scope',
      'publication_lag_years',
      'lag_note',
      'breakdowns::jsonb',
      'sort_order',
    ],
    all('indicators').map((i) => [
      id('indicator', i.key),
      mid,
      id('board', i.board),
      i.key,
      i.name,
      i.description,
      i.unit,
      i.unitLabel,
      i.direction,
      JSON.stringify(i.source),
      i.source.koladaKpiId,
      i.decimals,
      i.scope,
      i.publicationLagYears,
      i.lagNote,
      JSON.stringify(i.breakdowns),
      i.order,
    ]),
  )
  await insertRows(
    tx,
    'indicator_goals',
    ['indicator_id', 'goal_id'],
    all('indicators').flatMap((i) => i.goals.map((g) => [id('indicator', i.key), id('goal', g)])),
  )
  // Numbers go in as text so numeric stores the decimal exactly as written in the source.
  await insertRows(
    tx,
    'indicator_values',
    ['indicator_id', 'year', 'breakdown', 'value::numeric', 'status', 'reference_year', 'note'],
    all('indicators').flatMap((i) =>
      i.values.map((v) => [
        id('indicator', i.key),
        v.year,
        v.breakdown,
        v.value === null ? null : String(v.value),
        v.status,
        v.referenceYear,
        v.note,
      ]),
    ),
  )
  await insertRows(
    tx,
    'indicator_targets',
    ['indicator_id', 'year', 'breakdown', 'value::numeric', 'text'],
    all('indicators').flatMap((i) =>
      i.targets.map((t) => [
        id('indicator', i.key),
        t.year,
        t.breakdown,
        t.value === undefined ? null : String(t.value),
        t.text,
      ]),
    ),
  )
  await insertRows(
    tx,
    'follow_ups',
    [
      'id',
      'municipality_id',
      'board_id',
      'administration_id',
      'key',
      'kind',
      'year',
      'period_end',
      'title',
      'status',
      'decision_ref',
      'decided_on',
      'source_document',
      'opens_on',
      'deadlines::jsonb',
      'sections::jsonb',
    ],
    // Decided follow-ups go in as approved and are decided once their assessments are loaded:
    // the database refuses to add anything to a decided follow-up.
    all('followUps').map((f) => [
      id('follow-up', f.key),
      mid,
      id('board', f.board),
      ref('administration', f.administration),
      f.key,
      f.kind,
      f.year,
      f.periodEnd,
      f.title,
      f.status === 'decided' ? 'approved' : f.status,
      f.decisionRef,
      f.decidedOn,
      f.sourceDocument,
      f.opensOn,
      JSON.stringify(f.deadlines ?? {}),
      JSON.stringify(f.sections ?? ['goals', 'indicators', 'activities', 'assignments']),
    ]),
  )
  await insertRows(
    tx,
    'assessments',
    [
      'id',
      'municipality_id',
      'goal_id',
      'follow_up_id',
      'level',
      'trend',
      'forecast_level',
      'forecast_text',
      'analysis',
      'deviations::jsonb',
      'examples::jsonb',
    ],
    all('assessments').map((a) => [
      id('assessment', `${a.goal}@${a.followUp}`),
      mid,
      id('goal', a.goal),
      id('follow-up', a.followUp),
      a.level,
      a.trend,
      a.forecastLevel,
      a.forecastText,
      a.analysis,
      JSON.stringify(a.deviations),
      JSON.stringify(a.examples),
    ]),
  )
  await insertRows(
    tx,
    'report_texts',
    ['follow_up_id', 'municipality_id', 'section', 'text'],
    all('reportTexts').map((t) => [id('follow-up', t.followUp), mid, t.section, t.text]),
  )
  await insertRows(
    tx,
    'source_figures',
    ['follow_up_id', 'municipality_id', 'figure', 'printed', 'location'],
    all('sourceFigures').map((f) => [id('follow-up', f.followUp), mid, f.figure, f.printed, f.location]),
  )
  await loadUsers(tx, code, mid, all('users'), id)
  for (const f of all('followUps')) {
    if (f.status === 'open') await createParts(tx, id('follow-up', f.key))
  }
  // Economy before the decisions: forecasts and comments of a decided follow-up cannot be added after.
  const economy = await loadSeedEconomy(
    tx,
    mid,
    set.files.flatMap((f) => (f.data.economy ? [{ name: f.name, economy: f.data.economy }] : [])),
    id,
  )
  counts.economyAmounts = economy.amounts
  counts.investments = economy.investments
  const personnel = await loadSeedPersonnel(
    tx,
    mid,
    set.files.map((f) => ({
      name: f.name,
      personnel: f.data.personnel,
      internalControl: f.data.internalControl,
    })),
    id,
  )
  counts.personnelFigures = personnel.figures
  counts.controls = personnel.controls
  const decided = all('followUps').filter((f) => f.status === 'decided')
  for (const f of decided) {
    const board = await findBoard(tx, code, f.board)
    if (!board) throw new Error(`board ${f.board} missing after load`)
    await takeSnapshot(tx, board, { id: id('follow-up', f.key), key: f.key, year: f.year })
  }
  if (decided.length > 0) {
    await tx.query("UPDATE follow_ups SET status = 'decided' WHERE id = ANY($1::uuid[])", [
      decided.map((f) => id('follow-up', f.key)),
    ])
  }
  return counts
}

/**
 * Demo users are installation-wide (one person may work for several municipalities): they are
 * upserted by e-mail; their grants belong to the municipality and were removed with it above.
 */
async function loadUsers(
  tx: Queryable,
  code: string,
  mid: string,
  users: readonly SeedUser[],
  id: (kind: string, key: string) => string,
): Promise<void> {
  for (const u of users) {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (lower(email)) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash
       RETURNING id`,
      [stableId('user', u.email.toLowerCase()), u.email, u.name, u.passwordHash],
    )
    if (!row) throw new Error(`user ${u.email} not written`)
    await insertRows(
      tx,
      'role_grants',
      ['id', 'user_id', 'municipality_id', 'role', 'scope_kind', 'scope_id'],
      u.grants.map((g, i) => {
        const [kind, scopeId] =
          g.scope === 'municipality'
            ? ['municipality', mid]
            : 'board' in g.scope
              ? ['board', id('board', g.scope.board)]
              : 'administration' in g.scope
                ? ['administration', id('administration', g.scope.administration)]
                : 'orgUnit' in g.scope
                  ? ['org-unit', id('org-unit', g.scope.orgUnit)]
                  : ['goal', id('goal', g.scope.goal)]
        return [stableId(code, 'grant', u.email.toLowerCase(), String(i)), row.id, mid, g.role, kind, scopeId]
      }),
    )
  }
}

/** Order units so that every parent comes before its children (the seed validator ensured parents exist). */
function parentsFirst(units: readonly OrgUnit[]): OrgUnit[] {
  const byKey = new Map(units.map((u) => [u.key, u]))
  const done = new Set<string>()
  const out: OrgUnit[] = []
  const visit = (u: OrgUnit, depth: number) => {
    if (done.has(u.key)) return
    if (depth > units.length) throw new Error(`Organisationen har en cirkel vid ${u.key}`)
    const parent = u.parent ? byKey.get(u.parent) : undefined
    if (parent) visit(parent, depth + 1)
    done.add(u.key)
    out.push(u)
  }
  for (const u of units) visit(u, 0)
  return out
}
