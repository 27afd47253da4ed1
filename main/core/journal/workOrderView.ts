import type { WorkOrderRecord } from '../../../shared/domain/workOrder';
import { cached, type Db } from '../db/connection';
import { deleteWorkOrderView, readBase, writeBase, writeWorkOrderView } from '../db/workOrders';
import { unsyncedForWorkOrder } from './outbox';
import { replay, type LocalWorkOrder } from './replay';

/**
 * The one owner of what the technician sees of a work order (`work_orders`):
 * the server's last known record (`work_order_base`) with this PC's unsynced
 * changes replayed on top. Local writes, push answers, pulled records and
 * conflict decisions all keep it in step through these functions, and only
 * through them.
 */

/**
 * Recomputes the view from the server's copy and the unsynced changes (for a
 * work order the server never had, its refused create too: it stays visible).
 */
export function refreshWorkOrderView(db: Db, id: string): LocalWorkOrder | undefined {
  const base = readBase(db, id);
  const view = replay(id, base, unsyncedForWorkOrder(db, id, { includeRefused: !base }));
  if (view) writeWorkOrderView(db, view);
  else deleteWorkOrderView(db, id);
  return view;
}

/** The server's copy moves forward only: an older or equal version never replaces it (SYNC.md pitfall 13). */
export function adoptServerRecord(db: Db, record: WorkOrderRecord, now: string): boolean {
  const base = cached<[string], { version: number }>(db, 'SELECT version FROM work_order_base WHERE id = ?').get(record.id);
  if (base && base.version >= record.version) return false;
  writeBase(db, record, now);
  return true;
}

/**
 * The view after the server's copy or the outbox changed. With nothing of the
 * technician's left on top, the view is the server's newest record as it came
 * (no re-read, no replay: the fast path of a large pull); else it is replayed.
 */
export function updateWorkOrderView(db: Db, id: string, newest: WorkOrderRecord | undefined, unsynced: boolean): void {
  if (newest && !unsynced) writeWorkOrderView(db, newest);
  else refreshWorkOrderView(db, id);
}

/** A record from the server (a pulled change): adopted if newer, and the view follows. False if it was not newer. */
export function receiveServerRecord(db: Db, record: WorkOrderRecord, now: string, unsynced: boolean): boolean {
  if (!adoptServerRecord(db, record, now)) return false;
  updateWorkOrderView(db, record.id, record, unsynced);
  return true;
}
