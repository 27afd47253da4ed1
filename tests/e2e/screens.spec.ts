import type { Page } from '@playwright/test';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import type { Core } from '../../main/core';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';
import { scan } from './harness/scanner';
import { everySizeAndTheme } from './harness/screenMatrix';

/**
 * The screens as a technician with gloves meets them on a 22" touch screen:
 * main actions in reach at 1366 x 768 and 1920 x 1080, filters on one row,
 * compact rows, both themes, forced colours, text size, scanner edges.
 */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;

// Several screens, sizes and axe runs per test: room for a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

const firstOpen = async (core: Core) => (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;

/** As the Settings screen saves it; the app reads it when the window opens. */
async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((t) => {
    const saved = JSON.parse(localStorage.getItem('shopfloor.preferences') ?? '{}') as Record<string, unknown>;
    localStorage.setItem('shopfloor.preferences', JSON.stringify({ ...saved, theme: t }));
  }, theme);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function openWorkOrder(page: Page, number: string) {
  await page.getByRole('searchbox', { name: 'Search work orders' }).fill(number);
  await expect(page.getByRole('heading', { name: `1 work order matches “${number}”` })).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: number }).getByRole('button').click();
}

test('the next status change, Log hours, the timer and Close stay in reach, in both themes and sizes', async ({ page, core }) => {
  const wo = await firstOpen(core);
  await page.goto('/');
  for (const theme of THEMES) {
    await useTheme(page, theme);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await openWorkOrder(page, wo.number!);
      const bar = page.getByRole('group', { name: 'Actions' });
      for (const name of ['Start work', 'Log hours…', 'Start timer', 'Close']) {
        await expect(bar.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
      }
      // Filters on one row: every filter control shares the search box's line.
      const tops = await page.locator('.filters button, .filters input, .filters select').evaluateAll((els) =>
        els.map((el) => Math.round(el.getBoundingClientRect().top)),
      );
      expect(new Set(tops).size, 'filters on one row').toBe(1);
      await saveScreenshot(page, `action-bar-${size.width}x${size.height}-${theme}`);
    }
    await expectAccessible(page, `work order (${theme})`);
  }
  // The bar's "Log hours…" brings the form into view with the cursor in Hours.
  await page.getByRole('button', { name: 'Log hours…' }).click();
  await expect(page.getByRole('form', { name: 'Log hours' }).getByLabel('Hours')).toBeFocused();
  // The next move is the big button; completing asks for notes right there.
  await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Start work' }).click();
  await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Complete…' }).click();
  await expect(page.getByRole('group', { name: 'Actions' }).getByLabel('Completion notes')).toBeInViewport();
});

test('compact rows show at least 12 work orders at 1366 x 768', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Compact rows' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-density', 'compact');
  const fullyVisible = async () =>
    page.locator('.list-scroll').evaluate((list) => {
      const box = list.getBoundingClientRect();
      return [...list.querySelectorAll('[role="listitem"]')].filter((row) => {
        const r = row.getBoundingClientRect();
        return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
      }).length;
    });
  await expect.poll(fullyVisible).toBeGreaterThanOrEqual(12);
  await useTheme(page, 'dark');
  await expect.poll(fullyVisible).toBeGreaterThanOrEqual(12); // remembered across the reload
  await everySizeAndTheme(page, 'compact-rows', async () => {
    await expect.poll(fullyVisible).toBeGreaterThanOrEqual(12);
  });
});

test('theme and text size are set in Settings and remembered; forced colours keep every edge', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  const display = page.getByRole('region', { name: 'Display on this computer' });
  await display.getByRole('button', { name: 'Dark' }).click();
  await display.getByRole('button', { name: '125 %' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page, 'settings (dark)');
  await saveScreenshot(page, 'settings-display-dark');

  await page.reload(); // as after a restart of the window
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.locator('html').evaluate((el) => getComputedStyle(el).fontSize)).toBe('22.5px');
  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await display.getByRole('button', { name: '150 %' }).click();
  expect(await page.locator('html').evaluate((el) => getComputedStyle(el).fontSize)).toBe('27px');
  await page.getByRole('button', { name: 'Work orders' }).click();
  await expect(page.getByRole('listitem').first()).toBeVisible();
  // Larger text wraps the rows of controls; nothing is pushed off the side of the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await expectAccessible(page, 'work orders at 150 % (dark)');
  await saveScreenshot(page, 'text-150-dark');

  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await display.getByRole('button', { name: '100 %' }).click();
  await display.getByRole('button', { name: 'Light' }).click();
  await page.getByRole('button', { name: 'Work orders' }).click();
  await page.emulateMedia({ forcedColors: 'active' });
  await expect(page.getByRole('listitem').first()).toBeVisible();
  // Control edges are drawn with system colours, not erased.
  const edge = await page.getByRole('button', { name: 'Open', exact: true }).evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(edge).toBe('solid');
  await saveScreenshot(page, 'forced-colours');
});

test('an empty search offers "Clear filters"; a long title wraps and the number stays whole', async ({ page, core }) => {
  const seeded = await firstOpen(core);
  const asset = (await core.handlers.listAssets({ search: 'PMP', offset: 0, limit: 1 })).items[0]!;
  const long = await core.handlers.createWorkOrder({
    title: 'Coolant pump on the second grinding line hums loudly under load and leaks a little at the shaft seal after about twenty minutes',
    description: '',
    priority: 'high',
    assetId: asset.id,
    dueAt: null,
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search work orders' }).fill('no such thing anywhere');
  await expect(page.getByRole('heading', { name: 'No work orders match “no such thing anywhere”' })).toBeVisible();
  await everySizeAndTheme(page, 'empty-results', async () => {
    await expect(page.getByRole('button', { name: 'Clear filters' })).toBeInViewport({ ratio: 1 });
  });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('heading', { name: /^1,001 work orders$/ })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search work orders' })).toHaveValue('');

  await openWorkOrder(page, seeded.number!);
  await core.handlers.updateWorkOrder({ id: seeded.id, changes: { title: long.title } });
  await page.getByRole('searchbox', { name: 'Search work orders' }).fill('');
  const title = page.getByRole('heading', { name: long.title }).first();
  await expect(title).toBeVisible();
  const number = page.locator('.detail-number');
  const lineHeight = await number.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await number.boundingBox())!.height).toBeLessThanOrEqual(lineHeight + 1);
  expect((await title.boundingBox())!.height).toBeGreaterThan(lineHeight * 1.5); // it wraps
  // In the list the title is cut with "…" (the whole of it in its tooltip); the number is never cut or wrapped.
  const row = page.getByRole('listitem').filter({ hasText: seeded.number! });
  const rowNumber = row.locator('.row-number');
  const rowLine = await rowNumber.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await rowNumber.boundingBox())!.height).toBeLessThanOrEqual(rowLine + 1);
  expect(await rowNumber.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(rowNumber).toHaveText(seeded.number!);
  await expect(row.locator('.row-title')).toHaveAttribute('title', long.title);
  await everySizeAndTheme(page, 'long-title', async () => {
    expect((await number.boundingBox())!.height).toBeLessThanOrEqual(lineHeight + 1);
    expect((await rowNumber.boundingBox())!.height).toBeLessThanOrEqual(rowLine + 1);
    await expect(title).toBeVisible();
  });
});

test('a scan inside a text field opens what it names, leaves the field as it was and says so', async ({ page, core }) => {
  const wo = await firstOpen(core);
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Search work orders' });
  await search.fill('pump');
  await search.focus();
  await scan(page, wo.number!);
  await expect(page.getByRole('complementary', { name: wo.title })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Scan' })).toContainText(`Scanned ${wo.number}`);
  await expect(search).toHaveValue('pump');
  // Confirmed on screen at each size and theme: scanned again for each picture (the note goes away after 3 s).
  await everySizeAndTheme(page, 'scan-confirmed', async () => {
    await search.focus();
    await scan(page, wo.number!);
    await expect(page.getByRole('status', { name: 'Scan' })).toBeInViewport();
  });
  await expect(search).toHaveValue('pump');
  // A person typing in the field is not a scanner.
  await search.fill('');
  await search.pressSequentially('WO-1', { delay: 120 });
  await search.press('Enter');
  await expect(search).toHaveValue('WO-1');
});
