import { DEMO_PASSWORD } from '../../server/seed';
import { describe, expect, test } from '../helpers/fixtures';

describe('Settings: choosing the sync server', () => {
  test('tests an address, saves it, and syncs with it from then on (also after a restart)', async ({ server, openCore }) => {
    const core = openCore({ seedDemoData: false, autoSync: false });

    expect(await core.handlers.getSettings()).toMatchObject({ serverUrl: null, demoServer: false, serverFixed: false });
    expect(await core.handlers.testConnection({ url: 'http://127.0.0.1:9' })).toMatchObject({ ok: false });
    await expect(core.handlers.setServerUrl({ url: 'http://127.0.0.1:9' })).rejects.toThrow(/No answer/);
    expect(await core.handlers.testConnection({ url: server.url })).toEqual({ ok: true, message: 'The server answered. Connection works.' });
    expect(await core.handlers.setServerUrl({ url: `${server.url}/` })).toMatchObject({ serverUrl: server.url });

    await core.handlers.signIn({ username: 'sam', password: DEMO_PASSWORD });
    expect((await core.sync.syncNow()).outcome).toBe('ok');
    expect((await core.handlers.getSyncStatus()).connection).toBe('online');
    core.close();

    const again = openCore({ dataDir: core.dataDir, autoSync: false });
    expect(again.serverUrl()).toBe(server.url);
  });

  test('an address set by IT cannot be changed from Settings', async ({ openCore }) => {
    const core = openCore({ serverUrl: 'https://shopfloor.example.com', autoSync: false });
    expect(await core.handlers.getSettings()).toMatchObject({ serverFixed: true, serverUrl: 'https://shopfloor.example.com' });
    await expect(core.handlers.setServerUrl({ url: 'https://other.example.com' })).rejects.toThrow(/IT department/);
  });
});
