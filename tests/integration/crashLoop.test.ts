import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import { createCore, DEMO_PASSWORD } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { progressReporter, timeoutFor } from '../helpers/longRun';
import { makeTempDir } from '../helpers/tempDir';
import { makeTestDatabase, startTestServer, type TestDatabase } from '../helpers/testServer';

/**
 * A workstation killed with SIGKILL again and again at random moments (local
 * writes, push, pull, cursor save), restarted each time. In the end every
 * change it reported as saved is on the server exactly once and the client
 * matches the server. `npm test` runs 100 kills; `npm run test:long` 1,000.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 100);
/**
 * About 0.75 s a kill on an idle 2-core machine (100 kills in 74 s), but about
 * 6.5 s with four busy loops and other suites on the same cores: allow 8 s.
 */
const TIMEOUT = timeoutFor(KILLS, 8_000);

let database: TestDatabase;
let server: RunningServer;
const temp = makeTempDir('shopfloor-crash-loop-');

beforeAll(async () => {
  database = makeTestDatabase('sqlite');
  server = await startTestServer(database, { seed: 'demo' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  temp.remove();
});

/** Runs the worker until it has printed `lines` more lines (or finished), then kills it. */
async function runAndKill(seed: number, lines: number, saved: Map<string, 'workOrder' | 'hours'>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/syncWorker.ts', temp.dir, server.url, String(seed)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let seen = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    const [word, kind, id] = line.split(' ');
    if (word === 'saved') saved.set(id!, kind as 'workOrder' | 'hours');
    if (word !== 'ready' && ++seen >= lines) break;
  }
  child.kill('SIGKILL');
  await exited;
}

describe(`a workstation killed ${KILLS} times while it works and syncs`, () => {
  it('ends with every saved change on the server exactly once, and the client equal to the server', async () => {
    const saved = new Map<string, 'workOrder' | 'hours'>();
    const progress = progressReporter('crash loop', KILLS);
    for (let kill = 0; kill < KILLS; kill++) {
      await runAndKill(1000 + kill, 1 + (kill % 7), saved);
      progress(kill + 1, `${saved.size} changes reported saved`);
    }

    const core = createCore({ dataDir: temp.dir, logger: silentLogger, autoSync: false });
    core.useServer(server.url, { demo: false });
    try {
      await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
      expect((await core.sync.syncNow()).outcome).toBe('ok');
      expect(await core.handlers.getSyncStatus()).toMatchObject({ pendingChanges: 0, conflicts: 0 });

      const { db } = server.database;
      const hoursIds = [...saved].filter(([, kind]) => kind === 'hours').map(([id]) => id);
      const workOrderIds = [...saved].filter(([, kind]) => kind === 'workOrder').map(([id]) => id);
      expect(saved.size).toBeGreaterThan(KILLS / 2);
      const hours = hoursIds.length ? await db.selectFrom('hours_entries').select('id').where('id', 'in', hoursIds).execute() : [];
      expect(hours).toHaveLength(hoursIds.length);
      const workOrders = workOrderIds.length ? await db.selectFrom('work_orders').select(['id', 'version']).where('id', 'in', workOrderIds).execute() : [];
      expect(workOrders).toHaveLength(workOrderIds.length);
      // Exactly once, and nothing phantom: the server's hours from this workstation are exactly the journal's
      // (an action killed after its commit but before it was reported is still one entry, on both sides).
      const onServer = (await db.selectFrom('hours_entries').select('id').where('user_id', '=', 'bob').where('note', '=', '').execute()).map((h) => h.id);
      const journal = new Database(core.journalPath, { readonly: true });
      const inJournal = (journal.prepare("SELECT id FROM hours_entries WHERE user_id = 'bob' AND note = ''").all() as { id: string }[]).map((h) => h.id);
      journal.close();
      expect(onServer.sort()).toEqual(inJournal.sort());
      // The refused list is empty: nothing was lost to a refusal either.
      expect(await core.handlers.listRefused()).toEqual([]);
      // Client equals server for every work order it created.
      for (const { id, version } of workOrders) {
        expect((await core.handlers.getWorkOrder({ id })).version).toBe(Number(version));
      }
    } finally {
      core.close();
    }
  }, TIMEOUT);
});
