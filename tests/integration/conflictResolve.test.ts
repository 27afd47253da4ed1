import type { Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { createDispatch } from '../../main/ipc/dispatch';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import type { RunningServer } from '../../server';
import { DEMO_PASSWORD } from '../../server/seed';
import { describe, expect, test, type IntegrationFixtures } from '../helpers/fixtures';

/**
 * Deciding a Work Order Conflict in the app (`resolveConflict`, the card's
 * buttons), with two workstations on a real server: a per-field pick ends
 * with the same work order on the server and on both PCs, and Overwrite and
 * Discard keep DESIGN.md's worked example exactly.
 */

/** A workstation on the server, signed in and synced once. */
async function station(openCore: IntegrationFixtures['openCore'], server: RunningServer, username: string) {
  const core = openCore({ serverUrl: server.url, seedDemoData: false, autoSync: false });
  await core.handlers.signIn({ username, password: DEMO_PASSWORD });
  await core.sync.syncNow();
  return core;
}

async function stations(openCore: IntegrationFixtures['openCore'], server: RunningServer) {
  const alice = await station(openCore, server, 'alice');
  const bob = await station(openCore, server, 'bob');
  const wo = (await alice.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
  const before = await alice.handlers.getWorkOrder({ id: wo.id });
  return { alice, bob, id: wo.id, before };
}

/** alice's change waits (no sync) while bob's reaches the server first; then alice syncs and meets the conflict. */
async function conflict(alice: Core, bob: Core, id: string, mine: Record<string, unknown>, theirs: Record<string, unknown>) {
  await alice.handlers.updateWorkOrder({ id, changes: mine });
  await bob.handlers.updateWorkOrder({ id, changes: theirs });
  await bob.sync.syncNow();
  await alice.sync.syncNow();
  const [found] = await alice.handlers.listConflicts();
  expect(found).toMatchObject({ workOrderId: id, changedBy: 'bob' });
  return found!;
}

const onServer = (server: RunningServer, id: string) =>
  server.database.db.selectFrom('work_orders').select(['status', 'description', 'priority', 'version']).where('id', '=', id).executeTakeFirstOrThrow();

/** Both stations synced after the decision: what each shows, next to what the server stores. */
async function everywhere(server: RunningServer, alice: Core, bob: Core, id: string) {
  await alice.sync.syncNow();
  await bob.sync.syncNow();
  const fields = ({ status, description, priority, version }: { status: string; description: string; priority: string; version: number }) => ({ status, description, priority, version });
  return {
    server: await onServer(server, id),
    alice: fields(await alice.handlers.getWorkOrder({ id })),
    bob: fields(await bob.handlers.getWorkOrder({ id })),
  };
}

describe('deciding a conflict field by field', () => {
  test('both changed the description: alice keeps hers, bob keeps his priority, alice her status; all three agree', async ({ openCore, server }) => {
    const { alice, bob, id } = await stations(openCore, server);
    const c = await conflict(alice, bob, id, { status: 'in_progress', description: 'Alice: seal ordered' }, { description: 'Bob: seal replaced', priority: 'urgent' });
    expect(c.canMerge).toBe(false);

    expect(await alice.handlers.resolveConflict({ workOrderId: id, choice: 'fields', picks: { description: 'mine' } })).toEqual({ choice: 'fields' });
    const seen = await everywhere(server, alice, bob, id);
    expect(seen.server).toMatchObject({ status: 'in_progress', description: 'Alice: seal ordered', priority: 'urgent' });
    expect(seen.alice).toEqual(seen.server);
    expect(seen.bob).toEqual(seen.server);
    expect(await alice.handlers.getSyncStatus()).toMatchObject({ conflicts: 0, pendingChanges: 0 });
    expect(await alice.handlers.listDiscarded()).toEqual([]);
  });

  test('picking bob’s description keeps it, and alice’s other change still goes', async ({ openCore, server }) => {
    const { alice, bob, id } = await stations(openCore, server);
    await conflict(alice, bob, id, { status: 'in_progress', description: 'Alice: seal ordered' }, { description: 'Bob: seal replaced', priority: 'urgent' });

    await alice.handlers.resolveConflict({ workOrderId: id, choice: 'fields', picks: { description: 'theirs' } });
    const seen = await everywhere(server, alice, bob, id);
    expect(seen.server).toMatchObject({ status: 'in_progress', description: 'Bob: seal replaced', priority: 'urgent' });
    expect(seen.alice).toEqual(seen.server);
    expect(seen.bob).toEqual(seen.server);
  });

  test('a missing pick, a pick nobody needs, or Merge over a field both changed is refused with a sentence, and the conflict stays', async ({ openCore, server }) => {
    const { alice, bob, id } = await stations(openCore, server);
    await conflict(alice, bob, id, { status: 'in_progress', description: 'Alice: seal ordered' }, { description: 'Bob: seal replaced', priority: 'urgent' });

    await expect(alice.handlers.resolveConflict({ workOrderId: id, choice: 'fields', picks: {} })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'You and bob both changed Description: pick whose value to keep, or choose Keep mine or Take bob’s.',
    });
    await expect(alice.handlers.resolveConflict({ workOrderId: id, choice: 'fields', picks: { description: 'mine', priority: 'mine' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('Only one side changed Priority'),
    });
    await expect(alice.handlers.resolveConflict({ workOrderId: id, choice: 'merge' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // Through the IPC dispatcher, a pick that is neither side never reaches the core.
    const dispatch = createDispatch(alice.handlers, silentLogger);
    expect(await dispatch('sync:resolveConflict', { workOrderId: id, choice: 'fields', picks: { description: 'both' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await alice.handlers.listConflicts()).map((x) => x.workOrderId)).toEqual([id]);
    expect((await onServer(server, id)).description).toBe('Bob: seal replaced');
  });

  test('a conflict already decided answers NOT_FOUND', async ({ openCore, server }) => {
    const { alice, bob, id } = await stations(openCore, server);
    await conflict(alice, bob, id, { status: 'in_progress' }, { description: 'Bob: seal replaced' });
    await alice.handlers.resolveConflict({ workOrderId: id, choice: 'merge' });
    await expect(alice.handlers.resolveConflict({ workOrderId: id, choice: 'merge' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the worked example decided in the app keeps its outcomes', () => {
  // A sets the status while B's description edit reaches the server first.
  const workedExample = (alice: Core, bob: Core, id: string) =>
    conflict(alice, bob, id, { status: 'in_progress' }, { description: 'B: the seal was replaced last week' });

  test('Keep mine (Overwrite): A’s status, and the description goes back to what it was before B’s edit', async ({ openCore, server }) => {
    const { alice, bob, id, before } = await stations(openCore, server);
    await workedExample(alice, bob, id);
    await alice.handlers.resolveConflict({ workOrderId: id, choice: 'overwrite' });
    const seen = await everywhere(server, alice, bob, id);
    expect(seen.server).toMatchObject({ status: 'in_progress', description: before.description });
    expect(seen.alice).toEqual(seen.server);
    expect(seen.bob).toEqual(seen.server);
  });

  test('Take bob’s (Discard): the status stays as it was, the description keeps B’s text, and A’s change is listed', async ({ openCore, server }) => {
    const { alice, bob, id } = await stations(openCore, server);
    await workedExample(alice, bob, id);
    await alice.handlers.resolveConflict({ workOrderId: id, choice: 'discard' });
    const seen = await everywhere(server, alice, bob, id);
    expect(seen.server).toMatchObject({ status: 'open', description: 'B: the seal was replaced last week' });
    expect(seen.alice).toEqual(seen.server);
    expect(seen.bob).toEqual(seen.server);
    expect(await alice.handlers.listDiscarded()).toEqual([expect.objectContaining({ workOrderId: id, payload: JSON.stringify({ status: 'in_progress' }) })]);
  });

  test('Merge: A’s status and B’s description', async ({ openCore, server }) => {
    const { alice, bob, id } = await stations(openCore, server);
    await workedExample(alice, bob, id);
    await alice.handlers.resolveConflict({ workOrderId: id, choice: 'merge' });
    const seen = await everywhere(server, alice, bob, id);
    expect(seen.server).toMatchObject({ status: 'in_progress', description: 'B: the seal was replaced last week' });
    expect(seen.bob).toEqual(seen.server);
  });
});

describe('an assignment the technician may not undo', () => {
  test('Keep mine after a supervisor gave the job to bob: alice’s status goes, bob keeps the job, nothing is refused', async ({ openCore, server }) => {
    const alice = await station(openCore, server, 'alice');
    const sam = await station(openCore, server, 'sam');
    const job = (await alice.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 500 }))).items.find((w) => w.assigneeId === null)!;
    await alice.handlers.updateWorkOrder({ id: job.id, changes: { status: 'in_progress' } });
    await sam.handlers.updateWorkOrder({ id: job.id, changes: { assigneeId: 'bob' } });
    await sam.sync.syncNow();
    await alice.sync.syncNow();

    // The card shows the assignment as sam's change only: alice's "whole record" cannot take the job back from bob (shared/domain/rules).
    const [card] = await alice.handlers.listConflicts();
    expect(card!.fields.find((f) => f.field === 'assigneeId')).toEqual({ field: 'assigneeId', before: null, mine: 'bob', theirs: 'bob' });
    expect(card!.canMerge).toBe(true);

    await alice.handlers.resolveConflict({ workOrderId: job.id, choice: 'overwrite' });
    await alice.sync.syncNow();
    await sam.sync.syncNow();
    const stored = await server.database.db.selectFrom('work_orders').select(['status', 'assignee_id']).where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'in_progress', assignee_id: 'bob' });
    expect(await alice.handlers.listRefused()).toEqual([]);
    expect(await alice.handlers.getWorkOrder({ id: job.id })).toMatchObject({ status: 'in_progress', assigneeId: 'bob', localState: 'synced' });
    expect(await sam.handlers.getWorkOrder({ id: job.id })).toMatchObject({ status: 'in_progress', assigneeId: 'bob' });
  });
});
