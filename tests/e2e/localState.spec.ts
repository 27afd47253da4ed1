import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { hoursTotal } from '../../shared/domain/localState';
import { LogHoursInput, NewWorkOrderInput } from '../../shared/domain/inputs';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';
import { everySizeAndTheme, expectDisabledExplained, SIZES } from './harness/screenMatrix';
import { secondStation } from './harness/secondStation';

/**
 * One local state per record, on screen as the journal decides it: the seed's
 * sync-error example (A logs 3 h offline, B completes the work order, A
 * syncs) and a refused offline create with hours on it. Each is checked in the
 * journal (the core's reads) and on screen, before and after "Okay" and a
 * reload of the window.
 */
test.use({ withServer: true, viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 180_000 });

const hoursText = (n: number) => `Hours · ${n.toLocaleString(undefined, { maximumFractionDigits: 2 })} h logged`;

async function openFromList(page: Page, search: string, rowText: string) {
  await page.getByRole('searchbox', { name: 'Search work orders' }).fill(search);
  const row = page.getByRole('listitem').filter({ hasText: rowText });
  await expect(row).toHaveCount(1);
  await row.locator('.row-button').click();
}

test('the worked sync-error example: refused hours are marked, struck through and not in the total, also after Okay', async ({ page, core, server }) => {
  const bob = await secondStation(server!.url);
  try {
    const wo = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
    await core.handlers.logHours(LogHoursInput.parse({ workOrderId: wo.id, hours: 3, workDate: '2026-11-20', note: 'bearing swap' }));
    await bob.core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'completed', completionNotes: 'done' } });
    await bob.core.sync.syncNow();
    await core.sync.syncNow();

    // The journal: the entry is refused and counts for nothing; the server's total is what is left.
    const entries = await core.handlers.listHours({ workOrderId: wo.id });
    const refused = entries.find((e) => e.note === 'bearing swap')!;
    expect(refused).toMatchObject({ localState: 'refused', pending: false, refusal: { code: 'WORK_ORDER_CLOSED', acknowledged: false } });
    const total = hoursTotal(entries);
    expect(total).toBe(entries.filter((e) => e !== refused).reduce((sum, e) => sum + e.hours, 0));

    await page.goto('/');
    await openFromList(page, wo.number!, wo.number!);
    const row = page.getByRole('listitem').filter({ hasText: wo.number! });
    await expect(row).toContainText(`Refused: ${refused.refusal!.message}`);
    await expect(row.getByRole('button', { name: `Why refused? ${wo.number}` })).toBeVisible();
    const detail = page.getByRole('complementary', { name: wo.title });
    await expect(detail.getByRole('note', { name: 'Refused' })).toContainText(refused.refusal!.message);
    const hours = detail.getByRole('region', { name: /^Hours/ });
    await expect(hours.getByRole('heading')).toContainText(hoursText(total));
    await expect(hours.getByRole('heading')).toContainText('(3 h refused, not counted)');
    const line = hours.getByRole('row').filter({ hasText: 'bearing swap' });
    await expect(line).toContainText(`Refused: ${refused.refusal!.message}`);
    await expect(line).not.toContainText('Not yet synced');
    expect(await line.locator('.struck').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    await everySizeAndTheme(page, 'state-refused-hours', async () => {
      await line.scrollIntoViewIfNeeded();
      await expect(line.getByRole('button', { name: 'Open Refused changes' })).toBeInViewport();
    });

    // The way to the refusal, and "Okay".
    await line.getByRole('button', { name: 'Open Refused changes' }).click();
    const error = page.getByRole('alert', { name: `Refused: Hours on ${wo.number}` });
    await error.getByRole('button', { name: 'Okay' }).click();
    await expect(error).toHaveCount(0);

    await page.reload(); // the window again: everything read from the journal afresh
    await openFromList(page, wo.number!, wo.number!);
    await expect(page.getByRole('listitem').filter({ hasText: wo.number! })).not.toContainText('Refused');
    const after = page.getByRole('complementary', { name: wo.title }).getByRole('region', { name: /^Hours/ });
    await expect(after.getByRole('heading')).toContainText(hoursText(total));
    await expect(after.getByRole('row').filter({ hasText: 'bearing swap' })).toContainText('Refused:');
    expect((await core.handlers.listHours({ workOrderId: wo.id })).find((e) => e.id === refused.id)).toMatchObject({
      localState: 'refused',
      refusal: { acknowledged: true },
    });
    await saveScreenshot(page, 'state-refused-hours-after-okay-1366x768-light');
  } finally {
    bob.close();
  }
});

test('a refused offline create shows as refused, and so do its hours; it takes no more work', async ({ page, core }) => {
  // An asset only this PC knows (removed on the server meanwhile): the server refuses the create.
  const journal = new Database(core.journalPath);
  journal.prepare("INSERT INTO assets (id, tag, name, location) VALUES ('gone', 'GONE-1', 'Scrapped press', 'Hall Z')").run();
  journal.close();
  const created = await core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Oil leak under the press', assetId: 'gone' }));
  await core.handlers.logHours(LogHoursInput.parse({ workOrderId: created.id, hours: 1.5, workDate: '2026-11-20', note: 'looked for the leak' }));
  await core.sync.syncNow();

  const seen = await core.handlers.getWorkOrder({ id: created.id });
  expect(seen).toMatchObject({ number: null, localState: 'refused', refusal: { code: 'NOT_FOUND' } });
  expect((await core.handlers.listHours({ workOrderId: created.id })).map((h) => [h.localState, h.refusal?.code])).toEqual([['refused', 'DEPENDENCY_REJECTED']]);

  for (const theme of ['light', 'dark'] as const) {
    await page.goto('/');
    await page.evaluate((t) => localStorage.setItem('shopfloor.preferences', JSON.stringify({ theme: t })), theme);
    await page.reload();
    await openFromList(page, 'Oil leak under the press', 'Oil leak under the press');
    const row = page.getByRole('listitem').filter({ hasText: 'Oil leak under the press' });
    await expect(row).toContainText('New');
    await expect(row).toContainText(`Refused: ${seen.refusal!.message}`);
    const detail = page.getByRole('complementary', { name: 'Oil leak under the press' });
    await expect(detail.getByRole('note', { name: 'Refused' })).toContainText('This new work order was not created on the server');
    const hours = detail.getByRole('region', { name: /^Hours/ });
    await expect(hours.getByRole('heading')).toContainText(hoursText(0));
    await expect(hours.getByRole('row').filter({ hasText: 'looked for the leak' })).toContainText('Refused:');
    // Nothing more can be added: no status moves, no hours, no timer; the reason in a sentence.
    await expect(detail.getByText('The server refused this new work order, so nothing more can be added to it.')).toBeVisible();
    await expect(detail.getByRole('button', { name: 'Start work' })).toHaveCount(0);
    await expect(detail.getByRole('form', { name: 'Log hours' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Close' })).toBeInViewport();
    await expectAccessible(page, `refused create (${theme})`);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect(page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Close' })).toBeInViewport();
      await saveScreenshot(page, `state-refused-create-${size.width}x${size.height}-${theme}`);
    }
    await expectDisabledExplained(page, `refused create (${theme})`);
    await page.setViewportSize(SIZES[0]);
  }
  await page.getByRole('note', { name: 'Refused' }).getByRole('button', { name: 'Open Refused changes' }).click();
  await expect(page.getByRole('tab', { name: /Refused changes/ })).toHaveAttribute('aria-selected', 'true');
});

test('a work order in conflict is marked on its row and in its detail, with the way to decide', async ({ page, core, server }) => {
  const bob = await secondStation(server!.url);
  try {
    const wo = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
    await core.handlers.updateWorkOrder({ id: wo.id, changes: { priority: 'urgent' } });
    await bob.core.handlers.updateWorkOrder({ id: wo.id, changes: { priority: 'low' } });
    await bob.core.sync.syncNow();
    await core.sync.syncNow();
    expect((await core.handlers.getWorkOrder({ id: wo.id })).localState).toBe('conflict');

    await page.goto('/');
    await openFromList(page, wo.number!, wo.number!);
    const row = page.getByRole('listitem').filter({ hasText: wo.number! });
    await expect(row).toContainText('Conflict: decide');
    await expect(page.getByRole('complementary', { name: wo.title }).getByRole('note', { name: 'Conflict: decide' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Sync status' })).toHaveAttribute('data-level', 'attention');
    await everySizeAndTheme(page, 'state-conflict', async () => {
      await expect(row.getByRole('button', { name: `Decide ${wo.number}` })).toBeInViewport();
    });
    await row.getByRole('button', { name: `Decide ${wo.number}` }).click();
    await expect(page.getByRole('article', { name: `Work Order Conflict ${wo.number}` })).toBeVisible();
  } finally {
    bob.close();
  }
});
