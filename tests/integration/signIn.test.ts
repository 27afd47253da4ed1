import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core';
import { memorySecretStore } from '../../main/core/auth/secretStore';
import { silentLogger } from '../../main/core/logger';
import { DEMO_PASSWORD } from '../../server/seed';
import { ApiClient, makeTestDatabase, startTestServer } from '../helpers/testServer';
import { makeTempDir } from '../helpers/tempDir';

/** A shared PC's first sign-in needs the server; after that the cable can be pulled. */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('sign-in on a shared workstation', () => {
  it('signs in with the server first, then offline; the token goes to the secret store only', async () => {
    const database = makeTestDatabase('sqlite');
    cleanups.push(() => database.drop());
    const server = await startTestServer(database, { seed: 'demo' });
    const temp = makeTempDir('shopfloor-signin-');
    cleanups.push(temp.remove);
    const secrets = memorySecretStore();
    const core = createCore({ dataDir: temp.dir, logger: silentLogger, seedDemoData: false, serverUrl: server.url, secretStore: secrets });
    cleanups.push(() => core.close());

    await expect(core.handlers.signIn({ username: 'bob', password: 'wrong' })).rejects.toThrow('Wrong user name or password.');
    expect(await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD })).toMatchObject({
      user: { username: 'bob', role: 'technician' },
      signedInOffline: false,
      serverConfigured: true,
    });
    const token = secrets.get('token:bob')!;
    const api = new ApiClient(server.url);
    api.token = token;
    expect((await api.request('GET', '/sync/pull?limit=1')).status).toBe(200);

    await server.close();
    await core.handlers.signOut();
    expect(await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD })).toMatchObject({ signedInOffline: true });
    await expect(core.handlers.signIn({ username: 'bob', password: 'wrong' })).rejects.toThrow('Wrong user name or password.');
    await expect(core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD })).rejects.toThrow(/first sign-in needs the server/);
  });
});
