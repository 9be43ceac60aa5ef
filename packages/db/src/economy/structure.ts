import { AppError, checkReorganisations } from '@arshjul/domain'
import { type Actor, appendAudit } from '../cycle/audit.ts'
import type { Queryable } from '../database.ts'
import { insertRows } from '../insert-rows.ts'
import type { BoardContext } from '../read/context.ts'
import { readReorganisations } from './operating.ts'
import { readCostCentres } from './store.ts'

export interface FrameListInput {
  key: string
  year: number
  kind: 'frame-changes' | 'appropriation-split'
  title: string
  items: { label: string; amountOre: number; costCentre: string | null }[]
}

/** Create or replace a board's frame-change list (or appropriation split), with its audit entry. */
export async function saveFrameList(
  tx: Queryable,
  board: BoardContext,
  list: FrameListInput,
  actor: Actor,
): Promise<void> {
  const centres = await readCostCentres(tx, board.municipality.id)
  const unknown = list.items.filter((i) => i.costCentre !== null && !centres.has(i.costCentre))
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', {
      userMessage: 'Listan hänvisar till ansvar som inte finns.',
      details: unknown.map((i) => ({ path: `rad "${i.label}"`, message: `Okänt ansvar ${i.costCentre}` })),
    })
  }
  const [other] = await tx.query<{ board_id: string }>(
    'SELECT board_id FROM frame_lists WHERE municipality_id = $1 AND key = $2',
    [board.municipality.id, list.key],
  )
  if (other && other.board_id !== board.id) {
    throw new AppError('CONFLICT', { userMessage: `Nyckeln "${list.key}" används redan av en annan nämnd.` })
  }
  const [before] = await tx.query<{ id: string }>(
    'SELECT id FROM frame_lists WHERE municipality_id = $1 AND key = $2',
    [board.municipality.id, list.key],
  )
  if (before) await tx.query('DELETE FROM frame_lists WHERE id = $1', [before.id])
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO frame_lists (municipality_id, board_id, key, year, kind, title) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [board.municipality.id, board.id, list.key, list.year, list.kind, list.title],
  )
  if (!created) throw new Error('frame list not written')
  await insertRows(
    tx,
    'frame_items',
    ['list_id', 'sort_order', 'label', 'amount_ore', 'cost_centre'],
    list.items.map((i, n) => [created.id, n, i.label, i.amountOre, i.costCentre]),
  )
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor,
    action: 'economy.frame-list',
    entityKind: 'frame-list',
    entityId: created.id,
    summary: `${before ? 'Ändrade' : 'Lade till'} listan "${list.title}" (${list.items.length} rader) för ${list.year}`,
    before: null,
    after: list,
  })
}

export interface ReorganisationInput {
  key: string
  effectiveFrom: string
  description: string
  moves: { from: string; to: string; sharePpm: number }[]
}

/**
 * Record a reorganisation: cost centres that became others from a date, with shares where one was
 * split. Refused when the shares out of a cost centre do not make the whole, when the moves form a
 * cycle, or when a cost centre is unknown; checked together with the reorganisations already recorded.
 */
export async function recordReorganisation(
  tx: Queryable,
  municipalityId: string,
  reorg: ReorganisationInput,
  actor: Actor,
): Promise<void> {
  const existing = await readReorganisations(tx, municipalityId)
  const problems = checkReorganisations([...existing.filter((r) => r.key !== reorg.key), reorg])
  const centres = await readCostCentres(tx, municipalityId)
  for (const m of reorg.moves) {
    for (const code of [m.from, m.to]) {
      if (!centres.has(code)) problems.push(`Ansvaret ${code} finns inte`)
    }
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION', {
      userMessage: 'Omorganisationen kan inte sparas.',
      details: [...new Set(problems)].map((message) => ({ path: 'omorganisation', message })),
    })
  }
  await tx.query('DELETE FROM reorganisations WHERE municipality_id = $1 AND key = $2', [
    municipalityId,
    reorg.key,
  ])
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO reorganisations (municipality_id, key, effective_from, description) VALUES ($1, $2, $3, $4) RETURNING id`,
    [municipalityId, reorg.key, reorg.effectiveFrom, reorg.description],
  )
  if (!created) throw new Error('reorganisation not written')
  await insertRows(
    tx,
    'reorganisation_moves',
    ['reorganisation_id', 'from_code', 'to_code', 'share_ppm'],
    reorg.moves.map((m) => [created.id, m.from, m.to, m.sharePpm]),
  )
  await appendAudit(tx, {
    chain: municipalityId,
    actor,
    action: 'economy.reorganisation',
    entityKind: 'reorganisation',
    entityId: created.id,
    summary: `Registrerade omorganisationen "${reorg.description}" från ${reorg.effectiveFrom}`,
    before: null,
    after: reorg,
  })
}
