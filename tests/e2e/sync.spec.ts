import { LogHoursInput } from '../../shared/domain/inputs';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { createCore, DEMO_PASSWORD, type Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { makeTempDir } from '../helpers/tempDir';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';

/**
 * The conflict and error flows from notification to outcome, in real
 * Chromium, against a real server, with a second workstation (bob) in the
 * test. The dialog's answer comes through the seam the shell fills with
 * Electron's native dialog.
 */
test.use({ withServer: true });
// Two workstations, a server, axe and screenshots per test: more than 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

async function secondStation(serverUrl: string): Promise<{ core: Core; close(): void }> {
  const temp = makeTempDir('shopfloor-bob-');
  const core = createCore({ dataDir: temp.dir, logger: silentLogger, serverUrl, seedDemoData: false, autoSync: false });
  await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
  await core.sync.syncNow();
  return {
    core,
    close: () => {
      core.close();
      temp.remove();
    },
  };
}

const anOpenOne = async (core: Core) => (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;

test('Work Order Conflict: notification, field-by-field view, Overwrite', async ({ page, core, server }) => {
  const bob = await secondStation(server!.url);
  try {
    const wo = await anOpenOne(core);
    const before = await core.handlers.getWorkOrder({ id: wo.id });
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search work orders' }).fill(wo.number!);
    // Until the search's page arrives the list still shows the previous rows: click only once it shows the match.
    const matches = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ search: wo.number!, limit: 1 }))).total;
    await expect(page.getByRole('heading', { name: `${matches} ${matches === 1 ? 'work order matches' : 'work orders match'} “${wo.number}”` })).toBeVisible();
    await page.getByRole('listitem').filter({ hasText: wo.number! }).getByRole('button').click();
    await page.getByRole('button', { name: 'Start work' }).click(); // alice, not yet sent
    await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('1 change waits to sync');

    await bob.core.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'Bob: seal replaced last week' } });
    await bob.core.sync.syncNow();
    await core.sync.syncNow();

    await expect(page.getByRole('button', { name: /More/ })).toContainText('1');
    await page.getByRole('button', { name: /More/ }).click();
    const card = page.getByRole('article', { name: `Work Order Conflict ${wo.number}` });
    await expect(card).toContainText('bob changed this work order');
    await expect(card.getByRole('row', { name: /Status/ })).toContainText('In progress');
    await expect(card.getByRole('row', { name: /Description/ })).toContainText('Bob: seal replaced last week');
    await expectAccessible(page, 'conflicts');
    await saveScreenshot(page, 'conflict');

    await card.getByRole('button', { name: 'Keep mine (Overwrite)' }).click();
    await expect(page.getByText('Your version was saved over theirs.')).toBeVisible();
    await expect(card).toHaveCount(0);
    await core.sync.syncNow();
    await bob.core.sync.syncNow();
    expect(await bob.core.handlers.getWorkOrder({ id: wo.id })).toMatchObject({ status: 'in_progress', description: before.description });
  } finally {
    bob.close();
  }
});

test('Work Order Conflict: Discard keeps the server’s version and lists what was dropped', async ({ page, core, server }) => {
  const bob = await secondStation(server!.url);
  try {
    const wo = await anOpenOne(core);
    await core.handlers.updateWorkOrder({ id: wo.id, changes: { priority: 'urgent' } }); // alice, not yet sent
    await bob.core.handlers.updateWorkOrder({ id: wo.id, changes: { priority: 'low' } });
    await bob.core.sync.syncNow();
    await core.sync.syncNow();

    await page.goto('/');
    await page.getByRole('button', { name: /More/ }).click();
    const card = page.getByRole('article', { name: `Work Order Conflict ${wo.number}` });
    await expect(card.getByRole('row', { name: /Priority/ })).toContainText('Urgent');
    await card.getByRole('button', { name: 'Take bob’s (Discard my changes)' }).click();
    await expect(page.getByText('Your changes were dropped')).toBeVisible();
    await expect(card).toHaveCount(0);

    const dropped = page.getByRole('region', { name: 'Changes you discarded' });
    await expect(dropped.getByRole('row').filter({ hasText: wo.number! })).toContainText('Priority: Urgent');
    await expectAccessible(page, 'discarded changes');
    await saveScreenshot(page, 'conflict-discarded');
    expect((await core.handlers.getWorkOrder({ id: wo.id })).priority).toBe('low');
  } finally {
    bob.close();
  }
});

test('refused hours: error notification, "Okay", kept in the history with export', async ({ page, core, server }) => {
  const bob = await secondStation(server!.url);
  try {
    const wo = await anOpenOne(core);
    await core.handlers.logHours(LogHoursInput.parse({ workOrderId: wo.id, hours: 3, workDate: '2026-11-20', note: 'bearing swap' }));
    await bob.core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'completed', completionNotes: 'done' } });
    await bob.core.sync.syncNow();
    await core.sync.syncNow();

    await page.goto('/');
    await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('1 refused');
    await page.getByRole('button', { name: /More/ }).click();
    const error = page.getByRole('alert', { name: `Refused: Hours on ${wo.number}` });
    await expect(error).toContainText('Hours cannot be logged: this work order was completed');
    await expect(error).toContainText('3 h on 2026-11-20: bearing swap');
    await expectAccessible(page, 'refused changes');
    await saveScreenshot(page, 'refused-change');

    await error.getByRole('button', { name: 'Okay' }).click();
    await expect(error).toHaveCount(0);
    const history = page.locator('.history-row').filter({ hasText: wo.number! });
    await expect(history).toContainText('3 h on 2026-11-20: bearing swap');
    await expect(page.getByRole('button', { name: 'Export as CSV' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    expect((await download).suggestedFilename()).toBe('shopfloor-refused-changes.csv');
    await expect(page.getByRole('status', { name: 'Sync status' })).not.toContainText('refused');
  } finally {
    bob.close();
  }
});

test('sync history lists cycles and "Sync now" runs one', async ({ page, core }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Sync history' }).click();
  const rows = page.getByRole('tabpanel').getByRole('row');
  // Count only once the history the journal holds is on screen (a header row, then one per cycle).
  await expect(rows).toHaveCount((await core.handlers.syncHistory()).length + 1);
  const before = await rows.count();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(rows).toHaveCount(before + 1);
  await expect(rows.nth(1)).toContainText('Done');
  await saveScreenshot(page, 'sync-history');
});

test('Settings: the server address with "Test connection"', async ({ page, server }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Settings' });
  await expect(form).toContainText(`Syncing with ${server!.url}.`);
  await form.getByLabel('Sync server address').fill('not an address');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByText('Enter a full address starting with https://')).toBeVisible();
  await form.getByLabel('Sync server address').fill(server!.url);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByText('The server answered. Connection works.')).toBeVisible();
  await expectAccessible(page, 'settings');
  await saveScreenshot(page, 'settings');
});
