import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { silentLogger } from '../../main/core/logger';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { expectAccessible } from './harness/accessibility';
import { expect, test } from './harness/fixtures';
import { showTheme, SIZES, THEMES } from './harness/screenMatrix';

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

/** The header in this colour at both sizes and in both themes, as a picture of the header alone; axe in each theme. */
async function headerShots(page: Page, level: string) {
  const dir = path.resolve('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  for (const theme of THEMES) {
    await showTheme(page, theme);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect(page.getByRole('status', { name: 'Sync status' })).toBeInViewport({ ratio: 1 });
      const file = path.join(dir, `header-sync-${level}-${size.width}x${size.height}-${theme}.png`);
      await page.locator('header.app-header').screenshot({ path: file });
      await test.info().attach(`header-sync-${level}-${size.width}x${size.height}-${theme}`, { path: file, contentType: 'image/png' });
    }
    await expectAccessible(page, `header, sync ${level} (${theme})`);
  }
  await showTheme(page, 'light');
  await page.setViewportSize(SIZES[0]);
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
