import { defineConfig } from 'vitest/config'

// Unit and API tests. Database tests run on PGlite, and on PostgreSQL too when DATABASE_URL is set.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
