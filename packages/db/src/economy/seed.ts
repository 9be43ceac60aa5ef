import { defaultAccountGroups, type SeedAmount, type SeedEconomy } from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { insertRows } from '../insert-rows.ts'
import { type AmountRow, type InvestmentAmountRow, replaceImport, writeAccountGroups } from './store.ts'

interface SeedEconomyFile {
  name: string
  economy: SeedEconomy
}

const ore = (kr: number) => kr * 100

/**
 * Load the economy parts of a municipality's seed files inside the caller's transaction (the
 * municipality was just recreated, so there is nothing to replace). Each data set becomes one import
 * with the scope "seed:<key>", as if its figures had been read from a file.
 */
export async function loadSeedEconomy(
  tx: Queryable,
  municipalityId: string,
  files: readonly SeedEconomyFile[],
  id: (kind: string, key: string) => string,
): Promise<{ amounts: number; investments: number }> {
  const all = <K extends keyof SeedEconomy>(k: K) =>
    files.flatMap((f) => f.economy[k] as unknown[]) as SeedEconomy[K]
  const groups = files.find((f) => f.economy.accountGroups)?.economy.accountGroups ?? defaultAccountGroups
  await writeAccountGroups(tx, municipalityId, groups)
  await insertRows(
    tx,
    'activity_codes',
    ['municipality_id', 'code', 'label'],
    all('activityCodes').map((a) => [municipalityId, a.code, a.label]),
  )
  await insertRows(
    tx,
    'cost_centres',
    ['municipality_id', 'code', 'name', 'org_unit_id', 'sort_order'],
    all('costCentres').map((c, i) => [
      municipalityId,
      c.code,
      c.name,
      c.orgUnit ? id('org-unit', c.orgUnit) : null,
      i,
    ]),
  )

  let amounts = 0
  for (const file of files) {
    for (const ds of file.economy.datasets) {
      const rows = ds.lines.flatMap((line) =>
        line.amounts.map((a) => ({
          comparison: a.comparison === true,
          row: {
            year: a.year ?? ds.year,
            month: a.month ?? null,
            measure: a.measure,
            followUpId: a.followUp ? id('follow-up', a.followUp) : null,
            costCentre: line.costCentre ?? null,
            account: line.account ?? null,
            accountGroup: line.accountGroup ?? null,
            activityCode: line.activityCode ?? null,
            amountOre: ore(a.kr),
          } satisfies AmountRow,
        })),
      )
      amounts += rows.length
      for (const role of ['record', 'comparison'] as const) {
        const own = rows.filter((r) => r.comparison === (role === 'comparison')).map((r) => r.row)
        if (own.length === 0) continue
        const scope = role === 'record' ? `seed:${ds.key}` : `seed:${ds.key}:jamforelse`
        await replaceImport(
          tx,
          {
            municipalityId,
            boardId: id('board', ds.board),
            year: ds.year,
            scope,
            sourceKind: 'seed',
            role,
            fileName: file.name,
            sha256: null,
            actor: null,
            summary: { title: ds.title, printedAs: ds.printedAs },
          },
          own,
          [],
          { importId: id('economy-import', scope) },
        )
      }
    }
  }

  const investments = all('investments')
  await insertRows(
    tx,
    'investment_projects',
    [
      'id',
      'municipality_id',
      'board_id',
      'key',
      'name',
      'category',
      'status',
      'cost_centre',
      'decided_total_ore',
      'note',
    ],
    investments.map((p) => [
      id('investment', p.key),
      municipalityId,
      id('board', p.board),
      p.key,
      p.name,
      p.category,
      p.status,
      p.costCentre,
      p.decidedTotalKr === undefined ? null : ore(p.decidedTotalKr),
      // A seed's note is its provenance (for developers, in the file); the project note is for users.
      null,
    ]),
  )
  for (const file of files) {
    const own = file.economy.investments
    if (own.length === 0) continue
    const rows = own.flatMap((p) =>
      p.amounts.map((a: SeedAmount & { year: number }) => ({
        comparison: a.comparison === true,
        row: {
          projectId: id('investment', p.key),
          year: a.year,
          measure: a.measure === 'period-budget' ? 'budget' : a.measure,
          followUpId: a.followUp ? id('follow-up', a.followUp) : null,
          amountOre: ore(a.kr),
        } satisfies InvestmentAmountRow,
      })),
    )
    for (const role of ['record', 'comparison'] as const) {
      const mine = rows.filter((r) => r.comparison === (role === 'comparison')).map((r) => r.row)
      if (mine.length === 0) continue
      const scope = `seed-investments:${file.name}${role === 'comparison' ? ':jamforelse' : ''}`
      // The scope names the file, so the year only dates the import: the latest year it reports on.
      const years = mine.filter((r) => r.measure !== 'plan').map((r) => r.year)
      await replaceImport(
        tx,
        {
          municipalityId,
          boardId: own[0] ? id('board', own[0].board) : null,
          year: years.length > 0 ? Math.max(...years) : new Date().getFullYear(),
          scope,
          sourceKind: 'seed',
          role,
          fileName: file.name,
          sha256: null,
          actor: null,
        },
        [],
        mine,
        { importId: id('economy-import', scope) },
      )
    }
  }

  for (const list of all('frameLists')) {
    const listId = id('frame-list', list.key)
    await tx.query(
      `INSERT INTO frame_lists (id, municipality_id, board_id, key, year, kind, title) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [listId, municipalityId, id('board', list.board), list.key, list.year, list.kind, list.title],
    )
    await insertRows(
      tx,
      'frame_items',
      ['list_id', 'sort_order', 'label', 'amount_ore', 'cost_centre'],
      list.items.map((item, i) => [listId, i, item.label, ore(item.kr), item.costCentre]),
    )
  }

  await insertRows(
    tx,
    'economy_comments',
    ['municipality_id', 'follow_up_id', 'subject_kind', 'subject_key', 'text'],
    all('comments').map((c) => [
      municipalityId,
      id('follow-up', c.followUp),
      c.subject.kind,
      c.subject.kind === 'cost-centre'
        ? c.subject.code
        : c.subject.kind === 'investment'
          ? c.subject.key
          : '',
      c.text,
    ]),
  )

  for (const r of all('reorganisations')) {
    const reorgId = id('reorganisation', r.key)
    await tx.query(
      'INSERT INTO reorganisations (id, municipality_id, key, effective_from, description) VALUES ($1, $2, $3, $4, $5)',
      [reorgId, municipalityId, r.key, r.effectiveFrom, r.description],
    )
    await insertRows(
      tx,
      'reorganisation_moves',
      ['reorganisation_id', 'from_code', 'to_code', 'share_ppm'],
      r.moves.map((m) => [reorgId, m.from, m.to, m.sharePpm]),
    )
  }
  return { amounts, investments: investments.length }
}
