import path from 'node:path';
import { openDatabase } from '../../main/core/db/connection';
import { MIGRATIONS, migrate, schemaVersion, type Migration } from '../../main/core/db/migrations';
import { journalCountsSql } from '../../main/core/journal/localState';
import { describe, expect, test as base } from '../helpers/fixtures';

/** An empty journal file in a temporary folder, closed and removed after the test. */
const test = base.extend<{ freshDb: () => ReturnType<typeof openDatabase> }>({
  freshDb: async ({ tempFolder, cleanup }, use) => {
    await use(() => {
      const db = openDatabase(path.join(tempFolder(), 'journal.db'));
      cleanup(() => void db.close());
      return db;
    });
  },
});

describe('migrations', () => {
  test('number their steps upwards in tens', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.every((v) => v % 10 === 0)).toBe(true);
  });

  test('run once and record the version in user_version', ({ freshDb }) => {
    const db = freshDb();
    expect(migrate(db)).toEqual({ from: 0, to: MIGRATIONS.at(-1)!.version });
    expect(migrate(db)).toEqual({ from: MIGRATIONS.at(-1)!.version, to: MIGRATIONS.at(-1)!.version });
  });

  test('roll a failing step back whole, keeping the version it had', ({ freshDb }) => {
    const db = freshDb();
    const broken: Migration = {
      version: 990,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('disk full');
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
  });

  test('0010: the status filter and the default order use an index, not a table scan', ({ freshDb }) => {
    const db = freshDb();
    migrate(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM work_orders WHERE status = 'open' ORDER BY updated_at DESC, id LIMIT 100")).toMatch(
      /USING (COVERING )?INDEX work_orders_by_status_updated/,
    );
    expect(plan('SELECT id FROM work_orders ORDER BY updated_at DESC, id LIMIT 100')).toMatch(
      /work_orders_by_updated/,
    );
  });

  test('0070: the status bar\'s counts read indexes only, so asking them does not grow with the backlog', ({ freshDb }) => {
    const db = freshDb();
    migrate(db);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${journalCountsSql(false)}`).all() as { detail: string }[]).map((r) => r.detail);
    // The waiting changes (count and oldest) are seeks in covering indexes: no row of a large backlog is read.
    expect(plan.filter((d) => d === 'SEARCH outbox USING COVERING INDEX outbox_by_state (state=?)')).toHaveLength(1);
    expect(plan.filter((d) => d === 'SEARCH outbox USING COVERING INDEX outbox_by_state_created (state=?)')).toHaveLength(3);
    // Only conflicts and unread refusals read rows: there are few of those, whatever the backlog.
    expect(plan.filter((d) => / outbox /.test(d) && !/COVERING/.test(d))).toHaveLength(2);
  });

  test('opens with the durability settings a shop-floor PC needs', ({ freshDb }) => {
    const db = freshDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('0020: the journal', () => {
  test('carries every work order of an older journal forward, as both view and server copy', ({ freshDb }) => {
    const db = freshDb();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 10));
    db.prepare(
      `INSERT INTO work_orders (id, number, title, description, status, priority, version, created_at, created_by, updated_at, updated_by)
       VALUES ('w1', 'WO-1', 'Old record', '', 'open', 'low', 3, '2026-01-01T00:00:00.000Z', 'sam', '2026-01-02T00:00:00.000Z', 'sam')`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT id, number, title, version FROM work_orders').all()).toEqual([{ id: 'w1', number: 'WO-1', title: 'Old record', version: 3 }]);
    const base = db.prepare('SELECT version, record FROM work_order_base').get() as { version: number; record: string };
    expect(base.version).toBe(3);
    expect(JSON.parse(base.record)).toMatchObject({ id: 'w1', number: 'WO-1', title: 'Old record', assetId: null, updatedBy: 'sam' });
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    const clientId = (db.prepare("SELECT value FROM local_meta WHERE key = 'client_id'").get() as { value: string }).value;
    expect(clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
