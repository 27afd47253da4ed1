import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { localToday } from '../../shared/domain/inputs';
import type { Core } from '../../main/core';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';

/** Every screen and flow of the offline technician, with no server anywhere. */
const firstOpen = async (core: Core) =>
  (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;

async function openWorkOrder(page: import('@playwright/test').Page, core: Core, number: string) {
  await page.getByRole('searchbox', { name: 'Search work orders' }).fill(number);
  // Until the search's page arrives the list still shows the previous rows: click only once it shows the matches.
  await expect(page.getByRole('heading', { name: await searchHeading(core, number) })).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: number }).getByRole('button').click();
}

/**
 * A keyboard-wedge scanner: the code's keys and Enter in one burst, at the
 * element that has focus. Sent from inside the page in one go because the
 * app tells a scanner from a person by the gap between keys (80 ms), and on a
 * busy machine the test driver's own key-by-key pace can exceed that.
 */
async function scan(page: import('@playwright/test').Page, code: string) {
  await page.evaluate((keys) => {
    const target = document.activeElement ?? document.body;
    for (const key of keys) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, [...code, 'Enter']);
}

/** The list heading once a search's results are on screen, with the count the journal gives. */
async function searchHeading(core: Core, search: string): Promise<string> {
  const { total } = await core.handlers.listWorkOrders(WorkOrderQuery.parse({ search, limit: 1 }));
  return `${total} ${total === 1 ? 'work order matches' : 'work orders match'} “${search}”`;
}

test.describe('signing in', () => {
  test.use({ signedInAs: null });

  test('a demo technician signs in offline and sees the work orders', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in to Shopfloor' })).toBeVisible();
    await expectAccessible(page, 'sign-in');
    await saveScreenshot(page, 'sign-in');
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
    await page.getByLabel('Password').fill('shopfloor-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Signed in as alice')).toBeVisible();
    await expect(page.getByRole('heading', { name: '1,000 work orders' })).toBeVisible();
  });
});

test.describe('a work order, offline', () => {
  test('status changes follow the rules, are saved at once and marked not yet synced', async ({ page, core }) => {
    const wo = await firstOpen(core);
    await page.goto('/');
    await openWorkOrder(page, core, wo.number!);
    const detail = page.getByRole('complementary', { name: wo.title });
    await expect(detail.getByRole('button', { name: 'Reopen' })).toBeDisabled();
    await expect(detail.getByText('Reopen is possible after Complete or Cancel.')).toBeVisible();
    await detail.getByRole('button', { name: 'Start work' }).click();
    await expect(detail.locator('.detail-badges')).toContainText('In progress');
    await expect(detail.locator('.detail-badges')).toContainText('Not yet synced');
    await expect(page.getByRole('listitem').filter({ hasText: wo.number! })).toContainText('Not yet synced');
    await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('1 change waits to sync');
    expect((await core.handlers.getWorkOrder({ id: wo.id })).status).toBe('in_progress');
    await expectAccessible(page, 'work order');
    await saveScreenshot(page, 'work-order-in-progress');

    await detail.getByRole('button', { name: 'Complete…' }).click();
    await detail.getByLabel('Completion notes').fill('Replaced the bearing, tested 30 minutes.');
    await detail.getByRole('button', { name: 'Complete work order' }).click();
    await expect(detail.locator('.detail-badges')).toContainText('Completed');
    await expect(detail).toContainText('Replaced the bearing, tested 30 minutes.');
    await expect(detail.getByText('Hours cannot be logged: this work order was completed.')).toBeVisible();
    await expect(detail.getByRole('button', { name: 'Reopen' })).toBeDisabled();
    await expect(detail.getByText('This work order is completed; only a supervisor can reopen it.')).toBeVisible();
  });

  test('editing the details updates the list and the detail', async ({ page, core }) => {
    const wo = await firstOpen(core);
    await page.goto('/');
    await openWorkOrder(page, core, wo.number!);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Edit work order' });
    await form.getByLabel('Title').fill('');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByText('Give the work order a title.')).toBeVisible();
    await form.getByLabel('Title').fill(`${wo.title} (checked)`);
    await form.getByLabel('Priority').selectOption('urgent');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: `${wo.title} (checked)` })).toBeVisible();
    expect(await core.handlers.getWorkOrder({ id: wo.id })).toMatchObject({ title: `${wo.title} (checked)`, priority: 'urgent', pending: true });
  });

  test('logging hours checks the entry and shows it as not yet synced', async ({ page, core }) => {
    const wo = await firstOpen(core);
    await page.goto('/');
    await openWorkOrder(page, core, wo.number!);
    const form = page.getByRole('form', { name: 'Log hours' });
    for (const [hours, sentence] of [
      ['0', 'Enter more than 0 hours.'],
      ['25', 'One entry can be at most 24 hours. Split longer work over several days.'],
      ['', 'Enter the hours as a number.'],
    ]) {
      await form.getByLabel('Hours').fill(hours!);
      await form.getByRole('button', { name: 'Log hours' }).click();
      await expect(form.getByText(sentence!)).toBeVisible();
    }
    await form.getByLabel('Hours').fill('2.5');
    await form.getByLabel('Date').fill('2999-01-01');
    await form.getByRole('button', { name: 'Log hours' }).click();
    await expect(form.getByText('The date cannot be in the future.')).toBeVisible();
    await form.getByLabel('Date').fill(localToday());
    await form.getByLabel('Note').fill('Changed the filter');
    await form.getByRole('button', { name: 'Log hours' }).click();
    await expect(form.getByText('2.5 h saved on this computer.')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'Changed the filter' });
    await expect(row).toContainText('2.5');
    await expect(row).toContainText('Not yet synced');
    expect(await core.handlers.listHours({ workOrderId: wo.id })).toHaveLength(1);
    await saveScreenshot(page, 'log-hours');
  });

  test('the timer keeps running across a reload and fills in the hours when stopped', async ({ page, core }) => {
    const wo = await firstOpen(core);
    await page.goto('/');
    await openWorkOrder(page, core, wo.number!);
    await page.getByRole('button', { name: 'Start timer' }).click();
    await expect(page.getByText(/Timer running since/)).toBeVisible();
    await page.reload();
    await openWorkOrder(page, core, wo.number!);
    await expect(page.getByText(/Timer running since/)).toBeVisible();
    await page.getByRole('button', { name: 'Stop timer' }).click();
    const form = page.getByRole('form', { name: 'Log hours' });
    await expect(form.getByLabel('Hours')).toHaveValue('0.1');
    await expect(form.getByLabel('Note')).toHaveValue('Timed with the timer');
  });
});

test.describe('new work orders and assets', () => {
  test('a new work order is saved offline with a temporary label', async ({ page, core }) => {
    const asset = (await core.handlers.listAssets({ search: 'PMP', offset: 0, limit: 1 })).items[0]!;
    await page.goto('/');
    await page.getByRole('button', { name: 'New work order' }).click();
    const form = page.getByRole('form', { name: 'New work order' });
    await form.getByRole('button', { name: 'Save work order' }).click();
    await expect(form.getByText('Give the work order a title.')).toBeVisible();
    await expectAccessible(page, 'new work order');
    await form.getByLabel('Title').fill('Coolant pump hums loudly');
    await form.getByLabel('Description').fill('Started this morning, gets worse under load.');
    await form.getByLabel('Asset tag').fill('NOPE-1');
    await form.getByRole('button', { name: 'Save work order' }).click();
    await expect(form.getByText('No asset with the tag “NOPE-1” is on this computer.')).toBeVisible();
    await form.getByLabel('Asset tag').fill(asset.tag);
    await expect(form.getByText(`${asset.name}, ${asset.location}`)).toBeVisible();
    await form.getByLabel('Priority').selectOption('high');
    await saveScreenshot(page, 'new-work-order');
    await form.getByRole('button', { name: 'Save work order' }).click();

    await expect(page.getByText('New work order saved on this computer. It gets its number when it syncs.')).toBeVisible();
    const detail = page.getByRole('complementary', { name: 'Coolant pump hums loudly' });
    await expect(detail).toContainText('New work order: number assigned when synced');
    await expect(detail).toContainText(`${asset.tag} · ${asset.name}`);
    await expect(page.getByRole('listitem').first()).toContainText('New');
    await expect(page.getByRole('listitem').first()).toContainText('Not yet synced');
  });

  test('assets: search, detail with its work orders, and a new work order for it', async ({ page, core }) => {
    const asset = (await core.handlers.listAssets({ search: 'CNV', offset: 0, limit: 1 })).items[0]!;
    const detail = await core.handlers.getAsset({ id: asset.id });
    await page.goto('/');
    await page.getByRole('button', { name: 'Assets' }).click();
    await page.getByRole('searchbox', { name: 'Search assets' }).fill(asset.tag);
    const matches = (await core.handlers.listAssets({ search: asset.tag, offset: 0, limit: 1 })).total;
    // The search is applied after a short pause in typing: click only once the list shows its matches.
    await expect(page.getByRole('heading', { name: `${matches} ${matches === 1 ? 'asset matches' : 'assets match'} “${asset.tag}”` })).toBeVisible();
    await page.getByRole('listitem').filter({ hasText: asset.tag }).getByRole('button').click();
    const panel = page.getByRole('complementary', { name: asset.name });
    await expect(panel).toContainText(asset.location);
    await expect(panel).toContainText(`Work orders on this asset (${detail.workOrders.length})`);
    await expectAccessible(page, 'asset');
    await saveScreenshot(page, 'asset-detail');
    await panel.getByRole('button', { name: 'New work order for this asset' }).click();
    await expect(page.getByRole('form', { name: 'New work order' }).getByLabel('Asset tag')).toHaveValue(asset.tag);
  });

  test('a scanned tag or work-order number opens it from any screen', async ({ page, core }) => {
    const asset = (await core.handlers.listAssets({ search: 'BLR', offset: 0, limit: 1 })).items[0]!;
    const wo = await firstOpen(core);
    await page.goto('/');
    await page.getByRole('button', { name: 'Assets' }).click();
    // A keyboard-wedge scanner: fast keys, then Enter, with no text field focused.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await scan(page, wo.number!);
    await expect(page.getByRole('complementary', { name: wo.title })).toBeVisible();
    await page.getByRole('heading', { name: wo.title }).click();
    await scan(page, asset.tag);
    await expect(page.getByRole('complementary', { name: asset.name })).toBeVisible();
    await scan(page, 'XX-404');
    await expect(page.getByText('Nothing on this computer has the code “XX-404”.')).toBeVisible();
  });

  test('filters: assigned to me and priority', async ({ page, core }) => {
    const mine = await core.handlers.listWorkOrders(WorkOrderQuery.parse({ assignedToMe: true, priority: 'urgent' }));
    await page.goto('/');
    await page.getByRole('button', { name: 'Assigned to me' }).click();
    await page.getByLabel('Priority').selectOption('urgent');
    await expect(page.getByRole('heading', { name: `${mine.total} work orders` })).toBeVisible();
    for (const text of await page.getByRole('listitem').allInnerTexts()) expect(text).toContain('Urgent');
    await expectAccessible(page, 'work orders (filtered)');
  });

  test('signing out keeps pending work and says so', async ({ page, core }) => {
    const wo = await firstOpen(core);
    await page.goto('/');
    await openWorkOrder(page, core, wo.number!);
    await page.getByRole('button', { name: 'Start work' }).click();
    await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('1 change waits to sync');
    const warning = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await warning).toMatch(/^1 change has not reached the server yet\. They stay on this computer/);
    await expect(page.getByText('alice signed out. Their 1 unsent change stays on this computer and will be sent.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in to Shopfloor' })).toBeVisible();
    expect((await core.handlers.getSyncStatus()).pendingChanges).toBe(1);
  });
});
