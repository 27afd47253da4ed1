import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { RunningServer } from '../../server';
import { startProxy, type Listening } from '../helpers/networkPath';
import { makeTestDatabase, startTestServer, type TestDatabase } from '../helpers/testServer';
import { electronBinary, packagedBuild, SKIP_REASON } from './electronBinary';

/**
 * The whole path on a PC behind a proxy that wants a sign-in: the app is started with Chromium's
 * proxy switches (loopback not bypassed), its first request to the sync server is refused with
 * 407, the sign-in window opens, the technician types the proxy account, and sync goes through
 * the proxy with it. The proxy (`proxy` package) checks Basic credentials and records them.
 */
const packaged = packagedBuild();
const binary = packaged ?? electronBinary();
if (!binary) console.log(`[electron] proxy sign-in skipped: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

const account = { username: 'dana', password: 'proxy-s3cret' };
let app: ElectronApplication | undefined;
let database: TestDatabase;
let server: RunningServer;
let proxy: Listening & { signIns: string[] };
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'shopfloor-proxy-e2e-'));
  database = makeTestDatabase('sqlite');
  server = await startTestServer(database, { seed: 'demo' });
  proxy = await startProxy({ basic: account });
});

test.afterAll(async () => {
  await app?.close();
  await proxy?.close();
  await server?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The sign-in window, once the app has opened it (a state of the app, polled, not a sleep). */
async function promptWindow(running: ElectronApplication): Promise<Page> {
  await expect.poll(() => running.windows().some((w) => w.url().includes('proxy-sign-in.html'))).toBe(true);
  return running.windows().find((w) => w.url().includes('proxy-sign-in.html'))!;
}

test('a proxy that wants a sign-in is asked for in a small window, and sync goes through with it', async () => {
  app = await electron.launch({
    executablePath: binary!,
    args: [...(packaged ? [] : [path.resolve('.')]), `--proxy-server=${proxy.url}`, '--proxy-bypass-list=<-loopback>'],
    env: { ...process.env, SHOPFLOOR_DATA_DIR: dataDir, SHOPFLOOR_SERVER_URL: server.url, ELECTRON_RENDERER_URL: '' },
  });
  const main = await app.firstWindow();
  const prompt = await promptWindow(app);
  const proxyPort = new URL(proxy.url).port;
  await expect(prompt.getByText(`The proxy 127.0.0.1:${proxyPort} asks for a user name and password`)).toBeVisible();
  await expect(prompt.getByText('“proxy”')).toBeVisible();
  // The prompt page has no Node and not the app's contract: only submit and cancel.
  expect(await prompt.evaluate(() => [typeof require, typeof process, typeof (window as never as Record<string, unknown>).shopfloor])).toEqual(['undefined', 'undefined', 'undefined']);

  await prompt.getByLabel('User name').fill(account.username);
  await prompt.getByLabel('Password').fill(account.password);
  const closed = prompt.waitForEvent('close');
  await prompt.getByRole('button', { name: 'OK' }).click();
  await closed;

  // Signing in online proves the sync server was reached through the proxy with the account typed.
  await main.getByLabel('User name').fill('alice');
  await main.getByLabel('Password').fill('shopfloor-demo');
  await main.getByRole('button', { name: 'Sign in' }).click();
  await expect(main.getByRole('heading', { name: /work orders/ })).toBeVisible();
  expect(proxy.signIns).toContain(`${account.username}:${account.password}`);
  expect(app.windows().filter((w) => w.url().includes('proxy-sign-in.html'))).toHaveLength(0);
});
