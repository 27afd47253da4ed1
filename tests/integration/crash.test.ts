import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DEMO_PASSWORD } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { makeTempDir } from '../helpers/tempDir';

/** A power cut between two actions, simulated with SIGKILL on a real process writing a real file. */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((fn) => fn()));

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
    expect((await core.handlers.listWorkOrders({ search: 'Lost in the crash', status: null, priority: null, assetId: null, assignedToMe: false, offset: 0, limit: 5 })).total).toBe(0);
  }, 30_000);
});
