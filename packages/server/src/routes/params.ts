import { type BoardContext, type Database, findBoard } from '@arshjul/db'
import { Key, MunicipalityCode, Year } from '@arshjul/domain'
import { z } from 'zod'
import { notFound } from '../errors.ts'

export const MunicipalityParams = z.object({
  code: MunicipalityCode.describe('Kommunkod enligt SCB, t.ex. 0580'),
})
export const BoardParams = MunicipalityParams.extend({ board: Key.describe('Nämndens nyckel, t.ex. ks') })

/** An optional year in the query string ("?year=2024"). */
export const YearQuery = z.object({
  year: z.coerce.number().pipe(Year).optional().describe('År, t.ex. 2024'),
})

/** Resolve the board of the path, or answer 404 with what was not found. */
export async function requireBoard(db: Database, params: z.infer<typeof BoardParams>): Promise<BoardContext> {
  const board = await findBoard(db, params.code, params.board)
  if (!board) throw notFound(`Nämnden "${params.board}" i kommun ${params.code}`)
  return board
}
