import { spawnSync } from 'node:child_process'

const BIN = new URL('../bin/arshjul.js', import.meta.url).pathname

/** Run the `arshjul` command as a user would, against the test's own database (given in `env`). */
export function arshjul(env: Record<string, string>, ...args: string[]) {
  const { DATABASE_URL: _ignored, ...rest } = process.env
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...rest, ...env, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
