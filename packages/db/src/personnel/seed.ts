import type { PersonnelScope, SeedInternalControl, SeedPersonnelSet } from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { insertRows } from '../insert-rows.ts'
import { type PersonnelRowInput, replacePersonnelImport } from './store.ts'

/**
 * Load the personnel sets and internal control of a municipality's seed files inside the caller's
 * transaction (the municipality was just recreated). Each personnel set is one import with the scope
 * "seed:<key>".
 */
export async function loadSeedPersonnel(
  tx: Queryable,
  municipalityId: string,
  files: readonly {
    name: string
    personnel: SeedPersonnelSet[]
    internalControl?: SeedInternalControl | undefined
  }[],
  id: (kind: string, key: string) => string,
): Promise<{ figures: number; controls: number }> {
  const scopeOf = (s: PersonnelScope): Pick<PersonnelRowInput, 'scopeKind' | 'scopeId'> =>
    s === 'municipality'
      ? { scopeKind: 'municipality', scopeId: municipalityId }
      : 'orgUnit' in s
        ? { scopeKind: 'org-unit', scopeId: id('org-unit', s.orgUnit) }
        : { scopeKind: 'administration', scopeId: id('administration', s.administration) }
  let figures = 0
  for (const file of files) {
    for (const set of file.personnel) {
      const scope = scopeOf(set.scope)
      const rows: PersonnelRowInput[] = set.figures.map((f) => ({
        ...scope,
        measure: f.measure,
        year: f.year,
        period: f.period ?? null,
        breakdown: f.breakdown,
        numerator: f.numerator ?? null,
        denominator: f.denominator ?? null,
        value: f.value ?? null,
      }))
      figures += rows.length
      await replacePersonnelImport(
        tx,
        {
          municipalityId,
          scope: `seed:${set.key}`,
          sourceKind: 'seed',
          fileName: file.name,
          sha256: null,
          actor: null,
        },
        rows,
        id('personnel-import', set.key),
      )
    }
  }
  const ic = files.flatMap((f) => (f.internalControl ? [f.internalControl] : []))
  const risks = ic.flatMap((c) => c.risks)
  await insertRows(
    tx,
    'risks',
    [
      'id',
      'municipality_id',
      'board_id',
      'key',
      'title',
      'description',
      'probability',
      'consequence',
      'owner',
      'identified_year',
    ],
    risks.map((r) => [
      id('risk', r.key),
      municipalityId,
      id('board', r.board),
      r.key,
      r.title,
      r.description,
      r.probability,
      r.consequence,
      r.owner,
      r.identifiedYear,
    ]),
  )
  // Parents first, so that a carried control can point at the one it came from.
  const controls = ic.flatMap((c) => c.controls).sort((a, b) => a.year - b.year)
  await insertRows(
    tx,
    'controls',
    [
      'id',
      'municipality_id',
      'board_id',
      'key',
      'year',
      'risk_id',
      'title',
      'method',
      'responsible',
      'frequency',
      'mandatory',
      'carried_from_id',
    ],
    controls.map((c) => [
      id('control', c.key),
      municipalityId,
      id('board', c.board),
      c.key,
      c.year,
      c.risk ? id('risk', c.risk) : null,
      c.title,
      c.method,
      c.responsible,
      c.frequency,
      c.mandatory,
      c.carriedFrom ? id('control', c.carriedFrom) : null,
    ]),
  )
  await insertRows(
    tx,
    'control_follow_ups',
    ['municipality_id', 'control_id', 'follow_up_id', 'result', 'level', 'action', 'returns_next_year'],
    ic
      .flatMap((c) => c.followUps)
      .map((f) => [
        municipalityId,
        id('control', f.control),
        id('follow-up', f.followUp),
        f.result,
        f.level,
        f.action,
        f.returnsNextYear,
      ]),
  )
  await insertRows(
    tx,
    'internal_control_assessments',
    ['follow_up_id', 'municipality_id', 'text'],
    ic.flatMap((c) => c.assessments).map((a) => [id('follow-up', a.followUp), municipalityId, a.text]),
  )
  return { figures, controls: controls.length }
}
