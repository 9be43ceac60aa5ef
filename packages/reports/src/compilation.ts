/**
 * The municipality-wide compilation: every board's annual report of a year in one document, each
 * board a chapter with its own sections. Ids, figure keys and checks are prefixed with the board's
 * key so they stay unique, and every board's identities are verified again in the whole.
 */
import { findBoard, findMunicipality, listBoards, listFollowUps, type Queryable } from '@arshjul/db'
import { AppError } from '@arshjul/domain'
import { buildDocument } from './build/document.ts'
import { loadReportData } from './data.ts'
import type { Block, ReportDocument, Section } from './model.ts'

function prefixBlock(block: Block, prefix: string): Block {
  const figure = (key: string | undefined) => (key === undefined ? undefined : `${prefix}.${key}`)
  switch (block.kind) {
    case 'table':
      return {
        ...block,
        id: `${prefix}-${block.id}`,
        rows: block.rows.map((r) => ({
          ...r,
          cells: r.cells.map((c) => (c.kind === 'number' ? { ...c, figure: figure(c.figure) } : c)),
        })),
      }
    case 'chart':
      return {
        ...block,
        id: `${prefix}-${block.id}`,
        table: block.table ? `${prefix}-${block.table}` : undefined,
      }
    case 'paragraph':
      return { ...block, cites: block.cites?.map((c) => ({ ...c, figure: `${prefix}.${c.figure}` })) }
    default:
      return block
  }
}

function prefixSection(section: Section, prefix: string): Section {
  return {
    ...section,
    id: `${prefix}-${section.id}`,
    blocks: section.blocks.map((b) => prefixBlock(b, prefix)),
    sections: section.sections.map((s) => prefixSection(s, prefix)),
  }
}

/** One board's document as a chapter of the compilation, with everything renamed under `prefix`. */
export function asChapter(
  doc: ReportDocument,
  prefix: string,
): Pick<ReportDocument, 'sections' | 'figures' | 'notes' | 'checks' | 'printed'> {
  return {
    sections: [
      {
        id: `${prefix}-board`,
        title: doc.board,
        blocks: [],
        sections: doc.sections.map((s) => prefixSection(s, prefix)),
      },
    ],
    figures: Object.fromEntries(Object.entries(doc.figures).map(([k, v]) => [`${prefix}.${k}`, v])),
    notes: doc.notes.map((n) => ({ ...n, where: `${doc.board}: ${n.where}` })),
    checks: doc.checks?.map((c) => ({
      ...c,
      figure: `${prefix}.${c.figure}`,
      table: `${prefix}-${c.table}`,
    })),
    printed: doc.printed?.map((p) => ({
      ...p,
      figure: `${prefix}.${p.figure}`,
      location: `${doc.board}: ${p.location}`,
    })),
  }
}

/**
 * Build the compilation of a municipality's boards' annual reports for a year, in the order of the
 * boards; boards without an annual report that year are left out (and named in a note).
 */
export async function buildCompilation(
  db: Queryable,
  municipalityCode: string,
  year: number,
  options: { decidedOnly?: boolean } = {},
): Promise<ReportDocument> {
  const municipality = await findMunicipality(db, municipalityCode)
  if (!municipality)
    throw new AppError('NOT_FOUND', { userMessage: `Kommun ${municipalityCode} finns inte.` })
  const boards = await listBoards(db, municipality.id)
  const chapters: ReturnType<typeof asChapter>[] = []
  const without: string[] = []
  let allDecided = true
  for (const ref of boards) {
    const found = await findAnnual(db, municipalityCode, ref.key, year, options.decidedOnly === true)
    if (!found) {
      without.push(ref.name)
      continue
    }
    const data = await loadReportData(db, municipalityCode, ref.key, found)
    if (data.followUp.status !== 'decided') allDecided = false
    chapters.push(asChapter(buildDocument(data), ref.key))
  }
  if (chapters.length === 0) {
    throw new AppError('NOT_FOUND', {
      userMessage: `Ingen nämnd i ${municipality.name} har en verksamhetsberättelse för ${year}.`,
    })
  }
  return {
    kind: 'annual',
    title: `Nämndernas verksamhetsberättelser ${year}`,
    board: municipality.name,
    municipality: municipality.name,
    year,
    followUp: {
      key: `sammanstallning-${year}`,
      status: allDecided ? 'decided' : 'draft',
      decisionRef: null,
      decidedOn: null,
    },
    basis: { kind: 'live' },
    sections: chapters.flatMap((c) => c.sections),
    figures: Object.assign({}, ...chapters.map((c) => c.figures)),
    notes: [
      ...chapters.flatMap((c) => c.notes),
      ...(without.length > 0
        ? [
            {
              severity: 'note' as const,
              where: 'Sammanställningen',
              message: `Utan verksamhetsberättelse för ${year}: ${without.join(', ')}.`,
            },
          ]
        : []),
    ],
    checks: chapters.flatMap((c) => c.checks ?? []),
    printed: chapters.flatMap((c) => c.printed ?? []),
  }
}

async function findAnnual(
  db: Queryable,
  code: string,
  boardKey: string,
  year: number,
  decidedOnly: boolean,
): Promise<string | null> {
  const board = await findBoard(db, code, boardKey)
  if (!board) return null
  const annual = (await listFollowUps(db, board)).filter(
    (f) => f.kind === 'annual' && f.year === year && (!decidedOnly || f.status === 'decided'),
  )
  // A corrected report supersedes the first: the newest version of the year counts.
  return annual.sort((a, b) => b.key.localeCompare(a.key))[0]?.key ?? null
}
