import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { electronBinary, packagedBuild, SKIP_REASON } from './electronBinary';

/**
 * The real app, through Playwright's Electron driver: the packaged build in
 * dist/ when one exists, else the dev build in out/ on node_modules' Electron.
 */
const packaged = packagedBuild();
const binary = packaged ?? electronBinary();
if (!binary) console.log(`[electron] skipped: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'shopfloor-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    args: packaged ? [] : [path.resolve('.')],
    env: { ...process.env, SHOPFLOOR_DATA_DIR: dataDir, SHOPFLOOR_NO_SERVER: '1', ELECTRON_RENDERER_URL: '' },
  });
  page = await app.firstWindow();
  // The journal-only demo: the demo accounts sign in offline.
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password').fill('shopfloor-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('shows the work-order list from the local journal', async () => {
  await expect(page.getByRole('heading', { name: '1,000 work orders' })).toBeVisible();
  await expect(page.getByRole('listitem').first()).toBeVisible();
  expect(page.url()).toBe('app://bundle/index.html');
  await page.screenshot({ path: 'test-results/screenshots/electron-work-orders.png' });
});

test('the window runs isolated, without Node and without <webview>', async () => {
  // Electron has no public getter for webPreferences, so check what they cause.
  const seen = await page.evaluate(() => ({
    node: [typeof require, typeof process, typeof module, typeof Buffer],
    webview: document.createElement('webview') instanceof HTMLUnknownElement,
    bridgeFrozen: Object.isFrozen((window as unknown as { shopfloor: object }).shopfloor),
  }));
  expect(seen).toEqual({ node: ['undefined', 'undefined', 'undefined', 'undefined'], webview: true, bridgeFrozen: true });
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('the page has no Node and only the contract on window.shopfloor', async () => {
  expect(await page.evaluate(() => [typeof require, typeof process, typeof module])).toEqual([
    'undefined',
    'undefined',
    'undefined',
  ]);
  const keys = await page.evaluate(() => Object.keys((window as unknown as { shopfloor: object }).shopfloor).sort());
  expect(keys).toEqual([...Object.keys(INVOKE_CHANNELS), 'on'].sort());
  expect(await page.evaluate(() => [typeof (window as never as Record<string, unknown>).electron, typeof (window as never as Record<string, unknown>).ipcRenderer])).toEqual(['undefined', 'undefined']);
});

test('navigation away and new windows are blocked', async () => {
  const before = page.url();
  expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
  await page.evaluate(() => (location.href = 'https://example.com/'));
  await expect.poll(() => page.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
});

test('the content security policy blocks injected scripts', async () => {
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
    return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
  });
  expect(ran).toBe(false);
});
