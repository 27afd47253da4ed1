import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server';
import { DEMO_PASSWORD } from '../../server/seed';
import { ApiClient, DIALECTS, makeTestDatabase, startTestServer, type TestDatabase } from '../helpers/testServer';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Tokens that expire, refresh with rotation, and can be revoked; throttling shared by instances. A fake clock, no waiting. */
describe.each(DIALECTS)('server tokens on %s', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let now = Date.parse('2026-11-27T08:00:00.000Z');
  const clock = () => new Date(now);

  beforeAll(async () => {
    database = makeTestDatabase(dialect);
    server = await startTestServer(database, { seed: 'demo', clock });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const login = async (username = 'alice') => {
    const response = await new ApiClient(server.url).request('POST', '/auth/login', { username, password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    return response.body as { token: string; refreshToken: string; expiresAt: string };
  };
  const pullWith = (token: string) => {
    const client = new ApiClient(server.url);
    client.token = token;
    return client.request('GET', '/sync/pull?limit=1');
  };
  const refresh = (refreshToken: string) => new ApiClient(server.url).request('POST', '/auth/refresh', { refreshToken });

  it('signs in with an access token that lives 12 hours and a refresh token, and keeps `token` for older clients', async () => {
    const session = await login();
    expect(session).toMatchObject({ token: expect.any(String), refreshToken: expect.any(String), user: { id: 'alice' } });
    expect(session.expiresAt).toBe(new Date(now + 12 * HOUR).toISOString());
    expect(session.refreshToken).not.toBe(session.token);
    expect((await pullWith(session.token)).status).toBe(200);
  });

  it('answers an expired access token with TOKEN_EXPIRED, and a refresh gives a working new pair', async () => {
    const session = await login();
    now += 12 * HOUR + 1000;
    expect(await pullWith(session.token)).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_EXPIRED' } } });
    // A refresh token is not an access token.
    expect(await pullWith(session.refreshToken)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    const renewed = await refresh(session.refreshToken);
    expect(renewed).toMatchObject({ status: 200, body: { token: expect.any(String), refreshToken: expect.any(String), user: { id: 'alice' } } });
    expect(renewed.body.refreshToken).not.toBe(session.refreshToken);
    expect((await pullWith(renewed.body.token)).status).toBe(200);
  });

  it('treats a refresh token used twice as stolen: the whole sign-in is revoked', async () => {
    const session = await login();
    const first = await refresh(session.refreshToken);
    expect(first.status).toBe(200);
    const replay = await refresh(session.refreshToken);
    expect(replay).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    // Everything descended from that sign-in is gone, including the pair the first refresh gave out.
    expect(await pullWith(first.body.token)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    expect((await refresh(first.body.refreshToken)).status).toBe(401);
    // Another sign-in of the same user is untouched.
    expect((await pullWith((await login()).token)).status).toBe(200);
  });

  it('lets a refresh token expire after 30 days', async () => {
    const session = await login();
    now += 30 * DAY + 1000;
    expect(await refresh(session.refreshToken)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
  });

  it('revokes a sign-in on logout, by access token or by refresh token', async () => {
    const byAccess = await login();
    const client = new ApiClient(server.url);
    client.token = byAccess.token;
    expect(await client.request('POST', '/auth/logout')).toMatchObject({ status: 200, body: { status: 'signed_out' } });
    expect(await pullWith(byAccess.token)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    expect((await refresh(byAccess.refreshToken)).status).toBe(401);

    const byRefresh = await login();
    expect((await new ApiClient(server.url).request('POST', '/auth/logout', { refreshToken: byRefresh.refreshToken })).status).toBe(200);
    expect((await pullWith(byRefresh.token)).status).toBe(401);
    expect(await new ApiClient(server.url).request('POST', '/auth/logout')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
  });

  it('honours --access-ttl and --refresh-ttl', async () => {
    const short = await startServer({ ...database.options, clock, lifetimes: { accessTtlMs: 60_000, refreshTtlMs: HOUR } });
    try {
      const response = await new ApiClient(short.url).request('POST', '/auth/login', { username: 'bob', password: DEMO_PASSWORD });
      expect(response.body.expiresAt).toBe(new Date(now + 60_000).toISOString());
      now += 61_000;
      const client = new ApiClient(short.url);
      client.token = response.body.token;
      expect((await client.request('GET', '/sync/pull?limit=1')).body.error.code).toBe('TOKEN_EXPIRED');
      now += HOUR;
      expect((await new ApiClient(short.url).request('POST', '/auth/refresh', { refreshToken: response.body.refreshToken })).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('counts failed sign-ins across server instances, and forgets them after 15 minutes', async () => {
    const second = await startServer({ ...database.options, clock });
    try {
      const guess = (url: string, i: number) => new ApiClient(url).request('POST', '/auth/login', { username: 'sam', password: `guess-${i}` });
      for (let i = 0; i < 3; i++) expect((await guess(server.url, i)).status).toBe(401);
      for (let i = 3; i < 5; i++) expect((await guess(second.url, i)).status).toBe(401);
      for (const url of [server.url, second.url]) {
        const blocked = await new ApiClient(url).request('POST', '/auth/login', { username: 'sam', password: DEMO_PASSWORD });
        expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'TOO_MANY_ATTEMPTS' } } });
      }
      now += 15 * 60_000 + 1000;
      expect((await new ApiClient(second.url).request('POST', '/auth/login', { username: 'sam', password: DEMO_PASSWORD })).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('keeps only hashes of access and refresh tokens', async () => {
    const session = await login('bob');
    const rows = await server.database.db.selectFrom('tokens').select('token_hash').execute();
    const stored = rows.map((r) => r.token_hash);
    expect(stored).not.toContain(session.token);
    expect(stored).not.toContain(session.refreshToken);
    expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });
});
