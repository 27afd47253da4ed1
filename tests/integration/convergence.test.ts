import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORK_ORDER_STATUSES } from '../../shared/domain/labels';
import type { ConflictChoice } from '../../shared/domain/sync';
import { AppError } from '../../shared/ipc/result';
import { createCore, type Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { startServer, type RunningServer } from '../../server';
import { DEMO_PASSWORD } from '../../server/seed';
import { startFaultyProxy, type Fault, type FaultyProxy } from '../helpers/faultyProxy';
import { timeoutFor } from '../helpers/longRun';
import { makeTempDir } from '../helpers/tempDir';
import { DIALECTS, makeTestDatabase, startTestServer, type TestDialect } from '../helpers/testServer';

/**
 * Five workstations against one server (SQLite) or two server instances on
 * one database (PostgreSQL), each behind its own proxy that delays, drops,
 * resets and truncates requests, each going offline and online at random and
 * making random valid edits, creates and hours. fast-check draws the script,
 * so a failure shrinks to a short one. When the network heals, everything
 * must converge: every workstation equals the server, every hour typed is on
 * the server once or in that workstation's refused list with a reason, no
 * change was applied twice, and every conflict the server answered was put
 * in front of the technician (none swallowed).
 *
 * `npm test` runs CONVERGENCE_RUNS=5 scripts per database; `npm run test:long` 25.
 */
const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 5);
/** Room for a slow script (up to 60 steps through faulty proxies) and its shrinking, on a loaded machine. */
const TIMEOUT = timeoutFor(RUNS, 150_000);
const USERS = ['alice', 'bob', 'sam', 'alice', 'bob'] as const; // sam is the supervisor: he may reopen
const CLIENTS = USERS.length;
/** The demo work orders everyone fights over, so conflicts are common. */
const HOT_WORK_ORDERS = 4;

type Step =
  | { kind: 'offline' | 'online' | 'sync'; client: number }
  | { kind: 'syncAll' }
  | { kind: 'create'; client: number; title: string }
  | { kind: 'edit'; client: number; pick: number; description: string }
  | { kind: 'status'; client: number; pick: number; status: (typeof WORK_ORDER_STATUSES)[number] }
  | { kind: 'hours'; client: number; pick: number; quarters: number }
  | { kind: 'resolve'; client: number; answer: ConflictChoice };

const client = fc.nat(CLIENTS - 1);
const pick = fc.nat(20);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('offline', 'online', 'sync'), client }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'syncAll' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create'), client, title: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim().length > 0) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit'), client, pick, description: fc.string({ maxLength: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status'), client, pick, status: fc.constantFrom(...WORK_ORDER_STATUSES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('hours'), client, pick, quarters: fc.integer({ min: 1, max: 32 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve'), client, answer: fc.constantFrom<ConflictChoice>('overwrite', 'discard', 'merge') }) },
) as fc.Arbitrary<Step>;

interface Station {
  core: Core;
  proxy: FaultyProxy;
  user: string;
  answer: ConflictChoice | 'later';
  savedHours: Map<string, number>;
  savedCreates: Set<string>;
  /** Work orders whose conflict this station listed to its technician. */
  surfaced: Set<string>;
}


/** Only a technician-facing refusal is an acceptable answer to a random action. */
async function tolerateRefusal<T>(action: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

interface Totals {
  faults: Record<Fault, number>;
  conflicts: number;
  refused: number;
  hours: number;
  creates: number;
}

async function runScript(dialect: TestDialect, seed: number, steps: Step[], totals: Totals) {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const database = makeTestDatabase(dialect);
    cleanups.push(() => database.drop());
    const servers: RunningServer[] = [await startTestServer(database, { seed: 'demo' })];
    cleanups.push(() => servers[0]!.close());
    if (dialect === 'postgres') {
      // A second instance on the same database: half the workstations talk to it.
      servers.push(await startServer(database.options));
      cleanups.push(() => servers[1]!.close());
    }
    const { db } = servers[0]!.database;
    const hot = (
      await db.selectFrom('work_orders').select('id').where('status', '=', 'open').orderBy('id').limit(HOT_WORK_ORDERS).execute()
    ).map((w) => w.id);
    const created: string[] = [];

    const stations: Station[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const proxy = await startFaultyProxy(servers[i % servers.length]!.url, seed + i, 0);
      cleanups.push(() => proxy.close());
      const temp = makeTempDir(`shopfloor-converge-${i}-`);
      cleanups.push(temp.remove);
      const station: Station = {
        core: undefined as never,
        proxy,
        user: USERS[i]!,
        answer: 'later',
        savedHours: new Map(),
        savedCreates: new Set(),
        surfaced: new Set(),
      };
      station.core = createCore({
        dataDir: temp.dir,
        logger: silentLogger,
        seedDemoData: false,
        serverUrl: proxy.url,
        autoSync: false,
        pullPageSize: 200,
        chooseConflict: async () => station.answer,
      });
      cleanups.push(async () => {
        await station.core.sync.idle();
        station.core.close();
      });
      await station.core.handlers.signIn({ username: station.user, password: DEMO_PASSWORD });
      expect((await station.core.sync.syncNow()).outcome).toBe('ok');
      proxy.setFaultRate(0.25);
      stations.push(station);
    }

    const notice = async (s: Station) => {
      for (const c of await s.core.handlers.listConflicts()) s.surfaced.add(c.workOrderId);
    };
    const target = (pickIndex: number) => {
      const candidates = [...hot, ...created];
      return candidates[pickIndex % candidates.length]!;
    };
    const resolve = async (s: Station, answer: ConflictChoice, workOrderId?: string) => {
      const conflicts = await s.core.handlers.listConflicts();
      const conflict = conflicts.find((c) => !workOrderId || c.workOrderId === workOrderId);
      if (!conflict) return;
      s.answer = answer;
      await tolerateRefusal(() => s.core.handlers.openConflict({ workOrderId: conflict.workOrderId }));
      s.answer = 'later';
    };

    for (const step of steps) {
      if (step.kind === 'syncAll') {
        await Promise.all(stations.map((s) => s.core.sync.syncNow()));
      } else {
        const s = stations[step.client]!;
        const h = s.core.handlers;
        switch (step.kind) {
          case 'offline':
            s.proxy.setOnline(false);
            break;
          case 'online':
            s.proxy.setOnline(true);
            break;
          case 'sync':
            await s.core.sync.syncNow();
            break;
          case 'create': {
            const wo = await h.createWorkOrder({ title: step.title, description: '', priority: 'medium', assetId: null, dueAt: null });
            s.savedCreates.add(wo.id);
            created.push(wo.id);
            break;
          }
          case 'edit':
            await tolerateRefusal(() => h.updateWorkOrder({ id: target(step.pick), changes: { description: step.description } }));
            break;
          case 'status':
            await tolerateRefusal(() => h.updateWorkOrder({ id: target(step.pick), changes: { status: step.status } }));
            break;
          case 'hours': {
            const hours = step.quarters / 4;
            const entry = await tolerateRefusal(() => h.logHours({ workOrderId: target(step.pick), hours, workDate: '2026-11-20', note: '' }));
            if (entry) s.savedHours.set(entry.id, hours);
            break;
          }
          case 'resolve':
            await resolve(s, step.answer);
            break;
        }
      }
      for (const s of stations) await notice(s);
    }

    // The network heals. Technicians resolve what they are shown until nothing moves.
    for (const s of stations) {
      s.proxy.setFaultRate(0);
      s.proxy.setOnline(true);
    }
    const feedLength = async () => Number((await db.selectFrom('change_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    let settled = false;
    for (let round = 0; round < 12 && !settled; round++) {
      const before = await feedLength();
      let busy = false;
      for (const [i, s] of stations.entries()) {
        expect((await s.core.sync.syncNow()).outcome).toBe('ok');
        await notice(s);
        for (const c of await s.core.handlers.listConflicts()) {
          busy = true;
          await resolve(s, c.canMerge && i % 3 === 0 ? 'merge' : i % 2 ? 'discard' : 'overwrite', c.workOrderId);
        }
        const status = await s.core.handlers.getSyncStatus();
        if (status.pendingChanges > 0) busy = true;
      }
      settled = !busy && (await feedLength()) === before;
    }
    expect(settled, 'the workstations never settled').toBe(true);

    // Every workstation equals the server.
    const serverWorkOrders = await db
      .selectFrom('work_orders')
      .select(['id', 'number', 'title', 'description', 'status', 'priority', 'asset_id', 'assignee_id', 'due_at', 'completed_at', 'completion_notes', 'version', 'updated_by'])
      .orderBy('id')
      .execute();
    const serverHours = new Map((await db.selectFrom('hours_entries').select(['id', 'hours']).execute()).map((h) => [h.id, Number(h.hours)]));
    for (const [i, s] of stations.entries()) {
      const journal = new Database(s.core.journalPath, { readonly: true });
      try {
        const mine = journal
          .prepare(
            'SELECT id, number, title, description, status, priority, asset_id, assignee_id, due_at, completed_at, completion_notes, version, updated_by FROM work_orders ORDER BY id',
          )
          .all();
        expect(mine, `workstation ${i} (${s.user}) differs from the server`).toEqual(serverWorkOrders.map((w) => ({ ...w, version: Number(w.version) })));

        const refused = await s.core.handlers.listRefused();
        for (const r of refused) expect(r.message.length, 'a refusal without a reason').toBeGreaterThan(10);
        const refusedIds = new Set(
          (journal.prepare("SELECT id, entity_id FROM outbox WHERE state = 'rejected'").all() as { id: string; entity_id: string }[]).map((r) => r.entity_id),
        );
        // Every hour typed is on the server (once: it is the primary key, and the audit check below) or refused with a reason.
        for (const [id, hours] of s.savedHours) {
          if (refusedIds.has(id)) expect(serverHours.has(id), `refused hours ${id} reached the server`).toBe(false);
          else expect(serverHours.get(id), `hours ${id} of workstation ${i} are lost`).toBe(hours);
        }
        for (const id of s.savedCreates) {
          expect(refusedIds.has(id) || serverWorkOrders.some((w) => w.id === id), `new work order ${id} is lost`).toBe(true);
        }
        // The journal's hours are the server's plus this workstation's own refused ones.
        const journalHours = (journal.prepare('SELECT id FROM hours_entries').all() as { id: string }[]).map((h) => h.id);
        expect(journalHours.filter((id) => !refusedIds.has(id)).sort()).toEqual([...serverHours.keys()].sort());

        // Every conflict the server answered this workstation was listed to its technician.
        const clientId = (journal.prepare("SELECT value FROM local_meta WHERE key = 'client_id'").get() as { value: string }).value;
        const conflicted = await db
          .selectFrom('mutation_outcomes')
          .select('entity_id')
          .where('client_id', '=', clientId)
          .where('status', '=', 'conflict')
          .execute();
        for (const { entity_id } of conflicted) expect(s.surfaced, `a conflict on ${entity_id} was swallowed`).toContain(entity_id);
        // Discarding is the technician's choice after seeing the conflict, never the sync's.
        const discarded = journal.prepare("SELECT DISTINCT work_order_id AS id FROM outbox WHERE state = 'discarded'").all() as { id: string }[];
        for (const { id } of discarded) expect(s.surfaced).toContain(id);
        const unsettled = journal.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending','in_flight','conflict')").get() as { n: number };
        expect(unsettled.n).toBe(0);
      } finally {
        journal.close();
      }
    }

    // Nothing was applied twice: each mutation wrote at most one audit entry.
    const twice = await db
      .selectFrom('audit_log')
      .select(['mutation_id', (eb) => eb.fn.countAll().as('n')])
      .where('mutation_id', 'is not', null)
      .groupBy('mutation_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(twice).toEqual([]);
    for (const s of stations) {
      for (const [fault, n] of Object.entries(s.proxy.counts)) totals.faults[fault as Fault] += n;
      totals.conflicts += s.surfaced.size;
      totals.refused += (await s.core.handlers.listRefused()).length;
      totals.hours += s.savedHours.size;
      totals.creates += s.savedCreates.size;
    }
  } finally {
    for (const fn of cleanups.reverse()) await fn();
  }
}

describe.each(DIALECTS)('five workstations on a faulty network, %s server', (dialect) => {
  it(
    'converge: every workstation equals the server, nothing lost or applied twice, no conflict swallowed',
    async () => {
      const totals: Totals = { faults: { pass: 0, delay: 0, drop: 0, reset: 0, truncate: 0 }, conflicts: 0, refused: 0, hours: 0, creates: 0 };
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.array(stepArb, { minLength: 20, maxLength: 60 }), (seed, steps) =>
          runScript(dialect, seed, steps, totals),
        ),
        {
          numRuns: RUNS,
          endOnFailure: process.env.CI_SHRINK === '0',
          // Replays a reported failure: CONVERGENCE_SEED and CONVERGENCE_PATH as fast-check printed them.
          ...(process.env.CONVERGENCE_SEED ? { seed: Number(process.env.CONVERGENCE_SEED), path: process.env.CONVERGENCE_PATH } : {}),
        },
      );
      // The network really misbehaved: every kind of fault happened at least once over the runs.
      const { faults, ...work } = totals;
      console.log(`[convergence ${dialect}] ${RUNS} scripts; requests by fault ${JSON.stringify(faults)}; ${JSON.stringify(work)}`);
      expect(faults.pass).toBeGreaterThan(0);
      for (const fault of ['delay', 'drop', 'reset', 'truncate'] as const) expect(faults[fault], fault).toBeGreaterThan(0);
      // The scripts made work and fought over it: conflicts happened and were shown.
      expect(work.hours + work.creates).toBeGreaterThan(0);
      expect(work.conflicts).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
