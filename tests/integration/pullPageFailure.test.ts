import Database from 'better-sqlite3';
import { NewWorkOrderInput } from '../../shared/domain/inputs';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { createNodeFetch } from '../../main/core/net/nodeFetch';
import { DEMO_PASSWORD } from '../../server/seed';
import { describe, expect, test } from '../helpers/fixtures';
import { startTcpProxy } from '../helpers/tcpProxy';

/**
 * A pulled page that cannot be written (here: the server's answer to one page
 * arrives damaged, so the pull writer's thread refuses it) must not let the
 * pages after it move the cursor past it: those would be written, the cursor
 * would stand beyond the refused page, and its records would never come again.
 * The cycle fails, and the next one pulls from the last page written.
 * A page whose answer the network cuts off halfway is the network's fault, not
 * the server's: the PC shows itself offline and tries again, as when the
 * server could not be reached at all.
 */
const countRows = (journalPath: string, table: string) => {
  const journal = new Database(journalPath, { readonly: true });
  try {
    return (journal.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    journal.close();
  }
};

describe('a pulled page that cannot be written', () => {
  test('stops the pull there: the cycle fails, nothing after it is written, and the next sync brings everything', async ({ server, openCore }) => {
    const realFetch = createNodeFetch();
    let pulls = 0;
    let damage = true;
    const alice = openCore({
      serverUrl: server.url,
      autoSync: false,
      seedDemoData: false,
      pullPageSize: 100,
      fetch: async (url, init) => {
        const response = await realFetch(url, init);
        if (!url.includes('/sync/pull') || ++pulls !== 2 || !damage) return response;
        // The second page: one record's status is something the app does not know.
        const page = (await response.json()) as { changes: { record: { status?: string } }[] };
        page.changes[0]!.record.status = 'exploded';
        return new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await alice.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await alice.sync.idle();
    const history = await alice.handlers.syncHistory();
    expect(history[0]).toMatchObject({ outcome: 'failed', message: 'The server answered the pull with something unexpected.' });
    // Whatever was written stops before the damaged page (the thread may have taken the first page with it).
    const written = () => countRows(alice.journalPath, 'work_order_base') + countRows(alice.journalPath, 'assets') + countRows(alice.journalPath, 'hours_entries');
    expect(written()).toBeLessThanOrEqual(100);

    damage = false;
    expect(await alice.sync.syncNow()).toMatchObject({ outcome: 'ok' });
    const count = async (table: 'work_orders' | 'assets' | 'hours_entries') =>
      Number((await server.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(written()).toBe((await count('work_orders')) + (await count('assets')) + (await count('hours_entries')));
    expect((await alice.handlers.listWorkOrders(WorkOrderQuery.parse({ limit: 1 }))).total).toBe(await count('work_orders'));
  });
});

describe('a pull answer cut off by the network', () => {
  test('counts as offline, not as a failure, and the next sync brings everything', async ({ server, openCore, cleanup }) => {
    const proxy = await startTcpProxy(server.url);
    cleanup(() => proxy.close());
    const alice = openCore({ serverUrl: proxy.url, autoSync: false, seedDemoData: false });
    await alice.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await alice.sync.idle();
    proxy.cutPullAnswers(true);
    expect(await alice.sync.syncNow()).toEqual({ sent: 0, received: 0, outcome: 'offline', message: 'The server could not be reached.' });
    expect((await alice.handlers.getSyncStatus()).connection).toBe('unreachable');

    proxy.cutPullAnswers(false);
    await alice.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Belt slipping' }));
    expect(await alice.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 1 });
    expect((await alice.handlers.getSyncStatus()).connection).toBe('online');
  });
});
