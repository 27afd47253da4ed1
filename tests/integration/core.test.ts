import Database from 'better-sqlite3';
import type { WorkOrderPage, WorkOrderQuery } from '../../shared/domain/workOrder';
import { createCore, DEMO_PASSWORD, type Core } from '../../main/core';
import { LATEST_SCHEMA_VERSION } from '../../main/core/db/migrations';
import { silentLogger } from '../../main/core/logger';
import { describe, expect, test } from '../helpers/fixtures';

/** The core on a real SQLite file in a temp folder, exactly as the app opens it (openCore: tests/helpers/fixtures.ts). */
// The journal answers synchronously; the contract allows a promise, so narrow it here.
const list = (core: Core, query: WorkOrderQuery) => core.handlers.listWorkOrders(query) as WorkOrderPage;

const defaults: WorkOrderQuery = { search: '', status: null, priority: null, assetId: null, assignedToMe: false, sort: 'updated', offset: 0, limit: 100 };

describe('the journal file', () => {
  test('is created in WAL mode at the newest schema, with the demo plant loaded', ({ openCore }) => {
    const core = openCore();
    core.close();
    const db = new Database(core.journalPath, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) AS n FROM work_orders').get()).toEqual({ n: 1000 });
    db.close();
  });

  test('refuses a journal written by a newer version, and leaves it untouched', ({ openCore }) => {
    const core = openCore();
    core.close();
    const db = new Database(core.journalPath);
    db.pragma('user_version = 9990');
    const before = (db.prepare('SELECT count(*) AS n FROM work_orders').get() as { n: number }).n;
    db.close();

    expect(() => createCore({ dataDir: core.dataDir, logger: silentLogger })).toThrow(
      expect.objectContaining({
        code: 'DATABASE_TOO_NEW',
        message: expect.stringMatching(/newer version of Shopfloor.*nothing has been changed/),
      }),
    );
    const after = new Database(core.journalPath, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(9990);
    expect((after.prepare('SELECT count(*) AS n FROM work_orders').get() as { n: number }).n).toBe(before);
    after.close();
  });

  test('keeps its data across a restart and does not load the demo data twice', ({ openCore }) => {
    const first = openCore();
    const { items, total } = list(first, { ...defaults, limit: 3 });
    first.close();
    const second = openCore({ dataDir: first.dataDir });
    expect(list(second, { ...defaults, limit: 3 })).toEqual({ items, total, offset: 0 });
    expect(total).toBe(1000);
  });

  test('starts empty when demo data is off', ({ openCore }) => {
    expect(list(openCore({ seedDemoData: false }), defaults).total).toBe(0);
  });
});

describe('listing work orders', () => {
  test('pages through every work order once, newest change first', ({ openCore }) => {
    const core = openCore();
    const seen: { id: string; updatedAt: string }[] = [];
    for (let offset = 0; ; offset += 300) {
      const page = list(core, { ...defaults, offset, limit: 300 });
      seen.push(...page.items);
      if (page.items.length < 300) break;
    }
    expect(seen).toHaveLength(1000);
    expect(new Set(seen.map((w) => w.id)).size).toBe(1000);
    const times = seen.map((w) => w.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  test('filters by status and counts only the matches', ({ openCore }) => {
    const core = openCore();
    const completed = list(core, { ...defaults, status: 'completed', limit: 500 });
    expect(completed.total).toBeGreaterThan(0);
    expect(completed.total).toBeLessThan(1000);
    expect(completed.items.every((w) => w.status === 'completed')).toBe(true);
    const byStatus = (['open', 'in_progress', 'on_hold', 'completed', 'cancelled'] as const).map(
      (status) => list(core, { ...defaults, status, limit: 1 }).total,
    );
    expect(byStatus.reduce((a, b) => a + b)).toBe(1000);
  });

  test('finds work orders by number, by words of the title and by asset tag, ignoring case', ({ openCore }) => {
    const core = openCore();
    const sample = list(core, { ...defaults, limit: 1 }).items[0]!;

    const byNumber = list(core, { ...defaults, search: sample.number!.toLowerCase() });
    expect(byNumber.items.map((w) => w.id)).toContain(sample.id);
    expect(byNumber.items.every((w) => w.number!.toLowerCase().includes(sample.number!.toLowerCase()))).toBe(true);

    const byTitle = list(core, { ...defaults, search: 'HYDRAULIC LEAK', limit: 500 });
    expect(byTitle.total).toBeGreaterThan(0);
    expect(byTitle.items.every((w) => /hydraulic leak/i.test(w.title))).toBe(true);

    const byTag = list(core, { ...defaults, search: sample.assetTag!, limit: 500 });
    expect(byTag.items.map((w) => w.id)).toContain(sample.id);
  });

  test('treats % and _ as plain characters, not wildcards', ({ openCore }) => {
    const core = openCore();
    expect(list(core, { ...defaults, search: '%' }).total).toBe(0);
    expect(list(core, { ...defaults, search: '_' }).total).toBe(0);
  });

  test('keeps the search index in step with new, edited and short searches, and takes quotes literally', async ({ openCore }) => {
    const core = openCore();
    await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    const created = await core.handlers.createWorkOrder({ title: 'Grease the "north" conveyor chain', description: '', priority: 'low', assetId: null, dueAt: null });
    const ids = (search: string) => list(core, { ...defaults, search, limit: 500 }).items.map((w) => w.id);
    expect(ids('"NORTH" CONV')).toEqual([created.id]);
    expect(ids('orth')).toContain(created.id);
    await core.handlers.updateWorkOrder({ id: created.id, changes: { title: 'Grease the south conveyor chain' } });
    expect(ids('north')).not.toContain(created.id);
    expect(ids('south conv')).toEqual([created.id]);
    // Under three characters there are no trigrams: the search still works (by scanning).
    expect(ids('th')).toContain(created.id);
    expect(ids('"')).toEqual([]);
  });

  test('combines search and status', ({ openCore }) => {
    const core = openCore();
    const both = list(core, { ...defaults, search: 'coolant', status: 'open', limit: 500 });
    expect(both.total).toBeGreaterThan(0);
    expect(both.items.every((w) => w.status === 'open' && /coolant/i.test(w.title))).toBe(true);
    expect(both.total).toBeLessThan(list(core, { ...defaults, search: 'coolant' }).total);
  });
});

describe('opening a work order', () => {
  test('returns every field of the record', async ({ openCore }) => {
    const core = openCore();
    const summary = list(core, { ...defaults, status: 'completed', limit: 1 }).items[0]!;
    const workOrder = await core.handlers.getWorkOrder({ id: summary.id });
    expect(workOrder).toMatchObject({ ...summary, completedAt: expect.any(String), completionNotes: expect.any(String) });
    expect(workOrder.description.length).toBeGreaterThan(10);
    expect(workOrder.version).toBeGreaterThan(0);
  });

  test('says plainly when the work order is not on this computer', ({ openCore }) => {
    const core = openCore();
    expect(() => core.handlers.getWorkOrder({ id: 'missing' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/not on this computer/) }),
    );
  });
});
