import {
  AppError,
  ControlReport,
  type InternalControlView,
  type PartStatus,
  riskBand,
  riskBandLabels,
  riskValue,
  TextReport,
} from '@arshjul/domain'
import { type Actor, appendAudit } from '../cycle/audit.ts'
import { createPartsInOpenFollowUps } from '../cycle/create-parts.ts'
import type { Queryable } from '../database.ts'
import { type BoardContext, levelLookup } from '../read/context.ts'

interface FollowUpRow {
  id: string
  key: string
  title: string
  status: string
  year: number
}

async function followUpOf(db: Queryable, board: BoardContext, key: string): Promise<FollowUpRow> {
  const [fu] = await db.query<FollowUpRow>(
    'SELECT id, key, title, status, year FROM follow_ups WHERE board_id = $1 AND key = $2',
    [board.id, key],
  )
  if (!fu) throw new AppError('NOT_FOUND', { userMessage: `Uppföljningen "${key}" finns inte.` })
  return fu
}

function assertOpen(fu: FollowUpRow): void {
  if (fu.status === 'decided' || fu.status === 'approved') {
    throw new AppError('LOCKED', {
      userMessage: `${fu.title} är godkänd eller beslutad och kan inte ändras.`,
    })
  }
}

/**
 * In a follow-up that asks for internal control, controls and the overall assessment are reported
 * as parts of its workflow (drafted, reviewed, approved); a direct save would be overwritten at
 * approval, so it is refused and the user is sent to the part.
 */
async function refuseWhenReportedAsPart(
  tx: Queryable,
  fu: FollowUpRow,
  kind: 'control' | 'control-summary',
  subjectId: string,
): Promise<void> {
  const [part] = await tx.query<{ id: string }>(
    'SELECT id FROM report_parts WHERE follow_up_id = $1 AND kind = $2 AND subject_id = $3',
    [fu.id, kind, subjectId],
  )
  if (part) {
    throw new AppError('INVALID_STATE', {
      userMessage: `${fu.title} rapporteras i uppföljningens arbetsflöde: skriv i delen under Mina uppgifter.`,
    })
  }
}

/**
 * A board's internal control for a year: the risk register with its heat map, the year's control
 * plan and — for the chosen follow-up (or the latest of the year) — each control's follow-up and the
 * overall assessment.
 */
export async function readInternalControl(
  db: Queryable,
  board: BoardContext,
  q: { year?: number | undefined; followUp?: string | undefined; editable: boolean; insider: boolean },
): Promise<InternalControlView> {
  const scale = board.municipality.settings.riskScale
  const yearRows = await db.query<{ year: number }>(
    `SELECT DISTINCT year FROM controls WHERE board_id = $1
     UNION SELECT DISTINCT f.year FROM internal_control_assessments a JOIN follow_ups f ON f.id = a.follow_up_id WHERE f.board_id = $1
     ORDER BY 1 DESC`,
    [board.id],
  )
  const years = yearRows.map((r) => r.year)
  const year = q.year ?? years[0] ?? new Date().getFullYear()
  let fu: FollowUpRow | null = null
  if (q.followUp !== undefined) fu = await followUpOf(db, board, q.followUp)
  else {
    const [latest] = await db.query<FollowUpRow>(
      `SELECT id, key, title, status, year FROM follow_ups WHERE board_id = $1 AND year = $2 AND kind <> 'business-plan'
        ORDER BY period_end DESC, key LIMIT 1`,
      [board.id, year],
    )
    fu = latest ?? null
  }
  const risks = await db.query<{
    id: string
    key: string
    title: string
    description: string | null
    probability: number
    consequence: number
    owner: string | null
    identified_year: number
    version: number
  }>(
    `SELECT id, key, title, description, probability, consequence, owner, identified_year, version
       FROM risks WHERE board_id = $1 AND identified_year <= $2 ORDER BY probability * consequence DESC, key`,
    [board.id, year],
  )
  const riskViews = risks.map((r) => {
    const value = riskValue(r.probability, r.consequence)
    const band = riskBand(value, scale)
    return {
      key: r.key,
      title: r.title,
      description: r.description,
      probability: r.probability,
      consequence: r.consequence,
      value,
      band,
      bandLabel: riskBandLabels[band],
      owner: r.owner,
      identifiedYear: r.identified_year,
      version: r.version,
    }
  })
  const matrix = scale.probability.flatMap((_, pi) =>
    scale.consequence.map((_c, ci) => {
      const probability = pi + 1
      const consequence = ci + 1
      const value = riskValue(probability, consequence)
      return {
        probability,
        consequence,
        value,
        band: riskBand(value, scale),
        risks: riskViews
          .filter((r) => r.probability === probability && r.consequence === consequence)
          .map((r) => ({ key: r.key, title: r.title })),
      }
    }),
  )
  const level = levelLookup(board.municipality.settings.assessmentScale)
  const fromPart = (c: ControlReport, version: number) =>
    c.result === null && c.level === null && c.action === null
      ? null
      : {
          result: c.result,
          level: level(c.level),
          action: c.action,
          returnsNextYear: c.returnsNextYear,
          version,
        }
  const controls = await db.query<{
    key: string
    year: number
    title: string
    risk_key: string | null
    risk_title: string | null
    method: string | null
    responsible: string | null
    frequency: string | null
    mandatory: boolean
    version: number
    unit_key: string | null
    unit_name: string | null
    part_id: string | null
    part_status: PartStatus | null
    part_content: unknown
    from_key: string | null
    from_year: number | null
    result: string | null
    level: string | null
    action: string | null
    returns_next_year: boolean | null
    fu_version: number | null
  }>(
    `SELECT c.key, c.year, c.title, r.key AS risk_key, r.title AS risk_title, c.method, c.responsible, c.frequency,
            c.mandatory, c.version, p.key AS from_key, p.year AS from_year,
            u.key AS unit_key, u.name AS unit_name, rp.id AS part_id, rp.status AS part_status, rp.content AS part_content,
            f.result, f.level, f.action, f.returns_next_year, f.version AS fu_version
       FROM controls c
       LEFT JOIN risks r ON r.id = c.risk_id
       LEFT JOIN controls p ON p.id = c.carried_from_id
       LEFT JOIN org_units u ON u.id = c.unit_id
       LEFT JOIN report_parts rp ON rp.follow_up_id = $3 AND rp.kind = 'control' AND rp.subject_id = c.id
       LEFT JOIN control_follow_ups f ON f.control_id = c.id AND f.follow_up_id = $3
      WHERE c.board_id = $1 AND c.year = $2
      ORDER BY c.mandatory DESC, c.key`,
    [board.id, year, fu?.id ?? null],
  )
  const [assessment] = fu
    ? await db.query<{ text: string; version: number }>(
        'SELECT text, version FROM internal_control_assessments WHERE follow_up_id = $1',
        [fu.id],
      )
    : []
  const [summaryPart] = fu
    ? await db.query<{ id: string; status: PartStatus; content: unknown }>(
        "SELECT id, status, content FROM report_parts WHERE follow_up_id = $1 AND kind = 'control-summary'",
        [fu.id],
      )
    : []
  const units = await db.query<{ key: string; name: string }>(
    `SELECT u.key, u.name FROM org_units u JOIN administrations a ON a.id = u.administration_id
      WHERE a.board_id = $1 AND u.valid_from <= make_date($2, 12, 31)
        AND (u.valid_to IS NULL OR u.valid_to >= make_date($2, 1, 1))
      ORDER BY u.name, u.key`,
    [board.id, year],
  )
  // Until the follow-up is approved, a part in its workflow is the latest word — for insiders.
  const applied = fu?.status === 'approved' || fu?.status === 'decided'
  const showParts = q.insider && !applied
  const summaryText = showParts && summaryPart ? TextReport.parse(summaryPart.content).text : null
  return {
    year,
    followUp: fu ? { key: fu.key, title: fu.title, status: fu.status } : null,
    scale: { probability: scale.probability, consequence: scale.consequence },
    risks: riskViews,
    matrix,
    controls: controls.map((c) => ({
      key: c.key,
      year: c.year,
      title: c.title,
      risk: c.risk_key && c.risk_title ? { key: c.risk_key, title: c.risk_title } : null,
      method: c.method,
      responsible: c.responsible,
      frequency: c.frequency,
      mandatory: c.mandatory,
      unit: c.unit_key ? { key: c.unit_key, name: c.unit_name ?? '' } : null,
      part: q.insider && c.part_id && c.part_status ? { id: c.part_id, status: c.part_status } : null,
      carriedFrom:
        c.from_key !== null && c.from_year !== null ? { key: c.from_key, year: c.from_year } : null,
      version: c.version,
      followUp:
        showParts && c.part_content
          ? fromPart(ControlReport.parse(c.part_content), c.fu_version ?? 0)
          : c.fu_version === null
            ? null
            : {
                result: c.result,
                level: level(c.level),
                action: c.action,
                returnsNextYear: c.returns_next_year === true,
                version: c.fu_version,
              },
    })),
    assessment:
      summaryText !== null
        ? { text: summaryText, version: assessment?.version ?? 0 }
        : assessment
          ? { text: assessment.text, version: assessment.version }
          : null,
    units,
    assessmentPart: q.insider && summaryPart ? { id: summaryPart.id, status: summaryPart.status } : null,
    years,
    editable: q.editable && fu !== null && !applied,
  }
}

function checkScale(board: BoardContext, probability: number, consequence: number): void {
  const scale = board.municipality.settings.riskScale
  const problems: { path: string; message: string }[] = []
  if (probability > scale.probability.length) {
    problems.push({ path: 'probability', message: `Sannolikheten ska vara 1–${scale.probability.length}` })
  }
  if (consequence > scale.consequence.length) {
    problems.push({ path: 'consequence', message: `Konsekvensen ska vara 1–${scale.consequence.length}` })
  }
  if (problems.length > 0)
    throw new AppError('VALIDATION', { userMessage: 'Risken kan inte sparas.', details: problems })
}

/** Create a risk (version 0) or change one (the version read); a stale version is a conflict. */
export async function saveRisk(
  tx: Queryable,
  board: BoardContext,
  key: string,
  risk: {
    title: string
    description?: string | undefined
    probability: number
    consequence: number
    owner?: string | undefined
    identifiedYear: number
    version: number
  },
  actor: Actor,
): Promise<{ outcome: 'saved'; version: number } | { outcome: 'conflict' }> {
  checkScale(board, risk.probability, risk.consequence)
  const [current] = await tx.query<{ id: string; version: number; board_id: string }>(
    'SELECT id, version, board_id FROM risks WHERE municipality_id = $1 AND key = $2 FOR UPDATE',
    [board.municipality.id, key],
  )
  if (current && current.board_id !== board.id) {
    throw new AppError('CONFLICT', { userMessage: `Nyckeln "${key}" används av en annan nämnds risk.` })
  }
  if ((current?.version ?? 0) !== risk.version) return { outcome: 'conflict' }
  const values = [
    risk.title,
    risk.description ?? null,
    risk.probability,
    risk.consequence,
    risk.owner ?? null,
    risk.identifiedYear,
  ]
  let id: string
  let version: number
  if (current) {
    version = current.version + 1
    id = current.id
    await tx.query(
      `UPDATE risks SET title = $2, description = $3, probability = $4, consequence = $5, owner = $6,
              identified_year = $7, version = $8 WHERE id = $1`,
      [id, ...values, version],
    )
  } else {
    version = 1
    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO risks (municipality_id, board_id, key, title, description, probability, consequence, owner, identified_year)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [board.municipality.id, board.id, key, ...values],
    )
    if (!created) throw new Error('risk not written')
    id = created.id
  }
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor,
    action: 'internal-control.risk',
    entityKind: 'risk',
    entityId: id,
    summary: `${current ? 'Ändrade' : 'Registrerade'} risken "${risk.title}" (riskvärde ${riskValue(risk.probability, risk.consequence)})`,
    before: null,
    after: risk,
  })
  return { outcome: 'saved', version }
}

/** Add a control to a year's plan (version 0), or change one (the version read); stale is a conflict. */
export async function saveControl(
  tx: Queryable,
  board: BoardContext,
  key: string,
  control: {
    year: number
    title: string
    risk: string | null
    method?: string | undefined
    responsible?: string | undefined
    frequency?: string | undefined
    mandatory: boolean
    unit?: string | null | undefined
    version: number
  },
  actor: Actor,
): Promise<{ outcome: 'saved'; version: number } | { outcome: 'conflict' }> {
  let unitId: string | null = null
  if (control.unit) {
    const [u] = await tx.query<{ id: string }>(
      `SELECT u.id FROM org_units u JOIN administrations a ON a.id = u.administration_id
        WHERE a.board_id = $1 AND u.key = $2`,
      [board.id, control.unit],
    )
    if (!u) {
      throw new AppError('VALIDATION', {
        userMessage: `Enheten "${control.unit}" finns inte under nämnden.`,
        details: [{ path: 'unit', message: 'Välj en enhet under nämnden' }],
      })
    }
    unitId = u.id
  }
  let riskId: string | null = null
  if (control.risk !== null) {
    const [r] = await tx.query<{ id: string }>('SELECT id FROM risks WHERE board_id = $1 AND key = $2', [
      board.id,
      control.risk,
    ])
    if (!r) throw new AppError('VALIDATION', { userMessage: `Risken "${control.risk}" finns inte.` })
    riskId = r.id
  }
  const [existing] = await tx.query<{ id: string; board_id: string; version: number }>(
    'SELECT id, board_id, version FROM controls WHERE municipality_id = $1 AND key = $2 FOR UPDATE',
    [board.municipality.id, key],
  )
  if (existing && existing.board_id !== board.id) {
    throw new AppError('CONFLICT', { userMessage: `Nyckeln "${key}" används av en annan nämnds kontroll.` })
  }
  if ((existing?.version ?? 0) !== control.version) return { outcome: 'conflict' }
  const values = [
    control.year,
    riskId,
    control.title,
    control.method ?? null,
    control.responsible ?? null,
    control.frequency ?? null,
    control.mandatory,
    unitId,
  ]
  let id: string
  let version: number
  if (existing) {
    id = existing.id
    version = existing.version + 1
    await tx.query(
      `UPDATE controls SET year = $2, risk_id = $3, title = $4, method = $5, responsible = $6, frequency = $7,
              mandatory = $8, unit_id = $9, version = $10 WHERE id = $1`,
      [id, ...values, version],
    )
  } else {
    version = 1
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO controls (municipality_id, board_id, key, year, risk_id, title, method, responsible, frequency, mandatory, unit_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (municipality_id, key) DO NOTHING RETURNING id`,
      [board.municipality.id, board.id, key, ...values],
    )
    if (!row) return { outcome: 'conflict' }
    id = row.id
  }
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor,
    action: 'internal-control.control',
    entityKind: 'control',
    entityId: id,
    summary: `${existing ? 'Ändrade' : 'Lade till'} kontrollmomentet "${control.title}" i planen för ${control.year}`,
    before: null,
    after: control,
  })
  // A control added while a follow-up of its year is open is reported in it, like the others.
  if (existing) {
    await tx.query(
      `UPDATE report_parts SET unit_id = $2 WHERE kind = 'control' AND subject_id = $1
          AND follow_up_id IN (SELECT id FROM follow_ups WHERE status = 'open')`,
      [id, unitId],
    )
  }
  await createPartsInOpenFollowUps(tx, board.id, control.year)
  return { outcome: 'saved', version }
}

/** Record a control's follow-up in a follow-up (result, assessment on the goals' scale, action). */
export async function saveControlFollowUp(
  tx: Queryable,
  board: BoardContext,
  controlKey: string,
  followUpKey: string,
  change: {
    result?: string | undefined
    level: string | null
    action?: string | undefined
    returnsNextYear: boolean
    version: number
  },
  actor: Actor,
): Promise<{ outcome: 'saved'; version: number } | { outcome: 'conflict' }> {
  const fu = await followUpOf(tx, board, followUpKey)
  assertOpen(fu)
  const [control] = await tx.query<{ id: string; title: string }>(
    'SELECT id, title FROM controls WHERE board_id = $1 AND key = $2',
    [board.id, controlKey],
  )
  if (!control)
    throw new AppError('NOT_FOUND', { userMessage: `Kontrollmomentet "${controlKey}" finns inte.` })
  await refuseWhenReportedAsPart(tx, fu, 'control', control.id)
  if (
    change.level !== null &&
    !board.municipality.settings.assessmentScale.levels.some((l) => l.key === change.level)
  ) {
    throw new AppError('VALIDATION', {
      userMessage: 'Bedömningen finns inte i kommunens skala.',
      details: [{ path: 'level', message: `Okänd nivå "${change.level}"` }],
    })
  }
  const [current] = await tx.query<{ id: string; version: number }>(
    'SELECT id, version FROM control_follow_ups WHERE control_id = $1 AND follow_up_id = $2 FOR UPDATE',
    [control.id, fu.id],
  )
  if ((current?.version ?? 0) !== change.version) return { outcome: 'conflict' }
  const values = [
    change.result ?? null,
    change.level,
    change.action ?? null,
    change.returnsNextYear,
    actor.id,
  ]
  let id: string
  let version: number
  if (current) {
    id = current.id
    version = current.version + 1
    await tx.query(
      `UPDATE control_follow_ups SET result = $2, level = $3, action = $4, returns_next_year = $5, updated_by = $6,
              version = $7, updated_at = now() WHERE id = $1`,
      [id, ...values, version],
    )
  } else {
    version = 1
    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO control_follow_ups (municipality_id, control_id, follow_up_id, result, level, action, returns_next_year, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (control_id, follow_up_id) DO NOTHING RETURNING id`,
      [board.municipality.id, control.id, fu.id, ...values],
    )
    if (!created) return { outcome: 'conflict' }
    id = created.id
  }
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor,
    action: 'internal-control.follow-up',
    entityKind: 'control-follow-up',
    entityId: id,
    summary: `Följde upp kontrollmomentet "${control.title}" i ${fu.title}`,
    before: null,
    after: change,
  })
  return { outcome: 'saved', version }
}

/** The overall assessment of internal control in a follow-up. */
export async function saveControlAssessment(
  tx: Queryable,
  board: BoardContext,
  followUpKey: string,
  change: { text: string; version: number },
  actor: Actor,
): Promise<{ outcome: 'saved'; version: number } | { outcome: 'conflict' }> {
  const fu = await followUpOf(tx, board, followUpKey)
  assertOpen(fu)
  await refuseWhenReportedAsPart(tx, fu, 'control-summary', board.id)
  const [current] = await tx.query<{ version: number }>(
    'SELECT version FROM internal_control_assessments WHERE follow_up_id = $1 FOR UPDATE',
    [fu.id],
  )
  if ((current?.version ?? 0) !== change.version) return { outcome: 'conflict' }
  const version = (current?.version ?? 0) + 1
  const written = await tx.query(
    `INSERT INTO internal_control_assessments (follow_up_id, municipality_id, text, updated_by)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (follow_up_id) DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by,
       version = internal_control_assessments.version + 1, updated_at = now()
     WHERE internal_control_assessments.version = $5
     RETURNING follow_up_id`,
    [fu.id, board.municipality.id, change.text, actor.id, change.version],
  )
  if (written.length === 0) return { outcome: 'conflict' }
  await appendAudit(tx, {
    chain: board.municipality.id,
    actor,
    action: 'internal-control.assessment',
    entityKind: 'follow-up',
    entityId: fu.id,
    summary: `Skrev den sammanfattande bedömningen av den interna kontrollen i ${fu.title}`,
    before: null,
    after: change,
  })
  return { outcome: 'saved', version }
}

/**
 * Carry a year's controls that are to return (their last follow-up says so) into the next year's
 * plan, linked to the ones they came from; run once per year (a second run changes nothing).
 */
export async function carryControlsOver(
  tx: Queryable,
  board: BoardContext,
  fromYear: number,
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO controls (municipality_id, board_id, key, year, risk_id, title, method, responsible, frequency, mandatory, carried_from_id)
     SELECT c.municipality_id, c.board_id, c.key || '-' || ($2::int + 1), $2::int + 1, c.risk_id, c.title, c.method,
            c.responsible, c.frequency, c.mandatory, c.id
       FROM controls c
      WHERE c.board_id = $1 AND c.year = $2
        AND (c.mandatory OR EXISTS (
              SELECT 1 FROM control_follow_ups f JOIN follow_ups u ON u.id = f.follow_up_id
               WHERE f.control_id = c.id AND f.returns_next_year
                 AND u.period_end = (SELECT max(u2.period_end) FROM control_follow_ups f2
                                      JOIN follow_ups u2 ON u2.id = f2.follow_up_id WHERE f2.control_id = c.id)))
        AND NOT EXISTS (SELECT 1 FROM controls n WHERE n.carried_from_id = c.id)
     RETURNING id`,
    [board.id, fromYear],
  )
  return rows.length
}
