import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import type { RunningServer } from '../../server';
import { makeTestDatabase, startTestServer, type TestDatabase } from '../helpers/testServer';
import { packagedBuild, SKIP_REASON } from './electronBinary';

/**
 * The packaged app asks the shop's server for updates (electron-updater only runs in an installed
 * app, so this needs `npm run dist:e2e`): with the policy and feed address from the machine config
 * file, the feed's latest*.yml is requested. A small HTTP server records what is asked of it.
 */
const packaged = packagedBuild();
const reason = packaged ? '' : `${SKIP_REASON} (the update check runs only in a packaged build: npm run dist:e2e)`;
if (!packaged) console.log(`[electron] updates skipped: ${reason}`);
test.skip(!packaged, reason);

let app: ElectronApplication | undefined;
let server: RunningServer;
let database: TestDatabase;
let folder: string;
let feed: Server;
const requested: string[] = [];

test.beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'shopfloor-updates-e2e-'));
  feed = createServer((request, response) => {
    requested.push(request.url ?? '');
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  const feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/updates/`;
  writeFileSync(path.join(folder, 'config.json'), JSON.stringify({ updates: 'notify', updatesUrl: feedUrl }));
  database = makeTestDatabase('sqlite');
  server = await startTestServer(database, { seed: 'demo' });
});

test.afterAll(async () => {
  await app?.close();
  await server?.close();
  await database?.drop();
  await new Promise((resolve) => feed?.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

test('the packaged app asks the feed named by the machine config file', async () => {
  app = await electron.launch({
    executablePath: packaged!,
    env: { ...process.env, SHOPFLOOR_DATA_DIR: path.join(folder, 'profile'), SHOPFLOOR_SERVER_URL: server.url, SHOPFLOOR_CONFIG: path.join(folder, 'config.json') },
  });
  await app.firstWindow();
  await expect.poll(() => requested.some((url) => url.startsWith('/updates/latest'))).toBe(true);
});
