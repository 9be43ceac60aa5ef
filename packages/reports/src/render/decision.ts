/**
 * What every format says about the board's decision on the document: its reference when it has
 * one ("KS 2025-02-24 § 31"), that it is decided (and when) when the reference is not known — as for
 * reports loaded from sources that do not print it — or that it is not decided yet.
 */
import type { ReportDocument } from '../model.ts'

export type Decision =
  | { kind: 'reference'; text: string }
  | { kind: 'decided'; text: string }
  | { kind: 'draft' }

export function decisionOf(doc: ReportDocument): Decision {
  const { status, decisionRef, decidedOn } = doc.followUp
  if (decisionRef) {
    const text = decidedOn && !decisionRef.includes(decidedOn) ? `${decisionRef} (${decidedOn})` : decisionRef
    return { kind: 'reference', text }
  }
  if (status === 'decided') return { kind: 'decided', text: decidedOn ? `Beslutad ${decidedOn}` : 'Beslutad' }
  return { kind: 'draft' }
}
