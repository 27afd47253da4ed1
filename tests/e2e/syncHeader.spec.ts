import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { silentLogger } from '../../main/core/logger';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { expect, test } from './harness/fixtures';

/**
 * The sync state in the header, in each colour, as the real core reports it:
 * green (all on the server), blue (online, a change on its way), amber
 * (offline with changes waiting), red (waited offline longer than a shift).
 * The page's clock is Playwright's, so "nine hours later" takes no nine hours.
 */
// Nine hours pass with nobody at the PC: on a PC that locks after inactivity the lock screen would
// cover the header (tests/e2e/lockScreen.spec.ts), so this PC is set by IT never to lock by inactivity.
test.use({ withServer: true, coreOptions: { seedDemoData: true, logger: silentLogger, lockAfterMinutes: 0 } });
test.describe.configure({ timeout: 180_000 });

async function headerShots(page: Page, level: string) {
  const dir = path.resolve('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  for (const theme of ['light', 'dark']) {
    // Only the look changes here; choosing the theme is tested in screens.spec.ts.
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.locator('header.app-header').screenshot({ path: path.join(dir, `header-sync-${level}-${theme}.png`) });
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
}

test('the header shows green, blue, amber and red as changes wait and time passes offline', async ({ page, core }) => {
  await page.clock.install();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  const sync = page.getByRole('status', { name: 'Sync status' });
  await expect(sync).toHaveAttribute('data-level', 'synced');
  await expect(sync).toContainText('Online · all changes synced');
  await expect(sync).toContainText('Last sync: today');
  await headerShots(page, 'green');

  const wo = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
  await core.handlers.updateWorkOrder({ id: wo.id, changes: { priority: 'urgent' } });
  await expect(sync).toHaveAttribute('data-level', 'busy');
  await expect(sync).toContainText('1 change waits to sync');
  await headerShots(page, 'blue');

  core.useServer('http://127.0.0.1:9', { demo: false }); // a port nobody answers on: the network is gone
  await core.sync.syncNow();
  await expect(sync).toHaveAttribute('data-level', 'waiting');
  await expect(sync).toContainText('Offline · changes waiting');
  await headerShots(page, 'amber');

  await page.clock.fastForward('09:00:00');
  await expect(sync).toHaveAttribute('data-level', 'late');
  await expect(sync).toContainText('Offline for 9 hours');
  await headerShots(page, 'red');
  await sync.getByRole('button').click();
  await expect(page.getByRole('tab', { name: 'Sync history' })).toHaveAttribute('aria-selected', 'true');
});
