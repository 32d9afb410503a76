import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000
        }
      },
      {
        test: {
          // The station server (issue #15): a throwaway PostgreSQL cluster per run.
          name: 'pg',
          include: ['test/pg/**/*.test.ts'],
          // After the unit and e2e files: the servers' load stays out of their timing tests.
          sequence: { groupOrder: 1 },
          environment: 'node',
          globalSetup: ['test/pg/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false
        }
      }
    ]
  }
})
