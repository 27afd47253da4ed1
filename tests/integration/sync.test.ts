import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LogHoursInput, NewWorkOrderInput } from '../../shared/domain/inputs';
import type { ConflictChoice } from '../../shared/domain/sync';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { createCore, type Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import type { RunningServer } from '../../server';
import { DEMO_PASSWORD } from '../../server/seed';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy';
import { makeTestDatabase, startTestServer } from '../helpers/testServer';
import { makeTempDir } from '../helpers/tempDir';

/**
 * Two (or three) workstations against a real server through a proxy the test
 * can cut: the worked example of DESIGN.md and every way sync can go wrong.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

interface Station {
  core: Core;
  dir: string;
  /** What the conflict dialog answers next. */
  answer: ConflictChoice | 'later';
}

async function world() {
  const database = makeTestDatabase('sqlite');
  cleanups.push(() => database.drop());
  const server = await startTestServer(database, { seed: 'demo' });
  cleanups.push(() => server.close());
  const proxy = await startTcpProxy(server.url);
  cleanups.push(() => proxy.close());

  const station = async (username: string, autoSync = false): Promise<Station> => {
    const temp = makeTempDir(`shopfloor-${username}-`);
    cleanups.push(temp.remove);
    const s: Station = { core: undefined as never, dir: temp.dir, answer: 'later' };
    s.core = createCore({
      dataDir: temp.dir,
      logger: silentLogger,
      seedDemoData: false,
      serverUrl: proxy.url,
      autoSync,
      chooseConflict: async () => s.answer,
    });
    cleanups.push(async () => {
      await s.core.sync.idle();
      s.core.close();
    });
    await s.core.handlers.signIn({ username, password: DEMO_PASSWORD });
    await s.core.sync.syncNow();
    return s;
  };
  return { server, proxy, station };
}

const serverRecord = async (server: RunningServer, id: string) =>
  (await server.database.db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as unknown as {
    status: string;
    description: string;
    version: number;
  };

/** An open work order that no earlier step of the test has touched. */
async function anOpenWorkOrder(core: Core, ...except: string[]) {
  const { items } = await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 50 }));
  return items.find((w) => !w.pending && !except.includes(w.id))!;
}

/** DESIGN.md's worked example, up to the conflict: A offline sets the status, B online edits the description. */
async function workedExample(proxy: TcpProxy, a: Station, b: Station) {
  const wo = await anOpenWorkOrder(a.core);
  const before = await a.core.handlers.getWorkOrder({ id: wo.id });
  proxy.cut();
  await a.core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'in_progress' } }); // 10:00, offline
  expect((await a.core.sync.syncNow()).outcome).toBe('offline');
  proxy.restore();
  await b.core.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'B: the seal was replaced last week' } }); // 10:30
  await b.core.sync.syncNow();
  await a.core.sync.syncNow(); // A reconnects
  return { id: wo.id, before };
}

describe('Work Order Conflict: the worked example', () => {
  it('shows the conflict with who changed it, and what differs field by field', async () => {
    const { proxy, station } = await world();
    const a = await station('alice');
    const b = await station('bob');
    const { id, before } = await workedExample(proxy, a, b);

    const [conflict] = await a.core.handlers.listConflicts();
    expect(conflict).toMatchObject({ workOrderId: id, changedBy: 'bob', madeBy: 'alice', canMerge: true });
    expect(conflict!.fields).toEqual([
      { field: 'description', before: before.description, mine: before.description, theirs: 'B: the seal was replaced last week' },
      { field: 'status', before: 'open', mine: 'in_progress', theirs: 'open' },
    ]);
    expect(await a.core.handlers.getSyncStatus()).toMatchObject({ state: 'attention', conflicts: 1 });
  });

  it('Overwrite: the status is A’s and the description goes back to what it was before B’s edit', async () => {
    const { server, proxy, station } = await world();
    const a = await station('alice');
    const b = await station('bob');
    const { id, before } = await workedExample(proxy, a, b);
    a.answer = 'overwrite';
    expect(await a.core.handlers.openConflict({ workOrderId: id })).toEqual({ choice: 'overwrite' });
    await a.core.sync.syncNow();
    expect(await serverRecord(server, id)).toMatchObject({ status: 'in_progress', description: before.description });
    expect(await a.core.handlers.getWorkOrder({ id })).toMatchObject({ status: 'in_progress', description: before.description, pending: false });
    await b.core.sync.syncNow();
    expect(await b.core.handlers.getWorkOrder({ id })).toMatchObject({ status: 'in_progress', description: before.description });
    expect(await a.core.handlers.getSyncStatus()).toMatchObject({ conflicts: 0, pendingChanges: 0 });
  });

  it('Discard: the status stays as it was and the description keeps B’s text', async () => {
    const { server, proxy, station } = await world();
    const a = await station('alice');
    const b = await station('bob');
    const { id } = await workedExample(proxy, a, b);
    a.answer = 'discard';
    await a.core.handlers.openConflict({ workOrderId: id });
    await a.core.sync.syncNow();
    const onServer = await serverRecord(server, id);
    expect(onServer).toMatchObject({ status: 'open', description: 'B: the seal was replaced last week' });
    expect(await a.core.handlers.getWorkOrder({ id })).toMatchObject({ status: 'open', description: 'B: the seal was replaced last week', pending: false, version: onServer.version });
    // What A dropped is still listed, so it can be re-entered.
    expect(await a.core.handlers.listDiscarded()).toEqual([
      expect.objectContaining({ workOrderId: id, userId: 'alice', payload: JSON.stringify({ status: 'in_progress' }) }),
    ]);
    expect(await b.core.handlers.listDiscarded()).toEqual([]);
  });

  it('Merge: A’s status and B’s description', async () => {
    const { server, proxy, station } = await world();
    const a = await station('alice');
    const b = await station('bob');
    const { id } = await workedExample(proxy, a, b);
    a.answer = 'merge';
    await a.core.handlers.openConflict({ workOrderId: id });
    await a.core.sync.syncNow();
    expect(await serverRecord(server, id)).toMatchObject({ status: 'in_progress', description: 'B: the seal was replaced last week' });
  });

  it('Decide later leaves the conflict open and blocks no other work order', async () => {
    const { server, proxy, station } = await world();
    const a = await station('alice');
    const b = await station('bob');
    const { id } = await workedExample(proxy, a, b);
    expect(await a.core.handlers.openConflict({ workOrderId: id })).toEqual({ choice: 'later' });
    const other = await anOpenWorkOrder(a.core, id);
    await a.core.handlers.updateWorkOrder({ id: other.id, changes: { priority: 'urgent' } });
    await a.core.sync.syncNow();
    expect((await server.database.db.selectFrom('work_orders').select('priority').where('id', '=', other.id).executeTakeFirstOrThrow()).priority).toBe('urgent');
    expect((await a.core.handlers.listConflicts()).map((c) => c.workOrderId)).toEqual([id]);
  });

  it('an Overwrite racing a third writer raises a new conflict instead of losing the third change', async () => {
    const { server, proxy, station } = await world();
    const a = await station('alice');
    const b = await station('bob');
    const { id } = await workedExample(proxy, a, b);
    a.answer = 'overwrite';
    await a.core.handlers.openConflict({ workOrderId: id }); // queued, not yet sent
    await b.core.handlers.updateWorkOrder({ id, changes: { priority: 'urgent' } });
    await b.core.sync.syncNow(); // the third change lands first
    await a.core.sync.syncNow();
    const [again] = await a.core.handlers.listConflicts();
    expect(again).toMatchObject({ workOrderId: id, changedBy: 'bob' });
    expect(again!.fields.find((f) => f.field === 'priority')).toMatchObject({ theirs: 'urgent' });
    expect((await server.database.db.selectFrom('work_orders').select('priority').where('id', '=', id).executeTakeFirstOrThrow()).priority).toBe('urgent');
  });
});

describe('refused changes', () => {
  it('hours on a work order completed meanwhile are refused, shown, and kept after "Okay"', async () => {
    const { proxy, station } = await world();
    const a = await station('alice');
    const b = await station('bob');
    const wo = await anOpenWorkOrder(a.core);
    proxy.cut();
    await a.core.handlers.logHours(LogHoursInput.parse({ workOrderId: wo.id, hours: 3, workDate: '2026-11-20', note: 'bearing swap' }));
    proxy.restore();
    await b.core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'completed', completionNotes: 'done' } });
    await b.core.sync.syncNow();
    await a.core.sync.syncNow();

    const [refused] = await a.core.handlers.listRefused();
    expect(refused).toMatchObject({ code: 'WORK_ORDER_CLOSED', workOrderLabel: wo.number, acknowledgedAt: null, userId: 'alice' });
    expect(JSON.parse(refused!.payload)).toMatchObject({ hours: 3, note: 'bearing swap' });
    expect(await a.core.handlers.getSyncStatus()).toMatchObject({ state: 'attention', refused: 1 });

    await a.core.handlers.acknowledgeRefused({ id: refused!.id });
    expect(await a.core.handlers.listRefused()).toMatchObject([{ id: refused!.id, acknowledgedAt: expect.any(String) }]);
    expect((await a.core.handlers.getSyncStatus()).refused).toBe(0);
    const { csv } = await a.core.handlers.exportRefused();
    expect(csv.split('\r\n')[1]).toContain('bearing swap');
    expect(csv).toContain('WORK_ORDER_CLOSED');
  });

  it('a refused offline create refuses its dependent hours too, naming it; other work goes on', async () => {
    const { proxy, station } = await world();
    const a = await station('alice');
    // An asset only this PC knows (e.g. removed on the server meanwhile).
    const journal = new Database(`${a.dir}/shopfloor.db`);
    journal.prepare("INSERT INTO assets (id, tag, name, location) VALUES ('gone', 'GONE-1', 'Scrapped press', 'Hall Z')").run();
    journal.close();
    proxy.cut();
    const created = await a.core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Oil leak', assetId: 'gone' }));
    await a.core.handlers.logHours(LogHoursInput.parse({ workOrderId: created.id, hours: 1, workDate: '2026-11-20' }));
    const other = await anOpenWorkOrder(a.core, created.id);
    await a.core.handlers.updateWorkOrder({ id: other.id, changes: { priority: 'low' } });
    proxy.restore();
    const report = await a.core.sync.syncNow();
    expect(report).toMatchObject({ outcome: 'ok' });

    const refused = await a.core.handlers.listRefused();
    expect(refused.map((r) => [r.type, r.code])).toEqual([
      ['hoursEntry.create', 'DEPENDENCY_REJECTED'],
      ['workOrder.create', 'NOT_FOUND'],
    ]);
    expect(refused[0]!.message).toMatch(/new work order that was refused \(The chosen asset does not exist\)/);
    expect((await a.core.handlers.getWorkOrder({ id: other.id })).pending).toBe(false);
  });
});

describe('retries and partitions', () => {
  it('a push whose response was lost is retried and applied once', async () => {
    const { server, proxy, station } = await world();
    const a = await station('alice');
    const wo = await anOpenWorkOrder(a.core);
    const entry = await a.core.handlers.logHours(LogHoursInput.parse({ workOrderId: wo.id, hours: 2, workDate: '2026-11-20' }));
    proxy.losePushResponses(true);
    expect((await a.core.sync.syncNow()).outcome).toBe('offline');
    // The server has it; this PC does not know yet.
    expect(await server.database.db.selectFrom('hours_entries').select('id').where('id', '=', entry.id).execute()).toHaveLength(1);
    expect((await a.core.handlers.getSyncStatus()).pendingChanges).toBe(1);
    proxy.losePushResponses(false);
    expect((await a.core.sync.syncNow()).outcome).toBe('ok');
    const rows = await server.database.db.selectFrom('hours_entries').selectAll().where('id', '=', entry.id).execute();
    expect(rows).toHaveLength(1);
    expect((await a.core.handlers.getSyncStatus()).pendingChanges).toBe(0);
    expect((await a.core.handlers.listHours({ workOrderId: wo.id })).find((h) => h.id === entry.id)).toMatchObject({ pending: false });
  });

  it('a partition that heals with no new local write sends the pending work by itself', async () => {
    const { server, proxy, station } = await world();
    const a = await station('alice', true);
    const wo = await anOpenWorkOrder(a.core);
    proxy.cut();
    await a.core.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'written during the outage' } });
    await expect.poll(async () => (await a.core.handlers.getSyncStatus()).connection).toBe('unreachable');
    proxy.restore();
    // The worker's next try is up to its backoff away (full jitter, doubling per failed try), not a matter of machine speed.
    await expect
      .poll(async () => (await serverRecord(server, wo.id)).description, { timeout: 60_000, interval: 250 })
      .toBe('written during the outage');
    await expect.poll(async () => (await a.core.handlers.getSyncStatus()).pendingChanges).toBe(0);
  }, 150_000);

  it('a pulled record never overwrites a pending local edit: it becomes the base under it', async () => {
    const { proxy, station } = await world();
    const a = await station('alice');
    const b = await station('bob');
    const wo = await anOpenWorkOrder(a.core);
    proxy.cut();
    await a.core.handlers.updateWorkOrder({ id: wo.id, changes: { title: 'A’s title' } });
    proxy.restore();
    await b.core.handlers.updateWorkOrder({ id: wo.id, changes: { priority: 'urgent' } });
    await b.core.sync.syncNow();
    await a.core.sync.syncNow();
    // A's edit is in conflict (the record moved on), and shown on top of B's record until A decides.
    expect(await a.core.handlers.getWorkOrder({ id: wo.id })).toMatchObject({ title: 'A’s title', priority: 'urgent', pending: true });
  });

  it('closing the app during a sync ends the cycle quietly, without touching the closed journal', async () => {
    const { station } = await world();
    const a = await station('alice');
    const wo = await anOpenWorkOrder(a.core);
    await a.core.handlers.updateWorkOrder({ id: wo.id, changes: { priority: 'low' } });
    const cycle = a.core.sync.syncNow();
    a.core.close();
    expect(await cycle).toMatchObject({ outcome: 'failed', message: 'Shopfloor is closing.' });
  });

  it('pulls everyone else’s changes and never goes back to an older version', async () => {
    const { station } = await world();
    const a = await station('alice');
    const b = await station('bob');
    const wo = await anOpenWorkOrder(a.core);
    await b.core.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'from bob' } });
    await b.core.sync.syncNow();
    await a.core.sync.syncNow();
    const pulled = await a.core.handlers.getWorkOrder({ id: wo.id });
    expect(pulled).toMatchObject({ description: 'from bob', pending: false, updatedBy: 'bob' });
    // Replaying an old page (as after a crash before the cursor) changes nothing.
    const journal = new Database(`${a.dir}/shopfloor.db`);
    journal.prepare("DELETE FROM local_meta WHERE key = 'pull_cursor'").run();
    journal.close();
    await a.core.sync.syncNow();
    expect(await a.core.handlers.getWorkOrder({ id: wo.id })).toEqual(pulled);
    expect((await a.core.handlers.syncHistory()).length).toBeGreaterThan(1);
  });
});
