import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { createCore, DEMO_PASSWORD, type Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import type { ShopfloorApi } from '../../shared/ipc/contract';
import type { RunningServer } from '../../server';
import { makeTestDatabase, startTestServer, type TestDatabase } from '../helpers/testServer';
import { electronBinary, packagedBuild, SKIP_REASON } from './electronBinary';

/** The tray and the native conflict dialog in the real app, against a real server. */
const packaged = packagedBuild();
const binary = packaged ?? electronBinary();
if (!binary) console.log(`[electron] tray and dialog skipped: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

let app: ElectronApplication;
let page: Page;
let dataDir: string;
let database: TestDatabase;
let server: RunningServer;

type E2EHooks = { shopfloorE2E: { trayView(): { icon: string; tooltip: string } | null; syncNow(): Promise<unknown> } };

test.beforeAll(async () => {
  database = makeTestDatabase('sqlite');
  server = await startTestServer(database, { seed: 'demo' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'shopfloor-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    args: packaged ? [] : [path.resolve('.')],
    env: { ...process.env, SHOPFLOOR_DATA_DIR: dataDir, SHOPFLOOR_SERVER_URL: server.url, SHOPFLOOR_E2E: '1', ELECTRON_RENDERER_URL: '' },
  });
  page = await app.firstWindow();
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /work orders/ })).toBeVisible();
});

test.afterAll(async () => {
  await app?.close();
  await server?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const trayView = () => app.evaluate(() => (globalThis as unknown as E2EHooks).shopfloorE2E.trayView());

test('the tray shows the sync state and closing the window keeps the app syncing', async () => {
  await expect.poll(async () => (await trayView())?.icon).toBe('synced');
  expect((await trayView())!.tooltip).toMatch(/^Shopfloor: Synced/);
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([false]);
  expect(await app.evaluate(() => (globalThis as unknown as E2EHooks).shopfloorE2E.syncNow().then(() => 'synced'))).toBe('synced');
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.show());
});

test('a conflict opens the native dialog with Decide later as the safe default', async () => {
  // Bob, on another PC, changes the work order alice is editing.
  const bobDir = mkdtempSync(path.join(tmpdir(), 'shopfloor-bob-'));
  const bob: Core = createCore({ dataDir: bobDir, logger: silentLogger, serverUrl: server.url, seedDemoData: false, autoSync: false });
  try {
    await bob.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    await bob.sync.syncNow();
    const wo = (await bob.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
    await page.getByRole('searchbox', { name: 'Search work orders' }).fill(wo.number!);
    await page.getByRole('listitem').filter({ hasText: wo.number! }).getByRole('button').click();
    await app.evaluate(() => (globalThis as unknown as E2EHooks).shopfloorE2E.syncNow());
    await page.getByRole('button', { name: 'Start work' }).click();
    await bob.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'bob was here' } });
    await bob.sync.syncNow();
    await app.evaluate(() => (globalThis as unknown as E2EHooks).shopfloorE2E.syncNow());

    // Stub the native dialog in main: record what it was asked, answer "Decide later".
    await app.evaluate(({ dialog }) => {
      const calls: unknown[] = [];
      Object.assign(globalThis, { dialogCalls: calls });
      dialog.showMessageBox = (async (...args: unknown[]) => {
        calls.push(args.at(-1));
        return { response: (args.at(-1) as { cancelId: number }).cancelId, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    });
    // The card decides in the app; the dialog is what a tray or notification asks through `openConflict`.
    const answer = await page.evaluate((workOrderId) => (window as unknown as { shopfloor: ShopfloorApi }).shopfloor.openConflict({ workOrderId }), wo.id);
    expect(answer).toEqual({ ok: true, value: { choice: 'later' } });
    const [options] = (await app.evaluate(() => (globalThis as unknown as { dialogCalls: unknown[] }).dialogCalls)) as {
      title: string;
      buttons: string[];
      defaultId: number;
    }[];
    expect(options).toMatchObject({ title: 'Work Order Conflict', buttons: ['Merge (recommended)', 'Keep mine (Overwrite)', 'Take bob’s (Discard my changes)', 'Decide later'], defaultId: 3 });
    await expect.poll(async () => (await trayView())?.icon).toBe('attention');
  } finally {
    bob.close();
    rmSync(bobDir, { recursive: true, force: true });
  }
});
