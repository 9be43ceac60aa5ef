import { seedDemo } from '@arshjul/db'
import { type DbOptions, openConfigured } from '../open.ts'

export async function seedDemoCommand(options: DbOptions & { reset?: boolean }): Promise<void> {
  const { db } = await openConfigured(options)
  try {
    const started = performance.now()
    const counts = await seedDemo(db, undefined, { reset: options.reset === true })
    for (const c of counts) {
      console.log(
        `Kommun ${c.municipality}: ${c.boardGoals} mål, ${c.indicators} indikatorer (${c.indicatorValues} värden), ${c.assignments} uppdrag, ${c.assessments} bedömningar`,
      )
    }
    console.log(`Demodata laddade på ${Math.round(performance.now() - started)} ms.`)
  } finally {
    await db.close()
  }
}
