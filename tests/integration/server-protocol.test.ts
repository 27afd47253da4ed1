import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrderRecord } from '../../shared/domain/workOrder';
import type { RunningServer } from '../../server';
import { ApiClient, DIALECTS, makeTestDatabase, MutationFactory, startTestServer, type TestDatabase } from '../helpers/testServer';

/** Every status and rule of the push protocol, over real HTTP, on each database. */
describe.each(DIALECTS)('sync protocol on %s', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let alice: ApiClient;
  let bob: ApiClient;
  let sam: ApiClient;

  beforeAll(async () => {
    database = makeTestDatabase(dialect);
    server = await startTestServer(database, { seed: 'demo' });
    alice = await new ApiClient(server.url).login('alice');
    bob = await new ApiClient(server.url).login('bob');
    sam = await new ApiClient(server.url).login('sam');
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  /** A fresh open work order, created by alice, to keep tests independent. */
  async function freshWorkOrder(client = alice): Promise<WorkOrderRecord> {
    const m = new MutationFactory();
    const [result] = await client.push(m.clientId, [m.createWorkOrder({ description: 'Leaks oil at the seal' })]);
    expect(result!.status).toBe('applied');
    return result!.record!;
  }

  it('applies a create, assigns a readable number and version 1, and says who made it', async () => {
    const m = new MutationFactory();
    const id = randomUUID();
    const [result] = await alice.push(m.clientId, [m.createWorkOrder({ title: 'Replace belt', priority: 'high' }, id)]);
    expect(result).toMatchObject({ status: 'applied', version: 1, record: { id, title: 'Replace belt', priority: 'high', status: 'open', createdBy: 'alice' } });
    expect(result!.record!.number).toMatch(/^WO-\d+$/);
    const read = await alice.request('GET', `/work-orders/${id}`);
    expect(read.body).toEqual(result!.record);
  });

  it('answers a retried mutation with duplicate and the first outcome, applying it once', async () => {
    const wo = await freshWorkOrder();
    const m = new MutationFactory();
    const batch = [m.hours(wo.id, 2), m.update(wo.id, wo.version, { status: 'in_progress' })];
    const first = await alice.push(m.clientId, batch);
    const again = await alice.push(m.clientId, batch);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(again).toEqual(first.map((r) => ({ ...r, status: 'duplicate', original: 'applied' })));
    const history = await alice.request('GET', `/work-orders/${wo.id}/history`);
    expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
    const { changes } = await alice.pullAll();
    expect(changes.filter((c) => c.entity === 'hoursEntry' && c.record.workOrderId === wo.id)).toHaveLength(1);
  });

  it('reports a conflict with the server record, who changed it and when, and writes nothing', async () => {
    const wo = await freshWorkOrder();
    const a = new MutationFactory();
    const b = new MutationFactory();
    const [bobs] = await bob.push(b.clientId, [b.update(wo.id, wo.version, { description: 'Bob was here' })]);
    const [alices] = await alice.push(a.clientId, [a.update(wo.id, wo.version, { status: 'on_hold' })]);
    expect(alices).toMatchObject({
      status: 'conflict',
      version: bobs!.version,
      record: { description: 'Bob was here', status: 'open', updatedBy: 'bob', updatedAt: bobs!.record!.updatedAt },
      message: expect.stringContaining('bob changed this work order'),
    });
    expect((await alice.request('GET', `/work-orders/${wo.id}`)).body).toMatchObject({ status: 'open', version: bobs!.version });
  });

  it('overwrites the whole record when the base version matches the one shown', async () => {
    const wo = await freshWorkOrder();
    const m = new MutationFactory();
    const whole = { title: wo.title, description: 'Mine', status: 'in_progress', priority: 'urgent', assetId: null, assigneeId: 'alice', dueAt: null, completionNotes: null };
    const [result] = await alice.push(m.clientId, [m.overwrite(wo.id, wo.version, whole)]);
    expect(result).toMatchObject({ status: 'applied', version: wo.version + 1, record: { ...whole, updatedBy: 'alice' } });
    const [stale] = await alice.push(m.clientId, [m.overwrite(wo.id, wo.version, whole)]);
    expect(stale!.status).toBe('conflict');
  });

  it('refuses hours on a completed work order, with a sentence naming it', async () => {
    const wo = await freshWorkOrder();
    const b = new MutationFactory();
    await bob.push(b.clientId, [b.update(wo.id, wo.version, { status: 'completed', completionNotes: 'Done' })]);
    const a = new MutationFactory();
    const [result] = await alice.push(a.clientId, [a.hours(wo.id, 3)]);
    expect(result).toMatchObject({ status: 'rejected', code: 'WORK_ORDER_CLOSED', message: expect.stringContaining(wo.number) });
    expect(result!.message).toMatch(/completed/);
  });

  it('keeps completed work final for technicians; a supervisor can reopen it', async () => {
    const wo = await freshWorkOrder();
    const m = new MutationFactory();
    const [done] = await alice.push(m.clientId, [m.update(wo.id, wo.version, { status: 'completed' })]);
    expect(done!.record!.completedAt).toEqual(expect.any(String));
    const [reopen] = await alice.push(m.clientId, [m.update(wo.id, done!.version!, { status: 'open' })]);
    expect(reopen).toMatchObject({ status: 'rejected', code: 'INVALID_TRANSITION', message: expect.stringMatching(/supervisor/) });
    const [edit] = await alice.push(m.clientId, [m.update(wo.id, done!.version!, { description: 'late note' })]);
    expect(edit).toMatchObject({ status: 'rejected', code: 'WORK_ORDER_CLOSED' });
    const s = new MutationFactory();
    const [byBoss] = await sam.push(s.clientId, [s.update(wo.id, done!.version!, { status: 'open' })]);
    expect(byBoss).toMatchObject({ status: 'applied', record: { status: 'open', completedAt: null, updatedBy: 'sam' } });
  });

  it.each([
    ['zero hours', { hours: 0 }],
    ['negative hours', { hours: -2 }],
    ['more than 24 hours', { hours: 24.5 }],
    ['a date that is not a date', { workDate: '27/11/2026' }],
    ['a note too long', { note: 'x'.repeat(1001) }],
  ])('refuses hours with %s as VALIDATION_FAILED', async (_name, change) => {
    const wo = await freshWorkOrder();
    const m = new MutationFactory();
    const mutation = m.hours(wo.id);
    mutation.payload = { ...(mutation.payload as object), ...change };
    const [result] = await alice.push(m.clientId, [mutation]);
    expect(result).toMatchObject({ status: 'rejected', code: 'VALIDATION_FAILED', message: expect.any(String) });
  });

  it('refuses an update of a work order that does not exist', async () => {
    const m = new MutationFactory();
    const [result] = await alice.push(m.clientId, [m.update(randomUUID(), 1, { title: 'x' })]);
    expect(result).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
  });

  it('refuses hours that depend on a refused create, naming it, and keeps going with the rest', async () => {
    const m = new MutationFactory();
    const woId = randomUUID();
    const badCreate = m.createWorkOrder({ title: 'x'.repeat(500) }, woId);
    const dependentHours = m.hours(woId, 2);
    const unrelated = m.createWorkOrder({ title: 'Unrelated job' });
    const results = await alice.push(m.clientId, [badCreate, dependentHours, unrelated]);
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'VALIDATION_FAILED'],
      ['rejected', 'DEPENDENCY_REJECTED'],
      ['applied', undefined],
    ]);
    expect(results[1]).toMatchObject({ dependsOn: badCreate.id, message: expect.stringMatching(/new work order that was refused/) });
  });

  it('lets a technician act only as themselves: the server records the token’s user', async () => {
    const wo = await freshWorkOrder(bob);
    const m = new MutationFactory();
    const mutation = m.hours(wo.id, 1);
    mutation.payload = { ...(mutation.payload as object), userId: 'sam' };
    await alice.push(m.clientId, [mutation]);
    const { changes } = await alice.pullAll();
    const entry = changes.find((c) => c.id === mutation.entityId);
    expect(entry?.record).toMatchObject({ userId: 'alice' });
  });

  it('delivers every record through the feed, page by page, each change once the client is caught up', async () => {
    const all = await alice.pullAll(undefined, 137);
    const count = (entity: string) => new Set(all.changes.filter((c) => c.entity === entity).map((c) => c.id)).size;
    expect(count('asset')).toBe(200);
    expect(count('workOrder')).toBeGreaterThanOrEqual(1000);
    expect(count('hoursEntry')).toBeGreaterThan(0);
    // Caught up: nothing new until someone writes.
    expect((await alice.pull(all.cursor)).changes).toEqual([]);
    const wo = await freshWorkOrder(bob);
    expect((await alice.pull(all.cursor)).changes.map((c) => c.id)).toEqual([wo.id]);
  });

  it('refuses a cursor it did not give out', async () => {
    const response = await alice.request('GET', '/sync/pull?cursor=bm9wZQ');
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'INVALID_CURSOR' } } });
  });

  describe('online edits', () => {
    it('PATCH with If-Match applies, and a stale version gets 412 with the current record', async () => {
      const wo = await freshWorkOrder();
      const ok = await alice.request('PATCH', `/work-orders/${wo.id}`, { priority: 'urgent' }, { 'if-match': String(wo.version) });
      expect(ok).toMatchObject({ status: 200, body: { priority: 'urgent', version: wo.version + 1 } });
      const stale = await bob.request('PATCH', `/work-orders/${wo.id}`, { priority: 'low' }, { 'if-match': String(wo.version) });
      expect(stale).toMatchObject({ status: 412, body: { error: { code: 'PRECONDITION_FAILED', record: { priority: 'urgent' } } } });
    });

    it('PATCH without If-Match is refused (428); unknown fields and bad transitions are 4xx', async () => {
      const wo = await freshWorkOrder();
      expect((await alice.request('PATCH', `/work-orders/${wo.id}`, { priority: 'low' })).status).toBe(428);
      expect((await alice.request('PATCH', `/work-orders/${wo.id}`, { version: 99 }, { 'if-match': '1' })).body.error.code).toBe('VALIDATION_FAILED');
      const closed = await alice.request('PATCH', `/work-orders/${wo.id}`, { status: 'cancelled' }, { 'if-match': '1' });
      expect(closed.status).toBe(200);
      const reopen = await alice.request('PATCH', `/work-orders/${wo.id}`, { status: 'open' }, { 'if-match': '2' });
      expect(reopen).toMatchObject({ status: 422, body: { error: { code: 'INVALID_TRANSITION' } } });
    });

    it('keeps an audit trail with who, when, which mutation, before and after', async () => {
      const wo = await freshWorkOrder();
      const m = new MutationFactory();
      const update = m.update(wo.id, wo.version, { description: 'New text' });
      await bob.push(m.clientId, [update]);
      const { body } = await sam.request('GET', `/work-orders/${wo.id}/history`);
      expect(body.entries[1]).toMatchObject({
        action: 'update',
        userId: 'bob',
        mutationId: update.id,
        before: { description: 'Leaks oil at the seal' },
        after: { description: 'New text', version: wo.version + 1 },
      });
    });
  });
});
