import { type Database, type EmailJob, finishJob, takeJob } from '@arshjul/db'
import type { FastifyBaseLogger } from 'fastify'
import { createTransport, type Transporter } from 'nodemailer'
import { z } from 'zod'

const EmailPayload = z.object({ to: z.string().email(), subject: z.string(), text: z.string() })

export interface Mailer {
  send(message: EmailJob): Promise<void>
}

/**
 * E-mail delivery: through SMTP when SMTP_URL is configured, otherwise written to the log (without
 * the message body, which may name people) so that a development machine sends nothing.
 */
export function createMailer(options: {
  smtpUrl?: string | undefined
  from: string
  log: FastifyBaseLogger
}): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(message) {
        options.log.info(
          { mail: { to: message.to, subject: message.subject } },
          'e-mail not sent (no SMTP_URL): written to the log',
        )
      },
    }
  }
  const transport: Transporter = createTransport(options.smtpUrl)
  return {
    async send(message) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      })
    },
  }
}

/** Run one due job, if any; true when a job was run (successfully or not). */
export async function runOneJob(db: Database, mailer: Mailer, log: FastifyBaseLogger): Promise<boolean> {
  const job = await takeJob(db)
  if (!job) return false
  try {
    if (job.kind !== 'email') throw new Error(`okänd jobbtyp ${job.kind}`)
    await mailer.send(EmailPayload.parse(job.payload))
    await finishJob(db, job.id, null)
  } catch (error) {
    log.warn({ jobId: job.id, attempt: job.attempts, err: error }, 'job failed')
    await finishJob(db, job.id, (error as Error).message)
  }
  return true
}

/** Poll the queue in the background until stopped; drains what is due, then waits. */
export function startJobRunner(
  db: Database,
  mailer: Mailer,
  log: FastifyBaseLogger,
  intervalMs = 5_000,
): () => Promise<void> {
  let stopped = false
  let running: Promise<void> = Promise.resolve()
  const tick = async () => {
    while (!stopped && (await runOneJob(db, mailer, log))) {
      // keep going while jobs are due
    }
  }
  const timer = setInterval(() => {
    running = running.then(tick).catch((error: unknown) => log.error({ err: error }, 'job runner failed'))
  }, intervalMs)
  return async () => {
    stopped = true
    clearInterval(timer)
    await running
  }
}
