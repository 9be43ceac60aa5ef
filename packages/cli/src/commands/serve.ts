import { isEmpty, seedDemo } from '@arshjul/db'
import { buildApp, createMailer, startJobRunner } from '@arshjul/server'
import { type DbOptions, openConfigured } from '../open.ts'

export async function serveCommand(options: DbOptions & { seed: boolean }): Promise<void> {
  const started = performance.now()
  const { config, db } = await openConfigured(options)
  if (options.seed && db.engine === 'pglite' && (await isEmpty(db))) {
    const counts = await seedDemo(db)
    console.log(`Tom databas: laddade demodata för ${counts.map((c) => c.municipality).join(', ')}.`)
  }
  const appUrl = config.publicUrl ?? `http://localhost:${config.port}`
  const app = await buildApp({
    db,
    logger: { level: config.logLevel },
    appUrl,
    loginRateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' },
    oidc: config.oidc ? { ...config.oidc, redirectUrl: `${appUrl}/api/auth/oidc/callback` } : undefined,
  })
  const stopJobs = startJobRunner(
    db,
    createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log }),
    app.log,
  )
  const shutdown = async () => {
    await stopJobs()
    await app.close()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  const address = await app.listen({ port: config.port, host: config.host })
  const where = db.engine === 'pglite' ? `inbäddad databas i ${config.dataDir}` : 'PostgreSQL'
  console.log(
    `Årshjul körs på ${address.replace('127.0.0.1', 'localhost')} (${where}); redo efter ${Math.round(performance.now() - started)} ms.`,
  )
}
