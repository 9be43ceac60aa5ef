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
  /** Narrative texts by section (foreword, mission, year, events, future). */
  texts: Record<string, string>
  /** The comments on the operating accounts (the board as a whole) and the investments. */
  economyComments: { operating: string | null; investments: string | null }
  /** The personnel figures of the follow-up's administration, protected as for the public. */
  personnel: PersonnelView | null
  personnelComment: string | null
}

export async function readDocumentSources(
  db: Queryable,
  board: BoardContext,
  followUpId: string,
): Promise<DocumentSources> {
  const texts = await db.query<{ section: string; text: string }>(
    'SELECT section, text FROM report_texts WHERE follow_up_id = $1 ORDER BY section',
    [followUpId],
  )
  const comments = await db.query<{ subject_kind: string; text: string }>(
    `SELECT subject_kind, text FROM economy_comments
      WHERE follow_up_id = $1 AND subject_kind IN ('board', 'investments')`,
    [followUpId],
  )
  const [fu] = await db.query<{ administration_key: string | null }>(
    `SELECT a.key AS administration_key FROM follow_ups f LEFT JOIN administrations a ON a.id = f.administration_id
      WHERE f.id = $1`,
    [followUpId],
  )
  let personnel: PersonnelView | null = null
  if (fu?.administration_key) {
    const scope = await resolvePersonnelScope(db, board.municipality.id, fu.administration_key)
    if (scope) {
      // A document leaves the administration: groups under 10 are hidden as for the public.
      personnel = await readPersonnel(
        db,
        board.municipality.id,
        { ...scope, key: fu.administration_key },
        false,
      )
      if (personnel.measures.length === 0) personnel = null
    }
  }
  const [comment] = await db.query<{ text: string }>(
    'SELECT text FROM personnel_comments WHERE follow_up_id = $1',
    [followUpId],
  )
  return {
    texts: Object.fromEntries(texts.map((t) => [t.section, t.text])),
    economyComments: {
      operating: comments.find((c) => c.subject_kind === 'board')?.text ?? null,
      investments: comments.find((c) => c.subject_kind === 'investments')?.text ?? null,
    },
    personnel,
    personnelComment: comment?.text ?? null,
  }
}
