import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DEMO_PASSWORD, JOURNAL_FILE_NAME } from '../../main/core';
import { openDatabase } from '../../main/core/db/connection';
import { migrate } from '../../main/core/db/migrations';
import { silentLogger } from '../../main/core/logger';
import { createPullWriter } from '../../main/core/sync/pullWriter';
import { makeTempDir } from '../helpers/tempDir';
import { makeTestDatabase, startTestServer } from '../helpers/testServer';

/**
 * The pull writer: pulled pages are checked and written on a worker thread so
 * a first sync never freezes the window. It must write exactly what the
 * main-thread path writes, refuse a malformed page without writing any of it,
 * and let go of the journal when the core closes.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const rows = (journalPath: string, sql: string) => {
  const db = new Database(journalPath, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

/** A new journal, opened here to look at, and a pull writer on it. */
function journalWithWriter() {
  const temp = makeTempDir('shopfloor-pull-writer-');
  cleanups.push(temp.remove);
  const journalPath = path.join(temp.dir, JOURNAL_FILE_NAME);
  const db = openDatabase(journalPath);
  migrate(db);
  cleanups.push(() => {
    db.close();
  });
  const writer = createPullWriter(journalPath, silentLogger);
  cleanups.push(() => writer.close());
  return { db, writer };
}

describe('the pull writer thread', () => {
  it('writes the same journal as pulling on the main thread', async () => {
    const database = makeTestDatabase('sqlite');
    cleanups.push(() => database.drop());
    const server = await startTestServer(database, { seed: 'demo' });
    cleanups.push(() => server.close());
    const journals: string[] = [];
    for (const pullOnMainThread of [false, true]) {
      const temp = makeTempDir('shopfloor-pull-writer-');
      cleanups.push(temp.remove);
      const core = createCore({ dataDir: temp.dir, logger: silentLogger, seedDemoData: false, serverUrl: server.url, autoSync: false, pullOnMainThread, pullPageSize: 137 });
      cleanups.push(() => core.close());
      await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
      expect((await core.sync.syncNow()).outcome).toBe('ok');
      journals.push(core.journalPath);
    }
    for (const sql of [
      'SELECT * FROM work_orders ORDER BY id',
      'SELECT id, version, record FROM work_order_base ORDER BY id',
      'SELECT * FROM assets ORDER BY id',
      'SELECT * FROM hours_entries ORDER BY id',
    ]) {
      const [threaded, main] = journals.map((j) => rows(j, sql));
      expect(threaded!.length).toBeGreaterThan(0);
      expect(threaded).toEqual(main);
    }
    // The search index was filled on the thread too.
    const [count] = rows(journals[0]!, "SELECT count(*) AS n FROM work_orders_search WHERE work_orders_search MATCH '\"leak\"'") as { n: number }[];
    expect(count!.n).toBeGreaterThan(0);
  });

  it('checks every change before writing: a malformed page writes nothing, the cursor included', async () => {
    const { db, writer } = journalWithWriter();
    const page = JSON.stringify({ changes: [{ entity: 'workOrder', id: 'x', version: 1, record: { id: 'x', title: 42 } }], cursor: 'c1', hasMore: false });
    await expect(writer.apply(page, null, 'c1', new Date().toISOString())).rejects.toThrow('The server answered the pull with something unexpected.');
    expect(db.prepare('SELECT count(*) AS n FROM work_orders').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT value FROM local_meta WHERE key = 'pull_cursor'").get()).toBeUndefined();
    // And the thread is still there for the page asked again from the same place.
    await expect(writer.apply(JSON.stringify({ changes: [], cursor: 'c2', hasMore: false }), null, 'c2', new Date().toISOString())).resolves.toEqual([]);
    expect(db.prepare("SELECT value FROM local_meta WHERE key = 'pull_cursor'").get()).toEqual({ value: 'c2' });
    expect(writer.broken).toBe(false);
  });

  it('writes a page only where the last one left the cursor: after a refused page, the pages behind it are refused too', async () => {
    const { db, writer } = journalWithWriter();
    const now = new Date().toISOString();
    const asset = (id: string) => ({ entity: 'asset', id, version: 1, record: { id, tag: `T-${id}`, name: 'Pump', location: 'Hall 1', category: '', manufacturer: '', model: '', serialNumber: '', parentId: null, status: 'in_service', version: 1, updatedAt: now } });
    const page = (changes: unknown[], cursor: string) => JSON.stringify({ changes, cursor, hasMore: true });
    // Three pages sent one after the other without waiting, as the sync worker does; the second is damaged.
    const first = writer.apply(page([asset('a1')], 'c1'), null, 'c1', now);
    const damaged = writer.apply(page([{ entity: 'asset', id: 'a2', version: 1, record: { id: 'a2' } }], 'c2'), 'c1', 'c2', now);
    const third = writer.apply(page([asset('a3')], 'c3'), 'c2', 'c3', now);
    await Promise.allSettled([first, damaged, third]);
    await expect(damaged).rejects.toThrow('The server answered the pull with something unexpected.');
    await expect(third).rejects.toThrow('An earlier page of this pull was not written');
    // The cursor stands where the last written page left it, so the next sync asks for the damaged page again.
    const cursor = (db.prepare("SELECT value FROM local_meta WHERE key = 'pull_cursor'").get() as { value: string } | undefined)?.value ?? null;
    expect(db.prepare('SELECT id FROM assets ORDER BY id').all()).toEqual(cursor === 'c1' ? [{ id: 'a1' }] : []);
    expect(cursor === 'c1' || cursor === null).toBe(true);
    // And from there the pull goes on.
    await writer.apply(page([asset('a2'), asset('a3')], 'c3'), cursor, 'c3', now);
    expect(db.prepare('SELECT id FROM assets ORDER BY id').all()).toEqual([{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }].filter((a) => cursor === 'c1' || a.id !== 'a1'));
  });

  it('lets go of the journal when the core closes, so the folder can be removed at once', async () => {
    const database = makeTestDatabase('sqlite');
    cleanups.push(() => database.drop());
    const server = await startTestServer(database, { seed: 'demo' });
    cleanups.push(() => server.close());
    for (let round = 0; round < 5; round++) {
      const temp = makeTempDir('shopfloor-pull-writer-');
      const core = createCore({ dataDir: temp.dir, logger: silentLogger, seedDemoData: false, serverUrl: server.url, autoSync: false });
      await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
      await core.sync.syncNow();
      core.close();
      expect(() => rmSync(temp.dir, { recursive: true })).not.toThrow();
    }
  });
});
