import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { LogHoursInput, NewWorkOrderInput } from '../../shared/domain/inputs';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import type { Core } from '../../main/core';
import { createNodeFetch } from '../../main/core/net/nodeFetch';
import type { ServerSchema } from '../../server/db/schema';
import { DEMO_PASSWORD } from '../../server/seed';
import { describe, expect, test } from '../helpers/fixtures';
import { runServerCli } from '../helpers/serverCli';
import { DIALECTS, makeCommandTestDatabase, type TestDialect } from '../helpers/testServer';

/**
 * `npm run server -- compact` keeps only the latest change of each record in
 * the feed. A workstation that pulled part of the feed before the compaction,
 * with its cursor on a row the compaction removes, pulls the rest afterwards
 * and ends equal to the server: no record lost, none at an older version.
 * The command runs for real, as IT runs it, next to the running server.
 */
const feedRows = async (db: Kysely<ServerSchema>) =>
  Number((await db.selectFrom('change_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const recordsOnServer = async (db: Kysely<ServerSchema>) =>
  Number((await db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) +
  Number((await db.selectFrom('assets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) +
  Number((await db.selectFrom('hours_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** The feed position a workstation stands on (its cursor is opaque to the app, not to this test). */
function cursorSeq(core: Core): number {
  const journal = new Database(core.journalPath, { readonly: true });
  try {
    const { value } = journal.prepare("SELECT value FROM local_meta WHERE key = 'pull_cursor'").get() as { value: string };
    return (JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { s: number }).s;
  } finally {
    journal.close();
  }
}

const WORK_ORDER_COLUMNS = [
  'id', 'number', 'title', 'description', 'status', 'priority', 'asset_id', 'assignee_id', 'due_at',
  'completed_at', 'completion_notes', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by',
] as const;

/** Every work order, asset and hours entry the server holds, versions included, as a journal stores them. */
async function serverRecords(db: Kysely<ServerSchema>) {
  const workOrders = await db.selectFrom('work_orders').select(WORK_ORDER_COLUMNS).orderBy('id').execute();
  const assets = await db.selectFrom('assets').select(['id', 'tag', 'name', 'location', 'version']).orderBy('id').execute();
  const hours = await db.selectFrom('hours_entries').select(['id', 'work_order_id', 'user_id', 'hours', 'note', 'version']).orderBy('id').execute();
  return {
    workOrders: workOrders.map((w) => ({ ...w, version: Number(w.version) })),
    assets: assets.map((a) => ({ ...a, version: Number(a.version) })),
    hours: hours.map((h) => ({ ...h, hours: Number(h.hours), version: Number(h.version) })),
  };
}

function journalRecords(core: Core) {
  const journal = new Database(core.journalPath, { readonly: true });
  try {
    return {
      workOrders: journal.prepare(`SELECT ${WORK_ORDER_COLUMNS.join(', ')} FROM work_orders ORDER BY id`).all(),
      assets: journal.prepare('SELECT id, tag, name, location, version FROM assets ORDER BY id').all(),
      hours: journal.prepare('SELECT id, work_order_id, user_id, hours, note, version FROM hours_entries ORDER BY id').all(),
    };
  } finally {
    journal.close();
  }
}

/**
 * Syncs the workstation until its journal equals the server (on PostgreSQL a transaction open
 * elsewhere in the cluster may hold the feed back a moment: it delays changes, never skips them).
 */
async function expectEqualToServer(core: Core, db: Kysely<ServerSchema>) {
  const expected = await serverRecords(db);
  await expect
    .poll(async () => {
      expect(await core.sync.syncNow()).toMatchObject({ outcome: 'ok' });
      return journalRecords(core);
    })
    .toEqual(expected);
}

describe.each(DIALECTS)('compacting the change feed on %s', (dialect: TestDialect) => {
  test('a workstation that pulled part of the feed before a compaction pulls the rest and equals the server', async ({ cleanup, startServer, openCore }) => {
    const database = await makeCommandTestDatabase(dialect);
    cleanup(() => database.drop());
    const server = await startServer({ database, seed: 'demo' });
    const { db } = server.database;

    // Alice's PC pulls one page, then loses the network: part of the demo plant is on it, and her
    // cursor stands on an open work order (the page ends there) that bob is about to change.
    const openRows = await db
      .selectFrom('change_log')
      .innerJoin('work_orders', 'work_orders.id', 'change_log.entity_id')
      .select(['change_log.seq', 'change_log.entity_id'])
      .where('change_log.entity', '=', 'workOrder')
      .where('work_orders.status', '=', 'open')
      .where('change_log.seq', '>', 300)
      .orderBy('change_log.seq')
      .limit(40)
      .execute();
    const aliceAt = Number(openRows[8]!.seq);
    const realFetch = createNodeFetch();
    let pullsLeft = 1;
    const alice = openCore({
      serverUrl: server.url,
      autoSync: false,
      seedDemoData: false,
      pullPageSize: aliceAt,
      fetch: async (url, init) => {
        if (url.includes('/sync/pull') && pullsLeft-- <= 0) throw new TypeError('fetch failed');
        return realFetch(url, init);
      },
    });
    await alice.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await expect
      .poll(async () => {
        pullsLeft = 1;
        return (await alice.sync.syncNow()).outcome;
      })
      .toBe('offline');
    expect(cursorSeq(alice)).toBe(aliceAt);
    const { total: aliceHas } = await alice.handlers.listWorkOrders(WorkOrderQuery.parse({ limit: 1 }));
    expect(aliceHas).toBeGreaterThan(0);
    expect(aliceHas).toBeLessThan(1000);

    // Meanwhile bob changes open work orders again and again: some alice has, some she has not,
    // and the one her cursor stands on; he also logs hours and creates work orders and edits those.
    const bob = openCore({ serverUrl: server.url, autoSync: false, seedDemoData: false });
    await bob.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    await expectEqualToServer(bob, db);
    const busy = openRows.slice(0, 18).map((r) => r.entity_id);
    const created: string[] = [];
    for (let round = 0; round < 6; round++) {
      for (const id of busy) await bob.handlers.updateWorkOrder({ id, changes: { description: `Round ${round} of checks on this machine.` } });
      for (const id of created) await bob.handlers.updateWorkOrder({ id, changes: { description: `Round ${round}.` } });
      if (round < 2) created.push((await bob.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: `Leak found in round ${round}` }))).id);
      await bob.handlers.logHours(LogHoursInput.parse({ workOrderId: busy[round]!, hours: 1.5, workDate: '2026-11-27', note: `round ${round}` }));
      expect(await bob.sync.syncNow()).toMatchObject({ outcome: 'ok' });
    }

    // IT compacts the feed while the server runs.
    const before = await feedRows(db);
    const first = await runServerCli(database, ['compact']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const after = await feedRows(db);
    expect(after).toBeLessThan(before);
    expect(after).toBe(await recordsOnServer(db)); // one row per record
    expect(first.stdout).toContain(`Removed ${before - after} older changes`);
    expect(first.stdout).toContain(`it now holds ${after} changes`);
    // The row alice's cursor stands on is gone.
    expect(await db.selectFrom('change_log').select('seq').where('seq', '=', aliceAt).executeTakeFirst()).toBeUndefined();

    // Twice is harmless: nothing more to remove.
    const second = await runServerCli(database, ['compact', '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ removed: { workOrder: 0, asset: 0, hoursEntry: 0, workRequest: 0 }, total: 0, kept: after });
    expect(await feedRows(db)).toBe(after);

    // The network returns: alice pulls the rest from where she stood and has everything, at its latest version.
    pullsLeft = Infinity;
    await expectEqualToServer(alice, db);
    await expectEqualToServer(bob, db);
    // A PC set up after the compaction gets the same from the shorter feed.
    const sam = openCore({ serverUrl: server.url, autoSync: false, seedDemoData: false });
    await sam.handlers.signIn({ username: 'sam', password: DEMO_PASSWORD });
    await expectEqualToServer(sam, db);
  });

  test('compacts while a workstation keeps sending changes, and both workstations end equal to the server', async ({ cleanup, startServer, openCore }) => {
    const database = await makeCommandTestDatabase(dialect);
    cleanup(() => database.drop());
    const server = await startServer({ database, seed: 'demo' });
    const { db } = server.database;
    const bob = openCore({ serverUrl: server.url, autoSync: false, seedDemoData: false });
    await bob.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
    await expectEqualToServer(bob, db);
    const { items } = await bob.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 5 }));
    const edit = async (round: number) => {
      for (const w of items) await bob.handlers.updateWorkOrder({ id: w.id, changes: { description: `Edit ${round}` } });
      expect(await bob.sync.syncNow()).toMatchObject({ outcome: 'ok' });
    };
    for (let round = 0; round < 3; round++) await edit(round);

    // Bob goes on editing and syncing for as long as the compaction runs, and once more after it.
    let compacting = true;
    const running = runServerCli(database, ['compact']).finally(() => (compacting = false));
    let rounds = 3;
    while (compacting) await edit(rounds++);
    const result = await running;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Removed \d+ older changes/);
    await edit(rounds++);

    const alice = openCore({ serverUrl: server.url, autoSync: false, seedDemoData: false, pullPageSize: 100 });
    await alice.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await expectEqualToServer(alice, db);
    await expectEqualToServer(bob, db);
    for (const w of items) expect((await alice.handlers.getWorkOrder({ id: w.id })).description).toBe(`Edit ${rounds - 1}`);
  });
});
