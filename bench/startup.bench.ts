// Start-up of Årshjul on the embedded database: first start (empty data directory: create, migrate,
// load the demo municipalities, serve) and restart (existing data), measured from process spawn to
// the first successful /api/health. Baseline in the same run: PGlite alone creating and reopening an
// empty database, i.e. the engine's own share of each figure.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'

const root = new URL('..', import.meta.url).pathname
const runs = Number(process.env.BENCH_RUNS ?? 3)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await freePort()
  const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' }
  const started = performance.now()
  const child = spawn(
    process.execPath,
    ['packages/cli/bin/arshjul.js', 'serve', '--port', String(port), '--data-dir', dataDir],
    {
      cwd: root,
      env,
      stdio: 'ignore',
    },
  )
  try {
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error('no answer within 120 s')
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`)
        if (res.ok) return performance.now() - started
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

async function pgliteAlone(dir: string): Promise<{ create: number; reopen: number }> {
  let t = performance.now()
  const a = await PGlite.create(dir)
  await a.query('select 1')
  await a.close()
  const create = performance.now() - t
  t = performance.now()
  const b = await PGlite.create(dir)
  await b.query('select 1')
  await b.close()
  return { create, reopen: performance.now() - t }
}

const rows: { run: number; first: number; restart: number; pgCreate: number; pgReopen: number }[] = []
for (let run = 1; run <= runs; run++) {
  const base = await mkdtemp(join(tmpdir(), 'arshjul-bench-'))
  try {
    const engine = await pgliteAlone(join(base, 'baseline'))
    const dataDir = join(base, 'data')
    const first = await timeToHealthy(dataDir)
    const restart = await timeToHealthy(dataDir)
    rows.push({ run, first, restart, pgCreate: engine.create, pgReopen: engine.reopen })
  } finally {
    await rm(base, { recursive: true, force: true })
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
console.log('run  first start  restart   | PGlite alone: create  reopen')
for (const r of rows) {
  console.log(
    `${String(r.run).padStart(3)}  ${s(r.first).padStart(11)}  ${s(r.restart).padStart(7)}   | ${s(r.pgCreate).padStart(20)}  ${s(r.pgReopen).padStart(6)}`,
  )
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
console.log(
  `median: first start ${s(median(rows.map((r) => r.first)))} (PGlite create ${s(median(rows.map((r) => r.pgCreate)))}), ` +
    `restart ${s(median(rows.map((r) => r.restart)))} (PGlite reopen ${s(median(rows.map((r) => r.pgReopen)))})`,
)
