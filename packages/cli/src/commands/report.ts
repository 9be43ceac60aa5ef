import { rename, rm, writeFile } from 'node:fs/promises'
import { findBoard, listFollowUps } from '@arshjul/db'
import { AppError, type ReportKind, reportKindLabels } from '@arshjul/domain'
import {
  generateCompilation,
  generateReport,
  type ReportFormat,
  TemplateError,
  VerificationError,
} from '@arshjul/reports'
import { type DbOptions, openConfigured } from '../open.ts'

export interface ReportOptions extends DbOptions {
  municipality: string
  board?: string
  /** The municipality-wide compilation of the boards' annual reports (with --year). */
  compilation?: boolean
  kind?: ReportKind
  year?: number
  followUp?: string
  format: ReportFormat
  out: string
  despiteErrors?: boolean
}

const severityWords = { error: 'Fel', warning: 'Varning', note: 'Notering' } as const

/**
 * `arshjul report`: the document of a board's follow-up (by kind and year, or by key) as PDF,
 * DOCX, XLSX or HTML. Written to a temporary file and renamed: never a half-written file.
 */
export async function reportCommand(options: ReportOptions): Promise<void> {
  const { db } = await openConfigured(options)
  try {
    const started = performance.now()
    const generateOptions = { allowErrors: options.despiteErrors === true }
    let report: Awaited<ReturnType<typeof generateReport>>
    try {
      if (options.compilation) {
        if (options.year === undefined) {
          throw new AppError('VALIDATION', { userMessage: 'Ange --year för sammanställningen.' })
        }
        report = await generateCompilation(
          db,
          options.municipality,
          options.year,
          options.format,
          generateOptions,
        )
      } else {
        const board = options.board
        if (!board) throw new AppError('VALIDATION', { userMessage: 'Ange --board, eller --compilation.' })
        const followUp = options.followUp ?? (await followUpOf(db, { ...options, board }))
        report = await generateReport(
          db,
          { municipality: options.municipality, board, followUp },
          options.format,
          generateOptions,
        )
      }
    } catch (error) {
      if (error instanceof VerificationError) {
        console.error(`arshjul: ${error.message}`)
        for (const f of error.findings)
          console.error(`  ${severityWords[f.severity]}: ${f.where}: ${f.message}`)
        console.error('Inget dokument skrevs. Rätta uppgifterna, eller skriv ut ändå med --despite-errors.')
        process.exitCode = 1
        return
      }
      if (error instanceof TemplateError) {
        console.error(`arshjul: ${error.message}`)
        process.exitCode = 1
        return
      }
      throw error
    }
    const temporary = `${options.out}.${process.pid}.tmp`
    try {
      await writeFile(temporary, report.bytes)
      await rename(temporary, options.out)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    for (const f of report.findings) console.log(`${severityWords[f.severity]}: ${f.where}: ${f.message}`)
    const ms = Math.round(performance.now() - started)
    console.log(
      `Skrev ${options.out}: ${report.document.title}, ${report.document.board} (${report.bytes.length} byte, ${ms} ms).`,
    )
  } finally {
    await db.close()
  }
}

/** The board's follow-up of the kind and year; several of them (months) need --follow-up. */
async function followUpOf(
  db: Parameters<typeof listFollowUps>[0],
  options: ReportOptions & { board: string },
): Promise<string> {
  if (!options.kind || options.year === undefined) {
    throw new AppError('VALIDATION', { userMessage: 'Ange --kind och --year, eller --follow-up.' })
  }
  const board = await findBoard(db, options.municipality, options.board)
  if (!board) {
    throw new AppError('NOT_FOUND', {
      userMessage: `Nämnden "${options.board}" finns inte i kommun ${options.municipality}.`,
    })
  }
  const matches = (await listFollowUps(db, board)).filter(
    (f) => f.kind === options.kind && f.year === options.year,
  )
  const [only, ...rest] = matches
  if (!only) {
    throw new AppError('NOT_FOUND', {
      userMessage: `${board.name} har ingen ${reportKindLabels[options.kind].toLowerCase()} för ${options.year}.`,
    })
  }
  if (rest.length > 0) {
    throw new AppError('VALIDATION', {
      userMessage: `${board.name} har ${matches.length} uppföljningar av det slaget ${options.year}: ange en med --follow-up (${matches.map((m) => m.key).join(', ')}).`,
    })
  }
  return only.key
}
