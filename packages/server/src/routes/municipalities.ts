import { findMunicipality, getMunicipality, listBoards, listMunicipalities } from '@arshjul/db'
import { ApiError, BoardRef, MunicipalityDetail, MunicipalitySummary } from '@arshjul/domain'
import { z } from 'zod'
import type { AppInstance } from '../app.ts'
import { notFound } from '../errors.ts'
import { MunicipalityParams } from './params.ts'

export function municipalityRoutes(app: AppInstance): void {
  app.get(
    '/api/municipalities',
    {
      schema: {
        tags: ['Kommuner'],
        summary: 'Alla kommuner i installationen med deras nämnder',
        response: { 200: z.array(MunicipalitySummary) },
      },
    },
    async () => listMunicipalities(app.db),
  )

  app.get(
    '/api/municipalities/:code',
    {
      schema: {
        tags: ['Kommuner'],
        summary: 'En kommun med inställningar, målområden och kommunövergripande mål',
        params: MunicipalityParams,
        response: { 200: MunicipalityDetail, 404: ApiError },
      },
    },
    async (req) => {
      const municipality = await getMunicipality(app.db, req.params.code)
      if (!municipality) throw notFound(`Kommunen ${req.params.code}`)
      return municipality
    },
  )

  app.get(
    '/api/municipalities/:code/boards',
    {
      schema: {
        tags: ['Kommuner'],
        summary: 'Kommunens nämnder',
        params: MunicipalityParams,
        response: { 200: z.array(BoardRef), 404: ApiError },
      },
    },
    async (req) => {
      const municipality = await findMunicipality(app.db, req.params.code)
      if (!municipality) throw notFound(`Kommunen ${req.params.code}`)
      return listBoards(app.db, municipality.id)
    },
  )
}
