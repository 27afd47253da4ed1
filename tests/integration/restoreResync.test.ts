import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogHoursInput, NewWorkOrderInput } from '../../shared/domain/inputs';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { createCore, type Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { DEMO_PASSWORD } from '../../server/seed';
import { backupSqlite, restoreSqlite } from '../../server/services/backup';
import { makeTempDir } from '../helpers/tempDir';
import { makeCommandTestDatabase, startTestServer } from '../helpers/testServer';

/**
 * A server restored from last night's backup, with workstations that did
 * work since: one holds unsent work through the backup, more writes and the
 * restore; its changes that the restore lost were sent before. After the
 * resync every workstation equals the restored server plus its own work:
 * nothing typed is lost, nothing is applied twice, and records the restored
 * server has at a lower version than the PC had are taken as they are.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function station(serverUrl: string, username: string): Promise<Core> {
  const temp = makeTempDir(`shopfloor-restore-${username}-`);
  cleanups.push(temp.remove);
  const core = createCore({ dataDir: temp.dir, logger: silentLogger, seedDemoData: false, serverUrl, autoSync: false });
  cleanups.push(async () => {
    await core.sync.idle();
    core.close();
  });
  await core.handlers.signIn({ username, password: DEMO_PASSWORD });
  expect(await core.sync.syncNow()).toMatchObject({ outcome: 'ok' });
  return core;
}

/** Every work order a workstation shows, with the fields that matter, by id. */
async function journalView(core: Core) {
  const { items, total } = await core.handlers.listWorkOrders(WorkOrderQuery.parse({ limit: 500 }));
  const more = total > 500 ? (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ limit: 500, offset: 500 }))).items : [];
  const rest = total > 1000 ? (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ limit: 500, offset: 1000 }))).items : [];
  return new Map([...items, ...more, ...rest].map((w) => [w.id, { title: w.title, status: w.status, priority: w.priority, localState: w.localState }]));
}

describe('a server restored from a backup', () => {
  it('workstations resync to it, keep and send their unsent work, and resend what the restore lost, once', async () => {
    const database = await makeCommandTestDatabase('sqlite');
    cleanups.push(() => database.drop());
    const server = await startTestServer(database, { seed: 'demo' });
    cleanups.push(() => server.close());
    const dataDir = database.options.dataDir!;
    const backups = makeTempDir('shopfloor-backups-');
    cleanups.push(backups.remove);
    const backupFile = path.join(backups.dir, 'last-night.db');

    const alice = await station(server.url, 'alice');
    const bob = await station(server.url, 'bob');
    const sam = await station(server.url, 'sam');
    const { items } = await alice.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 3 }));
    const [kept, lostEdit, heldBack] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];

    // Alice has work she has not sent when IT takes the backup, and keeps it unsent until after the restore.
    await alice.handlers.logHours(LogHoursInput.parse({ workOrderId: heldBack.id, hours: 2, workDate: '2026-11-27', note: 'held back' }));
    await backupSqlite(dataDir, backupFile);

    // After the backup: bob edits, creates and logs hours, and sends it; sam pulls it. The restore will lose it.
    await bob.handlers.updateWorkOrder({ id: lostEdit.id, changes: { priority: 'urgent' } });
    const created = await bob.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Made after the backup' }));
    await bob.handlers.logHours(LogHoursInput.parse({ workOrderId: kept.id, hours: 1, workDate: '2026-11-27', note: 'after backup' }));
    expect(await bob.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 3 });
    expect(await sam.sync.syncNow()).toMatchObject({ outcome: 'ok' });
    expect((await sam.handlers.getWorkOrder({ id: lostEdit.id })).priority).toBe('urgent');

    await restoreSqlite(dataDir, backupFile);

    // Sam resyncs first: he sees the server as restored, even where his copy had a higher version,
    // and what the restore lost is gone from his screen.
    expect(await sam.sync.syncNow()).toMatchObject({ outcome: 'ok' });
    expect((await sam.handlers.getWorkOrder({ id: lostEdit.id })).priority).toBe(lostEdit.priority);
    expect(() => sam.handlers.getWorkOrder({ id: created.id })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));

    // Bob resyncs: the three changes the restore lost are sent again; alice's held-back hours go with her sync.
    expect(await bob.sync.syncNow()).toMatchObject({ outcome: 'ok' });
    expect(await alice.sync.syncNow()).toMatchObject({ outcome: 'ok' });
    for (const core of [sam, bob, alice]) await core.sync.syncNow();

    const rows = await server.database.db.selectFrom('work_orders').select(['id', 'title', 'status', 'priority']).execute();
    const onServer = new Map(rows.map((r) => [r.id, { title: r.title, status: r.status, priority: r.priority, localState: 'synced' }]));
    expect(onServer.get(lostEdit.id)?.priority).toBe('urgent');
    expect([...onServer.values()].filter((w) => w.title === 'Made after the backup')).toHaveLength(1);
    for (const core of [alice, bob, sam]) {
      expect(await journalView(core)).toEqual(onServer);
      expect(await core.handlers.getSyncStatus()).toMatchObject({ pendingChanges: 0, conflicts: 0, refused: 0 });
    }
    // Every hour typed is on the server once.
    const hours = await server.database.db.selectFrom('hours_entries').select('note').where('note', 'in', ['held back', 'after backup']).execute();
    expect(hours.map((h) => h.note).sort()).toEqual(['after backup', 'held back']);
  });
});
