import Database from 'better-sqlite3';
import { NewWorkOrderInput } from '../../shared/domain/inputs';
import { PUSH_MAX_MUTATIONS } from '../../shared/sync/protocol';
import { DEMO_PASSWORD } from '../../server/seed';
import { createNodeFetch } from '../../main/core/net/nodeFetch';
import type { FetchFn } from '../../main/core/net/fetchPort';
import type { Core } from '../../main/core';
import { describe, expect, test } from '../helpers/fixtures';
import { startTcpProxy } from '../helpers/tcpProxy';

/**
 * A large backlog is pushed with the server and the workstation working side
 * by side: the next batch is on its way to the server while the answers to
 * the last one are written here. Answers are still applied in batch order,
 * once each, and a batch whose request fails goes back to waiting without
 * touching the one before it.
 */
const BACKLOG = PUSH_MAX_MUTATIONS + 50;

async function offlineBacklog(core: Core): Promise<string[]> {
  await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
  await core.sync.syncNow();
  await core.sync.idle();
  const ids: string[] = [];
  for (let i = 0; i < BACKLOG; i++) ids.push((await core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: `Backlog job ${i}` }))).id);
  return ids;
}

/** Outbox states of these work orders' creates, as the journal on disk has them. */
function statesOf(journalPath: string, workOrderIds: string[]): Record<string, number> {
  const journal = new Database(journalPath, { readonly: true });
  try {
    const rows = journal
      .prepare<string[], { state: string; n: number }>(
        `SELECT state, count(*) AS n FROM outbox WHERE type = 'workOrder.create' AND entity_id IN (${workOrderIds.map(() => '?').join(',')}) GROUP BY state`,
      )
      .all(...workOrderIds);
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  } finally {
    journal.close();
  }
}

describe('pushing a backlog of more than one batch', () => {
  test('sends the second batch before the answers to the first are written here, then writes every answer', async ({ server, openCore }) => {
    // The network as the core uses it, watched: what the journal holds when each push leaves for the server.
    const pushes: { ids: string[]; firstBatchStates: Record<string, number> }[] = [];
    let journalPath = '';
    const network = createNodeFetch();
    const watched: FetchFn = (url, init) => {
      if (url.endsWith('/sync/push')) {
        const ids = (JSON.parse(String(init?.body)) as { mutations: { entityId: string }[] }).mutations.map((m) => m.entityId);
        pushes.push({ ids, firstBatchStates: pushes.length ? statesOf(journalPath, pushes[0]!.ids) : {} });
      }
      return network(url, init);
    };
    const core = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false, fetch: watched });
    journalPath = core.journalPath;
    const ids = await offlineBacklog(core);

    const report = await core.sync.syncNow();
    expect(report).toMatchObject({ outcome: 'ok', sent: BACKLOG });
    expect(pushes.map((p) => p.ids.length)).toEqual([PUSH_MAX_MUTATIONS, 50]);
    // The server had answered the whole first batch (its request had returned), and none of
    // those answers was written here yet when the second batch left.
    expect(pushes[1]!.firstBatchStates).toEqual({ in_flight: PUSH_MAX_MUTATIONS });
    const onServer = await server.database.db.selectFrom('work_orders').select('id').where('id', 'in', pushes[0]!.ids).execute();
    expect(onServer).toHaveLength(PUSH_MAX_MUTATIONS);

    // And then every answer was written, in order: each work order has its server number, nothing waits.
    expect(statesOf(core.journalPath, ids)).toEqual({ applied: BACKLOG });
    expect(await core.handlers.getSyncStatus()).toMatchObject({ pendingChanges: 0 });
    for (const id of [ids[0]!, ids[PUSH_MAX_MUTATIONS - 1]!, ids[PUSH_MAX_MUTATIONS]!, ids.at(-1)!]) {
      expect(await core.handlers.getWorkOrder({ id })).toMatchObject({ number: expect.stringMatching(/^WO-\d+$/), localState: 'synced' });
    }
  });

  test('the second batch lost on the way back: the first stays written once, the second waits and goes once in the next sync', async ({ server, openCore, cleanup }) => {
    const proxy = await startTcpProxy(server.url);
    cleanup(() => proxy.close());
    const core = openCore({ seedDemoData: false, serverUrl: proxy.url, autoSync: false });
    const ids = await offlineBacklog(core);
    const [first, second] = [ids.slice(0, PUSH_MAX_MUTATIONS), ids.slice(PUSH_MAX_MUTATIONS)];

    // The first push is answered; the server applies the second, but its answer never arrives
    // (sent while the first batch's answers were being written here).
    proxy.losePushResponses(true, { after: 1 });
    expect(await core.sync.syncNow()).toMatchObject({ outcome: 'offline' });
    expect(statesOf(core.journalPath, first)).toEqual({ applied: PUSH_MAX_MUTATIONS });
    expect(statesOf(core.journalPath, second)).toEqual({ pending: 50 });
    expect(await core.handlers.getSyncStatus()).toMatchObject({ pendingChanges: 50 });
    expect(await core.handlers.getWorkOrder({ id: first.at(-1)! })).toMatchObject({ number: expect.stringMatching(/^WO-\d+$/), localState: 'synced' });

    proxy.losePushResponses(false);
    expect(await core.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 50 });
    expect(statesOf(core.journalPath, ids)).toEqual({ applied: BACKLOG });
    expect(await core.handlers.listRefused()).toEqual([]);

    // On the server every change was applied once: one outcome each, one version, one number each.
    const { db } = server.database;
    const outcomes = await db.selectFrom('mutation_outcomes').select(['entity_id', 'status']).where('entity_id', 'in', ids).execute();
    expect(outcomes).toHaveLength(BACKLOG);
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set(['applied']));
    const orders = await db.selectFrom('work_orders').select(['id', 'version', 'number']).where('id', 'in', ids).execute();
    expect(orders).toHaveLength(BACKLOG);
    expect(new Set(orders.map((o) => o.version))).toEqual(new Set([1]));
    expect(new Set(orders.map((o) => o.number)).size).toBe(BACKLOG);
    const mine = await core.handlers.getWorkOrder({ id: second.at(-1)! });
    expect(mine).toMatchObject({ number: orders.find((o) => o.id === second.at(-1))!.number, localState: 'synced' });
  });
});
