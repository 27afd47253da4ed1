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

test('the conflict card shows readable values, who changed what, and the result of each choice; Merge keeps both', async ({ page, core, server, conflictAnswer }) => {
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

    conflictAnswer.choice = 'merge';
    await card.getByRole('button', { name: /Decide/ }).click();
    await expect(page.getByText('Both sides were kept.')).toBeVisible();
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
