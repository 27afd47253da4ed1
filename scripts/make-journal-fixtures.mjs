// Writes tests/fixtures/journals/journal-v<N>.sqlite: a journal as Shopfloor of schema version N
// left it, with unsent changes, a conflict and a refused entry. Checks nothing out of git: each
// schema is built by applying the migrations only up to N, and the rows are written with that
// version's SQL (the tables as they were at N). The .sqlite files are committed; re-run this only
// to add a fixture for a new schema version (node scripts/make-journal-fixtures.mjs), never to
// rewrite an old one: they stand for journals already on PCs.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const { openDatabase } = await tsImport('../main/core/db/connection.ts', import.meta.url);
const { MIGRATIONS, migrate } = await tsImport('../main/core/db/migrations/index.ts', import.meta.url);
const { JOURNAL_FIXTURE } = await tsImport('../tests/fixtures/journals/scenario.ts', import.meta.url);

/** The first schema with an outbox: older journals had no unsent work to carry. */
const FIRST_WITH_OUTBOX = 20;
const out = path.resolve('tests/fixtures/journals');
mkdirSync(out, { recursive: true });

for (const version of MIGRATIONS.map((m) => m.version).filter((v) => v >= FIRST_WITH_OUTBOX)) {
  const file = path.join(out, `journal-v${version}.sqlite`);
  rmSync(file, { force: true });
  const db = openDatabase(file);
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  writeScenario(db, JOURNAL_FIXTURE);
  // One file, no -wal beside it: what a cleanly closed app leaves.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  console.log(`wrote ${path.relative(process.cwd(), file)} (schema ${version})`);
}

/** Schema 20/30 SQL: the view (work_orders), the server's copies (work_order_base), hours, the outbox. */
function writeScenario(db, s) {
  db.transaction(() => {
    db.prepare("UPDATE local_meta SET value = ? WHERE key = 'client_id'").run(s.clientId);
    const view = db.prepare(`
      INSERT INTO work_orders (id, number, title, description, status, priority, asset_id, assignee_id, due_at, completed_at, completion_notes,
                               version, created_at, created_by, updated_at, updated_by)
      VALUES (@id, @number, @title, @description, @status, @priority, @assetId, @assigneeId, @dueAt, @completedAt, @completionNotes,
              @version, @createdAt, @createdBy, @updatedAt, @updatedBy)`);
    const base = db.prepare('INSERT INTO work_order_base (id, version, record, synced_at) VALUES (?, ?, ?, ?)');
    for (const record of s.serverRecords) base.run(record.id, record.version, JSON.stringify(record), s.syncedAt);
    for (const record of s.views) view.run(record);
    const hours = db.prepare(`INSERT INTO hours_entries (id, work_order_id, user_id, hours, work_date, note, performed_at)
                              VALUES (@id, @workOrderId, @userId, @hours, @workDate, @note, @performedAt)`);
    for (const entry of s.hours) hours.run(entry);
    const outbox = db.prepare(`
      INSERT INTO outbox (seq, id, type, entity_id, work_order_id, base_version, base_record, payload, user_id, created_at, state, depends_on, result)
      VALUES (@seq, @id, @type, @entityId, @workOrderId, @baseVersion, @baseRecord, @payload, @userId, @createdAt, @state, @dependsOn, @result)`);
    for (const m of s.outbox) {
      outbox.run({
        ...m,
        baseRecord: m.baseRecord ? JSON.stringify(m.baseRecord) : null,
        payload: JSON.stringify(m.payload),
        result: m.result ? JSON.stringify(m.result) : null,
        dependsOn: m.dependsOn ?? null,
      });
    }
    db.prepare(`INSERT INTO sync_history (started_at, finished_at, sent, received, outcome, message) VALUES (?, ?, 2, 3, 'ok', '')`).run(s.syncedAt, s.syncedAt);
  })();
}
