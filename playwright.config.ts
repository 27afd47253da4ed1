import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Two projects:
 * - renderer: the built renderer in real Chromium, wired to a real core
 *   (tests/e2e/harness). Runs everywhere.
 * - electron: the real app through Playwright's Electron driver. Runs where
 *   an Electron binary is installed and says why it skipped where not.
 * Build first (`npm run build`); `npm test` does.
 */
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const PORT = Number(process.env.SHOPFLOOR_E2E_PORT ?? 4173);

/**
 * Timeouts are set here, once, for a loaded 2-core CI machine: every wait in
 * the specs follows an application state (an element, an event, a call the
 * page made), so a generous limit costs nothing when things work and only
 * decides how long a real failure takes to report. Setting up a test (a core
 * with 1,000 work orders, sometimes a server) alone took over 30 s under load.
 * No retries: a test that passes only on a second try is flaky, and
 * scripts/test.mjs would count it as failed anyway.
 */
export default defineConfig({
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  outputDir: './test-results/playwright',
  projects: [
    {
      name: 'renderer',
      testDir: './tests/e2e',
      use: {
        baseURL: `http://127.0.0.1:${PORT}`,
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1366, height: 860 },
        launchOptions: {
          // Debian's chromium when present (CI installs it); else Playwright's own browser if installed.
          executablePath: chromium,
          args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
          chromiumSandbox: false,
        },
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: './tests/electron',
    },
  ],
  webServer: {
    // The built renderer, served as static files; the harness supplies window.shopfloor.
    command: `npx vite preview --outDir out/renderer --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
