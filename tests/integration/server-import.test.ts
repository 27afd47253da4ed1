import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetRecord } from '../../shared/domain/records';
import type { RunningServer } from '../../server';
import { runServerCli } from '../helpers/serverCli';
import { makeTempDir } from '../helpers/tempDir';
import { ApiClient, DIALECTS, makeCommandTestDatabase, startTestServer, type CommandTestDatabase } from '../helpers/testServer';

/** `npm run server -- import assets|work-orders|users` with files as spreadsheets write them; the real CLI on SQLite and PostgreSQL. */
const temp = makeTempDir('shopfloor-import-');
afterAll(() => temp.remove());

/** Excel in a German locale: BOM, `;`, CRLF, quotes around cells with `;`, quotes and line breaks, blank lines, stray spaces. */
const REGISTER = [
  '\uFEFFTag;Name;Location;Category;Manufacturer;Model;Serial_Number;Parent_Tag;Status',
  'LINE-1;Packaging line 1;Hall A;Line;;;;;in_service',
  '',
  ' PMP-101 ; "Pump; coolant" ;Hall A;Pump;Grundfos;CR 10;SN-1;LINE-1;',
  'CNC-7;"Lathe ""big one""";"Hall B',
  'bay 3";Lathe;Haas;ST-20;SN-7;;out_of_service',
  '   ',
  'CMP-2;Compressor;Yard;Compressor;Atlas Copco;GA 30;SN-9;;retired',
  '',
].join('\r\n');

let fileCount = 0;
const file = (text: string) => {
  const name = path.join(temp.dir, `assets-${++fileCount}.csv`);
  writeFileSync(name, text);
  return name;
};

describe.each(DIALECTS)('npm run server -- import assets on %s', (dialect) => {
  let database: CommandTestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await makeCommandTestDatabase(dialect);
    server = await startTestServer(database, { seed: 'users' });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const cli = (args: string[]) => runServerCli(database, ['import', ...args]);
  const assets = async () => {
    const client = await new ApiClient(server.url).login('alice');
    const { changes } = await client.pullAll();
    return new Map(changes.filter((c) => c.entity === 'asset').map((c) => [c.record.tag, c.record as AssetRecord]));
  };

  it('imports a spreadsheet’s file, and workstations pull the assets on their next sync', async () => {
    const imported = await cli(['assets', file(REGISTER)]);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported assets: 4 new, 0 changed, 0 unchanged.\n' });
    const pulled = await assets();
    expect([...pulled.keys()].sort()).toEqual(['CMP-2', 'CNC-7', 'LINE-1', 'PMP-101']);
    expect(pulled.get('PMP-101')).toMatchObject({ name: 'Pump; coolant', manufacturer: 'Grundfos', parentId: pulled.get('LINE-1')!.id, status: 'in_service', version: 1 });
    expect(pulled.get('CNC-7')).toMatchObject({ name: 'Lathe "big one"', location: 'Hall B\r\nbay 3', status: 'out_of_service' });
  }, 120_000);

  it('changes nothing when the same file comes again, and gives a changed row a new version', async () => {
    expect(await cli(['assets', file(REGISTER), '--json'])).toMatchObject({ code: 0 });
    const again = JSON.parse((await cli(['assets', file(REGISTER), '--json'])).stdout);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const changed = await cli(['assets', file('tag,name,location\nCMP-2,Compressor,Workshop\n')]);
    expect(changed).toMatchObject({ code: 0, stdout: 'Imported assets: 0 new, 1 changed, 0 unchanged.\n' });
    expect((await assets()).get('CMP-2')).toMatchObject({ location: 'Workshop', version: 2 });
  }, 120_000);

  it('names the line and column of every error and writes nothing, unless told to skip them', async () => {
    const faulty = file(['tag,name,status,parent_tag', 'NEW-1,New press,in_service,', 'NEW-2,,in_service,', 'NEW-3,Drill,retird,', 'NEW-4,Saw,,NOPE-9', 'NEW-1,Twice,,'].join('\n'));
    const refused = await cli(['assets', faulty]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was imported: 4 rows have errors');
    expect(refused.stderr).toContain('line 3, name: the cell is empty, and it is required.');
    expect(refused.stderr).toContain("line 4, status: 'retird' is not one of in_service, out_of_service, retired.");
    expect(refused.stderr).toContain("line 5, parent_tag: no asset has the tag 'NOPE-9'");
    expect(refused.stderr).toContain("line 6, tag: 'NEW-1' is already on line 2.");
    expect((await assets()).has('NEW-1')).toBe(false);

    const dry = await cli(['assets', faulty, '--dry-run', '--skip-invalid']);
    expect(dry).toMatchObject({ code: 0, stdout: expect.stringContaining('Dry run, nothing written: 1 new') });
    expect((await assets()).has('NEW-1')).toBe(false);

    const skipped = await cli(['assets', faulty, '--skip-invalid']);
    expect(skipped).toMatchObject({ code: 0, stdout: expect.stringContaining('Imported assets: 1 new, 0 changed, 0 unchanged.\nSkipped 4 rows:') });
    expect((await assets()).get('NEW-1')).toMatchObject({ name: 'New press' });
  }, 120_000);

  it('imports users: given or generated passwords (shown once), the same file again changes nothing', async () => {
    const users = file('\uFEFFUsername;Role;Password\r\nKarl;technician;karls-password\r\nlena ; supervisor ;\r\n');
    const imported = await cli(['users', users]);
    expect(imported.code).toBe(0);
    const generated = /^lena: (\S{20})$/m.exec(imported.stdout)?.[1];
    expect(imported.stdout).toContain('Imported users: 2 new, 0 changed, 0 unchanged.\nGenerated passwords (shown only now, hand them over safely):');
    const signIn = (username: string, password: string) => new ApiClient(server.url).request('POST', '/auth/login', { username, password });
    expect(await signIn('karl', 'karls-password')).toMatchObject({ status: 200, body: { user: { id: 'karl', role: 'technician' } } });
    expect((await signIn('lena', generated!)).body.user.role).toBe('supervisor');

    expect(JSON.parse((await cli(['users', users, '--json'])).stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await cli(['users', file('username,role\nkarl,supervisor\n')])).toMatchObject({ code: 0, stdout: 'Imported users: 0 new, 1 changed, 0 unchanged.\n' });
    expect((await signIn('karl', 'karls-password')).body.user.role).toBe('supervisor');

    const faulty = await cli(['users', file('username,role,password\nmia,technician,short\nnoah,boss,\n')]);
    expect(faulty.code).toBe(1);
    expect(faulty.stderr).toContain('line 2, password: A password needs at least 8 characters.');
    expect(faulty.stderr).toContain("line 3, role: 'boss' is not one of technician, supervisor, admin.");
    expect((await signIn('mia', 'short')).status).toBe(401);
  }, 120_000);

  it('imports work orders keyed by external_id: numbered, in the feed and the audit trail; again changes nothing', async () => {
    const orders = file(
      [
        'external_id;title;description;asset_tag;priority;status;assignee;due_date',
        'MX-1;Replace seal;"Leaks; at the flange";PMP-101;high;open;alice;2026-12-01',
        'MX-2;Annual inspection;;CNC-7;;in_progress;;',
      ].join('\r\n'),
    );
    expect(await cli(['work-orders', orders])).toMatchObject({ code: 0, stdout: 'Imported work-orders: 2 new, 0 changed, 0 unchanged.\n' });
    const client = await new ApiClient(server.url).login('alice');
    const pulled = async () =>
      new Map((await client.pullAll()).changes.filter((c) => c.entity === 'workOrder').map((c) => [(c.record as { title: string }).title, c.record as Record<string, unknown>]));
    const first = await pulled();
    const pump = (await assets()).get('PMP-101')!;
    expect(first.get('Replace seal')).toMatchObject({
      number: expect.stringMatching(/^WO-\d+$/),
      description: 'Leaks; at the flange',
      assetId: pump.id,
      priority: 'high',
      assigneeId: 'alice',
      dueAt: '2026-12-01T00:00:00.000Z',
      version: 1,
      updatedBy: 'import',
    });
    expect(first.get('Annual inspection')).toMatchObject({ status: 'in_progress', priority: 'medium', assigneeId: null });

    expect(JSON.parse((await cli(['work-orders', orders, '--json'])).stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = file('external_id,title,priority,asset_tag,assignee,due_date,description\nMX-1,Replace seal,urgent,PMP-101,alice,2026-12-01,"Leaks; at the flange"\n');
    expect(await cli(['work-orders', changed])).toMatchObject({ code: 0, stdout: 'Imported work-orders: 0 new, 1 changed, 0 unchanged.\n' });
    const seal = (await pulled()).get('Replace seal')!;
    expect(seal).toMatchObject({ priority: 'urgent', version: 2, number: first.get('Replace seal')!.number });
    const history = await client.request('GET', `/work-orders/${String(seal.id)}/history`);
    expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual(['import', 'import']);

    const faulty = await cli(['work-orders', file('external_id,title,asset_tag,assignee,priority\nMX-3,Fix,NOPE-1,,\nMX-4,Fix,,nobody,\nMX-5,Fix,,,urgentt\n')]);
    expect(faulty.code).toBe(1);
    expect(faulty.stderr).toContain("line 2, asset_tag: no asset has the tag 'NOPE-1'.");
    expect(faulty.stderr).toContain("line 3, assignee: there is no user called 'nobody'.");
    expect(faulty.stderr).toContain("line 4, priority: 'urgentt' is not one of low, medium, high, urgent.");
  }, 120_000);

  it('checks the example file of docs/import.md', async () => {
    // Assets and users for real: the work-order example refers to them.
    expect(await cli(['assets', 'docs/examples/assets.csv'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported assets: \d+ new/) });
    expect(await cli(['users', 'docs/examples/users.csv'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported users: 3 new/) });
    expect(await cli(['work-orders', 'docs/examples/work-orders.csv', '--dry-run'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Dry run, nothing written: 2 new/) });
  }, 120_000);

  it('says which columns are missing, and what it cannot import yet', async () => {
    expect(await cli(['assets', file('label,name\nX,Y\n')])).toMatchObject({ code: 1, stderr: expect.stringContaining('The file has no column tag') });
    expect(await cli(['assets', path.join(temp.dir, 'missing.csv')])).toMatchObject({ code: 1, stderr: expect.stringContaining('Cannot read') });
    expect(await cli(['hours', file('a\n')])).toMatchObject({ code: 2, stderr: expect.stringContaining('Importing hours is not supported yet') });
  }, 120_000);
});
