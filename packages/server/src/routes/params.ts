import {
  type BoardContext,
  type Database,
  findBoard,
  findMunicipality,
  type MunicipalityContext,
} from '@arshjul/db'
import { AppError, Key, MunicipalityCode, Year } from '@arshjul/domain'
import type { FastifyRequest } from 'fastify'
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

/** Resolve the municipality of the path, or answer 404. */
export async function requireMunicipality(db: Database, code: string): Promise<MunicipalityContext> {
  const municipality = await findMunicipality(db, code)
  if (!municipality) throw notFound(`Kommun ${code}`)
  return municipality
}

/** An uploaded file: the raw body of an application/octet-stream request. */
export function uploadedBytes(request: FastifyRequest): Uint8Array {
  const body = request.body
  if (!(body instanceof Buffer)) {
    throw new AppError('VALIDATION', { userMessage: 'Skicka filen som application/octet-stream.' })
  }
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
}
