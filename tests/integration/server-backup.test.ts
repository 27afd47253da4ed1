import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import {
  ApiClient,
  makeCommandTestDatabase,
  MutationFactory,
  POSTGRES_SKIP_REASON,
  startTestServer,
  TEST_DATABASE_URL,
  type CommandTestDatabase,
} from '../helpers/testServer';
import { runServerCli } from '../helpers/serverCli';
import { makeTempDir } from '../helpers/tempDir';

/**
 * `npm run server -- backup|restore` on SQLite, while the server keeps serving: after a restore a
 * workstation's cursor is refused with RESYNC_REQUIRED, it pulls the restored data from the start,
 * and its unsent change still goes through. On PostgreSQL the same holds with pg_dump, pg_restore and
 * `renew-feed-epoch`, the commands docs/operations.md gives.
 */
const temp = makeTempDir('shopfloor-backup-');
let database: CommandTestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await makeCommandTestDatabase('sqlite');
  server = await startTestServer(database, { seed: 'users' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  temp.remove();
});

const cli = (args: string[], env: Record<string, string> = {}, on: CommandTestDatabase = database) => runServerCli(on, args, { env });

describe('npm run server -- backup / restore (SQLite)', () => {
  const backupFile = path.join(temp.dir, 'before-friday.db');

  it('backs up while serving, and a restore sends workstations back to the start of the restored feed', async () => {
    const workstation = await new ApiClient(server.url).login('alice');
    const outbox = new MutationFactory();
    const kept = outbox.createWorkOrder({ title: 'Kept: made before the backup' });
    expect((await workstation.push(outbox.clientId, [kept]))[0]!.status).toBe('applied');

    expect(await cli(['backup', '--to', backupFile])).toMatchObject({ code: 0, stdout: `Backed up the server database to ${backupFile}.\n` });

    const lost = outbox.createWorkOrder({ title: 'Lost: made after the backup' });
    expect((await workstation.push(outbox.clientId, [lost]))[0]!.status).toBe('applied');
    const { cursor } = await workstation.pullAll();

    const restored = await cli(['restore', '--from', backupFile, '--json']);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toEqual({ epoch: expect.any(String) });

    // The running server answers from the restored data, and old cursors are refused.
    expect(await workstation.request('GET', `/sync/pull?cursor=${encodeURIComponent(cursor)}`)).toMatchObject({
      status: 410,
      body: { error: { code: 'RESYNC_REQUIRED' } },
    });
    const again = await workstation.pullAll();
    const titles = again.changes.filter((c) => c.entity === 'workOrder').map((c) => (c.record as { title: string }).title);
    expect(titles).toEqual(['Kept: made before the backup']);

    // The workstation's unsent change goes through after the resync.
    const unsent = outbox.createWorkOrder({ title: 'Typed offline during the restore' });
    expect((await workstation.push(outbox.clientId, [unsent]))[0]!.status).toBe('applied');
    const after = await workstation.pullAll(again.cursor);
    expect(after.changes.map((c) => c.id)).toContain(unsent.entityId);
  }, 120_000);

  it('refuses to overwrite a backup, restore a missing or foreign file, or work on PostgreSQL, with a sentence', async () => {
    expect(await cli(['backup', '--to', backupFile])).toMatchObject({ code: 1, stderr: expect.stringContaining('exists already') });
    expect(await cli(['restore', '--from', path.join(temp.dir, 'nope.db')])).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no backup at') });
    const foreign = path.join(temp.dir, 'foreign.db');
    const { default: Database } = await import('better-sqlite3');
    new Database(foreign).exec('CREATE TABLE t (x)');
    expect(await cli(['restore', '--from', foreign])).toMatchObject({ code: 1, stderr: expect.stringContaining('is not a Shopfloor server backup') });
    expect(await cli(['backup'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--to <file>') });
    expect(await cli(['backup', '--to', path.join(temp.dir, 'x.db')], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('pg_dump'),
    });
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)('pg_dump / pg_restore / renew-feed-epoch (PostgreSQL)', () => {
  if (!TEST_DATABASE_URL) console.log(`[backup tests] ${POSTGRES_SKIP_REASON}`);
  let pgDatabase: CommandTestDatabase;
  let pgServer: RunningServer;
  beforeAll(async () => {
    pgDatabase = await makeCommandTestDatabase('postgres');
    pgServer = await startTestServer(pgDatabase, { seed: 'users' });
  });
  afterAll(async () => {
    await pgServer?.close();
    await pgDatabase?.drop();
  });

  it('restores a dump under a running server; after renew-feed-epoch workstations resync and keep their unsent changes', async () => {
    const url = pgDatabase.cliEnv.DATABASE_URL!;
    const dump = path.join(temp.dir, 'shopfloor.dump');
    const workstation = await new ApiClient(pgServer.url).login('alice');
    const outbox = new MutationFactory();
    const kept = outbox.createWorkOrder({ title: 'Kept: made before the dump' });
    expect((await workstation.push(outbox.clientId, [kept]))[0]!.status).toBe('applied');
    execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, url]);

    const lost = outbox.createWorkOrder({ title: 'Lost: made after the dump' });
    expect((await workstation.push(outbox.clientId, [lost]))[0]!.status).toBe('applied');
    const { cursor } = await workstation.pullAll();

    execFileSync('pg_restore', ['--clean', '--if-exists', '--single-transaction', `--dbname=${url}`, dump]);
    expect(await cli(['renew-feed-epoch'], {}, pgDatabase)).toMatchObject({ code: 0, stdout: expect.stringContaining('Renewed the feed epoch') });

    expect((await workstation.request('GET', `/sync/pull?cursor=${encodeURIComponent(cursor)}`)).body.error.code).toBe('RESYNC_REQUIRED');
    const again = await workstation.pullAll();
    const titles = again.changes.filter((c) => c.entity === 'workOrder').map((c) => (c.record as { title: string }).title);
    expect(titles).toEqual(['Kept: made before the dump']);
    const unsent = outbox.createWorkOrder({ title: 'Typed offline during the restore' });
    expect((await workstation.push(outbox.clientId, [unsent]))[0]!.status).toBe('applied');
  }, 120_000);
});
