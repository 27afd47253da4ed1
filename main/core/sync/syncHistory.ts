import type { SyncHistoryEntry } from '../../../shared/domain/sync';
import type { Db } from '../db/connection';

/** One row per sync cycle, for More → Sync history and for "last successful sync". */

export function recordCycle(db: Db, entry: SyncHistoryEntry): void {
  db.prepare('INSERT INTO sync_history (started_at, finished_at, sent, received, outcome, message) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.startedAt,
    entry.finishedAt,
    entry.sent,
    entry.received,
    entry.outcome,
    entry.message,
  );
}

/** When the last cycle that completed finished, or null if none ever did. */
export function lastSuccessfulSync(db: Db): string | null {
  return (db.prepare("SELECT max(finished_at) AS at FROM sync_history WHERE outcome = 'ok'").get() as { at: string | null }).at;
}

/** The newest cycles first. */
export function listSyncHistory(db: Db, limit = 50): SyncHistoryEntry[] {
  return (
    db.prepare('SELECT started_at, finished_at, sent, received, outcome, message FROM sync_history ORDER BY id DESC LIMIT ?').all(limit) as {
      started_at: string;
      finished_at: string;
      sent: number;
      received: number;
      outcome: SyncHistoryEntry['outcome'];
      message: string;
    }[]
  ).map((r) => ({ startedAt: r.started_at, finishedAt: r.finished_at, sent: r.sent, received: r.received, outcome: r.outcome, message: r.message }));
}
