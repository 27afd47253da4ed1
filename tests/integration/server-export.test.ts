import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import { runServerCli } from '../helpers/serverCli';
import { makeTempDir } from '../helpers/tempDir';
import { ApiClient, DIALECTS, makeCommandTestDatabase, MutationFactory, startTestServer, type CommandTestDatabase } from '../helpers/testServer';

/** `npm run server -- export …`: files Excel opens as they are (BOM, CRLF, quoting), from the real CLI on SQLite and PostgreSQL. */
const temp = makeTempDir('shopfloor-export-');
afterAll(() => temp.remove());

describe.each(DIALECTS)('npm run server -- export on %s', (dialect) => {
  let database: CommandTestDatabase;
  let server: RunningServer;
  let number = '';

  beforeAll(async () => {
    database = await makeCommandTestDatabase(dialect);
    server = await startTestServer(database, { seed: 'users' });
    const alice = await new ApiClient(server.url).login('alice');
    const outbox = new MutationFactory();
    const create = outbox.createWorkOrder({ title: 'Replace the seal' });
    const hours = (workDate: string, hoursWorked: number, note: string) =>
      outbox.make('hoursEntry.create', crypto.randomUUID(), { workOrderId: create.entityId, hours: hoursWorked, workDate, note, performedAt: `${workDate}T10:00:00.000Z` });
    const results = await alice.push(outbox.clientId, [
      create,
      hours('2026-11-20', 1.5, 'Before the period'),
      hours('2026-11-24', 2, 'Seal, gasket and "the usual"\nsecond line'),
      hours('2026-11-27', 0.5, 'Ünïcode ✓'),
    ]);
    number = (results[0]!.record as { number: string }).number;
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const cli = (args: string[]) => runServerCli(database, ['export', ...args]);
  const out = (name: string) => path.join(temp.dir, `${dialect}-${name}`);

  it('exports hours for payroll between two dates, in a file Excel reads as it is', async () => {
    const file = out('hours.csv');
    expect(await cli(['hours', '--out', file, '--from', '2026-11-21', '--to', '2026-11-27'])).toMatchObject({ code: 0, stdout: `Wrote 2 hours entries to ${file}.\n` });
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('user,work_order,date,hours,note\r\n');
    expect(parse(text, { bom: true, columns: true })).toEqual([
      { user: 'alice', work_order: number, date: '2026-11-24', hours: '2', note: 'Seal, gasket and "the usual"\nsecond line' },
      { user: 'alice', work_order: number, date: '2026-11-27', hours: '0.5', note: 'Ünïcode ✓' },
    ]);
  }, 120_000);

  it('exports work orders and the asset register (in the import’s columns)', async () => {
    const orders = out('work-orders.csv');
    expect(await cli(['work-orders', '--out', orders, '--json'])).toMatchObject({ code: 0 });
    const [order] = parse(readFileSync(orders, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(order).toMatchObject({ number, title: 'Replace the seal', status: 'open', created_by: 'alice' });
    const assets = out('assets.csv');
    expect(await cli(['assets', '--out', assets])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Wrote 0 assets to /) });
    expect(readFileSync(assets, 'utf8')).toBe('\uFEFFtag,name,location,category,manufacturer,model,serial_number,parent_tag,status\r\n');
  }, 120_000);

  it('refuses to overwrite a file, a wrong date or an unknown kind, with a sentence', async () => {
    expect(await cli(['hours', '--out', out('hours.csv')])).toMatchObject({ code: 1, stderr: expect.stringContaining('exists already') });
    expect(await cli(['hours', '--out', out('x.csv'), '--from', '27.11.2026'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--from must be a date like 2026-11-27') });
    expect(await cli(['payroll', '--out', out('y.csv')])).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no export of payroll') });
  }, 120_000);
});
