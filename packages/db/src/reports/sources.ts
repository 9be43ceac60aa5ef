/**
 * What a follow-up's document says beyond the goals, indicators and economy tables: the board's
 * narrative texts, the comments on the accounts, the personnel figures as the public may see them
 * and the personnel comment. Frozen in the snapshot at the decision, read live before it.
 */
import type { PersonnelView } from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { readPersonnel } from '../personnel/read.ts'
import { resolvePersonnelScope } from '../personnel/store.ts'
import type { BoardContext } from '../read/context.ts'

export interface DocumentSources {
  /** Narrative texts by section (foreword, mission, year, events, future, and an edited summary). */
  texts: Record<string, string>
  /** The figures a text cites with the values it used, by section (absent in older snapshots). */
  textCites?: Record<string, { figure: string; value: string }[]>
  /** The comments on the operating accounts (the board as a whole) and the investments. */
  economyComments: { operating: string | null; investments: string | null }
  /** The personnel figures of the follow-up's administration, protected as for the public. */
  personnel: PersonnelView | null
  personnelComment: string | null
  /** Figures the source document printed differently from its own rows or tables. */
  printedFigures?: { figure: string; printed: string; location: string }[]
  /** The imports the year's accounts come from: file, kind, who and when (absent in older snapshots). */
  economyImports?: { fileName: string; kind: string; importedAt: string | null; importedBy: string | null }[]
}

export async function readDocumentSources(
  db: Queryable,
  board: BoardContext,
  followUpId: string,
): Promise<DocumentSources> {
  const texts = await db.query<{ section: string; text: string; cites: { figure: string; value: string }[] }>(
    'SELECT section, text, cites FROM report_texts WHERE follow_up_id = $1 ORDER BY section',
    [followUpId],
  )
  const comments = await db.query<{ subject_kind: string; text: string }>(
    `SELECT subject_kind, text FROM economy_comments
      WHERE follow_up_id = $1 AND subject_kind IN ('board', 'investments')`,
    [followUpId],
  )
  // The follow-up's administration, else the board's administrations (the first with figures).
  const administrations = await db.query<{ key: string }>(
    `SELECT a.key FROM follow_ups f JOIN administrations a
         ON a.id = f.administration_id OR (f.administration_id IS NULL AND a.board_id = f.board_id)
      WHERE f.id = $1
      ORDER BY a.valid_from, a.key`,
    [followUpId],
  )
  let personnel: PersonnelView | null = null
  for (const { key } of administrations) {
    const scope = await resolvePersonnelScope(db, board.municipality.id, key)
    if (!scope) continue
    // A document leaves the administration: groups under 10 are hidden as for the public.
    const view = await readPersonnel(db, board.municipality.id, { ...scope, key }, false)
    if (view.measures.length > 0) {
      personnel = view
      break
    }
  }
  const [comment] = await db.query<{ text: string }>(
    'SELECT text FROM personnel_comments WHERE follow_up_id = $1',
    [followUpId],
  )
  const printed = await db.query<{ figure: string; printed: string; location: string }>(
    'SELECT figure, printed, location FROM source_figures WHERE follow_up_id = $1 ORDER BY figure, location',
    [followUpId],
  )
  const imports = await db.query<{
    file_name: string
    source_kind: string
    imported_at: string
    imported_by: string | null
  }>(
    `SELECT i.file_name, i.source_kind, to_char(i.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at,
            u.name AS imported_by
       FROM economy_imports i
       JOIN follow_ups f ON f.id = $1
       LEFT JOIN users u ON u.id = i.imported_by
      WHERE i.municipality_id = f.municipality_id AND i.year = f.year AND i.role = 'record'
        AND (i.board_id IS NULL OR i.board_id = f.board_id)
      ORDER BY i.imported_at, i.file_name`,
    [followUpId],
  )
  return {
    printedFigures: printed,
    economyImports: imports.map((i) => ({
      fileName: i.file_name,
      kind: i.source_kind,
      // Demo data has no moment of import (loading it again gives the same frozen snapshots).
      importedAt: i.source_kind === 'seed' ? null : i.imported_at,
      importedBy: i.imported_by,
    })),
    texts: Object.fromEntries(texts.map((t) => [t.section, t.text])),
    textCites: Object.fromEntries(texts.filter((t) => t.cites.length > 0).map((t) => [t.section, t.cites])),
    economyComments: {
      operating: comments.find((c) => c.subject_kind === 'board')?.text ?? null,
      investments: comments.find((c) => c.subject_kind === 'investments')?.text ?? null,
    },
    personnel,
    personnelComment: comment?.text ?? null,
  }
}
