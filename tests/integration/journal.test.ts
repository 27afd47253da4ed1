import Database from 'better-sqlite3';
import { LogHoursInput, NewWorkOrderInput, SignInInput } from '../../shared/domain/inputs';
import type { WorkOrder } from '../../shared/domain/workOrder';
import { DEMO_PASSWORD, type Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { createDispatch } from '../../main/ipc/dispatch';
import { describe, expect, test as base } from '../helpers/fixtures';

/**
 * The offline journal on real SQLite files, with no server anywhere: every
 * action works, is on disk when the call returns, and survives a restart.
 */
/** Journal folders and cores signed in as a demo user, on the shared fixtures (tests/helpers/fixtures.ts). */
const test = base.extend<{ folder: () => string; open: (dataDir: string, user?: string | null) => Promise<Core> }>({
  folder: async ({ tempFolder }, use) => {
    await use(() => tempFolder('shopfloor-journal-'));
  },
  open: async ({ openCore }, use) => {
    await use(async (dataDir, user = 'alice') => {
      const core = openCore({ dataDir });
      if (user) await core.handlers.signIn({ username: user, password: DEMO_PASSWORD });
      return core;
    });
  },
});

/** Reads the outbox straight from the file, as a second process would. */
function outbox(dataDir: string) {
  const db = new Database(`${dataDir}/shopfloor.db`, { readonly: true });
  const rows = db.prepare('SELECT seq, id, type, entity_id, work_order_id, base_version, payload, user_id, state, depends_on FROM outbox ORDER BY seq').all() as {
    seq: number;
    id: string;
    type: string;
    entity_id: string;
    work_order_id: string;
    base_version: number | null;
    payload: string;
    user_id: string;
    state: string;
    depends_on: string | null;
  }[];
  db.close();
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

const firstOpen = async (core: Core) =>
  (await core.handlers.listWorkOrders({ search: '', status: 'open', priority: null, assetId: null, assignedToMe: false, sort: 'updated', offset: 0, limit: 1 })).items[0]!;

describe('offline work in the journal', () => {
  test('creates a work order with no number yet, marked unsynced, and keeps it across a restart', async ({ folder, open }) => {
    const dir = folder();
    const core = await open(dir);
    const created = await core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Noisy fan on line 3', priority: 'high' }));
    expect(created).toMatchObject({ number: null, title: 'Noisy fan on line 3', status: 'open', pending: true, lastSyncedAt: null, createdBy: 'alice', assigneeId: 'alice' });
    core.close();

    const again = await open(dir);
    expect(await again.handlers.getWorkOrder({ id: created.id })).toEqual(created);
    expect(outbox(dir)).toMatchObject([{ type: 'workOrder.create', entity_id: created.id, state: 'pending', user_id: 'alice', base_version: null }]);
    expect((await again.handlers.getSyncStatus()).pendingChanges).toBe(1);
  });

  test('applies an edit at once on top of the server copy, and keeps the server copy apart', async ({ folder, open }) => {
    const dir = folder();
    const core = await open(dir);
    const before = await firstOpen(core);
    const server = (await core.handlers.getWorkOrder({ id: before.id })) as WorkOrder;
    const edited = await core.handlers.updateWorkOrder({ id: before.id, changes: { status: 'in_progress', description: 'Checked wiring' } });
    expect(edited).toMatchObject({ status: 'in_progress', description: 'Checked wiring', pending: true, version: server.version, lastSyncedAt: server.lastSyncedAt });
    core.close();
    const again = await open(dir);
    expect(await again.handlers.getWorkOrder({ id: before.id })).toEqual(edited);
    const [entry] = outbox(dir);
    expect(entry).toMatchObject({ type: 'workOrder.update', base_version: server.version, payload: { status: 'in_progress', description: 'Checked wiring' } });
  });

  test('folds several edits of one work order into one pending update that keeps the first base version', async ({ folder, open }) => {
    const dir = folder();
    const core = await open(dir);
    const wo = await firstOpen(core);
    const base = (await core.handlers.getWorkOrder({ id: wo.id })).version;
    await core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'in_progress' } });
    await core.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'first' } });
    await core.handlers.updateWorkOrder({ id: wo.id, changes: { description: 'second', priority: 'urgent' } });
    const rows = outbox(dir);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'workOrder.update', base_version: base, payload: { status: 'in_progress', description: 'second', priority: 'urgent' } });
  });

  test('folds edits of a work order created offline into its create', async ({ folder, open }) => {
    const dir = folder();
    const core = await open(dir);
    const created = await core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Draft' }));
    await core.handlers.updateWorkOrder({ id: created.id, changes: { title: 'Leaking valve V-12' } });
    expect(outbox(dir)).toMatchObject([{ type: 'workOrder.create', payload: { title: 'Leaking valve V-12', status: 'open' } }]);
  });

  test('makes hours on a work order created offline depend on that create', async ({ folder, open }) => {
    const dir = folder();
    const core = await open(dir);
    const created = await core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Replace filter' }));
    const hours = await core.handlers.logHours(LogHoursInput.parse({ workOrderId: created.id, hours: 1.5, workDate: '2026-11-20', note: 'swap' }));
    expect(hours).toMatchObject({ pending: true, receivedAt: null, userId: 'alice' });
    const [create, logged] = outbox(dir);
    expect(logged).toMatchObject({ type: 'hoursEntry.create', work_order_id: created.id, depends_on: create!.id });
    expect(create!.seq).toBeLessThan(logged!.seq);
    expect(await core.handlers.listHours({ workOrderId: created.id })).toEqual([hours]);
  });

  test('logs hours on a server work order without a dependency, and refuses them on a completed one', async ({ folder, open }) => {
    const dir = folder();
    const core = await open(dir);
    const wo = await firstOpen(core);
    await core.handlers.logHours(LogHoursInput.parse({ workOrderId: wo.id, hours: 2, workDate: '2026-11-20' }));
    expect(outbox(dir)[0]).toMatchObject({ depends_on: null });
    await core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'completed', completionNotes: 'done' } });
    await expect(async () => core.handlers.logHours(LogHoursInput.parse({ workOrderId: wo.id, hours: 1, workDate: '2026-11-20' }))).rejects.toThrow(/completed/);
  });

  test('refuses status moves the rules forbid, with the reason', async ({ folder, open }) => {
    const core = await open(folder());
    const wo = await firstOpen(core);
    await core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'cancelled' } });
    await expect(async () => core.handlers.updateWorkOrder({ id: wo.id, changes: { status: 'open' } })).rejects.toThrow(/only a supervisor can reopen/);
  });

  test('keeps the timer in the journal: it survives a restart and gives the hours worked', async ({ folder, openCore }) => {
    const dir = folder();
    let clock = '2026-11-27T08:00:00.000Z';
    const first = openCore({ dataDir: dir, now: () => clock });
    await first.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    const wo = await firstOpen(first);
    await first.handlers.startTimer({ workOrderId: wo.id });
    first.close();

    clock = '2026-11-27T09:32:00.000Z';
    const second = openCore({ dataDir: dir, now: () => clock });
    await second.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    expect(await second.handlers.getTimer()).toEqual({ workOrderId: wo.id, startedAt: '2026-11-27T08:00:00.000Z' });
    expect(await second.handlers.stopTimer()).toMatchObject({ workOrderId: wo.id, hours: 1.5 });
    expect(await second.handlers.getTimer()).toBeNull();
  });

  test('keeps two users’ pending work apart on one PC, and signing out deletes nothing', async ({ folder, open }) => {
    const dir = folder();
    const core = await open(dir, 'alice');
    const a = await core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Alice job' }));
    expect(await core.handlers.signOut()).toEqual({ pendingChanges: 1 });
    await expect(async () => core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'nobody' }))).rejects.toThrow(/Sign in first/);
    await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    await core.handlers.logHours(LogHoursInput.parse({ workOrderId: a.id, hours: 1, workDate: '2026-11-20' }));
    expect(await core.handlers.signOut()).toEqual({ pendingChanges: 1 });
    expect(outbox(dir).map((r) => [r.type, r.user_id])).toEqual([
      ['workOrder.create', 'alice'],
      ['hoursEntry.create', 'bob'],
    ]);
    expect((await core.handlers.getSyncStatus()).pendingChanges).toBe(2);
  });

  test('finds assets and work orders by the code a scanner types, offline', async ({ folder, open }) => {
    const core = await open(folder());
    const { items } = await core.handlers.listAssets({ search: 'CNV', offset: 0, limit: 5 });
    expect(items.length).toBeGreaterThan(0);
    expect(await core.handlers.lookupCode({ code: items[0]!.tag.toLowerCase() })).toEqual({ kind: 'asset', id: items[0]!.id });
    const wo = await firstOpen(core);
    expect(await core.handlers.lookupCode({ code: wo.number! })).toEqual({ kind: 'workOrder', id: wo.id });
    expect(await core.handlers.lookupCode({ code: 'NOPE-999' })).toEqual({ kind: 'none' });
    const detail = await core.handlers.getAsset({ id: items[0]!.id });
    expect(detail.workOrders.every((w) => w.assetId === items[0]!.id)).toBe(true);
  });
});

describe('validation before the journal', () => {
  test.for([
    ['createWorkOrder', { title: '   ' }, 'Give the work order a title.'],
    ['logHours', { workOrderId: 'x', hours: 0, workDate: '2026-11-20' }, 'Enter more than 0 hours.'],
    ['logHours', { workOrderId: 'x', hours: -1, workDate: '2026-11-20' }, 'Enter more than 0 hours.'],
    ['logHours', { workOrderId: 'x', hours: 25, workDate: '2026-11-20' }, 'One entry can be at most 24 hours. Split longer work over several days.'],
    ['logHours', { workOrderId: 'x', hours: 2, workDate: '2999-01-01' }, 'The date cannot be in the future.'],
  ] as const)('%s refuses %j with a sentence, writing nothing', async ([channel, payload, sentence], { folder, open }) => {
    const dir = folder();
    const core = await open(dir);
    const dispatch = createDispatch(core.handlers, silentLogger);
    const result = await dispatch(channel === 'createWorkOrder' ? 'workorders:create' : 'hours:log', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining(sentence) } });
    expect(outbox(dir)).toEqual([]);
  });
});

describe('offline sign-in', () => {
  test('signs a known user in offline, and refuses a wrong password', async ({ folder, open }) => {
    const core = await open(folder(), null);
    await expect(core.handlers.signIn({ username: 'sam', password: 'nope' })).rejects.toThrow('Wrong user name or password.');
    expect(await core.handlers.signIn(SignInInput.parse({ username: ' SAM ', password: DEMO_PASSWORD }))).toMatchObject({
      user: { username: 'sam', role: 'supervisor' },
      signedInOffline: true,
    });
  });

  test('never stores the password, only a slow-hash verifier', async ({ folder, open }) => {
    const dir = folder();
    await open(dir, 'alice');
    const db = new Database(`${dir}/shopfloor.db`, { readonly: true });
    const rows = db.prepare('SELECT username, verifier FROM local_accounts').all() as { verifier: string }[];
    db.close();
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.verifier.startsWith('v1:') && !r.verifier.includes(DEMO_PASSWORD))).toBe(true);
  });
});
