/**
 * The real application for browser journeys: the CLI's `serve` on a free port with a fresh
 * embedded database (migrated and seeded with the demo data on first start), and Debian's Chromium.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium } from 'playwright-core'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const HEALTH_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 10_000

export interface RunningApp {
  baseUrl: string
  /** What the server wrote to stdout and stderr so far (for failure messages). */
  output(): string
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port ? resolve(port) : reject(new Error('No free port'))))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  let lastProblem = 'no answer yet'
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited (${child.exitCode ?? child.signalCode}) before it answered /api/health`,
      )
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })
      if (response.status === 200) return
      lastProblem = `status ${response.status}`
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error)
    }
    await sleep(250)
  }
  throw new Error(`GET /api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (${lastProblem})`)
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** The server serves packages/web/dist; build it once if it is missing (npm test keeps it fresh). */
function ensureWebBuild(): void {
  if (existsSync(join(repoRoot, 'packages', 'web', 'dist', 'index.html'))) return
  execFileSync('npx', ['vite', 'build', '--config', 'packages/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  })
}

/**
 * Start the app, or use one already running when E2E_BASE_URL is set (e.g. http://127.0.0.1:3000);
 * then nothing is started or stopped.
 */
export async function startApp(): Promise<RunningApp> {
  const external = process.env.E2E_BASE_URL
  if (external) return { baseUrl: external.replace(/\/$/, ''), output: () => '', stop: async () => {} }
  ensureWebBuild()
  const dataDir = await mkdtemp(join(tmpdir(), 'arshjul-e2e-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    ['packages/cli/bin/arshjul.js', 'serve', '--port', String(port), '--data-dir', dataDir],
    // Always the embedded database with the demo data, even when DATABASE_URL is set for the API tests.
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })

  const stop = async () => {
    await stopProcess(child)
    await rm(dataDir, { recursive: true, force: true })
  }

  try {
    await waitForHealth(baseUrl, child)
  } catch (error) {
    await stop()
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${message}\n--- server output ---\n${output}`)
  }
  return { baseUrl, output: () => output, stop }
}

export function launchChromium(): Promise<Browser> {
  // Playwright gives every launch a fresh, temporary profile (user data directory).
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
