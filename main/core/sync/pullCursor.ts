import { cached, type Db } from '../db/connection';

/**
 * Where this workstation is in the server's change feed, kept in the journal
 * beside the records it covers (written in the same transaction as a page's
 * last records), and this installation's id for the server.
 */
const CURSOR_KEY = 'pull_cursor';

export function readPullCursor(db: Db): string | null {
  return cached<[string], { value: string }>(db, 'SELECT value FROM local_meta WHERE key = ?').get(CURSOR_KEY)?.value ?? null;
}

/** In the caller's transaction, with the records it covers. */
export function writePullCursor(db: Db, cursor: string): void {
  cached(db, 'INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(CURSOR_KEY, cursor);
}

/** Start the feed over (another server, or a restored one): the outbox is kept and sent as needed. */
export function resetPullCursor(db: Db): void {
  cached(db, 'DELETE FROM local_meta WHERE key = ?').run(CURSOR_KEY);
}

/** This installation's id, made by the journal's first migration: the server's key for idempotency. */
export function clientId(db: Db): string {
  return cached<[], { value: string }>(db, "SELECT value FROM local_meta WHERE key = 'client_id'").get()!.value;
}
