import { NewWorkOrderInput } from '../../shared/domain/inputs';
import { DEMO_PASSWORD } from '../../server/seed';
import { describe, expect, test } from '../helpers/fixtures';
import { startTcpProxy } from '../helpers/tcpProxy';

/**
 * A quick job done offline: the technician creates a work order and completes
 * (or cancels) it before the PC was online again. The server takes a new work
 * order only as open, in progress or on hold, so the closing must reach it as
 * its own change after the create; folded into the create, the whole work
 * order was refused. Found by the convergence test.
 */
describe('a new work order closed before it was ever sent', () => {
  test.for(['completed', 'cancelled'] as const)('reaches the server and ends %s there, nothing refused', async (status, { server, openCore, cleanup }) => {
    const proxy = await startTcpProxy(server.url);
    cleanup(() => proxy.close());
    const core = openCore({ seedDemoData: false, serverUrl: proxy.url, autoSync: false });
    await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await core.sync.syncNow();

    proxy.cut();
    const created = await core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Loose guard on press 3' }));
    await core.handlers.updateWorkOrder({ id: created.id, changes: { status: 'in_progress' } });
    await core.handlers.updateWorkOrder({ id: created.id, changes: status === 'completed' ? { status, completionNotes: 'Tightened' } : { status } });
    expect((await core.handlers.getWorkOrder({ id: created.id })).status).toBe(status);
    proxy.restore();

    // The create goes first; the closing waits for its answer and follows in the next cycle.
    await expect
      .poll(async () => {
        await core.sync.syncNow();
        return (await core.handlers.getSyncStatus()).pendingChanges;
      })
      .toBe(0);

    expect(await core.handlers.listRefused()).toEqual([]);
    const onServer = await server.database.db.selectFrom('work_orders').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(onServer).toMatchObject({ status, created_by: 'alice' });
    expect(onServer.number).toMatch(/^WO-\d+$/);
    const mine = await core.handlers.getWorkOrder({ id: created.id });
    expect(mine).toMatchObject({ status, number: onServer.number, localState: 'synced' });
  });
});
