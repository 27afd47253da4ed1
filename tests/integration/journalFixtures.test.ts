import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { JOURNAL_FILE_NAME } from '../../main/core';
import { openDatabase } from '../../main/core/db/connection';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../../main/core/db/migrations';
import { DEMO_PASSWORD } from '../../server/seed';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { JOURNAL_FIXTURE } from '../fixtures/journals/scenario';
import { describe, expect, test } from '../helpers/fixtures';

/**
 * An update must not lose a technician's work: journals written by older schema versions
 * (tests/fixtures/journals, made by scripts/make-journal-fixtures.mjs) open with today's core
 * with every unsent change, conflict and refused entry intact and on screen, and a sync then
 * sends the unsent ones to a real server, once.
 */
const FIXTURES = path.resolve('tests/fixtures/journals');
const journals = readdirSync(FIXTURES).filter((f) => f.endsWith('.sqlite')).sort();
const [created, conflictWo, closedWo] = JOURNAL_FIXTURE.views;

describe('journals from older versions', () => {
  test('there is a fixture for every schema version with an outbox, this one included', () => {
    expect(journals).toEqual(expect.arrayContaining(['journal-v20.sqlite', `journal-v${LATEST_SCHEMA_VERSION}.sqlite`]));
  });

  describe.each(journals)('%s', (fixture) => {
    /** A PC's profile folder holding a copy of the fixture (the committed file is never written). */
    function profileWith(tempFolder: () => string): string {
      const dataDir = tempFolder();
      copyFileSync(path.join(FIXTURES, fixture), path.join(dataDir, JOURNAL_FILE_NAME));
      return dataDir;
    }

    test('opens migrated, with every unsent change, conflict and refused entry intact and visible', async ({ tempFolder, openCore }) => {
      const dataDir = profileWith(tempFolder);
      const core = openCore({ dataDir, seedDemoData: false, autoSync: false });

      // Not yet on the server: the two unsent changes and the change in conflict.
      const status = await core.handlers.getSyncStatus();
      expect({ pending: status.pendingChanges, conflicts: status.conflicts, refused: status.refused }).toEqual({ pending: 3, conflicts: 1, refused: 1 });

      // The work order created offline: listed, marked as not yet synced, with its hours.
      const list = await core.handlers.listWorkOrders(WorkOrderQuery.parse({}));
      expect(list.items.map((w) => w.title).sort()).toEqual([closedWo.title, created.title, conflictWo.title].sort());
      const mine = await core.handlers.getWorkOrder({ id: created.id });
      expect(mine).toMatchObject({ title: 'Coolant pump noisy', description: 'Whines above 2000 rpm', number: null, localState: 'unsynced' });
      expect(await core.handlers.listHours({ workOrderId: created.id })).toEqual([
        expect.objectContaining({ hours: 1.5, note: 'Checked bearings', localState: 'unsynced' }),
      ]);

      // The conflict: mine / theirs / before, field by field, who changed it.
      const [conflict, ...more] = await core.handlers.listConflicts();
      expect(more).toEqual([]);
      expect(conflict).toMatchObject({ workOrderId: conflictWo.id, number: 'WO-90001', changedBy: 'bob', serverVersion: 3, madeBy: 'alice', canMerge: true });
      expect(conflict!.fields).toEqual(
        expect.arrayContaining([
          { field: 'status', before: 'open', mine: 'in_progress', theirs: 'open' },
          { field: 'description', before: 'Oil under the press', mine: 'Oil under the press', theirs: 'Seal replaced last week; check again' },
        ]),
      );

      // The refused hours: still there with the server's sentence, not yet acknowledged.
      const refused = await core.handlers.listRefused();
      expect(refused).toEqual([expect.objectContaining({ code: 'WORK_ORDER_CLOSED', message: 'This work order is completed: no more hours can be logged on it.' })]);
      expect(await core.handlers.listHours({ workOrderId: closedWo.id })).toEqual([expect.objectContaining({ hours: 2, localState: 'refused' })]);
      core.close();

      const db = openDatabase(path.join(dataDir, JOURNAL_FILE_NAME));
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      // The search index covers what the older version wrote.
      expect(db.prepare("SELECT count(*) AS n FROM work_orders_search WHERE work_orders_search MATCH 'coolant'").get()).toEqual({ n: 1 });
      expect((db.prepare("SELECT value FROM local_meta WHERE key = 'client_id'").get() as { value: string }).value).toBe(JOURNAL_FIXTURE.clientId);
      db.close();
    });

    test('then sends the unsent changes to the server once, and keeps the conflict and the refusal', async ({ tempFolder, openCore, server }) => {
      const core = openCore({ dataDir: profileWith(tempFolder), seedDemoData: false, autoSync: false, serverUrl: server.url });
      await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
      await core.sync.syncNow();
      await core.sync.syncNow();

      const onServer = await server.database.db.selectFrom('work_orders').select(['id', 'title', 'created_by']).where('title', '=', 'Coolant pump noisy').execute();
      expect(onServer).toEqual([{ id: created.id, title: 'Coolant pump noisy', created_by: 'alice' }]);
      const hours = await server.database.db.selectFrom('hours_entries').select(['hours', 'note']).where('work_order_id', '=', created.id).execute();
      expect(hours).toEqual([{ hours: 1.5, note: 'Checked bearings' }]);

      const status = await core.handlers.getSyncStatus();
      expect({ pending: status.pendingChanges, conflicts: status.conflicts, refused: status.refused }).toEqual({ pending: 1, conflicts: 1, refused: 1 });
      expect(await core.handlers.getWorkOrder({ id: created.id })).toMatchObject({ number: expect.stringMatching(/^WO-/), localState: 'synced' });
    });
  });
});
