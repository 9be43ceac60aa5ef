import { migrate } from '@arshjul/db'
import { type DbOptions, openConfigured } from '../open.ts'

export async function migrateCommand(options: DbOptions): Promise<void> {
  const { db } = await openConfigured(options)
  try {
    const result = await migrate(db)
    console.log(
      result.applied.length === 0
        ? `Databasen är redan uppdaterad (${result.alreadyApplied} migreringar).`
        : `Körde ${result.applied.length} migreringar: ${result.applied.join(', ')}`,
    )
  } finally {
    await db.close()
  }
}
