import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { findMunicipality } from '@arshjul/db'
import { AppError } from '@arshjul/domain'
import { commitEconomyImport, exportOperatingCsv, previewEconomyImport } from '@arshjul/importers'
import { type DbOptions, openConfigured } from '../open.ts'

export interface ImportSieOptions extends DbOptions {
  municipality: string
  year: number
  acceptNewCostCentres?: boolean
  allowUnbalanced?: boolean
  activityDimension?: number
  dryRun?: boolean
}

const CLI_ACTOR = { id: null, name: 'arshjul (kommandoraden)' }

/** `arshjul import sie FILE`: preview, then (unless --dry-run) load all or nothing. */
export async function importSieCommand(file: string, options: ImportSieOptions): Promise<void> {
  const bytes = new Uint8Array(await readFile(file))
  const { db } = await openConfigured(options)
  try {
    const municipality = await findMunicipality(db, options.municipality)
    if (!municipality)
      throw new AppError('NOT_FOUND', { userMessage: `Kommun ${options.municipality} finns inte.` })
    const request = {
      kind: 'sie' as const,
      year: options.year,
      fileName: basename(file),
      bytes,
      municipality,
      board: null,
      allowUnbalanced: options.allowUnbalanced === true,
      activityDimension: options.activityDimension,
    }
    const preview = await previewEconomyImport(db, request)
    for (const w of preview.warnings) console.log(`Varning: ${w}`)
    console.log(`${preview.fileName}: ${preview.rowCount} belopp för ${preview.year}.`)
    if (preview.replaces) {
      console.log(
        `Ersätter ${preview.replaces.fileName} (importerad ${preview.replaces.importedAt}, ${preview.replaces.rowCount} rader).`,
      )
    }
    if (preview.unknownCostCentres.length > 0) {
      console.log(`Okända ansvar (${preview.unknownCostCentres.length}):`)
      for (const c of preview.unknownCostCentres) console.log(`  ${c.code}${c.name ? ` ${c.name}` : ''}`)
    }
    if (preview.unmappedAccounts.length > 0) {
      console.log(`Konton utanför kontogrupperna: ${preview.unmappedAccounts.join(', ')}`)
    }
    if (options.dryRun) {
      console.log('Provkörning: ingenting har sparats.')
      return
    }
    const result = await commitEconomyImport(db, {
      ...request,
      expectedSha256: preview.sha256,
      acceptNewCostCentres: options.acceptNewCostCentres === true,
      actor: CLI_ACTOR,
    })
    console.log(
      `Importerade ${result.rowCount} belopp${result.replaced ? ' (den tidigare importen ersattes)' : ''}.`,
    )
  } finally {
    await db.close()
  }
}

export interface ExportOptions extends DbOptions {
  municipality: string
  year: number
  format: string
  output?: string
}

/** `arshjul economy export`: outcome and budget per cost centre, account and month as CSV. */
export async function exportEconomyCommand(options: ExportOptions): Promise<void> {
  if (options.format !== 'csv') {
    throw new AppError('VALIDATION', {
      userMessage: `Formatet ${options.format} stöds inte; använd --format csv.`,
    })
  }
  const { db } = await openConfigured(options)
  try {
    const municipality = await findMunicipality(db, options.municipality)
    if (!municipality)
      throw new AppError('NOT_FOUND', { userMessage: `Kommun ${options.municipality} finns inte.` })
    const csv = await exportOperatingCsv(db, municipality, options.year)
    if (options.output) {
      await writeFile(options.output, csv, 'utf8')
      console.error(`Skrev ${csv.split('\r\n').length - 2} rader till ${options.output}.`)
    } else {
      process.stdout.write(csv)
    }
  } finally {
    await db.close()
  }
}
