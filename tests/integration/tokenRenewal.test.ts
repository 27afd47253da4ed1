import { afterEach, describe, expect, it } from 'vitest';
import { LogHoursInput } from '../../shared/domain/inputs';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { createCore, type Core } from '../../main/core';
import { memorySecretStore } from '../../main/core/auth/secretStore';
import { readSession } from '../../main/core/auth/tokens';
import { silentLogger } from '../../main/core/logger';
import { DEMO_PASSWORD } from '../../server/seed';
import { makeTempDir } from '../helpers/tempDir';
import { makeTestDatabase, startTestServer } from '../helpers/testServer';

/**
 * Sign-ins that expire (access token 12 h, refresh token 30 days): the app
 * renews without asking; when the server refuses the renewal, the
 * technician keeps working offline, keeps every unsent change, is told to
 * sign in again, and everything is sent right after. The server's clock and
 * the PC's are set by the test: nothing waits.
 */
const HOUR = 3_600_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function world() {
  let serverTime = Date.parse('2026-11-27T08:00:00.000Z');
  let pcTime = serverTime;
  const database = makeTestDatabase('sqlite');
  cleanups.push(() => database.drop());
  const server = await startTestServer(database, { seed: 'demo', clock: () => new Date(serverTime) });
  cleanups.push(() => server.close());
  const temp = makeTempDir('shopfloor-tokens-');
  cleanups.push(temp.remove);
  const secrets = memorySecretStore();
  const core: Core = createCore({
    dataDir: temp.dir,
    logger: silentLogger,
    seedDemoData: false,
    serverUrl: server.url,
    autoSync: false,
    secretStore: secrets,
    now: () => new Date(pcTime).toISOString(),
  });
  cleanups.push(async () => {
    await core.sync.idle();
    core.close();
  });
  await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
  expect(await core.sync.syncNow()).toMatchObject({ outcome: 'ok' });
  const { items } = await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }));
  return {
    core,
    secrets,
    workOrder: items[0]!,
    /** Time passes on the server, and on the PC unless its clock is off. */
    later(ms: number, { pcClockToo = true } = {}) {
      serverTime += ms;
      if (pcClockToo) pcTime += ms;
    },
    logHours: (hours: number) => core.handlers.logHours(LogHoursInput.parse({ workOrderId: items[0]!.id, hours, workDate: '2026-11-27' })),
  };
}

describe('expiring sign-ins', () => {
  it('renews an access token that is about to expire before using it, without asking', async () => {
    const { core, secrets, later, logHours } = await world();
    const first = readSession(secrets, 'alice')!;
    expect(first.refreshToken).toEqual(expect.any(String));
    later(12 * HOUR - 30_000);
    await logHours(1);
    expect(await core.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 1 });
    const renewed = readSession(secrets, 'alice')!;
    expect(renewed.token).not.toBe(first.token);
    expect(renewed.refreshToken).not.toBe(first.refreshToken);
    expect(Date.parse(renewed.expiresAt!)).toBeGreaterThan(Date.parse(first.expiresAt!));
    expect(await core.handlers.getSyncStatus()).toMatchObject({ state: 'synced', pendingChanges: 0 });
  });

  it('renews when the server says the token expired, even with the PC’s clock behind, and sends the work once', async () => {
    const { core, secrets, later, logHours, workOrder } = await world();
    const first = readSession(secrets, 'alice')!;
    later(13 * HOUR, { pcClockToo: false });
    await logHours(2);
    expect(await core.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 1 });
    expect(readSession(secrets, 'alice')!.token).not.toBe(first.token);
    const hours = await core.handlers.listHours({ workOrderId: workOrder.id });
    expect(hours.filter((h) => h.hours === 2)).toMatchObject([{ localState: 'synced' }]);
  });

  it('when the renewal is refused, the work stays, the technician is told to sign in again, and it is sent right after', async () => {
    const { core, secrets, later, logHours } = await world();
    later(31 * 24 * HOUR);
    await logHours(3);
    const report = await core.sync.syncNow();
    expect(report.outcome).toBe('signed_out');
    expect(readSession(secrets, 'alice')).toBeUndefined();
    expect(await core.handlers.getSyncStatus()).toMatchObject({
      state: 'attention',
      pendingChanges: 1,
      message: expect.stringContaining('alice must sign in again to send their changes'),
    });
    // Working offline goes on.
    await logHours(0.5);
    expect((await core.handlers.getSyncStatus()).pendingChanges).toBe(2);

    await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await core.sync.idle();
    await core.sync.syncNow();
    expect(await core.handlers.getSyncStatus()).toMatchObject({ state: 'synced', pendingChanges: 0 });
  });
});

