import { DEMO_PASSWORD } from '../../main/core';
import { serviceContext } from '../../server/services/context';
import { updateAccount } from '../../server/services/accounts';
import { ApiClient, DIALECTS } from '../helpers/testServer';
import { describe, expect, test } from '../helpers/fixtures';
import type { RunningServer } from '../../server';

type ServerDb = RunningServer['database']['db'];

/**
 * The supervisor's list, over a real server: a technician takes a job, a
 * supervisor assigns anyone active, the server refuses the rest with a code
 * and a sentence, and an assignment made elsewhere meanwhile is a conflict
 * like any other field.
 */
describe.each(DIALECTS)('assigning work on %s', (dialect) => {
  const unassignedOpen = async (db: ServerDb, skip = 0) =>
    (await db.selectFrom('work_orders').select(['id', 'version']).where('assignee_id', 'is', null).where('status', '=', 'open').orderBy('id').offset(skip).limit(1).executeTakeFirstOrThrow());

  test('a technician takes an unassigned job; the other workstation sees it taken and cannot take it too', async ({ startServer, openCore }) => {
    const server = await startServer({ dialect, seed: 'demo' });
    const job = await unassignedOpen(server.database.db);
    const alice = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await alice.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await alice.sync.syncNow();

    expect(await alice.handlers.updateWorkOrder({ id: job.id, changes: { assigneeId: 'alice' } })).toMatchObject({ assigneeId: 'alice', pending: true });
    expect(await alice.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 1 });
    expect(await server.database.db.selectFrom('work_orders').select('assignee_id').where('id', '=', job.id).executeTakeFirstOrThrow()).toEqual({ assignee_id: 'alice' });

    const bob = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await bob.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    await bob.sync.syncNow();
    expect(await bob.handlers.getWorkOrder({ id: job.id })).toMatchObject({ assigneeId: 'alice', localState: 'synced' });
    await expect(bob.handlers.updateWorkOrder({ id: job.id, changes: { assigneeId: 'bob' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'alice already has this job; only a supervisor can give it to you.',
    });
    expect(await bob.handlers.getSyncStatus()).toMatchObject({ pendingChanges: 0 });
  });

  test('the server refuses a technician assigning someone else, whatever the client checked', async ({ startServer }) => {
    const server = await startServer({ dialect, seed: 'demo' });
    const job = await unassignedOpen(server.database.db);
    const alice = await new ApiClient(server.url).login('alice');
    const [answer] = await alice.push(crypto.randomUUID(), [
      { id: crypto.randomUUID(), seq: 1, type: 'workOrder.update', entityId: job.id, baseVersion: job.version, payload: { assigneeId: 'bob' }, createdAt: new Date().toISOString() },
    ]);
    expect(answer).toMatchObject({ status: 'rejected', code: 'ASSIGNMENT_NOT_ALLOWED', message: 'You can only take a job for yourself; ask a supervisor to assign it to bob.' });
    const patch = await alice.request('PATCH', `/work-orders/${job.id}`, { assigneeId: 'bob' }, { 'if-match': String(job.version) });
    expect(patch).toMatchObject({ status: 422, body: { error: { code: 'ASSIGNMENT_NOT_ALLOWED' } } });
    // A new work order a technician creates for someone else is refused the same way.
    const [created] = await alice.push(crypto.randomUUID(), [
      { id: crypto.randomUUID(), seq: 1, type: 'workOrder.create', entityId: crypto.randomUUID(), baseVersion: null, payload: { title: 'For bob', assigneeId: 'bob' }, createdAt: new Date().toISOString() },
    ]);
    expect(created).toMatchObject({ status: 'rejected', code: 'ASSIGNMENT_NOT_ALLOWED' });
  });

  test('a supervisor assigns anyone active from the list the workstation keeps; a disabled or unknown name is refused', async ({ startServer, openCore }) => {
    const server = await startServer({ dialect, seed: 'demo' });
    const first = await unassignedOpen(server.database.db, 0);
    const second = await unassignedOpen(server.database.db, 1);
    const sam = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await sam.handlers.signIn({ username: 'sam', password: DEMO_PASSWORD });
    await sam.sync.syncNow();
    expect((await sam.handlers.listAssignees()).map((u) => u.username)).toEqual(['alice', 'bob', 'sam']);

    await updateAccount(serviceContext(server.database), 'bob', { disabled: true });
    await sam.handlers.updateWorkOrder({ id: first.id, changes: { assigneeId: 'alice' } });
    await sam.handlers.updateWorkOrder({ id: second.id, changes: { assigneeId: 'bob' } });
    await sam.sync.syncNow();

    expect(await sam.handlers.getWorkOrder({ id: first.id })).toMatchObject({ assigneeId: 'alice', localState: 'synced' });
    expect(await sam.handlers.getWorkOrder({ id: second.id })).toMatchObject({ assigneeId: null, localState: 'refused' });
    const [refused] = await sam.handlers.listRefused();
    expect(refused).toMatchObject({ code: 'ASSIGNEE_UNAVAILABLE', message: 'bob cannot be given work orders: there is no active account with that name.' });
    // The next sync's list no longer offers bob.
    expect((await sam.handlers.listAssignees()).map((u) => u.username)).toEqual(['alice', 'sam']);

    const supervisor = await new ApiClient(server.url).login('sam');
    const unknown = await supervisor.request('PATCH', `/work-orders/${second.id}`, { assigneeId: 'carol' }, { 'if-match': String(second.version) });
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: 'ASSIGNEE_UNAVAILABLE', message: 'carol cannot be given work orders: there is no active account with that name.' } } });
  });

  test('a job taken offline while a supervisor assigned it online is a conflict the technician decides', async ({ startServer, openCore }) => {
    const server = await startServer({ dialect, seed: 'demo' });
    const job = await unassignedOpen(server.database.db);
    const alice = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await alice.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await alice.sync.syncNow();
    await alice.handlers.updateWorkOrder({ id: job.id, changes: { assigneeId: 'alice' } });

    const sam = await new ApiClient(server.url).login('sam');
    expect(await sam.request('PATCH', `/work-orders/${job.id}`, { assigneeId: 'bob' }, { 'if-match': String(job.version) })).toMatchObject({ status: 200 });

    await alice.sync.syncNow();
    const [conflict] = await alice.handlers.listConflicts();
    expect(conflict).toMatchObject({ workOrderId: job.id });
    expect(await alice.handlers.getWorkOrder({ id: job.id })).toMatchObject({ localState: 'conflict' });
  });
});
