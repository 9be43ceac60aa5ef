/**
 * What a document is made from. A decided follow-up's document is made from the snapshot frozen
 * at its decision (so regenerating it gives the same document); any other from the live data.
 */
import {
  type BoardContext,
  type DocumentSources,
  findBoard,
  findFollowUp,
  followUpContent,
  type Queryable,
  readDocumentSources,
  readSnapshotWithHash,
  type SnapshotContent,
} from '@arshjul/db'
import {
  AppError,
  AssignmentReport,
  type AssignmentStatus,
  countLevels,
  type FollowUpSummary,
  GoalReport,
} from '@arshjul/domain'

export interface ReportData {
  board: BoardContext
  followUp: FollowUpSummary
  basis: { kind: 'snapshot'; sha256: string } | { kind: 'live' }
  content: SnapshotContent & { document: DocumentSources }
}

export async function loadReportData(
  db: Queryable,
  municipalityCode: string,
  boardKey: string,
  followUpKey: string,
): Promise<ReportData> {
  const board = await findBoard(db, municipalityCode, boardKey)
  if (!board) {
    throw new AppError('NOT_FOUND', {
      userMessage: `Nämnden "${boardKey}" finns inte i kommun ${municipalityCode}.`,
    })
  }
  const found = await findFollowUp(db, board, followUpKey)
  if (!found) {
    throw new AppError('NOT_FOUND', {
      userMessage: `Uppföljningen "${followUpKey}" finns inte hos ${board.name}.`,
    })
  }
  const { id, ...followUp } = found
  if (followUp.status === 'decided') {
    const frozen = await readSnapshotWithHash(db, id)
    if (frozen) {
      // Snapshots from before documents existed lack the texts: those are read as they are now.
      const document = frozen.content.document ?? (await readDocumentSources(db, board, id))
      return {
        board,
        followUp,
        basis: { kind: 'snapshot', sha256: frozen.sha256 },
        content: { ...frozen.content, document },
      }
    }
  }
  const live = await followUpContent(db, board, { id, key: followUp.key, year: followUp.year })
  const document = live.document ?? (await readDocumentSources(db, board, id))
  const reported = await overlayReportedParts(db, id, followUp.periodEnd, live)
  return { board, followUp, basis: { kind: 'live' }, content: { ...reported, document } }
}

/**
 * Before a follow-up is approved, what its goal and assignment parts report (marked ready or
 * approved) is the latest word, while the official tables still hold the previous follow-up's: the
 * document of a follow-up in progress shows the reported levels and statuses, so that it — and a
 * summary drafted from it — says what the approved follow-up will say.
 */
async function overlayReportedParts(
  db: Queryable,
  followUpId: string,
  periodEnd: string,
  content: SnapshotContent,
): Promise<SnapshotContent> {
  const parts = await db.query<{ kind: string; key: string; content: unknown }>(
    `SELECT p.kind, COALESCE(g.key, s.key) AS key, p.content
       FROM report_parts p
       LEFT JOIN board_goals g ON p.kind = 'goal' AND g.id = p.subject_id
       LEFT JOIN assignments s ON p.kind = 'assignment' AND s.id = p.subject_id
      WHERE p.follow_up_id = $1 AND p.kind IN ('goal', 'assignment') AND p.status IN ('ready', 'approved')`,
    [followUpId],
  )
  if (parts.length === 0) return content
  const { overview } = content
  const scale = overview.scale
  const goalReports = new Map<string, GoalReport>()
  const assignmentStatus = new Map<string, AssignmentStatus>()
  for (const p of parts) {
    if (p.kind === 'goal') goalReports.set(p.key, GoalReport.parse(p.content))
    else {
      const status = AssignmentReport.parse(p.content).status
      if (status) assignmentStatus.set(p.key, status)
    }
  }
  const levelView = (key: string | null) => {
    const l = scale.levels.find((x) => x.key === key)
    return l ? { key: l.key, label: l.label, rank: l.rank, colour: l.colour, symbol: l.symbol } : null
  }
  const { key, title, kind, year } = overview.followUp
  const groups = overview.groups.map((g) => ({
    ...g,
    goals: g.goals.map((goal) => {
      const report = goalReports.get(goal.key)
      if (!report) return goal
      const assessment = {
        followUp: { key, title, kind, year, periodEnd },
        level: levelView(report.level),
        trend: report.trend,
        forecastLevel: levelView(report.forecastLevel),
        forecastText: report.forecastText,
        analysis: report.analysis,
        deviations: report.deviations,
        examples: [],
      }
      return { ...goal, assessment }
    }),
  }))
  const levels = countLevels(
    scale,
    groups.flatMap((g) => g.goals.map((goal) => goal.assessment?.level?.key ?? null)),
  )
  const items = content.assignments.items.map((a) => {
    const status = assignmentStatus.get(a.key)
    return status ? { ...a, status, statusDate: periodEnd } : a
  })
  return {
    ...content,
    overview: { ...overview, groups, summary: levels },
    assignments: { ...content.assignments, items },
  }
}
