import type { Page } from '@playwright/test';
import { WorkOrderQuery, type WorkOrderQueryInput } from '../../shared/domain/workOrder';
import { AssetQuery } from '../../shared/domain/views';
import { isOverdue } from '../../shared/domain/rules';
import type { Core } from '../../main/core';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';

/**
 * The supervisor's list: sort, assignee on the row, overdue said in words,
 * filters and sort remembered, "Take this job" and the assignee picker.
 */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;

// Two sizes, two themes, axe twice: room for a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

const coreList = (core: Core, query: WorkOrderQueryInput) => core.handlers.listWorkOrders(WorkOrderQuery.parse(query));

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
  await page.getByRole('listitem').filter({ hasText: number }).getByRole('button').first().click();
}

const firstUnassignedOpen = async (core: Core) =>
  (await coreList(core, { status: 'open', limit: 500 })).items.find((w) => w.assigneeId === null && w.number !== null)!;

test('sorted by due date, with the assignee and overdue on each row; the sort is kept after a restart', async ({ page, core }) => {
  await page.setViewportSize(SIZES[0]);
  await page.goto('/');
  const byDue = await coreList(core, { sort: 'due' });
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('due');
  const rows = page.getByRole('listitem');
  await expect(rows.first()).toContainText(byDue.items[0]!.number!);
  await expect(rows.nth(1)).toContainText(byDue.items[1]!.number!);
  // Soonest due first: overdue rows of the demo plant say so in words and with a sign; closed ones do not.
  const overdue = byDue.items.findIndex((w) => isOverdue(w, new Date()));
  expect(overdue).toBeGreaterThanOrEqual(0);
  expect(overdue).toBeLessThan(6);
  await expect(rows.nth(overdue)).toContainText('Overdue');
  await expect(rows.nth(overdue)).toContainText(byDue.items[overdue]!.assigneeId ?? 'Unassigned');
  const closed = byDue.items.slice(0, 6).findIndex((w) => w.status === 'completed' || w.status === 'cancelled');
  if (closed >= 0) await expect(rows.nth(closed)).not.toContainText('Overdue');
  const unassigned = byDue.items.findIndex((w) => w.assigneeId === null);
  if (unassigned >= 0 && unassigned < 8) await expect(rows.nth(unassigned)).toContainText('Unassigned');

  // The filter row still fits one row at 1366 x 768 with the sort control in it.
  const filterBoxes = await page.locator('.filters > *').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  expect(new Set(filterBoxes.map(Math.round)).size).toBe(1);
  const overflow = await page.locator('.filters').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Saved in the journal for alice; a new window (a restart of the app) restores it.
  await expect.poll(async () => (await core.handlers.getListView()).sort).toBe('due');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('due');
  await expect(page.getByRole('listitem').first()).toContainText(byDue.items[0]!.number!);

  for (const theme of THEMES) {
    await useTheme(page, theme);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect(page.getByRole('listitem').nth(overdue)).toContainText('Overdue');
      await saveScreenshot(page, `supervisor-list-by-due-${size.width}x${size.height}-${theme}`);
    }
    await expectAccessible(page, `list sorted by due date (${theme})`);
  }
});

test('a technician takes an unassigned job from its detail', async ({ page, core }) => {
  await page.setViewportSize(SIZES[0]);
  await page.goto('/');
  const job = await firstUnassignedOpen(core);
  await openWorkOrder(page, job.number!);
  const detail = page.getByRole('complementary', { name: job.title });
  await expect(detail.getByText('Unassigned')).toBeVisible();
  await detail.getByRole('button', { name: 'Take this job' }).click();
  await expect(detail.getByRole('button', { name: 'Take this job' })).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: job.number! })).toContainText('alice');
  expect(await core.handlers.getWorkOrder({ id: job.id })).toMatchObject({ assigneeId: 'alice', pending: true });

  for (const theme of THEMES) {
    await useTheme(page, theme);
    await openWorkOrder(page, job.number!);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect(page.getByRole('complementary', { name: job.title })).toContainText('alice');
      await saveScreenshot(page, `job-taken-${size.width}x${size.height}-${theme}`);
    }
    await expectAccessible(page, `taken job (${theme})`);
  }
});

test.describe('as a supervisor with a server', () => {
  test.use({ withServer: true, signedInAs: 'sam' });

  test('picks the assignee from the people the server listed; the server gets it with the next sync', async ({ page, core, server }) => {
    await page.setViewportSize(SIZES[0]);
    await page.goto('/');
    const job = await firstUnassignedOpen(core);
    await openWorkOrder(page, job.number!);
    const picker = page.getByRole('complementary', { name: job.title }).getByRole('combobox', { name: 'Assigned to' });
    await expect(picker).toHaveValue('');
    await expect(picker.getByRole('option')).toHaveText(['Unassigned', 'alice', 'bob', 'sam']);
    await picker.selectOption('bob');
    await expect(page.getByRole('listitem').filter({ hasText: job.number! })).toContainText('bob');
    await core.sync.syncNow();
    const stored = await server!.database.db.selectFrom('work_orders').select('assignee_id').where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(stored.assignee_id).toBe('bob');

    for (const theme of THEMES) {
      await useTheme(page, theme);
      await openWorkOrder(page, job.number!);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await saveScreenshot(page, `assignee-picker-${size.width}x${size.height}-${theme}`);
      }
      await expectAccessible(page, `assignee picker (${theme})`);
    }
  });

  test('the header keeps one row at 1366 px with everything a supervisor has in it: Requests with its count and a running timer', async ({ page, core }) => {
    const job = await firstUnassignedOpen(core);
    const [asset] = (await core.handlers.listAssets(AssetQuery.parse({ limit: 1 }))).items;
    await core.handlers.createWorkRequest({ assetId: asset!.id, description: 'Guard door will not close', urgency: 'high', machineStopped: false, requestedBy: 'Tom' });
    await core.handlers.startTimer({ workOrderId: job.id });
    await page.goto('/');
    const header = page.getByRole('banner');
    await expect(header.getByRole('button', { name: /^Requests/ })).toContainText('1');
    await expect(header.getByRole('group', { name: 'Timer' })).toBeVisible();
    for (const theme of THEMES) {
      await useTheme(page, theme);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const tops = await page.locator('.app-header > *').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
        expect(Math.max(...tops) - Math.min(...tops), `one header row at ${size.width} px`).toBeLessThan(40);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing runs off the side').toBeLessThanOrEqual(size.width);
        await saveScreenshot(page, `supervisor-header-timer-${size.width}x${size.height}-${theme}`);
      }
    }
  });
});
