import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,integration,lint}/**/*.test.ts'],
    environment: 'node',
    // Safety net: if anything reaches require('electron'), it gets a path string, never a download.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
    testTimeout: 20_000,
  },
});
