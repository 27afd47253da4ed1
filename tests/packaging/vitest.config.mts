import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The packaged-build checks run on their own, after `electron-vite build`
 * (`npm run test:packaging` builds first): they package out/, so they cannot
 * run in the first vitest pass of `npm test`, which comes before the build.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/packaging/**/*.test.ts'],
    environment: 'node',
    // Safety net: if anything reaches require('electron'), it gets a path string, never a download.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
    testTimeout: 60_000,
    // Packaging runs electron-builder once per file; on a loaded 2-core machine that can take a while.
    hookTimeout: 180_000,
  },
});
