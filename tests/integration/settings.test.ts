import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { DEMO_PASSWORD } from '../../server/seed';
import { makeTestDatabase, startTestServer } from '../helpers/testServer';
import { makeTempDir } from '../helpers/tempDir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('Settings: choosing the sync server', () => {
  it('tests an address, saves it, and syncs with it from then on (also after a restart)', async () => {
    const database = makeTestDatabase('sqlite');
    cleanups.push(() => database.drop());
    const server = await startTestServer(database, { seed: 'demo' });
    cleanups.push(() => server.close());
    const temp = makeTempDir('shopfloor-settings-');
    cleanups.push(temp.remove);
    const core = createCore({ dataDir: temp.dir, logger: silentLogger, seedDemoData: false, autoSync: false });

    expect(await core.handlers.getSettings()).toMatchObject({ serverUrl: null, demoServer: false, serverFixed: false });
    expect(await core.handlers.testConnection({ url: 'http://127.0.0.1:9' })).toMatchObject({ ok: false });
    await expect(core.handlers.setServerUrl({ url: 'http://127.0.0.1:9' })).rejects.toThrow(/No answer/);
    expect(await core.handlers.testConnection({ url: server.url })).toEqual({ ok: true, message: 'The server answered. Connection works.' });
    expect(await core.handlers.setServerUrl({ url: `${server.url}/` })).toMatchObject({ serverUrl: server.url });

    await core.handlers.signIn({ username: 'sam', password: DEMO_PASSWORD });
    expect((await core.sync.syncNow()).outcome).toBe('ok');
    expect((await core.handlers.getSyncStatus()).connection).toBe('online');
    core.close();

    const again = createCore({ dataDir: temp.dir, logger: silentLogger, autoSync: false });
    cleanups.push(() => again.close());
    expect(again.serverUrl()).toBe(server.url);
  });

  it('an address set by IT cannot be changed from Settings', async () => {
    const temp = makeTempDir('shopfloor-settings-');
    cleanups.push(temp.remove);
    const core = createCore({ dataDir: temp.dir, logger: silentLogger, serverUrl: 'https://shopfloor.example.com', autoSync: false });
    cleanups.push(() => core.close());
    expect(await core.handlers.getSettings()).toMatchObject({ serverFixed: true, serverUrl: 'https://shopfloor.example.com' });
    await expect(core.handlers.setServerUrl({ url: 'https://other.example.com' })).rejects.toThrow(/IT department/);
  });
});
