import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import { DEMO_PASSWORD } from '../../server/seed';
import { createAccount } from '../../server/services/accounts';
import { serviceContext } from '../../server/services/context';
import { ApiClient, DIALECTS, makeTestDatabase, startTestServer, type TestDatabase } from '../helpers/testServer';

/** The admin API: an admin manages accounts over HTTP; anyone else is refused; disabling and resets end sign-ins. */
describe.each(DIALECTS)('server accounts on %s', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  const ADMIN_PASSWORD = 'the-it-persons-password';

  beforeAll(async () => {
    database = makeTestDatabase(dialect);
    server = await startTestServer(database, { seed: 'demo' });
    // The first admin comes from the operator's command; here the same service directly.
    await createAccount(serviceContext(server.database), { username: 'ines', role: 'admin', password: ADMIN_PASSWORD });
    admin = await new ApiClient(server.url).login('ines', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const signIn = (username: string, password: string) => new ApiClient(server.url).request('POST', '/auth/login', { username, password });

  it('refuses account management to anyone but an admin with 403 FORBIDDEN', async () => {
    const sam = await new ApiClient(server.url).login('sam');
    for (const [method, path, body] of [
      ['GET', '/admin/users', undefined],
      ['POST', '/admin/users', { username: 'eve', role: 'admin', password: 'long-enough-1' }],
      ['PATCH', '/admin/users/sam', { role: 'admin' }],
    ] as const) {
      expect(await sam.request(method, path, body)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message: expect.any(String) } } });
    }
    expect((await new ApiClient(server.url).request('GET', '/admin/users')).status).toBe(401);
    expect((await signIn('eve', 'long-enough-1')).status).toBe(401);
  });

  it('lists every account with its role and state, never a hash', async () => {
    const response = await admin.request('GET', '/admin/users');
    expect(response.status).toBe(200);
    expect(response.body.users.map((u: { username: string }) => u.username)).toEqual(['alice', 'bob', 'ines', 'sam']);
    expect(response.body.users[0]).toMatchObject({ id: 'alice', role: 'technician', disabled: false, createdAt: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/scrypt|password/i);
  });

  it('adds a user who can then sign in; a taken name or a short password is refused with a sentence', async () => {
    const added = await admin.request('POST', '/admin/users', { username: 'Dana', role: 'technician', password: 'dana-pass-1' });
    expect(added).toMatchObject({ status: 201, body: { user: { username: 'dana', role: 'technician', disabled: false } } });
    expect(added.body.generatedPassword).toBeUndefined();
    expect(await signIn('dana', 'dana-pass-1')).toMatchObject({ status: 200, body: { user: { id: 'dana', role: 'technician' } } });

    expect(await admin.request('POST', '/admin/users', { username: 'dana', role: 'admin', password: 'another-pass' })).toMatchObject({
      status: 409,
      body: { error: { code: 'USER_EXISTS', message: 'There is already a user called dana.' } },
    });
    expect(await admin.request('POST', '/admin/users', { username: 'erik', role: 'technician', password: 'short' })).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('at least 8 characters') } },
    });
    expect((await admin.request('POST', '/admin/users', { username: 'erik', role: 'boss', password: 'long-enough' })).status).toBe(400);
  });

  it('generates a password when none is given and shows it once', async () => {
    const added = await admin.request('POST', '/admin/users', { username: 'farid', role: 'supervisor' });
    expect(added).toMatchObject({ status: 201, body: { user: { username: 'farid' }, generatedPassword: expect.stringMatching(/^.{20}$/) } });
    expect((await signIn('farid', added.body.generatedPassword)).status).toBe(200);
    const listed = await admin.request('GET', '/admin/users');
    expect(JSON.stringify(listed.body)).not.toContain(added.body.generatedPassword);
  });

  it('disabling a user ends their sign-ins at once and refuses new ones until enabled', async () => {
    const bob = await new ApiClient(server.url).login('bob');
    expect((await bob.request('GET', '/sync/pull?limit=1')).status).toBe(200);
    expect(await admin.request('PATCH', '/admin/users/bob', { disabled: true })).toMatchObject({ status: 200, body: { user: { username: 'bob', disabled: true } } });
    expect(await bob.request('GET', '/sync/pull?limit=1')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    expect(await signIn('bob', DEMO_PASSWORD)).toMatchObject({ status: 401, body: { error: { message: expect.stringContaining('disabled') } } });
    expect((await admin.request('PATCH', '/admin/users/bob', { disabled: false })).body.user.disabled).toBe(false);
    expect((await signIn('bob', DEMO_PASSWORD)).status).toBe(200);
  });

  it('a new password ends the old sign-ins and replaces the old password', async () => {
    const alice = await new ApiClient(server.url).login('alice');
    expect((await admin.request('PATCH', '/admin/users/alice', { password: 'alices-new-pass' })).status).toBe(200);
    expect((await alice.request('GET', '/sync/pull?limit=1')).status).toBe(401);
    expect((await signIn('alice', DEMO_PASSWORD)).status).toBe(401);
    expect((await signIn('alice', 'alices-new-pass')).status).toBe(200);
  });

  it('changes a role, and never leaves the server without an enabled admin', async () => {
    expect((await admin.request('PATCH', '/admin/users/sam', { role: 'admin' })).body.user.role).toBe('admin');
    expect((await signIn('sam', DEMO_PASSWORD)).body.user.role).toBe('admin');
    expect((await admin.request('PATCH', '/admin/users/sam', { role: 'supervisor' })).status).toBe(200);
    for (const change of [{ role: 'technician' }, { disabled: true }]) {
      expect(await admin.request('PATCH', '/admin/users/ines', change)).toMatchObject({ status: 409, body: { error: { code: 'LAST_ADMIN' } } });
    }
    expect(await admin.request('PATCH', '/admin/users/nobody', { role: 'admin' })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await admin.request('PATCH', '/admin/users/sam', {})).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(await admin.request('PATCH', '/admin/users/sam', { username: 'x' })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
  });
});
