import { sql } from 'kysely';
import type { Change, Entity, PullResponse } from '../../shared/sync/protocol';
import type { ServerDatabase } from '../db/database';
import { assetRecord, hoursEntryRecord, workOrderRecord, workRequestRecord } from '../domain/records';
import { encodeCursor, type FeedPosition } from './cursor';

interface FeedRow {
  seq: number;
  txid: string;
  entity: Entity;
  entity_id: string;
}

/**
 * Reads the change feed after `position`, in commit order, and returns each
 * changed record as it is now. The client keeps a record only if its version
 * is newer than what it has, so re-reading a change is harmless; missing one
 * is not, hence the PostgreSQL query below.
 */
export async function pullChanges(
  database: ServerDatabase,
  epoch: string,
  position: FeedPosition,
  limit: number,
): Promise<PullResponse> {
  const rows = await readFeed(database, position, limit + 1);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = last ? { txid: String(last.txid), seq: Number(last.seq) } : position;
  return { changes: await loadRecords(database, page), cursor: encodeCursor(epoch, next), hasMore };
}

async function readFeed({ db, dialect }: ServerDatabase, position: FeedPosition, limit: number): Promise<FeedRow[]> {
  if (dialect === 'sqlite') {
    // One writer at a time: seq order is commit order.
    return (await db
      .selectFrom('change_log')
      .select(['seq', 'txid', 'entity', 'entity_id'])
      .where('seq', '>', position.seq)
      .orderBy('seq')
      .limit(limit)
      .execute()) as FeedRow[];
  }
  // PostgreSQL: a transaction can take its seq early and commit late. Only rows
  // below the oldest still-running transaction are final, and ordering by
  // (txid, seq) means nothing can later appear behind the cursor (SYNC.md 1-2).
  const { rows } = await sql<FeedRow>`
    SELECT seq, txid::text AS txid, entity, entity_id
    FROM change_log
    WHERE (txid, seq) > (${position.txid}::xid8, ${position.seq})
      AND txid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY txid, seq
    LIMIT ${limit}`.execute(db);
  return rows;
}

/** One query per entity type for the page; each record once, at its current version. */
async function loadRecords({ db }: ServerDatabase, page: FeedRow[]): Promise<Change[]> {
  const ids = (entity: Entity) => [...new Set(page.filter((r) => r.entity === entity).map((r) => r.entity_id))];
  const byKey = new Map<string, Change>();
  const workOrderIds = ids('workOrder');
  if (workOrderIds.length) {
    for (const row of await db.selectFrom('work_orders').selectAll().where('id', 'in', workOrderIds).execute()) {
      const record = workOrderRecord(row);
      byKey.set(`workOrder:${row.id}`, { entity: 'workOrder', id: row.id, version: record.version, record });
    }
  }
  const assetIds = ids('asset');
  if (assetIds.length) {
    for (const row of await db.selectFrom('assets').selectAll().where('id', 'in', assetIds).execute()) {
      const record = assetRecord(row);
      byKey.set(`asset:${row.id}`, { entity: 'asset', id: row.id, version: record.version, record });
    }
  }
  const hoursIds = ids('hoursEntry');
  if (hoursIds.length) {
    for (const row of await db.selectFrom('hours_entries').selectAll().where('id', 'in', hoursIds).execute()) {
      const record = hoursEntryRecord(row);
      byKey.set(`hoursEntry:${row.id}`, { entity: 'hoursEntry', id: row.id, version: record.version, record });
    }
  }
  const requestIds = ids('workRequest');
  if (requestIds.length) {
    for (const row of await db.selectFrom('work_requests').selectAll().where('id', 'in', requestIds).execute()) {
      const record = workRequestRecord(row);
      byKey.set(`workRequest:${row.id}`, { entity: 'workRequest', id: row.id, version: record.version, record });
    }
  }
  // In feed order, each record at the position of its last change in this page.
  const seen = new Set<string>();
  const ordered: Change[] = [];
  for (let i = page.length - 1; i >= 0; i--) {
    const key = `${page[i]!.entity}:${page[i]!.entity_id}`;
    if (seen.has(key) || !byKey.has(key)) continue;
    seen.add(key);
    ordered.push(byKey.get(key)!);
  }
  return ordered.reverse();
}
