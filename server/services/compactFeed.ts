import { ENTITIES, type Entity } from '../../shared/sync/protocol';
import type { ServerDatabase } from '../db/database';
import { countFeedRows, removeSupersededChanges } from '../queries/feed';

export interface CompactionReport {
  /** Rows removed, per kind of record. */
  removed: Record<Entity, number>;
  /** Rows the feed holds afterwards: one per record, plus any written while it ran. */
  kept: number;
}

/**
 * Keeps only the latest change of each record in the feed, in one transaction,
 * while the server serves: pushes only ever add rows, so they never touch what
 * this removes (on SQLite they wait for it, as for any writer; on PostgreSQL
 * they run alongside). Workstations notice nothing but shorter pulls; see
 * removeSupersededChanges for why no cursor loses a record.
 */
export async function compactFeed({ db, dialect }: ServerDatabase): Promise<CompactionReport> {
  return db.transaction().execute(async (tx) => {
    const removed = {} as Record<Entity, number>;
    for (const entity of ENTITIES) removed[entity] = await removeSupersededChanges(tx, dialect, entity);
    return { removed, kept: await countFeedRows(tx) };
  });
}
