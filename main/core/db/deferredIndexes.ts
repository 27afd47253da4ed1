import { z } from 'zod';
import { cached, type Db } from './connection';

/**
 * A first full pull writes every work order once; kept in step row by row,
 * the list's sort indexes and the search index made each of those writes
 * touch many more B-tree pages (writing the view alone ran at 5,600/s with
 * four list indexes, 24,000/s without). So the first pull drops them, writes,
 * and builds them once when it has caught up (`restoreDeferredIndexes`).
 *
 * The definitions stay those of the migrations that made them: the exact SQL
 * is read from `sqlite_master` when they are dropped and kept in `local_meta`
 * in the same transaction, so a journal that deferred ends with the very
 * schema of one that never did. If the app dies before the pull catches up,
 * `migrate` restores them (and fills the search index) when the journal next
 * opens, before anything reads it.
 *
 * While they are away the list still answers: sorts and filters scan, and a
 * text search scans with LIKE instead of asking the (then stale) search index
 * (`searchIndexLive`). Technicians' writes go to the same tables and are
 * picked up by the build at the end.
 */

/** Indexes on `work_orders` that only serve reading (the unique ones and the key stay), and the search index's triggers. */
const DEFERRED = [
  'work_orders_by_updated',
  'work_orders_by_status_updated',
  'work_orders_by_asset',
  'work_orders_by_assignee',
  'work_orders_by_due',
  'work_orders_by_priority',
  'work_orders_by_number_order',
  'work_orders_search_insert',
  'work_orders_search_delete',
  'work_orders_search_update',
] as const;

const SEARCH_TRIGGER = 'work_orders_search_insert';
const KEY = 'deferred_indexes';

const Stored = z.array(z.object({ type: z.enum(['index', 'trigger']), name: z.string().min(1), sql: z.string().min(1) }));

const hasLocalMeta = (db: Db) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'local_meta'").get() !== undefined;

function stored(db: Db): z.infer<typeof Stored> | null {
  const row = cached<[string], { value: string }>(db, 'SELECT value FROM local_meta WHERE key = ?').get(KEY);
  return row ? Stored.parse(JSON.parse(row.value)) : null;
}

/** Whether indexes are deferred (a first pull is under way, or was interrupted in this session). */
export function indexesDeferred(db: Db): boolean {
  return cached<[string], { n: number }>(db, 'SELECT 1 AS n FROM local_meta WHERE key = ?').get(KEY) !== undefined;
}

/** Whether the search index follows `work_orders` (its triggers exist): if not, text search must scan. */
export function searchIndexLive(db: Db): boolean {
  return cached<[string], { n: number }>(db, "SELECT 1 AS n FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(SEARCH_TRIGGER) !== undefined;
}

/**
 * Drops the deferred indexes and triggers, keeping their SQL. In the caller's
 * transaction (the first pulled records'), so the records, the drop and what
 * it takes to undo it are on disk together. Does nothing if already deferred.
 */
export function deferIndexes(db: Db): void {
  if (!db.inTransaction) throw new Error('deferIndexes runs in the transaction that writes the pulled records');
  if (indexesDeferred(db)) return;
  const rows = db
    .prepare<unknown[], { type: 'index' | 'trigger'; name: string; sql: string }>(
      `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'work_orders' AND sql IS NOT NULL
       AND name IN (${DEFERRED.map(() => '?').join(', ')}) ORDER BY rowid`,
    )
    .all(...DEFERRED);
  cached(db, 'INSERT INTO local_meta (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(rows));
  for (const { type, name } of rows) db.exec(`DROP ${type === 'index' ? 'INDEX' : 'TRIGGER'} "${name}"`);
}

/**
 * Builds what `deferIndexes` dropped, from the SQL it kept, and refills the
 * search index from the work orders as they now are: one transaction, so a
 * crash half-way leaves it deferred and the next open does it again. Returns
 * whether there was anything to do.
 */
export function restoreDeferredIndexes(db: Db): boolean {
  if (!hasLocalMeta(db)) return false;
  const definitions = stored(db);
  if (!definitions) return false;
  db.transaction(() => {
    const exists = db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM sqlite_master WHERE type = ? AND name = ?');
    for (const { type, name, sql } of definitions) if (!exists.get(type, name)) db.exec(sql);
    // The triggers are back in this same transaction, so no write falls between the refill and them.
    if (definitions.some((d) => d.type === 'trigger')) db.exec("INSERT INTO work_orders_search (work_orders_search) VALUES ('rebuild')");
    cached(db, 'DELETE FROM local_meta WHERE key = ?').run(KEY);
  }).immediate();
  return true;
}
