import { memorySecretStore } from '../../main/core/auth/secretStore';
import { DEMO_PASSWORD } from '../../server/seed';
import { describe, expect, test } from '../helpers/fixtures';
import { ApiClient } from '../helpers/testServer';

/** A shared PC's first sign-in needs the server; after that the cable can be pulled. */
describe('sign-in on a shared workstation', () => {
  test('signs in with the server first, then offline; the token goes to the secret store only', async ({ server, openCore }) => {
    const secrets = memorySecretStore();
    const core = openCore({ seedDemoData: false, serverUrl: server.url, secretStore: secrets });

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
