import { type EmailJob, enqueueJob, testEngines } from '@arshjul/db'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailer, type Mailer, runOneJob } from '../src/index.ts'
import { startApp, type TestApp } from './support.ts'

const silent = pino({ level: 'silent' })

describe.each(testEngines())('the job queue on %s', (engine) => {
  let s: TestApp
  beforeAll(async () => {
    s = await startApp(engine)
  })
  afterAll(async () => {
    await s.close()
  })

  it('delivers a queued e-mail once and marks it done', async () => {
    const sent: EmailJob[] = []
    const mailer: Mailer = { send: async (m) => void sent.push(m) }
    await enqueueJob(s.t.db, 'email', { to: 'rapportor@lulea.example', subject: 'Påminnelse', text: 'Hej' })
    expect(await runOneJob(s.t.db, mailer, silent)).toBe(true)
    expect(await runOneJob(s.t.db, mailer, silent)).toBe(false)
    expect(sent).toEqual([{ to: 'rapportor@lulea.example', subject: 'Påminnelse', text: 'Hej' }])
    const [job] = await s.t.db.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM jobs ORDER BY id DESC LIMIT 1',
    )
    expect(job).toEqual({ status: 'done', attempts: 1 })
  })

  it('puts a failed delivery back in the queue with a delay, and gives up after five attempts', async () => {
    const failing: Mailer = {
      send: async () => {
        throw new Error('SMTP-servern svarar inte')
      },
    }
    await enqueueJob(s.t.db, 'email', { to: 'controller@lulea.example', subject: 'x', text: 'y' })
    for (let attempt = 1; attempt <= 5; attempt++) {
      await s.t.db.query("UPDATE jobs SET run_after = now() WHERE status = 'queued'")
      expect(await runOneJob(s.t.db, failing, silent)).toBe(true)
    }
    const [job] = await s.t.db.query<{ status: string; attempts: number; last_error: string }>(
      'SELECT status, attempts, last_error FROM jobs ORDER BY id DESC LIMIT 1',
    )
    expect(job).toEqual({ status: 'failed', attempts: 5, last_error: 'SMTP-servern svarar inte' })
  })

  it('without SMTP, writes the e-mail to the log without its body', async () => {
    const lines: string[] = []
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })
    await createMailer({ from: 'x@y.example', log }).send({
      to: 'a@b.example',
      subject: 'Påminnelse',
      text: 'personuppgifter',
    })
    expect(lines.join('')).toContain('Påminnelse')
    expect(lines.join('')).not.toContain('personuppgifter')
  })
})
