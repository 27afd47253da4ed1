import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { NewWorkOrderInput } from '../../shared/domain/inputs';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { JOURNAL_FILE_NAME } from '../../main/core';
import { openDatabase } from '../../main/core/db/connection';
import { searchIndexLive } from '../../main/core/db/deferredIndexes';
import { migrate } from '../../main/core/db/migrations';
import { listWorkOrders } from '../../main/core/db/workOrders';
import { createNodeFetch } from '../../main/core/net/nodeFetch';
import { DEMO_PASSWORD } from '../../server/seed';
import { describe, expect, test } from '../helpers/fixtures';

/**
 * A first full pull writes without the work-order list's sort indexes and the
 * search index, and builds them once it has caught up (db/deferredIndexes.ts).
 * What a technician sees must not change: the same list while the pull runs
 * and after it, the same schema as a journal that never deferred, and after a
 * crash half-way the indexes are back, the search included, before anything
 * reads the journal.
 */
const SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
const DEFERRED_KEY = "SELECT value FROM local_meta WHERE key = 'deferred_indexes'";

const QUERIES = [
  {},
  { search: 'leak' },
  { search: 'LEAK', sort: 'priority' },
  { search: 'WO-1' },
  { search: 'pu' },
  { search: 'seal', status: 'open' },
  { status: 'in_progress', sort: 'due' },
  { priority: 'urgent', sort: 'number' },
  { assignedToMe: true, sort: 'priority', limit: 30 },
  { offset: 200, limit: 50, sort: 'number' },
].map((q) => WorkOrderQuery.parse(q));

function readOnly<T>(journalPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(journalPath, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const schemaOf = (journalPath: string) => readOnly(journalPath, (db) => db.prepare(SCHEMA).all());

/** The schema of a journal that only ever ran its migrations. */
function migratedSchema(folder: string): unknown[] {
  const file = path.join(folder, 'reference.db');
  const db = openDatabase(file);
  try {
    migrate(db);
    return db.prepare(SCHEMA).all();
  } finally {
    db.close();
  }
}

describe('the first pull builds the list and search indexes once, at the end', () => {
  test('same schema and same list as a journal that never deferred them, the main-thread path included', async ({ server, openCore, tempFolder }) => {
    const threaded = openCore({ serverUrl: server.url, autoSync: false, seedDemoData: false, pullPageSize: 137 });
    // When the first page is written, the pull is still far from caught up: nothing has been built yet.
    let midPull: { indexes: string[]; deferred: boolean; searchLive: boolean } | null = null;
    threaded.subscribe((event, payload) => {
      if (midPull || event !== 'workOrdersChanged' || !(payload as { ids: string[] }).ids.length) return;
      midPull = readOnly(threaded.journalPath, (db) => ({
        indexes: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'work_orders' AND sql IS NOT NULL").all() as { name: string }[]).map((r) => r.name),
        deferred: db.prepare(DEFERRED_KEY).get() !== undefined,
        searchLive: searchIndexLive(db),
      }));
    });
    const mainThread = openCore({ serverUrl: server.url, autoSync: false, seedDemoData: false, pullPageSize: 137, pullOnMainThread: true });
    for (const core of [threaded, mainThread]) {
      await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
      expect((await core.sync.syncNow()).outcome).toBe('ok');
    }

    expect(midPull).toEqual({ indexes: [], deferred: true, searchLive: false });
    const reference = migratedSchema(tempFolder());
    expect(schemaOf(threaded.journalPath)).toEqual(reference);
    expect(schemaOf(mainThread.journalPath)).toEqual(reference);
    expect(readOnly(threaded.journalPath, (db) => db.prepare(DEFERRED_KEY).get())).toBeUndefined();

    for (const query of QUERIES) {
      const [a, b] = await Promise.all([threaded.handlers.listWorkOrders(query), mainThread.handlers.listWorkOrders(query)]);
      expect(a, JSON.stringify(query)).toEqual(b);
    }
    expect((await threaded.handlers.listWorkOrders(WorkOrderQuery.parse({ search: 'leak' }))).total).toBeGreaterThan(0);
    // The search index holds every work order again (checked against a scan).
    readOnly(threaded.journalPath, (db) => {
      const { n: indexed } = db.prepare("SELECT count(*) AS n FROM work_orders_search WHERE work_orders_search MATCH '\"leak\"'").get() as { n: number };
      const { n: scanned } = db.prepare("SELECT count(*) AS n FROM work_orders WHERE number LIKE '%leak%' OR title LIKE '%leak%'").get() as { n: number };
      expect(indexed).toBe(scanned);
    });
  });

  test('while the pull is cut short the list answers as it will with the indexes, a technician saves, and the next pull builds them', async ({ server, openCore, tempFolder }) => {
    const realFetch = createNodeFetch();
    let pullsLeft = 3;
    const core = openCore({
      serverUrl: server.url,
      autoSync: false,
      seedDemoData: false,
      pullPageSize: 137,
      fetch: async (url, init) => {
        if (url.includes('/sync/pull') && pullsLeft-- <= 0) throw new TypeError('fetch failed');
        return realFetch(url, init);
      },
    });
    await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    expect((await core.sync.syncNow()).outcome).toBe('offline');
    expect(readOnly(core.journalPath, (db) => [db.prepare(DEFERRED_KEY).get() !== undefined, searchIndexLive(db)])).toEqual([true, false]);

    // A technician's save goes in meanwhile, and the list finds it.
    const saved = await core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Boiler feed pump: gland seal weeps' }));
    expect((await core.handlers.listWorkOrders(WorkOrderQuery.parse({ search: 'gland seal' }))).items.map((w) => w.id)).toEqual([saved.id]);

    // The same journal with its indexes built (a copy, restored as an open would) answers the same.
    const copy = path.join(tempFolder(), 'copy.db');
    readOnly(core.journalPath, (db) => db.exec(`VACUUM INTO '${copy}'`));
    const restored = openDatabase(copy);
    try {
      migrate(restored);
      expect(searchIndexLive(restored)).toBe(true);
      const live = new Database(core.journalPath, { readonly: true });
      try {
        expect(searchIndexLive(live)).toBe(false);
        for (const query of [...QUERIES, WorkOrderQuery.parse({ search: 'gland seal' })]) {
          const scanned = listWorkOrders(live, query, 'alice');
          expect(scanned.total, JSON.stringify(query)).toBeGreaterThan(0);
          expect(scanned, JSON.stringify(query)).toEqual(listWorkOrders(restored, query, 'alice'));
        }
      } finally {
        live.close();
      }
    } finally {
      restored.close();
    }

    // Back online: the pull catches up and builds them; the technician's work order is in the search index.
    pullsLeft = Infinity;
    expect((await core.sync.syncNow()).outcome).toBe('ok');
    expect(schemaOf(core.journalPath)).toEqual(migratedSchema(tempFolder()));
    readOnly(core.journalPath, (db) => {
      expect(db.prepare(DEFERRED_KEY).get()).toBeUndefined();
      expect(db.prepare(`SELECT w.id FROM work_orders_search s JOIN work_orders w ON w.rowid = s.rowid WHERE work_orders_search MATCH '"gland seal"'`).all()).toEqual([{ id: saved.id }]);
    });
  });

  test('a crash half-way: the next open builds the indexes and the search finds what was pulled', async ({ server, openCore, tempFolder, cleanup }) => {
    const dataDir = tempFolder('shopfloor-first-pull-crash-');
    // A real process doing its first pull in pages of 20, killed with SIGKILL while more are on the way.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/pullWorker.ts', dataDir, server.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanup(() => void child.kill('SIGKILL'));
    // The feed starts with the 200 assets: wait until work orders are coming in.
    for await (const line of createInterface({ input: child.stdout })) {
      const received = /([\d,]+) changes received/.exec(line)?.[1];
      if ((received && Number(received.replace(/,/g, '')) >= 500) || line === 'done') break;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const journalPath = path.join(dataDir, JOURNAL_FILE_NAME);
    const pulled = readOnly(journalPath, (db) => {
      // It died during the first pull, with the indexes deferred and part of the work orders in.
      expect(db.prepare(DEFERRED_KEY).get()).toBeDefined();
      expect(searchIndexLive(db)).toBe(false);
      return db.prepare('SELECT id, title FROM work_orders ORDER BY rowid').all() as { id: string; title: string }[];
    });
    expect(pulled.length).toBeGreaterThan(0);

    const core = openCore({ dataDir, autoSync: false, seedDemoData: false });
    expect(schemaOf(journalPath)).toEqual(migratedSchema(tempFolder()));
    readOnly(journalPath, (db) => {
      expect(db.prepare(DEFERRED_KEY).get()).toBeUndefined();
      // Every pulled work order is in the search index, found by its own title.
      const find = db.prepare<[string], { id: string }>(`SELECT w.id FROM work_orders_search s JOIN work_orders w ON w.rowid = s.rowid WHERE work_orders_search MATCH ?`);
      for (const { id, title } of pulled) expect(find.all(`"${title.replace(/"/g, '""')}"`).map((r) => r.id)).toContain(id);
    });
    const first = pulled[0]!;
    expect((await core.handlers.listWorkOrders(WorkOrderQuery.parse({ search: first.title }))).items.map((w) => w.id)).toContain(first.id);
  });
});
