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
import { AppError, type FollowUpSummary } from '@arshjul/domain'

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
  return { board, followUp, basis: { kind: 'live' }, content: { ...live, document } }
}
