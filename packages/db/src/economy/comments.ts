import {
  AppError,
  type CommentSubject,
  draftDeviationComment,
  type EconomyCommentView,
  type OperatingFigures,
} from '@arshjul/domain'
import { type Actor, appendAudit } from '../cycle/audit.ts'
import type { Queryable } from '../database.ts'
import type { BoardContext } from '../read/context.ts'
import { readInvestments } from './investments.ts'
import { readOperating, readOperatingDrill } from './operating.ts'

interface FollowUpRow {
  id: string
  key: string
  kind: string
  year: number
  status: string
  period_end: string
}

async function followUpOf(db: Queryable, board: BoardContext, key: string): Promise<FollowUpRow> {
  const [fu] = await db.query<FollowUpRow>(
    'SELECT id, key, kind, year, status, period_end::text FROM follow_ups WHERE board_id = $1 AND key = $2',
    [board.id, key],
  )
  if (!fu) throw new AppError('NOT_FOUND', { userMessage: `Uppföljningen "${key}" finns inte.` })
  return fu
}

function subjectKey(subject: CommentSubject): string {
  switch (subject.kind) {
    case 'cost-centre':
      return subject.code
    case 'investment':
      return subject.key
    default:
      return ''
  }
}

/** The month a follow-up reports through: its period end's month. */
function throughMonthOf(fu: FollowUpRow): number {
  return Number(fu.period_end.slice(5, 7))
}

/**
 * A draft of the comment from the figures: outcome against budget at year end, the forecast against
 * budget during the year, with the largest contributing account groups where the ledger has them.
 */
async function draftFor(
  db: Queryable,
  board: BoardContext,
  fu: FollowUpRow,
  subject: CommentSubject,
): Promise<{ name: string; draft: string }> {
  const s = board.municipality.settings
  const common = { sign: s.signConvention, unit: s.amountUnit, decimals: s.amountDecimals, year: fu.year }
  const throughMonth = throughMonthOf(fu)
  if (subject.kind === 'investment' || subject.kind === 'investments') {
    const inv = await readInvestments(db, board, { year: fu.year })
    const row =
      subject.kind === 'investment'
        ? inv.projects.find((p) => p.key === subject.key)
        : { name: 'Investeringarna', ...inv.totals.all }
    if (!row) throw new AppError('NOT_FOUND', { userMessage: 'Investeringsprojektet finns inte.' })
    const budget = row.revisedBudget ?? row.budget
    const value = throughMonth === 12 ? row.outcome : (row.forecast ?? row.outcome)
    const draft =
      budget === null || value === null
        ? `Underlag för ${row.name.toLowerCase()} saknas för ${fu.year}.`
        : draftDeviationComment({
            subjectName: row.name,
            measureCompared: throughMonth === 12 || row.forecast === null ? 'outcome' : 'forecast',
            budgetOre: budget,
            valueOre: value,
            ...common,
          })
    return { name: row.name, draft }
  }
  const view = await readOperating(db, board, { year: fu.year, throughMonth, followUp: fu.key })
  let name = board.name
  let figures: OperatingFigures = view.total
  let groups: { label: string; deviationOre: number }[] | undefined
  if (subject.kind === 'cost-centre') {
    const row = view.rows.find((r) => r.costCentre.code === subject.code)
    if (!row)
      throw new AppError('NOT_FOUND', { userMessage: `Ansvaret ${subject.code} har inga belopp ${fu.year}.` })
    name = row.costCentre.name
    figures = row.figures
    if (view.hasAccountDetail) {
      const drill = await readOperatingDrill(db, board, subject.code, { year: fu.year, throughMonth })
      groups = drill.groups
        .filter((g) => g.figures.deviation !== null)
        .map((g) => ({ label: g.label, deviationOre: g.figures.deviation as number }))
    }
  }
  const useForecast = throughMonth < 12 && figures.forecast !== null
  const budget = useForecast
    ? (figures.revisedBudget ?? figures.budget)
    : throughMonth === 12
      ? (figures.revisedBudget ?? figures.budget ?? figures.periodBudget)
      : figures.periodBudget
  const value = useForecast ? figures.forecast : figures.outcome
  if (budget === null || value === null) {
    return { name, draft: `Underlag för att jämföra ${name} med budget saknas för perioden.` }
  }
  const draft = draftDeviationComment({
    subjectName: name,
    measureCompared: useForecast ? 'forecast' : 'outcome',
    budgetOre: budget,
    valueOre: value,
    ...(useForecast && figures.previousForecast !== null
      ? { previousForecastOre: figures.previousForecast }
      : {}),
    ...(groups ? { groups } : {}),
    ...common,
  })
  return { name, draft }
}

export async function readEconomyComment(
  db: Queryable,
  board: BoardContext,
  followUpKey: string,
  subject: CommentSubject,
  canEdit: boolean,
): Promise<EconomyCommentView> {
  const fu = await followUpOf(db, board, followUpKey)
  const { name, draft } = await draftFor(db, board, fu, subject)
  const [row] = await db.query<{
    text: string
    version: number
    updated_at: string
    updated_by: string | null
  }>(
    `SELECT c.text, c.version,
            to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
            u.name AS updated_by
       FROM economy_comments c LEFT JOIN users u ON u.id = c.updated_by
      WHERE c.follow_up_id = $1 AND c.subject_kind = $2 AND c.subject_key = $3`,
    [fu.id, subject.kind, subjectKey(subject)],
  )
  return {
    subject: { kind: subject.kind, key: subjectKey(subject) },
    subjectName: name,
    text: row?.text ?? null,
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
    draft,
    editable: canEdit && fu.status !== 'decided' && fu.status !== 'approved',
  }
}

/**
 * Save a comment if the caller saw the current version (0 for a comment not yet written); a stale
 * version is a conflict and changes nothing.
 */
export async function saveEconomyComment(
  tx: Queryable,
  board: BoardContext,
  followUpKey: string,
  subject: CommentSubject,
  change: { text: string; version: number; actor: Actor },
): Promise<{ outcome: 'saved'; version: number } | { outcome: 'conflict' }> {
  const fu = await followUpOf(tx, board, followUpKey)
  if (fu.status === 'decided' || fu.status === 'approved') {
    throw new AppError('LOCKED', {
      userMessage: 'Uppföljningen är godkänd eller beslutad; kommentaren kan inte ändras.',
    })
  }
  // The subject must exist (and its draft be computable) before anyone comments on it.
  await draftFor(tx, board, fu, subject)
  const key = subjectKey(subject)
  const [current] = await tx.query<{ id: string; version: number; text: string }>(
    `SELECT id, version, text FROM economy_comments
      WHERE follow_up_id = $1 AND subject_kind = $2 AND subject_key = $3 FOR UPDATE`,
    [fu.id, subject.kind, key],
  )
  if ((current?.version ?? 0) !== change.version) return { outcome: 'conflict' }
  let version: number
  let commentId: string
  if (current) {
    commentId = current.id
    version = current.version + 1
    await tx.query(
      'UPDATE economy_comments SET text = $2, version = $3, updated_by = $4, updated_at = now() WHERE id = $1',
      [current.id, change.text, version, change.actor.id],
    )
  } else {
    version = 1
    // ON CONFLICT: two first saves at once — the second finds the row taken and is a conflict.
    const [inserted] = await tx.query<{ id: string }>(
      `INSERT INTO economy_comments (municipality_id, follow_up_id, subject_kind, subject_key, text, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (follow_up_id, subject_kind, subject_key) DO NOTHING RETURNING id`,
      [board.municipality.id, fu.id, subject.kind, key, change.text, change.actor.id],
    )
    if (!inserted) return { outcome: 'conflict' }
    commentId = inserted.id
  }
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor: change.actor,
    action: 'economy.comment',
    entityKind: 'economy-comment',
    entityId: commentId,
    summary: `Skrev kommentar till ekonomin (${fu.key}, ${subject.kind === 'board' ? 'nämnden' : key || 'investeringar'})`,
    before: current ? { text: current.text, version: current.version } : null,
    after: { text: change.text, version },
  })
  return { outcome: 'saved', version }
}
