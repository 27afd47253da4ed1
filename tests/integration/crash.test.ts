import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DEMO_PASSWORD } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { makeTempDir } from '../helpers/tempDir';
import { makeTestDatabase, startTestServer } from '../helpers/testServer';

/** A power cut between two actions, simulated with SIGKILL on a real process writing a real file. */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((fn) => fn()));

describe('a crash in the middle of a pull', () => {
  it('misses nothing: each page and its cursor were saved together', async () => {
    const database = makeTestDatabase('sqlite');
    const server = await startTestServer(database, { seed: 'demo' });
    const temp = makeTempDir('shopfloor-pull-crash-');
    cleanups.push(temp.remove, () => void server.close().then(() => database.drop()));

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/pullWorker.ts', temp.dir, server.url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    for await (const line of createInterface({ input: child.stdout })) {
      // Kill it once a few pages are in, while more are on the way.
      if (/[1-9]\d\d changes received/.test(line) || line === 'done') break;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const core = createCore({ dataDir: temp.dir, logger: silentLogger, seedDemoData: false, autoSync: false });
    cleanups.push(() => core.close());
    core.useServer(server.url, { demo: false });
    await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    expect((await core.sync.syncNow()).outcome).toBe('ok');
    const local = await core.handlers.listWorkOrders({ search: '', status: null, priority: null, assetId: null, assignedToMe: false, sort: 'updated', offset: 0, limit: 1 });
    const onServer = await server.database.db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(local.total).toBe(Number(onServer.n));
    const assets = await core.handlers.listAssets({ search: '', offset: 0, limit: 1 });
    expect(assets.total).toBe(200);
  });
});

describe('a crash between two actions', () => {
  it('loses only the action in progress', async () => {
    const temp = makeTempDir('shopfloor-crash-');
    cleanups.push(temp.remove);
    // One process (node with tsx's loader, not the tsx wrapper), so SIGKILL hits the writer itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/crashWorker.ts', temp.dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout });
    let savedId = '';
    for await (const line of lines) {
      if (line.startsWith('saved ')) savedId = line.slice(6);
      if (line === 'in-progress') break;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    expect(await exited).toBeNull();

    const core = createCore({ dataDir: temp.dir, logger: silentLogger });
    cleanups.push(() => core.close());
    await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    expect(await core.handlers.getWorkOrder({ id: savedId })).toMatchObject({ title: 'Saved before the crash', pending: true });
    expect((await core.handlers.getSyncStatus()).pendingChanges).toBe(1);
    expect((await core.handlers.listWorkOrders({ search: 'Lost in the crash', status: null, priority: null, assetId: null, assignedToMe: false, sort: 'updated', offset: 0, limit: 5 })).total).toBe(0);
  });
});
