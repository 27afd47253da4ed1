import { WorkOrderQuery, type WorkOrderPage, type WorkOrderQueryInput } from '../../shared/domain/workOrder';
import type { Core } from '../../main/core';
import { expect, saveScreenshot, test } from './harness/fixtures';

/** What the core itself says, so expectations come from the journal, not from constants. */
const coreList = async (core: Core, query: WorkOrderQueryInput): Promise<WorkOrderPage> =>
  core.handlers.listWorkOrders(WorkOrderQuery.parse(query));

test.describe('Work orders screen', () => {
  test('lists the journal’s work orders, newest change first', async ({ page, core, ipcCalls }) => {
    await page.goto('/');
    const first = await coreList(core, {});
    await expect(page.getByRole('heading', { name: `${first.total.toLocaleString()} work orders` })).toBeVisible();
    const rows = page.getByRole('listitem');
    await expect(rows.first()).toContainText(first.items[0]!.number!);
    await expect(rows.first()).toContainText(first.items[0]!.title);
    await expect(rows.nth(1)).toContainText(first.items[1]!.number!);
    expect(ipcCalls.map((c) => c.channel)).toContain('workorders:list');
    await saveScreenshot(page, 'work-orders-list');
  });

  test('asks for the next page of rows before the technician scrolls to it', async ({ page, core, ipcCalls }) => {
    await page.goto('/');
    await expect(page.getByRole('listitem').first()).toBeVisible();
    const nextPageAsked = () => ipcCalls.some((c) => c.channel === 'workorders:list' && (c.payload as { offset: number }).offset === 100);
    expect(nextPageAsked()).toBe(false);
    // Scroll to about row 50 of the first page of 100.
    await page.locator('.list-scroll').evaluate((list) => list.scrollTo(0, 45 * 72));
    await expect.poll(nextPageAsked).toBe(true);
    await expect(page.locator('[data-index="100"]')).toHaveCount(0); // not on screen yet, already on its way
    // Row 100 is there the moment it scrolls into view.
    const row100 = (await coreList(core, { offset: 100, limit: 1 })).items[0]!;
    await page.locator('.list-scroll').evaluate((list) => list.scrollTo(0, 96 * 72));
    await expect(page.locator('[data-index="100"]')).toContainText(row100.number!);
  });

  test('search narrows the list to matching number, title or asset tag', async ({ page, core }) => {
    await page.goto('/');
    const sample = (await coreList(core, {})).items[3]!;
    const tag = sample.assetTag!;
    const expected = await coreList(core, { search: tag, limit: 500 });

    await page.getByRole('searchbox', { name: 'Search work orders' }).fill(tag);
    await expect(page.getByRole('heading', { name: `${expected.total} work orders match “${tag}”` })).toBeVisible();
    await expect(page.getByRole('listitem').first()).toContainText(expected.items[0]!.number!);
    await expect(page.getByRole('listitem').filter({ hasText: sample.number! })).toBeVisible();
    for (const text of await page.getByRole('listitem').allInnerTexts()) expect(text).toContain(tag);
    await saveScreenshot(page, 'work-orders-search');

    await page.getByRole('searchbox', { name: 'Search work orders' }).fill('no such thing anywhere');
    await expect(page.getByRole('heading', { name: 'No work orders match “no such thing anywhere”' })).toBeVisible();
    await expect(page.getByRole('listitem')).toHaveCount(0);
  });

  test('the status filter shows only that status', async ({ page, core }) => {
    await page.goto('/');
    const expected = await coreList(core, { status: 'completed' });
    await page.getByRole('button', { name: 'Completed', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Completed', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { name: `${expected.total} work orders` })).toBeVisible();
    await expect(page.getByRole('listitem').first()).toContainText(expected.items[0]!.number!);
    for (const text of await page.getByRole('listitem').allInnerTexts()) expect(text).toContain('Completed');
    await saveScreenshot(page, 'work-orders-completed');

    await page.getByRole('button', { name: 'All', exact: true }).click();
    await expect(page.getByRole('heading', { name: '1,000 work orders' })).toBeVisible();
  });

  test('opens a work order with its details, and Escape closes it', async ({ page, core }) => {
    await page.goto('/');
    const summary = (await coreList(core, { status: 'completed' })).items[0]!;
    const workOrder = await core.handlers.getWorkOrder({ id: summary.id });
    const completed = await coreList(core, { status: 'completed' });
    await page.getByRole('button', { name: 'Completed', exact: true }).click();
    // Until the filtered page arrives the list still shows the previous rows: click only once it is the filtered list.
    await expect(page.getByRole('heading', { name: `${completed.total} work orders` })).toBeVisible();
    await page.getByRole('listitem').filter({ hasText: summary.number! }).getByRole('button').click();

    const detail = page.getByRole('complementary', { name: workOrder.title });
    await expect(detail).toContainText(workOrder.number!);
    await expect(detail).toContainText(workOrder.description);
    await expect(detail).toContainText(workOrder.completionNotes!);
    await expect(detail).toContainText(`${workOrder.assetTag} · ${workOrder.assetName}`);
    await saveScreenshot(page, 'work-order-detail');

    await page.keyboard.press('Escape');
    await expect(page.getByText('Select a work order to see its details.')).toBeVisible();
  });

  test('scrolls through all rows while keeping only a screenful in the page', async ({ page, core }) => {
    await page.goto('/');
    const last = (await coreList(core, { offset: 999, limit: 1 })).items[0]!;
    await expect(page.getByRole('listitem').first()).toBeVisible();
    expect(await page.getByRole('listitem').count()).toBeLessThan(40);

    await page.locator('.list-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const lastRow = page.getByRole('listitem').filter({ hasText: last.number! });
    await expect(lastRow).toBeVisible();
    await expect(lastRow).toHaveAttribute('aria-posinset', '1000');
    expect(await page.getByRole('listitem').count()).toBeLessThan(40);
  });

  test('works from the keyboard alone', async ({ page, core }) => {
    await page.goto('/');
    const [first, second] = (await coreList(core, {})).items;
    await page.getByRole('listitem').first().getByRole('button').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('listitem').filter({ hasText: second!.number! }).getByRole('button')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: second!.title })).toContainText(second!.number!);
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('listitem').filter({ hasText: first!.number! }).getByRole('button')).toBeFocused();
  });

  test('the status bar says the app is offline with nothing waiting', async ({ page }) => {
    await page.goto('/');
    const bar = page.getByRole('status', { name: 'Sync status' });
    await expect(bar).toContainText('Offline');
    await expect(bar).toContainText('No changes waiting');
    await expect(bar).toContainText('Last sync: never');
  });

  test('refetches when main says work orders changed', async ({ page, emit, ipcCalls }) => {
    await page.goto('/');
    await expect(page.getByRole('listitem').first()).toBeVisible();
    const before = ipcCalls.filter((c) => c.channel === 'workorders:list').length;
    await emit('workOrdersChanged', { ids: [] });
    await expect.poll(() => ipcCalls.filter((c) => c.channel === 'workorders:list').length).toBeGreaterThan(before);
  });
});

test.describe('a new computer with no server set up', () => {
  test.use({ coreOptions: { seedDemoData: false }, signedInAs: null });

  test('sign-in explains that nobody has signed in here before', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill('whatever');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(/you have not signed in on this computer before/);
  });
});
