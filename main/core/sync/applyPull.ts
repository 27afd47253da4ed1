import type { Change } from '../../../shared/sync/protocol';
import { cached, type Db } from '../db/connection';
import { deferIndexes } from '../db/deferredIndexes';
import { workOrdersWithUnsynced } from '../journal/outbox';
import { receiveServerRecord } from '../journal/workOrderView';
import { receiveWorkRequest } from '../journal/workRequests';
import { readPullCursor, writePullCursor } from './pullCursor';

export class PageOutOfOrderError extends Error {
  constructor() {
    super('An earlier page of this pull was not written; this one is asked for again at the next sync.');
  }
}

/**
 * Records of a pulled page, in one local transaction; with the page's last
 * chunk, its cursor too. The cursor never moves before its records are on
 * disk, so a crash misses nothing (SYNC.md 3); records saved before a crash
 * are simply pulled again and ignored by the version guard.
 * A pulled record updates the server copy; the view is recomputed with any
 * unsynced local edits on top (pitfall 12), and an older version never wins (13).
 * `deferIndexes`: a first full pull; the list and search indexes are dropped in
 * this same transaction (if not already) and built when the pull has caught up
 * (db/deferredIndexes.ts).
 * `after`: the cursor the page was asked after; if the journal's cursor is not
 * there (a page before it was not written), nothing is written and
 * `PageOutOfOrderError` says so.
 */
export function applyPulledPage(
  db: Db,
  changes: Change[],
  cursor: string | null,
  now: string,
  options: { deferIndexes?: boolean; after?: string | null } = {},
): string[] {
  const changed: string[] = [];
  const upsertAsset = cached(
    db,
    `INSERT INTO assets (id, tag, name, location, category, manufacturer, model, serial_number, status, version)
     VALUES (@id, @tag, @name, @location, @category, @manufacturer, @model, @serialNumber, @status, @version)
     ON CONFLICT (id) DO UPDATE SET tag = excluded.tag, name = excluded.name, location = excluded.location,
       category = excluded.category, manufacturer = excluded.manufacturer, model = excluded.model,
       serial_number = excluded.serial_number, status = excluded.status, version = excluded.version
     WHERE excluded.version > assets.version`,
  );
  const upsertHours = cached(
    db,
    `INSERT INTO hours_entries (id, work_order_id, user_id, hours, work_date, note, performed_at, received_at, version)
     VALUES (@id, @workOrderId, @userId, @hours, @workDate, @note, @performedAt, @receivedAt, @version)
     ON CONFLICT (id) DO UPDATE SET hours = excluded.hours, work_date = excluded.work_date, note = excluded.note,
       received_at = excluded.received_at, version = excluded.version
     WHERE excluded.version > hours_entries.version`,
  );
  db.transaction(() => {
    if (options.after !== undefined && readPullCursor(db) !== options.after) throw new PageOutOfOrderError();
    if (options.deferIndexes) deferIndexes(db);
    // Usually none: then the view is the server's record as it is, with no replay.
    const withUnsynced = workOrdersWithUnsynced(db);
    for (const change of changes) {
      if (change.entity === 'asset') upsertAsset.run(change.record);
      else if (change.entity === 'hoursEntry') upsertHours.run(change.record);
      // Request ids go with the changed work orders: the screens refetch what they show, requests included.
      else if (change.entity === 'workRequest') {
        if (receiveWorkRequest(db, change.record)) changed.push(change.id);
      } else if (receiveServerRecord(db, change.record, now, withUnsynced.has(change.id))) changed.push(change.id);
    }
    if (cursor !== null) writePullCursor(db, cursor);
  }).immediate();
  return changed;
}
