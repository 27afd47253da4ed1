import type { Db } from '../db/connection';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrations';
import { OUTBOX_STATES, type OutboxState } from '../journal/outbox';
import { listRefused } from '../sync/conflicts';
import { listSyncHistory } from '../sync/syncHistory';

/**
 * What the journal tells IT, read with plain queries: how healthy the file is,
 * what waits to be sent, how the last syncs went and what the server refused.
 * Nothing here carries a record's text; refusals keep their code and sentence
 * but not the refused data.
 */

/** `PRAGMA integrity_check`: "ok", or SQLite's list of what is damaged (first 100 problems). */
export function integrityCheck(db: Db): string[] {
  return (db.pragma('integrity_check(100)') as { integrity_check: string }[]).map((row) => row.integrity_check);
}

/** How many outbox entries are in each state, every state named (0 included). */
export function outboxCounts(db: Db): Record<OutboxState, number> {
  const counts = Object.fromEntries(OUTBOX_STATES.map((state) => [state, 0])) as Record<OutboxState, number>;
  for (const row of db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as { state: OutboxState; n: number }[]) {
    counts[row.state] = row.n;
  }
  return counts;
}

/** The last 200 sync cycles, newest first. */
export const syncHistory = (db: Db) => listSyncHistory(db, 200);

/** Recent errors from the server's side: failed sync cycles and refused changes (code and sentence, no data). */
export function recentServerErrors(db: Db) {
  return {
    failedSyncs: listSyncHistory(db, 1000)
      .filter((cycle) => cycle.outcome === 'failed')
      .slice(0, 50),
    refusedChanges: listRefused(db)
      .slice(0, 50)
      .map(({ payload: _data, ...refusal }) => refusal),
  };
}

export function journalVersions(db: Db) {
  return {
    journalSchema: schemaVersion(db),
    schemaThisVersionUnderstands: LATEST_SCHEMA_VERSION,
    sqlite: (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
  };
}

/** What this PC keeps about itself in the journal (its client id, chosen server, feed position). */
export function localMeta(db: Db): Record<string, string> {
  return Object.fromEntries((db.prepare('SELECT key, value FROM local_meta ORDER BY key').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
}
