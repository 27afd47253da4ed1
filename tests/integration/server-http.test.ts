import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import { DEMO_PASSWORD } from '../../server/seed';
import { PUSH_MAX_MUTATIONS } from '../../shared/sync/protocol';
import { ApiClient, DIALECTS, makeTestDatabase, MutationFactory, startTestServer, type TestDatabase } from '../helpers/testServer';

/** Auth and the HTTP edges: every refusal a 4xx with {error:{code,message}}, never a 500. */
describe.each(DIALECTS)('server HTTP on %s', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let anonymous: ApiClient;

  beforeAll(async () => {
    database = makeTestDatabase(dialect);
    server = await startTestServer(database, { seed: 'demo' });
    anonymous = new ApiClient(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('answers health without a token', async () => {
    expect(await anonymous.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it.each([
    ['POST', '/sync/push', {}],
    ['GET', '/sync/pull', undefined],
    ['GET', '/work-orders/x', undefined],
    ['PATCH', '/work-orders/x', {}],
    ['GET', '/work-orders/x/history', undefined],
  ])('refuses %s %s without a valid token', async (method, path, body) => {
    for (const token of ['', 'not-a-real-token-but-long-enough', 'a'.repeat(43)]) {
      anonymous.token = token;
      expect(await anonymous.request(method, path, body)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    }
    anonymous.token = '';
  });

  it('signs in with the right password and returns the user, never the hash', async () => {
    const response = await anonymous.request('POST', '/auth/login', { username: 'Sam', password: DEMO_PASSWORD });
    expect(response).toMatchObject({ status: 200, body: { token: expect.any(String), user: { id: 'sam', username: 'sam', role: 'supervisor' } } });
    expect(JSON.stringify(response.body)).not.toMatch(/scrypt|password/i);
  });

  it('stores passwords and tokens only as hashes', async () => {
    const client = await new ApiClient(server.url).login('bob');
    const users = await server.database.db.selectFrom('users').selectAll().execute();
    const tokens = await server.database.db.selectFrom('tokens').selectAll().execute();
    expect(users.every((u) => u.password_hash.startsWith('scrypt$') && !u.password_hash.includes(DEMO_PASSWORD))).toBe(true);
    expect(tokens.some((t) => t.token_hash === client.token)).toBe(false);
    expect(tokens.every((t) => /^[0-9a-f]{64}$/.test(t.token_hash))).toBe(true);
  });

  it('refuses wrong passwords and unknown users alike, then slows guessing down', async () => {
    const wrong = await anonymous.request('POST', '/auth/login', { username: 'alice', password: 'guess' });
    const nobody = await anonymous.request('POST', '/auth/login', { username: 'mallory', password: 'guess' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'Wrong user name or password.' } } });
    expect(nobody.body).toEqual(wrong.body);
    for (let i = 0; i < 4; i++) await anonymous.request('POST', '/auth/login', { username: 'alice', password: `guess${i}` });
    const blocked = await anonymous.request('POST', '/auth/login', { username: 'alice', password: DEMO_PASSWORD });
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'TOO_MANY_ATTEMPTS' } } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user is not locked out by alice's guesser.
    expect((await anonymous.request('POST', '/auth/login', { username: 'bob', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it.each([
    ['invalid JSON', '{"clientId":', 400, 'BAD_JSON'],
    ['an empty object', {}, 400, 'VALIDATION_FAILED'],
    ['too many mutations', 'many', 400, 'VALIDATION_FAILED'],
    ['an unknown mutation type', 'unknown-type', 400, 'VALIDATION_FAILED'],
  ])('answers a push with %s with %i %s', async (_name, body, status, code) => {
    const client = await new ApiClient(server.url).login('bob');
    const m = new MutationFactory();
    const payload =
      body === 'many'
        ? { clientId: m.clientId, mutations: Array.from({ length: PUSH_MAX_MUTATIONS + 1 }, () => m.createWorkOrder()) }
        : body === 'unknown-type'
          ? { clientId: m.clientId, mutations: [{ ...m.createWorkOrder(), type: 'workOrder.delete' }] }
          : body;
    const response = await client.request('POST', '/sync/push', payload);
    expect(response).toMatchObject({ status, body: { error: { code, message: expect.any(String) } } });
  });

  it('answers a body that is too large with 413 and a wrong media type with 415', async () => {
    const client = await new ApiClient(server.url).login('bob');
    const huge = await client.request('POST', '/sync/push', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    const xml = await client.request('POST', '/sync/push', '<push/>', { 'content-type': 'application/xml' });
    expect(xml).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } } });
  });

  it('answers an unknown endpoint with 404 and our error shape', async () => {
    expect(await anonymous.request('GET', '/nope')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('refuses to seed a database that already has data', async () => {
    const { seedDatabase } = await import('../../server/seed');
    await expect(seedDatabase(server.database, 'demo')).rejects.toThrow(/already has data.*--reset/);
  });
});
