import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { ApiClient } from '../helpers/testServer';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';

/**
 * Work requests in the real renderer against a real core and server: an
 * operator reports a problem from the sign-in screen without an account and
 * sees the outcome there; a supervisor sees the new requests (badge), accepts
 * one and declines another with a reason.
 */
const SIZE = { width: 1366, height: 768 } as const;
const THEMES = ['light', 'dark'] as const;

// Two themes and axe twice per test: room for a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((t) => {
    const saved = JSON.parse(localStorage.getItem('shopfloor.preferences') ?? '{}') as Record<string, unknown>;
    localStorage.setItem('shopfloor.preferences', JSON.stringify({ ...saved, theme: t }));
  }, theme);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test.describe('an operator at the sign-in screen', () => {
  // alice signed in on this PC once (it holds her token), then signed out: the sign-in screen shows.
  test.use({ withServer: true, signedInAs: 'alice' });

  test('reports a problem by scanning the tag, and sees it accepted with its work order number', async ({ page, core, server }) => {
    await core.handlers.signOut();
    const asset = await server!.database.db.selectFrom('assets').select(['id', 'tag', 'name']).orderBy('tag').executeTakeFirstOrThrow();
    await page.setViewportSize(SIZE);
    await page.goto('/');
    await page.getByRole('button', { name: /Report a problem/ }).click();
    const form = page.getByRole('form', { name: 'Report a problem' });

    // Sent with nothing filled in: every missing answer is named.
    await form.getByRole('button', { name: 'Send to maintenance' }).click();
    await expect(form.getByText('Enter your name, so maintenance knows whom to ask.')).toBeVisible();
    await expect(form.getByText('Scan or choose the machine this is about.')).toBeVisible();

    await form.getByRole('textbox', { name: 'Your name' }).fill('Maria (line 3)');
    // A scanner types the tag and Enter into the field.
    await form.getByRole('searchbox', { name: 'Scan the tag, or type a tag or name' }).fill(asset.tag.toLowerCase());
    await form.getByRole('searchbox', { name: 'Scan the tag, or type a tag or name' }).press('Enter');
    await expect(form.getByText(asset.name)).toBeVisible();
    await form.getByRole('textbox', { name: 'What is wrong?' }).fill('Loud grinding from the gearbox');
    await form.getByRole('button', { name: 'Yes, it stopped' }).click();
    await form.getByRole('button', { name: 'Today' }).click();
    await expect(form.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-pressed', 'true');
    // Each answer takes its "missing" sentence away.
    await expect(form.getByRole('alert')).toHaveCount(0);

    for (const theme of THEMES) {
      if (theme === 'dark') {
        await useTheme(page, theme);
        await page.getByRole('button', { name: /Report a problem/ }).click();
      }
      await saveScreenshot(page, `report-problem-${SIZE.width}x${SIZE.height}-${theme}`);
      await expectAccessible(page, `report a problem (${theme})`);
    }
    // The dark pass reloaded the page: fill it in again, this time choosing the machine from the list.
    await form.getByRole('textbox', { name: 'Your name' }).fill('Maria (line 3)');
    await form.getByRole('searchbox', { name: 'Scan the tag, or type a tag or name' }).fill(asset.name.slice(0, 6));
    await page.getByRole('list', { name: 'Matching machines' }).getByRole('button', { name: new RegExp(asset.tag) }).click();
    await form.getByRole('textbox', { name: 'What is wrong?' }).fill('Loud grinding from the gearbox');
    await form.getByRole('button', { name: 'Yes, it stopped' }).click();
    await form.getByRole('button', { name: 'Today' }).click();
    await form.getByRole('button', { name: 'Send to maintenance' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Thank you. Your request about ${asset.tag} is saved` })).toBeVisible();
    const mine = page.getByRole('region', { name: 'Reported on this computer' });
    await expect(mine).toContainText(`Your request about ${asset.tag} is saved on this computer and will be sent`);

    await core.sync.syncNow();
    await expect(mine).toContainText(`Your request about ${asset.tag} reached maintenance and waits for a supervisor.`);

    // A supervisor accepts it elsewhere; this PC (still nobody signed in) hears back with its next sync.
    const request = await server!.database.db.selectFrom('work_requests').select('id').executeTakeFirstOrThrow();
    const sam = await new ApiClient(server!.url).login('sam');
    const [accepted] = await sam.push(randomUUID(), [
      { id: randomUUID(), seq: 1, type: 'workRequest.accept', entityId: request.id, baseVersion: null, payload: { workOrderId: randomUUID() }, createdAt: new Date().toISOString() },
    ]);
    await core.sync.syncNow();
    await expect(mine).toContainText(`Your request about ${asset.tag} was accepted: ${accepted!.record!.number}.`);
    await saveScreenshot(page, `report-problem-accepted-${SIZE.width}x${SIZE.height}-dark`);
  });
});

test.describe('a supervisor', () => {
  test.use({ withServer: true, signedInAs: 'sam' });

  test('sees new requests on the nav badge, accepts one and declines another with a reason', async ({ page, core, server }) => {
    const assets = await server!.database.db.selectFrom('assets').select(['id', 'tag']).orderBy('tag').limit(2).execute();
    const alice = await new ApiClient(server!.url).login('alice');
    const report = (assetId: string, description: string, machineStopped: boolean) => ({
      id: randomUUID(),
      seq: 1,
      type: 'workRequest.create' as const,
      entityId: randomUUID(),
      baseVersion: null,
      payload: { assetId, description, urgency: machineStopped ? 'urgent' : 'low', machineStopped, requestedBy: machineStopped ? 'Maria' : 'Tom', reportedAt: new Date().toISOString() },
      createdAt: new Date().toISOString(),
    });
    await alice.push(randomUUID(), [report(assets[0]!.id, 'Conveyor belt torn', true), { ...report(assets[1]!.id, 'Squeaky door', false), seq: 2 }]);
    await core.sync.syncNow();

    await page.setViewportSize(SIZE);
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('button', { name: /Requests/ })).toContainText('2');
    await nav.getByRole('button', { name: /Requests/ }).click();
    await expect(page.getByRole('heading', { name: 'New (2)' })).toBeVisible();

    for (const theme of THEMES) {
      if (theme === 'dark') {
        await useTheme(page, theme);
        await nav.getByRole('button', { name: /Requests/ }).click();
      }
      await saveScreenshot(page, `requests-queue-${SIZE.width}x${SIZE.height}-${theme}`);
      await expectAccessible(page, `requests queue (${theme})`);
    }

    const torn = page.getByRole('listitem', { name: new RegExp(assets[0]!.tag) });
    await torn.getByRole('button', { name: 'Accept' }).click();
    await expect(torn).toContainText('Accepted here: it becomes a work order when it syncs.');
    await expect(nav.getByRole('button', { name: /Requests/ })).toContainText('1');

    const door = page.getByRole('listitem', { name: new RegExp(assets[1]!.tag) });
    await door.getByRole('button', { name: 'Decline…' }).click();
    await door.getByRole('button', { name: 'Decline request' }).click();
    await expect(door.getByText('Say why, so the person who asked knows.')).toBeVisible();
    await door.getByRole('textbox', { name: /Why not/ }).fill('Facilities handle doors: call extension 214.');
    await door.getByRole('button', { name: 'Decline request' }).click();
    await expect(door).toContainText('Declined here: the reason is sent when it syncs.');

    await core.sync.syncNow();
    const decided = page.getByRole('region', { name: 'Decided' });
    await expect(decided.getByRole('listitem', { name: new RegExp(assets[0]!.tag) })).toContainText(/Became WO-\d+ \(sam,/);
    await expect(decided.getByRole('listitem', { name: new RegExp(assets[1]!.tag) })).toContainText('Declined by sam: Facilities handle doors: call extension 214.');
    await expect(nav.getByRole('button', { name: /Requests/ })).not.toContainText(/\d/);
    await saveScreenshot(page, `requests-decided-${SIZE.width}x${SIZE.height}-dark`);
  });
});
