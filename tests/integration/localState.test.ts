import Database from 'better-sqlite3';
import { LogHoursInput, NewWorkOrderInput } from '../../shared/domain/inputs';
import { hoursTotal } from '../../shared/domain/localState';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import type { Core } from '../../main/core';
import { DEMO_PASSWORD } from '../../server/seed';
import { describe, expect, test, type IntegrationFixtures } from '../helpers/fixtures';
import { startTcpProxy } from '../helpers/tcpProxy';

/**
 * One state per local record (DESIGN.md "round 2"): the journal decides it
 * and every read agrees, through "Okay", more syncs and a restart of the
 * workstation. The screens are checked against the same flows in
 * tests/e2e/localState.spec.ts.
 */
interface Station {
  core: Core;
  /** What the conflict dialog answers next. */
  answer: 'overwrite' | 'discard' | 'merge' | 'later';
  /** Close the app and start it again on the same journal (a shop-floor PC restarts), signed in again. */
  restart(): Promise<void>;
}

/** Workstations against a real server through a proxy the test can cut. */
async function world({ server, openCore, cleanup }: Pick<IntegrationFixtures, 'server' | 'openCore' | 'cleanup'>) {
  const proxy = await startTcpProxy(server.url);
  cleanup(() => proxy.close());
  const station = async (username: string): Promise<Station> => {
    const open = (dataDir?: string) =>
      openCore({ dataDir, seedDemoData: false, serverUrl: proxy.url, autoSync: false, chooseConflict: async () => s.answer });
    const s: Station = {
      core: open(),
      answer: 'later',
      async restart() {
        const { dataDir } = s.core as Core & { dataDir: string };
        await s.core.sync.idle();
        s.core.close();
        s.core = open(dataDir);
        await s.core.handlers.signIn({ username, password: DEMO_PASSWORD });
      },
    };
    await s.core.handlers.signIn({ username, password: DEMO_PASSWORD });
    await s.core.sync.syncNow();
    return s;
  };
  return { proxy, station };
}

async function anOpenWorkOrder(core: Core) {
  const { items } = await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 50 }));
  return items.find((w) => w.localState === 'synced')!;
}

/** What every read of the journal says about one work order and its hours. */
async function everyRead(core: Core, workOrderId: string) {
  const detail = await core.handlers.getWorkOrder({ id: workOrderId });
  const { items } = await core.handlers.listWorkOrders(WorkOrderQuery.parse({ search: detail.number ?? detail.title, limit: 50 }));
  const row = items.find((w) => w.id === workOrderId)!;
  const hours = await core.handlers.listHours({ workOrderId });
  const status = await core.handlers.getSyncStatus();
  return { detail, row, hours, status };
}

describe('the worked sync-error example: hours on a work order completed meanwhile', () => {
  test('the refused hours are refused everywhere, not in the total, and stay so after Okay, more syncs and a restart', async ({ server, openCore, cleanup }) => {
    const { proxy, station } = await world({ server, openCore, cleanup });
    const a = await station('alice');
    const b = await station('bob');
    const wo = await anOpenWorkOrder(a.core);
    await a.core.handlers.logHours(LogHoursInput.parse({ workOrderId: wo.id, hours: 1.5, workDate: '2026-11-19', note: 'first look' }));
    await a.core.sync.syncNow();

    proxy.cut();
    await a.core.handlers.logHours(LogHoursInput.parse({ workOrderId: wo.id, hours: 3, workDate: '2026-11-20', note: 'bearing swap' }));
    let seen = await everyRead(a.core, wo.id);
    expect(seen.hours.map((h) => [h.note, h.localState, h.pending])).toEqual([
      ['bearing swap', 'unsynced', true],
      ['first look', 'synced', false],
    ]);
    expect(seen.detail).toMatchObject({ localState: 'unsynced', pending: true, refusal: null });
    expect(seen.row).toMatchObject({ localState: 'unsynced', pending: true });
    expect(seen.status.pendingChanges).toBe(1);
    expect(hoursTotal(seen.hours)).toBe(4.5);

    proxy.restore();
    await b.core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'completed', completionNotes: 'done' } });
    await b.core.sync.syncNow();
    await a.core.sync.syncNow();

    const [refused] = await a.core.handlers.listRefused();
    expect(refused).toMatchObject({ code: 'WORK_ORDER_CLOSED', acknowledgedAt: null });
    const refusal = { changeId: refused!.id, code: 'WORK_ORDER_CLOSED', message: refused!.message, acknowledged: false };
    seen = await everyRead(a.core, wo.id);
    expect(seen.hours.map((h) => [h.note, h.localState, h.pending, h.receivedAt])).toEqual([
      ['bearing swap', 'refused', false, null],
      ['first look', 'synced', false, expect.any(String)],
    ]);
    expect(seen.hours[0]!.refusal).toEqual(refusal);
    expect(hoursTotal(seen.hours)).toBe(1.5);
    // The work order itself is the server's (completed by bob); it is marked refused until alice reads why.
    expect(seen.detail).toMatchObject({ status: 'completed', localState: 'refused', pending: false, refusal });
    expect(seen.row).toMatchObject({ localState: 'refused', pending: false, refusal });
    expect(seen.status).toMatchObject({ state: 'attention', pendingChanges: 0, refused: 1 });

    await a.core.handlers.acknowledgeRefused({ id: refused!.id });
    for (const when of ['after Okay', 'after another sync', 'after a restart']) {
      if (when === 'after another sync') await a.core.sync.syncNow();
      if (when === 'after a restart') await a.restart();
      seen = await everyRead(a.core, wo.id);
      expect(seen.hours.map((h) => [h.note, h.localState, h.refusal?.acknowledged ?? null]), when).toEqual([
        ['bearing swap', 'refused', true],
        ['first look', 'synced', null],
      ]);
      expect(hoursTotal(seen.hours), when).toBe(1.5);
      expect(seen.detail, when).toMatchObject({ localState: 'synced', pending: false, refusal: null });
      expect(seen.row, when).toMatchObject({ localState: 'synced', pending: false });
      expect(seen.status, when).toMatchObject({ pendingChanges: 0, refused: 0 });
    }
  });
});

describe('a refused offline create', () => {
  test('is refused with its dependent hours, takes no more work, and stays so after Okay and a restart', async ({ server, openCore, cleanup }) => {
    const { proxy, station } = await world({ server, openCore, cleanup });
    const a = await station('alice');
    // An asset only this PC knows (e.g. removed on the server meanwhile).
    const journal = new Database(a.core.journalPath);
    journal.prepare("INSERT INTO assets (id, tag, name, location) VALUES ('gone', 'GONE-1', 'Scrapped press', 'Hall Z')").run();
    journal.close();
    proxy.cut();
    const created = await a.core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Oil leak', assetId: 'gone' }));
    expect(created).toMatchObject({ number: null, localState: 'unsynced', pending: true });
    await a.core.handlers.logHours(LogHoursInput.parse({ workOrderId: created.id, hours: 1, workDate: '2026-11-20' }));
    proxy.restore();
    await a.core.sync.syncNow();

    const refused = await a.core.handlers.listRefused();
    const create = refused.find((r) => r.type === 'workOrder.create')!;
    const hours = refused.find((r) => r.type === 'hoursEntry.create')!;
    for (const when of ['when refused', 'after Okay on both', 'after a restart']) {
      if (when === 'after Okay on both') for (const r of refused) await a.core.handlers.acknowledgeRefused({ id: r.id });
      if (when === 'after a restart') await a.restart();
      const acknowledged = when !== 'when refused';
      const seen = await everyRead(a.core, created.id);
      expect(seen.detail, when).toMatchObject({
        number: null,
        localState: 'refused',
        pending: false,
        refusal: { changeId: create.id, code: 'NOT_FOUND', message: 'The chosen asset does not exist.', acknowledged },
      });
      expect(seen.row, when).toMatchObject({ localState: 'refused', pending: false });
      expect(seen.hours.map((h) => [h.localState, h.refusal?.changeId, h.refusal?.code]), when).toEqual([['refused', hours.id, 'DEPENDENCY_REJECTED']]);
      expect(hoursTotal(seen.hours), when).toBe(0);
      expect(seen.status, when).toMatchObject({ pendingChanges: 0, refused: acknowledged ? 0 : 2 });
    }
    // Nothing more can be built on it: it could never reach the server.
    await expect(a.core.handlers.logHours(LogHoursInput.parse({ workOrderId: created.id, hours: 1, workDate: '2026-11-21' }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/server refused this new work order \(The chosen asset does not exist\)/),
    });
    await expect(a.core.handlers.updateWorkOrder({ id: created.id, changes: { priority: 'high' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await a.core.handlers.getSyncStatus()).pendingChanges).toBe(0);
  });
});

describe('a conflict and a discard', () => {
  test('a work order in conflict says so until decided; after Discard it says the change was discarded', async ({ server, openCore, cleanup }) => {
    const { proxy, station } = await world({ server, openCore, cleanup });
    const a = await station('alice');
    const b = await station('bob');
    const wo = await anOpenWorkOrder(a.core);
    proxy.cut();
    await a.core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'in_progress' } });
    proxy.restore();
    await b.core.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'Changed by bob' } });
    await b.core.sync.syncNow();
    await a.core.sync.syncNow();

    let seen = await everyRead(a.core, wo.id);
    expect(seen.detail).toMatchObject({ localState: 'conflict', pending: true, status: 'in_progress' });
    expect(seen.row).toMatchObject({ localState: 'conflict', pending: true });
    expect(seen.status).toMatchObject({ conflicts: 1, pendingChanges: 1 });

    a.answer = 'discard';
    await a.core.handlers.openConflict({ workOrderId: wo.id });
    seen = await everyRead(a.core, wo.id);
    expect(seen.detail).toMatchObject({ localState: 'discarded', pending: false, status: 'open', description: 'Changed by bob' });
    expect(seen.status).toMatchObject({ conflicts: 0, pendingChanges: 0 });
    expect((await a.core.handlers.listDiscarded()).map((d) => d.workOrderId)).toEqual([wo.id]);
    await a.restart();
    expect((await a.core.handlers.getWorkOrder({ id: wo.id })).localState).toBe('discarded');

    // A new change of their own: the work order is theirs again, unsynced, then synced.
    await a.core.handlers.updateWorkOrder({ id: wo.id, changes: { priority: 'urgent' } });
    expect((await a.core.handlers.getWorkOrder({ id: wo.id })).localState).toBe('unsynced');
    await a.core.sync.syncNow();
    expect((await a.core.handlers.getWorkOrder({ id: wo.id })).localState).toBe('synced');
  });
});

