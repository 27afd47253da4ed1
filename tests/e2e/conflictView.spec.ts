import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';
import { secondStation } from './harness/secondStation';

/**
 * The Work Order Conflict card a technician can decide from: readable values
 * (asset tag and name, local dates, status labels), who changed which field,
 * and what each choice does, in words. The seed's outcomes stay as they are.
 */
test.use({ withServer: true });
test.describe.configure({ timeout: 180_000 });

test('the conflict card shows readable values, who changed what, and the result of each choice; Merge keeps both', async ({ page, core, server, ipcCalls }) => {
  const bob = await secondStation(server!.url);
  try {
    const wo = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
    const before = await core.handlers.getWorkOrder({ id: wo.id });
    const other = (await core.handlers.listAssets({ search: 'BLR', offset: 0, limit: 1 })).items[0]!;
    // alice, offline: starts the work and sets a due date; bob, online: a new description and another asset.
    await core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'in_progress', dueAt: '2026-12-01T11:00:00.000Z' } });
    await bob.core.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'Bob: seal replaced last week', assetId: other.id } });
    await bob.core.sync.syncNow();
    await core.sync.syncNow();

    await page.goto('/');
    await page.getByRole('button', { name: /More/ }).click();
    const card = page.getByRole('article', { name: `Work Order Conflict ${wo.number}` });
    const asset = card.getByRole('row', { name: /Asset/ });
    await expect(asset).toContainText(`${other.tag} · ${other.name}`);
    await expect(asset).toContainText('changed by bob');
    await expect(card.getByRole('row', { name: /Status/ })).toContainText('In progress');
    await expect(card.getByRole('row', { name: /Status/ })).toContainText('changed by you');
    const localDue = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date('2026-12-01T11:00:00.000Z'));
    await expect(card.getByRole('row', { name: /Due/ })).toContainText(localDue);
    // No raw ids, timestamps or status keys anywhere on the card.
    const text = await card.innerText();
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).not.toContain('in_progress');

    const choices = card.getByRole('list', { name: 'What each choice does' });
    await expect(choices.getByRole('listitem').first()).toContainText('Merge (recommended)');
    await expect(choices.getByRole('listitem').filter({ hasText: 'Overwrite' })).toContainText(
      `Description goes back to “${before.description.length > 60 ? before.description.slice(0, 57) : before.description}`,
    );
    await expect(choices.getByRole('listitem').filter({ hasText: 'Overwrite' })).toContainText('bob’s change is lost');
    await expect(choices.getByRole('listitem').filter({ hasText: 'Discard my changes' })).toContainText('Status stays “Open”');
    // One large, plain button per choice, Merge first; no per-field pick when Merge is possible.
    await expect(choices.getByRole('button')).toHaveText(['Merge (recommended)', 'Keep mine (Overwrite)', 'Take bob’s (Discard my changes)']);
    for (const button of await choices.getByRole('button').all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await expect(card.getByRole('group')).toHaveCount(0);

    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => localStorage.setItem('shopfloor.preferences', JSON.stringify({ theme: t })), theme);
      await page.reload();
      await page.getByRole('button', { name: /More/ }).click();
      await expect(card.getByRole('row', { name: /Asset/ })).toContainText(other.tag);
      for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
        await page.setViewportSize(size);
        await saveScreenshot(page, `conflict-readable-${size.width}x${size.height}-${theme}`);
      }
      await expectAccessible(page, `conflict card (${theme})`);
    }

    // Decided in the app: no dialog is asked (the dialog's answer would be "later").
    await card.getByRole('button', { name: 'Merge (recommended)' }).click();
    await expect(page.getByText('Both sides were kept.')).toBeVisible();
    expect(ipcCalls.map((c) => c.channel)).not.toContain('sync:openConflict');
    await core.sync.syncNow();
    await bob.core.sync.syncNow();
    expect(await bob.core.handlers.getWorkOrder({ id: wo.id })).toMatchObject({
      status: 'in_progress',
      description: 'Bob: seal replaced last week',
      assetId: other.id,
    });
  } finally {
    bob.close();
  }
});

test('both changed the description: from the work order, alice picks per field, the result follows her picks, and both PCs end equal', async ({ page, core, server, ipcCalls }) => {
  const bob = await secondStation(server!.url);
  try {
    const wo = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
    // alice, offline: starts the work and writes her note; bob, online: his own note and a higher priority.
    await core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'in_progress', description: 'Alice: seal ordered, press stopped' } });
    await bob.core.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'Bob: seal replaced last week', priority: 'urgent' } });
    await bob.core.sync.syncNow();
    await core.sync.syncNow();

    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search work orders' }).fill(wo.number!);
    await page.getByRole('listitem').filter({ hasText: wo.number! }).locator('.row-button').click();
    // Reached from the work order itself: its banner's Decide opens this work order's conflict card, in the app.
    await page.getByRole('complementary', { name: wo.title }).getByRole('note', { name: 'Conflict: decide' }).getByRole('button', { name: 'Decide…' }).click();
    const card = page.getByRole('article', { name: `Work Order Conflict ${wo.number}` });
    await expect(card).toBeVisible();
    await expect(card.getByRole('row', { name: /Description/ })).toContainText('changed by you');
    await expect(card.getByRole('row', { name: /Description/ })).toContainText('changed by bob');

    const choices = card.getByRole('list', { name: 'What each choice does' });
    await expect(choices.getByRole('button', { name: /Merge/ })).toHaveCount(0);
    const description = card.getByRole('group', { name: 'Description' });
    const result = card.getByLabel('Result of your picks');
    const keep = card.getByRole('button', { name: 'Keep these picks' });
    await expect(result).toHaveText('Description: pick yours or bob’s; your status is kept; bob’s priority is kept.');
    await expect(keep).toBeDisabled();
    await expect(keep).toHaveAccessibleDescription('Pick yours or bob’s for each field above first.');
    await expect(card.getByRole('group')).toHaveCount(1); // only the field both changed asks for a pick

    await description.getByRole('radio', { name: 'bob’s: Bob: seal replaced last week' }).check();
    await expect(result).toHaveText('Description stays “Bob: seal replaced last week”; your “Alice: seal ordered, press stopped” is dropped; your status is kept; bob’s priority is kept.');
    await description.getByRole('radio', { name: 'Yours: Alice: seal ordered, press stopped' }).check();
    await expect(result).toHaveText('Description becomes “Alice: seal ordered, press stopped”; bob’s “Bob: seal replaced last week” is lost; your status is kept; bob’s priority is kept.');
    await expect(keep).toBeEnabled();
    // Gloves: every pick and every button at least 44 px high.
    for (const target of [...(await description.locator('label').all()), ...(await choices.getByRole('button').all())]) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }

    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => localStorage.setItem('shopfloor.preferences', JSON.stringify({ theme: t })), theme);
      await page.reload();
      await page.getByRole('searchbox', { name: 'Search work orders' }).fill(wo.number!);
      await page.getByRole('listitem').filter({ hasText: wo.number! }).getByRole('button', { name: `Decide ${wo.number}` }).click();
      await description.getByRole('radio', { name: /^Yours/ }).check();
      await expect(keep).toBeEnabled();
      for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
        await page.setViewportSize(size);
        // The screen scrolls inside its main area: bring the choices to the top for the picture.
        await card.getByRole('heading', { name: /^Decide/ }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
        await saveScreenshot(page, `conflict-pick-${size.width}x${size.height}-${theme}`);
      }
      await expectAccessible(page, `conflict card, pick per field (${theme})`);
    }

    await keep.click();
    await expect(page.getByText('Your picks were kept.')).toBeVisible();
    await expect(card).toHaveCount(0);
    expect(ipcCalls.filter((c) => c.channel === 'sync:resolveConflict').map((c) => c.payload)).toEqual([
      { workOrderId: wo.id, choice: 'fields', picks: { description: 'mine' } },
    ]);
    await core.sync.syncNow();
    await bob.core.sync.syncNow();
    const merged = { status: 'in_progress', description: 'Alice: seal ordered, press stopped', priority: 'urgent' };
    expect(await core.handlers.getWorkOrder({ id: wo.id })).toMatchObject({ ...merged, pending: false });
    expect(await bob.core.handlers.getWorkOrder({ id: wo.id })).toMatchObject(merged);
  } finally {
    bob.close();
  }
});
