import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import {
  ApiClient,
  DIALECTS,
  makeTestDatabase,
  MutationFactory,
  POSTGRES_SKIP_REASON,
  startTestServer,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../helpers/testServer';

/**
 * The change feed never skips a change and a mutation is never applied twice:
 * across restarts, concurrent writers, late commits and several instances.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setUp(dialect: (typeof DIALECTS)[number], instances = 1) {
  const database = makeTestDatabase(dialect);
  cleanups.push(() => database.drop());
  const servers: RunningServer[] = [];
  for (let i = 0; i < instances; i++) {
    const server = await startTestServer(database, i === 0 ? { seed: 'demo' } : {});
    cleanups.push(() => server.close());
    servers.push(server);
  }
  return { database, servers };
}

describe.each(DIALECTS)('change feed and idempotency on %s', (dialect) => {
  it('answers duplicate with the first outcome after a server restart', async () => {
    const database: TestDatabase = makeTestDatabase(dialect);
    cleanups.push(() => database.drop());
    const first = await startTestServer(database, { seed: 'demo' });
    const alice = await new ApiClient(first.url).login('alice');
    const m = new MutationFactory();
    const create = m.createWorkOrder();
    const hours = m.hours(create.entityId, 4);
    const before = await alice.push(m.clientId, [create, hours]);
    await first.close();

    const second = await startTestServer(database);
    cleanups.push(() => second.close());
    const again = await new ApiClient(second.url).login('alice');
    const after = await again.push(m.clientId, [create, hours]);
    expect(after).toEqual(before.map((r) => ({ ...r, status: 'duplicate', original: 'applied' })));
    const rows = await second.database.db.selectFrom('hours_entries').select('id').where('id', '=', hours.entityId).execute();
    expect(rows).toHaveLength(1);
  });

  it('delivers every change to a reader pulling while many clients write at once', async () => {
    const { servers } = await setUp(dialect);
    const reader = await new ApiClient(servers[0]!.url).login('sam');
    const { cursor: start } = await reader.pullAll();

    const writers = await Promise.all(['alice', 'bob', 'alice', 'bob', 'sam', 'alice'].map((u) => new ApiClient(servers[0]!.url).login(u)));
    const created: string[] = [];
    let writing = true;
    const seen = new Set<string>();
    // The reader pulls in small pages for as long as the writers write, then until it has caught up.
    // (On PostgreSQL any transaction still open in the cluster, another client's say, holds the feed
    // back for a moment: it delays changes, it never skips them; so the reader keeps pulling.)
    let cursor = start;
    const reading = (async () => {
      while (writing) {
        const page = await reader.pull(cursor, 7);
        page.changes.forEach((c) => seen.add(c.id));
        cursor = page.cursor;
      }
    })();
    await Promise.all(
      writers.map(async (client) => {
        const m = new MutationFactory();
        for (let round = 0; round < 8; round++) {
          const batch = [m.createWorkOrder(), m.createWorkOrder()];
          const results = await client.push(m.clientId, batch);
          expect(results.every((r) => r.status === 'applied')).toBe(true);
          created.push(...batch.map((b) => b.entityId));
        }
      }),
    );
    writing = false;
    await reading;
    expect(created).toHaveLength(96);
    await expect
      .poll(async () => {
        const rest = await reader.pullAll(cursor, 7);
        rest.changes.forEach((c) => seen.add(c.id));
        cursor = rest.cursor;
        return created.filter((id) => !seen.has(id));
      })
      .toEqual([]);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL: late commits and several instances', () => {
  if (!TEST_DATABASE_URL) console.log(`[server feed] ${POSTGRES_SKIP_REASON}`);

  it('never skips a transaction that took its place in the feed early and committed late', async () => {
    const { database, servers } = await setUp('postgres');
    const reader = await new ApiClient(servers[0]!.url).login('sam');
    const { cursor: start } = await reader.pullAll();

    // T1: a writer that has written its change_log row but not committed yet.
    const late = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${database.options.schema}` });
    await late.connect();
    cleanups.push(() => late.end());
    const lateId = randomUUID();
    const now = new Date().toISOString();
    await late.query('BEGIN');
    await late.query(
      `INSERT INTO work_orders (id, number, title, description, status, priority, version, created_at, created_by, updated_at, updated_by)
       VALUES ($1, 'WO-LATE', 'Committed late', '', 'open', 'low', 1, $2, 'sam', $2, 'sam')`,
      [lateId, now],
    );
    await late.query(`INSERT INTO change_log (entity, entity_id, version) VALUES ('workOrder', $1, 1)`, [lateId]);

    // T2 starts later, takes a later seq and commits first.
    const alice = await new ApiClient(servers[0]!.url).login('alice');
    const m = new MutationFactory();
    const [early] = await alice.push(m.clientId, [m.createWorkOrder({ title: 'Committed early' })]);
    expect(early!.status).toBe('applied');

    const firstPull = await reader.pullAll(start);
    await late.query('COMMIT');
    // Once T1 has committed, the next pulls deliver it (another transaction open in the cluster may
    // hold the feed back a moment longer: the reader keeps pulling until it is there).
    const delivered = firstPull.changes.map((c) => c.id);
    let cursor = firstPull.cursor;
    await expect
      .poll(async () => {
        const next = await reader.pullAll(cursor);
        delivered.push(...next.changes.map((c) => c.id));
        cursor = next.cursor;
        return delivered.includes(lateId);
      })
      .toBe(true);
    expect(delivered).toContain(early!.record!.id);
    // And the early one is not handed out before the late one could be: order follows commit safety.
    expect(firstPull.changes.map((c) => c.id)).not.toContain(lateId);
  });

  it('answers a push retried on another instance after a lost response with duplicate', async () => {
    const { servers } = await setUp('postgres', 2);
    const [a, b] = servers as [RunningServer, RunningServer];
    const onA = await new ApiClient(a.url).login('alice');
    const onB = await new ApiClient(b.url).login('alice');
    const m = new MutationFactory();
    const create = m.createWorkOrder({ title: 'Pump seal' });
    const hours = m.hours(create.entityId, 2.5);
    const first = await onA.push(m.clientId, [create, hours]); // ...and the response is lost on the way back
    const retry = await onB.push(m.clientId, [create, hours]);
    expect(retry).toEqual(first.map((r) => ({ ...r, status: 'duplicate', original: 'applied' })));
    // Pulls from either instance deliver the write, once.
    for (const client of [onA, onB]) {
      const { changes } = await client.pullAll();
      expect(changes.filter((c) => c.id === create.entityId)).toHaveLength(1);
      expect(changes.filter((c) => c.id === hours.entityId)).toHaveLength(1);
    }
  });

  it('applies a mutation once when the original and its retry race on two instances', async () => {
    const { servers } = await setUp('postgres', 2);
    const [a, b] = servers as [RunningServer, RunningServer];
    const onA = await new ApiClient(a.url).login('bob');
    const onB = await new ApiClient(b.url).login('bob');
    const m = new MutationFactory();
    const [wo] = await onA.push(m.clientId, [m.createWorkOrder()]);
    const racers = Array.from({ length: 5 }, () => m.hours(wo!.record!.id, 1));
    for (const mutation of racers) {
      const [x, y] = await Promise.all([onA.push(m.clientId, [mutation]), onB.push(m.clientId, [mutation])]);
      expect([x[0]!.status, y[0]!.status].sort()).toEqual(['applied', 'duplicate']);
    }
    const rows = await a.database.db.selectFrom('hours_entries').select('id').where('work_order_id', '=', wo!.record!.id).execute();
    expect(rows).toHaveLength(5);
  });
});
