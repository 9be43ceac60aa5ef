// Runs before `npm start` and `npm test` so that a fresh clone needs no other set-up command:
// installs the npm packages when they are missing or stale, builds the web app when its build is
// missing or older than its sources, and (for tests, as root on Debian) installs Chromium.
// Plain JavaScript on purpose: it must run before any dependency is installed.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const forTests = process.env.npm_lifecycle_event === 'pretest'
const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env })
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0)

function newestIn(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestIn(p) : statSync(p).mtimeMs)
  }
  return newest
}

// 1. npm packages
const installed = join(root, 'node_modules', '.package-lock.json')
if (!existsSync(installed) || mtime(join(root, 'package-lock.json')) > mtime(installed)) {
  // `npm install` rather than `npm ci`: this registry does not serve the other platforms' optional
  // binaries (e.g. @biomejs/cli-darwin-arm64), so the lock file cannot list them and `npm ci` refuses
  // it as out of sync. `npm install` still installs the locked versions.
  console.log('Årshjul: installerar npm-paket (npm install) …')
  run('npm', ['install', '--no-audit', '--no-fund'])
}

// 2. the web app
const web = join(root, 'packages', 'web')
const builtAt = mtime(join(web, 'dist', 'index.html'))
const sourcesAt = Math.max(
  newestIn(join(web, 'src')),
  mtime(join(web, 'index.html')),
  newestIn(join(root, 'packages', 'domain', 'src')),
)
if (builtAt < sourcesAt) {
  console.log('Årshjul: bygger webbappen …')
  run('npx', ['vite', 'build', '--config', 'packages/web/vite.config.ts', '--logLevel', 'warn'])
}

// 3. Chromium for the browser tests, Poppler (pdftotext, pdftoppm) for the golden documents
const missing = [
  ['/usr/bin/chromium', 'chromium'],
  ['/usr/bin/pdftoppm', 'poppler-utils'],
].filter(([file]) => !existsSync(file))
if (forTests && missing.length > 0) {
  const packages = missing.map(([, name]) => name)
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Årshjul: installerar ${packages.join(' och ')} för testerna (apt-get install) …`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    run('apt-get', ['update', '-qq'], env)
    run('apt-get', ['install', '-y', '-qq', ...packages], env)
  } else {
    console.error(
      `Årshjul: testerna behöver Debians paket ${packages.join(' och ')} (apt-get install ${packages.join(' ')}).`,
    )
    process.exit(1)
  }
}
