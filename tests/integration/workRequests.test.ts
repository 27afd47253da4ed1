import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../main/core';
import type { NewWorkRequestInput } from '../../shared/domain/workRequest';
import { ApiClient, DIALECTS, MutationFactory } from '../helpers/testServer';
import { describe, expect, test } from '../helpers/fixtures';
import type { IntegrationFixtures } from '../helpers/fixtures';

type Server = Awaited<ReturnType<IntegrationFixtures['startServer']>>;
type Core = ReturnType<IntegrationFixtures['openCore']>;

/**
 * Work requests over a real server: an operator reports a problem from the
 * sign-in screen of a PC where nobody is signed in, a supervisor elsewhere
 * accepts it (a numbered work order, linked) or declines it (with a reason
 * the operator's PC shows), and the second of two decisions is refused.
 */
/**
 * Syncs until the PC shows what another one wrote: on PostgreSQL a transaction open elsewhere in the
 * cluster may hold the feed back a moment (it delays changes, never skips them).
 */
async function syncUntil(pc: Core, scope: 'all' | 'thisComputer', expected: Record<string, unknown>) {
  await expect
    .poll(async () => {
      await pc.sync.syncNow();
      return (await pc.handlers.listWorkRequests({ scope, limit: 100 })).items[0];
    })
    .toMatchObject(expected);
}

describe.each(DIALECTS)('work requests on %s', (dialect) => {
  /** The shop-floor PC: alice signed in here once (so it holds her token), then signed out; the sign-in screen shows. */
  async function floorPc(server: Server, openCore: IntegrationFixtures['openCore']) {
    const pc = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await pc.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await pc.sync.syncNow();
    await pc.handlers.signOut();
    return pc;
  }

  async function supervisorPc(server: Server, openCore: IntegrationFixtures['openCore']) {
    const pc = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await pc.handlers.signIn({ username: 'sam', password: DEMO_PASSWORD });
    await pc.sync.syncNow();
    return pc;
  }

  async function report(pc: Core, server: Server, overrides: Partial<NewWorkRequestInput> = {}) {
    const asset = await server.database.db.selectFrom('assets').select(['id', 'tag']).orderBy('tag').executeTakeFirstOrThrow();
    const request = await pc.handlers.createWorkRequest({
      assetId: asset.id,
      description: 'Loud grinding from the gearbox\nStarted after the night shift',
      urgency: 'high',
      machineStopped: true,
      requestedBy: 'Maria (line 3)',
      ...overrides,
    });
    return { request, asset };
  }

  test('a request made with nobody signed in reaches the server; a supervisor accepts it and the operator’s PC shows the work order', async ({ startServer, openCore }) => {
    const server = await startServer({ dialect, seed: 'demo' });
    const floor = await floorPc(server, openCore);
    expect((await floor.handlers.getSession()).user).toBeNull();

    const { request, asset } = await report(floor, server);
    expect(request).toMatchObject({ status: 'new', localState: 'unsynced', assetTag: asset.tag, fromThisComputer: true, receivedAt: null });
    expect(await floor.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 1 });

    const stored = await server.database.db.selectFrom('work_requests').selectAll().where('id', '=', request.id).executeTakeFirstOrThrow();
    // The operator's name as typed, this PC, and whose token carried it.
    expect(stored).toMatchObject({ requested_by: 'Maria (line 3)', carried_by: 'alice', status: 'new', asset_id: asset.id });
    expect(stored.client_id).not.toBe('');

    const sam = await supervisorPc(server, openCore);
    await syncUntil(sam, 'all', { id: request.id });
    const queue = await sam.handlers.listWorkRequests({ scope: 'all', limit: 100 });
    expect(queue.newCount).toBe(1);
    expect(queue.items[0]).toMatchObject({ id: request.id, status: 'new', requestedBy: 'Maria (line 3)', machineStopped: true, fromThisComputer: false, localState: 'synced' });

    expect(await sam.handlers.acceptWorkRequest({ id: request.id })).toMatchObject({ pendingDecision: 'accept', localState: 'unsynced' });
    expect((await sam.handlers.listWorkRequests({ scope: 'all', limit: 100 })).newCount).toBe(0);
    expect(await sam.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 1 });
    await syncUntil(sam, 'all', { status: 'accepted' });

    const accepted = await sam.handlers.listWorkRequests({ scope: 'all', limit: 100 });
    const decided = accepted.items.find((r) => r.id === request.id)!;
    expect(decided).toMatchObject({ status: 'accepted', decidedBy: 'sam', pendingDecision: null, localState: 'synced' });
    expect(decided.workOrderNumber).toMatch(/^WO-\d+$/);
    // The work order exists on the server, linked to the request, and is in the supervisor's journal already.
    const workOrder = await server.database.db.selectFrom('work_orders').selectAll().where('id', '=', decided.workOrderId!).executeTakeFirstOrThrow();
    expect(workOrder).toMatchObject({
      number: decided.workOrderNumber,
      title: 'Machine stopped: Loud grinding from the gearbox',
      priority: 'high',
      status: 'open',
      asset_id: asset.id,
      created_by: 'sam',
    });
    expect(workOrder.description).toContain('Reported by Maria (line 3)');
    expect(await sam.handlers.getWorkOrder({ id: decided.workOrderId! })).toMatchObject({ number: decided.workOrderNumber, localState: 'synced' });

    // Back on the floor, still nobody signed in: the next sync brings the outcome.
    await syncUntil(floor, 'thisComputer', { status: 'accepted' });
    const mine = await floor.handlers.listWorkRequests({ scope: 'thisComputer', limit: 100 });
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id: request.id, status: 'accepted', workOrderNumber: decided.workOrderNumber, localState: 'synced' });

    // The audit trail says who did what.
    const api = await new ApiClient(server.url).login('sam');
    const history = await api.request('GET', `/work-requests/${request.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.entries.map((e: { action: string; userId: string }) => [e.action, e.userId])).toEqual([
      ['create', 'alice'],
      ['accept', 'sam'],
    ]);
    expect(await api.request('GET', `/work-requests/${request.id}`)).toMatchObject({ status: 200, body: { status: 'accepted', workOrderNumber: decided.workOrderNumber } });
    expect(await api.request('GET', `/work-requests/${randomUUID()}`)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  test('a declined request shows the supervisor’s reason on the PC that reported it', async ({ startServer, openCore }) => {
    const server = await startServer({ dialect, seed: 'demo' });
    const floor = await floorPc(server, openCore);
    const { request } = await report(floor, server, { machineStopped: false, urgency: 'low' });
    await floor.sync.syncNow();

    const sam = await supervisorPc(server, openCore);
    await syncUntil(sam, 'all', { id: request.id });
    await expect(sam.handlers.declineWorkRequest({ id: request.id, reason: '  ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await sam.handlers.declineWorkRequest({ id: request.id, reason: 'Already fixed by WO-10003 this morning.' });
    await sam.sync.syncNow();
    expect(await server.database.db.selectFrom('work_requests').select(['status', 'decline_reason', 'work_order_id']).where('id', '=', request.id).executeTakeFirstOrThrow()).toEqual({
      status: 'declined',
      decline_reason: 'Already fixed by WO-10003 this morning.',
      work_order_id: null,
    });

    await syncUntil(floor, 'thisComputer', { status: 'declined', declineReason: 'Already fixed by WO-10003 this morning.', decidedBy: 'sam' });
  });

  test('accepted on one PC while declined on another: the second decision is refused with a code, and nothing is lost', async ({ startServer, openCore }) => {
    const server = await startServer({ dialect, seed: 'demo' });
    const floor = await floorPc(server, openCore);
    const { request } = await report(floor, server);
    await floor.sync.syncNow();

    const office = await supervisorPc(server, openCore);
    const workshop = await supervisorPc(server, openCore);
    await syncUntil(office, 'all', { id: request.id });
    await syncUntil(workshop, 'all', { id: request.id });
    // Both decide before either has synced.
    await office.handlers.acceptWorkRequest({ id: request.id });
    await workshop.handlers.declineWorkRequest({ id: request.id, reason: 'Not ours: call the vendor.' });
    await office.sync.syncNow();
    await syncUntil(workshop, 'all', { status: 'accepted' });

    const [seen] = (await workshop.handlers.listWorkRequests({ scope: 'all', limit: 100 })).items;
    expect(seen).toMatchObject({ status: 'accepted', localState: 'refused', pendingDecision: null });
    expect(seen!.refusal).toMatchObject({ code: 'REQUEST_ALREADY_DECIDED' });
    expect(seen!.refusal!.message).toMatch(/^This work request was already accepted by someone else \(sam, /);
    const [refused] = await workshop.handlers.listRefused();
    expect(refused).toMatchObject({ type: 'workRequest.decline', code: 'REQUEST_ALREADY_DECIDED', workOrderLabel: 'a work request' });
    expect(JSON.parse(refused!.payload)).toEqual({ reason: 'Not ours: call the vendor.' });
    // Exactly one work order came of it.
    const linked = await server.database.db.selectFrom('work_orders').select('id').where('description', 'like', '%Reported by Maria%').execute();
    expect(linked).toHaveLength(1);
  });

  test('the server refuses a technician’s decision and a request about an unknown asset, whatever the client checked', async ({ startServer }) => {
    const server = await startServer({ dialect, seed: 'demo' });
    const asset = await server.database.db.selectFrom('assets').select('id').executeTakeFirstOrThrow();
    const alice = await new ApiClient(server.url).login('alice');
    const m = new MutationFactory();
    const id = randomUUID();
    const reported = { description: 'Leaking oil', urgency: 'medium', machineStopped: false, requestedBy: 'Tom', reportedAt: new Date().toISOString() };
    const answers = await alice.push(m.clientId, [
      m.make('workRequest.create', id, { ...reported, assetId: asset.id }),
      m.make('workRequest.create', randomUUID(), { ...reported, assetId: 'no-such-asset' }),
      m.make('workRequest.accept', id, { workOrderId: randomUUID() }),
      m.make('workRequest.decline', randomUUID(), { reason: 'Unknown' }),
      m.make('workRequest.create', randomUUID(), { ...reported, assetId: asset.id, requestedBy: ' ' }),
    ]);
    expect(answers.map((a) => [a.status, a.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'NOT_FOUND'],
      ['rejected', 'DECISION_NOT_ALLOWED'],
      ['rejected', 'NOT_FOUND'],
      ['rejected', 'VALIDATION_FAILED'],
    ]);
    expect(answers[2]!.message).toBe('Only a supervisor can accept or decline a work request.');
    // A retried Accept gets its first answer again and makes no second work order.
    const sam = await new ApiClient(server.url).login('sam');
    const accept = m.make('workRequest.accept', id, { workOrderId: randomUUID() });
    const [first] = await sam.push(m.clientId, [accept]);
    const [again] = await sam.push(m.clientId, [accept]);
    expect(first).toMatchObject({ status: 'applied', version: 2 });
    expect(first!.record!.number).toMatch(/^WO-\d+$/);
    expect(again).toMatchObject({ status: 'duplicate', original: 'applied', record: { number: first!.record!.number } });
    const { changes } = await sam.pullAll();
    expect(changes.filter((c) => c.entity === 'workRequest')).toEqual([
      expect.objectContaining({ id, version: 2, record: expect.objectContaining({ status: 'accepted', workOrderId: first!.record!.id, workOrderNumber: first!.record!.number }) }),
    ]);
  });

  test('a PC that never had anyone sign in keeps the request until someone does, then sends it', async ({ startServer, openCore }) => {
    const server = await startServer({ dialect, seed: 'demo' });
    // Assets come with the first sign-in; this PC got them once, then its sign-in was forgotten (as after a restart without a keychain).
    const floor = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await floor.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    await floor.sync.syncNow();
    await floor.handlers.signOut();
    await floor.sync.idle();
    floor.close();
    const fresh = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false, dataDir: floor.dataDir });
    const { request } = await report(fresh, server);
    expect(await fresh.sync.syncNow()).toMatchObject({ outcome: 'ok', sent: 0 });
    expect((await fresh.handlers.listWorkRequests({ scope: 'thisComputer', limit: 100 })).items[0]).toMatchObject({ id: request.id, localState: 'unsynced' });
    expect(await fresh.handlers.getSyncStatus()).toMatchObject({ pendingChanges: 1 });

    await fresh.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    await fresh.sync.idle();
    await fresh.sync.syncNow();
    expect((await fresh.handlers.listWorkRequests({ scope: 'thisComputer', limit: 100 })).items[0]).toMatchObject({ localState: 'synced' });
    expect(await server.database.db.selectFrom('work_requests').select('carried_by').where('id', '=', request.id).executeTakeFirstOrThrow()).toEqual({ carried_by: 'bob' });
  });
});
