import { defineConfig } from 'vitest/config';

/**
 * Timeouts are set here, once, for a loaded 2-core CI machine (several
 * processes compete for the cores): generous, because every wait in the
 * tests follows an application state (a promise, an event, a polled journal
 * or server state), so a longer limit only matters when something is wrong.
 * The proofs whose size is set by the environment (crash loop, convergence)
 * derive their own from that size (tests/helpers/longRun.ts).
 */
export default defineConfig({
  test: {
    include: ['tests/{unit,integration,lint}/**/*.test.ts'],
    environment: 'node',
    // Safety net: if anything reaches require('electron'), it gets a path string, never a download.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
    testTimeout: 90_000,
    hookTimeout: 90_000,
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
