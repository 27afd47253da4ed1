import type { WorkOrderPage, WorkOrderQuery, WorkOrderSort, WorkOrderSummary } from '../../shared/domain/workOrder';
import { DEMO_PASSWORD, type Core } from '../../main/core';
import { openDatabase } from '../../main/core/db/connection';
import { listQuery } from '../../main/core/db/workOrders';
import { migrate } from '../../main/core/db/migrations';
import { WORK_ORDER_SORTS } from '../../shared/domain/labels';
import path from 'node:path';
import { describe, expect, test } from '../helpers/fixtures';

/**
 * The list's sort orders and the filters a user leaves behind, on a
 * workstation that pulled the demo plant from a real server.
 */
const list = (core: Core, query: Partial<WorkOrderQuery>) =>
  core.handlers.listWorkOrders({ search: '', status: null, priority: null, assetId: null, assignedToMe: false, sort: 'updated', offset: 0, limit: 100, ...query }) as WorkOrderPage;

const RANK = { urgent: 0, high: 1, medium: 2, low: 3 } as const;
const numberKey = (n: string | null) => (n === null ? [-1, ''] : [n.length, n]) as [number, string];
const compareKeys = (a: (string | number)[], b: (string | number)[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
};
/** What each sort promises a person, written out independently of the SQL. */
const KEY: Record<WorkOrderSort, (w: WorkOrderSummary) => (string | number)[]> = {
  updated: (w) => [-Date.parse(w.updatedAt), w.id],
  due: (w) => [w.dueAt === null ? 1 : 0, w.dueAt ?? '', w.id],
  priority: (w) => [RANK[w.priority], -Date.parse(w.updatedAt), w.id],
  number: (w) => [...numberKey(w.number), w.id],
};

describe('the supervisor’s list', () => {
  test('orders the pulled demo plant by every sort, with offline new work orders placed as promised', async ({ server, openCore }) => {
    const core = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await core.handlers.signIn({ username: 'sam', password: DEMO_PASSWORD });
    await core.sync.syncNow();
    const created = await core.handlers.createWorkOrder({ title: 'Found on the night shift', description: '', priority: 'urgent', assetId: null, dueAt: null });

    for (const sort of WORK_ORDER_SORTS) {
      const whole = list(core, { sort, limit: 500 }).items;
      const paged = [0, 1, 2, 3, 4, 5, 6].flatMap((page) => list(core, { sort, offset: page * 73, limit: 73 }).items).slice(0, 500);
      expect(paged.map((w) => w.id), `${sort}: pages agree with one long page`).toEqual(whole.map((w) => w.id));
      for (let i = 1; i < whole.length; i++) {
        expect(compareKeys(KEY[sort](whole[i - 1]!), KEY[sort](whole[i]!)), `${sort}: rows ${i - 1} and ${i}`).toBe(-1);
      }
    }
    expect(list(core, { sort: 'number', limit: 1 }).items[0]).toMatchObject({ id: created.id, number: null });
    const byNumber = list(core, { sort: 'number', offset: 1, limit: 3 }).items.map((w) => w.number);
    expect(byNumber.map((n) => n!.length)).toEqual([...byNumber.map((n) => n!.length)].sort());
    const byDue = list(core, { sort: 'due', limit: 1001, offset: 0 });
    expect(byDue.items.at(-1)!.dueAt).toBeNull(); // no due date last
    expect(byDue.items[0]!.dueAt).not.toBeNull();
    expect(list(core, { sort: 'priority', limit: 1 }).items[0]!.priority).toBe('urgent');
    // A filter and a search keep the order too.
    const openByDue = list(core, { sort: 'due', status: 'open', limit: 500 }).items;
    expect(openByDue.every((w) => w.status === 'open')).toBe(true);
    expect([...openByDue].sort((a, b) => compareKeys(KEY.due(a), KEY.due(b))).map((w) => w.id)).toEqual(openByDue.map((w) => w.id));
    const searched = list(core, { sort: 'priority', search: 'pump', limit: 500 }).items;
    expect([...searched].sort((a, b) => compareKeys(KEY.priority(a), KEY.priority(b))).map((w) => w.id)).toEqual(searched.map((w) => w.id));
  });

  test('each sort walks its index instead of sorting every work order', ({ tempFolder }) => {
    const db = openDatabase(path.join(tempFolder(), 'journal.db'));
    try {
      migrate(db);
      const plan = (query: Partial<WorkOrderQuery>) => {
        const q = listQuery({ search: '', status: null, priority: null, assetId: null, assignedToMe: false, sort: 'updated', offset: 0, limit: 100, ...query }, 'sam');
        const rows = db.prepare(`EXPLAIN QUERY PLAN ${q.pageSql}`).all(q.params) as { detail: string }[];
        return rows.map((r) => r.detail).join(' | ');
      };
      // The inner query picks the page; only its 100 rows are sorted again after the asset join.
      const INDEX: Record<WorkOrderSort, string> = {
        updated: 'work_orders_by_updated',
        due: 'work_orders_by_due',
        priority: 'work_orders_by_priority',
        number: 'work_orders_by_number_order',
      };
      for (const sort of WORK_ORDER_SORTS) {
        expect(plan({ sort })).toMatch(new RegExp(`CO-ROUTINE p \\| SCAN w USING (COVERING )?INDEX ${INDEX[sort]} \\| SCAN p`));
      }
    } finally {
      db.close();
    }
  });

  test('remembers each user’s filters and sort on this computer, across sign-out and restart', async ({ server, openCore }) => {
    const core = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await core.handlers.signIn({ username: 'sam', password: DEMO_PASSWORD });
    const samsView = { status: 'on_hold', priority: 'urgent', assignedToMe: false, sort: 'due' } as const;
    expect(await core.handlers.saveListView(samsView)).toEqual(samsView);
    core.handlers.signOut();
    await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    expect(await core.handlers.getListView()).toEqual({ status: null, priority: null, assignedToMe: false, sort: 'updated' });
    await core.handlers.saveListView({ status: null, priority: null, assignedToMe: true, sort: 'priority' });
    await core.sync.idle();
    core.close();

    const restarted = openCore({ dataDir: core.dataDir, seedDemoData: false, serverUrl: server.url, autoSync: false });
    expect(await restarted.handlers.getListView()).toEqual({ status: null, priority: null, assignedToMe: false, sort: 'updated' }); // nobody signed in
    await restarted.handlers.signIn({ username: 'sam', password: DEMO_PASSWORD });
    expect(await restarted.handlers.getListView()).toEqual(samsView);
    restarted.handlers.signOut();
    await restarted.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    expect(await restarted.handlers.getListView()).toMatchObject({ assignedToMe: true, sort: 'priority' });
  });
});
