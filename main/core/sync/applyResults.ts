import type { MutationResult } from '../../../shared/sync/protocol';
import type { WorkOrderRecord } from '../../../shared/domain/workOrder';
import { cached, type Db } from '../db/connection';
import { writeBase, writeWorkOrderView } from '../db/workOrders';
import type { OutboxEntry } from '../journal/outbox';
import { refreshWorkOrderView } from '../journal/workOrderActions';

/**
 * Applies the server's answers to one pushed batch, in one local transaction.
 * A retried mutation's `duplicate` is handled as its first outcome.
 * Returns the ids of the work orders whose view changed.
 */
export function applyPushResults(db: Db, batch: OutboxEntry[], results: MutationResult[], now: string): Set<string> {
  const touched = new Set<string>();
  const setState = cached(db, 'UPDATE outbox SET state = ?, result = ? WHERE id = ?');
  // Later unsent edits of a record were made against the version this one is replacing.
  const rebase = cached(
    db,
    "UPDATE outbox SET base_version = ? WHERE entity_id = ? AND state = 'pending' AND type IN ('workOrder.update','workOrder.overwrite')",
  );
  const received = cached(db, 'UPDATE hours_entries SET received_at = coalesce(received_at, ?), version = max(version, 1) WHERE id = ?');
  db.transaction(() => {
    const adopted = new Map<string, WorkOrderRecord>();
    batch.forEach((entry, i) => {
      const result = results[i]!;
      const outcome = result.status === 'duplicate' ? result.original! : result.status;
      // An applied change keeps the short answer: its record is already the server copy (a backlog of thousands stays small).
      const kept = outcome === 'applied' ? { id: result.id, status: result.status, version: result.version, original: result.original } : result;
      setState.run(outcome, JSON.stringify(kept), entry.id);
      touched.add(entry.workOrderId);
      if (outcome === 'applied' && result.record) {
        if (adoptServerRecord(db, result.record, now)) adopted.set(result.record.id, result.record);
        rebase.run(result.record.version, entry.entityId);
      }
      if (outcome === 'applied' && entry.type === 'hoursEntry.create') {
        received.run(now, entry.entityId);
      }
    });
    const unsent = cached<[string], { n: number }>(
      db,
      "SELECT count(*) AS n FROM outbox WHERE work_order_id = ? AND state IN ('pending','in_flight','conflict')",
    );
    for (const id of touched) {
      // Nothing of the technician's left on top: what they see is the server's record as it came back.
      const record = adopted.get(id);
      if (record && unsent.get(id)!.n === 0) writeWorkOrderView(db, record);
      else refreshWorkOrderView(db, id);
    }
  }).immediate();
  return touched;
}

/** The server's copy replaces ours only if it is newer: never back to an older version. */
export function adoptServerRecord(db: Db, record: WorkOrderRecord, now: string): boolean {
  const base = cached<[string], { version: number }>(db, 'SELECT version FROM work_order_base WHERE id = ?').get(record.id);
  if (base && base.version >= record.version) return false;
  writeBase(db, record, now);
  return true;
}
