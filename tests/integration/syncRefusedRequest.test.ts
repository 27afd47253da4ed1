import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../main/core';
import { describe, expect, test } from '../helpers/fixtures';

/**
 * A change the server refuses as a request (HTTP 400 for the whole push, not
 * an answer per change), e.g. one written by an older, buggier Shopfloor.
 * It must not block the technician's queue: it goes to the refused list with
 * the server's reason, and every other change goes through.
 */
describe('a push the server refuses as a whole', () => {
  test('isolates the change it objects to, refuses only that one, and sends the rest', async ({ server, openCore }) => {
    const core = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    expect((await core.sync.syncNow()).outcome).toBe('ok');

    const before = await core.handlers.createWorkOrder({ title: 'Before the bad one', description: '', priority: 'low', assetId: null, dueAt: null });
    // An id longer than the protocol allows: the server refuses the request's envelope (400).
    const journal = new Database(core.journalPath);
    const badId = randomUUID();
    journal
      .prepare(
        `INSERT INTO outbox (id, type, entity_id, work_order_id, base_version, payload, user_id, created_at, state)
         VALUES (?, 'workOrder.create', ?, ?, NULL, ?, 'bob', ?, 'pending')`,
      )
      .run(badId, 'x'.repeat(100), 'x'.repeat(100), JSON.stringify({ title: 'Written by an old version' }), new Date().toISOString());
    journal.close();
    const after = await core.handlers.createWorkOrder({ title: 'After the bad one', description: '', priority: 'low', assetId: null, dueAt: null });

    const report = await core.sync.syncNow();
    expect(report.outcome).toBe('ok');
    expect(await core.handlers.getSyncStatus()).toMatchObject({ pendingChanges: 0 });
    const numbers = await server.database.db.selectFrom('work_orders').select('id').where('id', 'in', [before.id, after.id]).execute();
    expect(numbers).toHaveLength(2);
    const refused = await core.handlers.listRefused();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ id: badId, code: 'VALIDATION_FAILED', message: expect.stringMatching(/^The server refused this change: .*entityId/) });

    // And the next cycle is quiet: nothing is retried.
    expect(await core.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 0 });
  });
});
