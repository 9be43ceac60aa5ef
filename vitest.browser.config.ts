import { defineConfig } from 'vitest/config'

// Browser journeys: the real app started by the CLI, driven in Debian's Chromium, checked with axe.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
