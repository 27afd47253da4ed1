import type { Change } from '../../../shared/sync/protocol';
import { cached, type Db } from '../db/connection';
import { writeWorkOrderView } from '../db/workOrders';
import { refreshWorkOrderView } from '../journal/workOrderActions';
import { adoptServerRecord } from './applyResults';

/**
 * Records of a pulled page, in one local transaction; with the page's last
 * chunk, its cursor too. The cursor never moves before its records are on
 * disk, so a crash misses nothing (SYNC.md 3); records saved before a crash
 * are simply pulled again and ignored by the version guard.
 * A pulled record updates the server copy; the view is recomputed with any
 * unsent local edits on top (pitfall 12), and an older version never wins (13).
 */
export function applyPulledPage(db: Db, changes: Change[], cursor: string | null, now: string): string[] {
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
    // Usually none: then the view is the server's record as it is, with no replay.
    const withUnsent = new Set(
      cached<[], { id: string }>(db, "SELECT DISTINCT work_order_id AS id FROM outbox WHERE state IN ('pending','in_flight','conflict')")
        .all()
        .map((r) => r.id),
    );
    for (const change of changes) {
      if (change.entity === 'asset') upsertAsset.run(change.record);
      else if (change.entity === 'hoursEntry') upsertHours.run(change.record);
      else {
        // Never back to an older version (pitfall 13).
        if (!adoptServerRecord(db, change.record, now)) continue;
        if (withUnsent.has(change.id)) refreshWorkOrderView(db, change.id);
        else writeWorkOrderView(db, change.record);
        changed.push(change.id);
      }
    }
    if (cursor !== null) {
      cached(db, "INSERT INTO local_meta (key, value) VALUES ('pull_cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(cursor);
    }
  }).immediate();
  return changed;
}

export function readCursor(db: Db): string | null {
  return (db.prepare("SELECT value FROM local_meta WHERE key = 'pull_cursor'").get() as { value: string } | undefined)?.value ?? null;
}

export function clientId(db: Db): string {
  return (db.prepare("SELECT value FROM local_meta WHERE key = 'client_id'").get() as { value: string }).value;
}
