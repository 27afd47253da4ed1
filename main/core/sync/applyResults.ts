import type { MutationResult } from '../../../shared/sync/protocol';
import type { WorkOrderRecord } from '../../../shared/domain/workOrder';
import { cached, type Db } from '../db/connection';
import { readBase, writeBase } from '../db/workOrders';
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
    batch.forEach((entry, i) => {
      const result = results[i]!;
      const outcome = result.status === 'duplicate' ? result.original! : result.status;
      // An applied change keeps the short answer: its record is already the server copy (a backlog of thousands stays small).
      const kept = outcome === 'applied' ? { id: result.id, status: result.status, version: result.version, original: result.original } : result;
      setState.run(outcome, JSON.stringify(kept), entry.id);
      touched.add(entry.workOrderId);
      if (outcome === 'applied' && result.record) {
        adoptServerRecord(db, result.record, now);
        rebase.run(result.record.version, entry.entityId);
      }
      if (outcome === 'applied' && entry.type === 'hoursEntry.create') {
        received.run(now, entry.entityId);
      }
    });
    for (const id of touched) refreshWorkOrderView(db, id);
  }).immediate();
  return touched;
}

/** The server's copy replaces ours only if it is newer: never back to an older version. */
export function adoptServerRecord(db: Db, record: WorkOrderRecord, now: string): boolean {
  const base = readBase(db, record.id);
  if (base && base.version >= record.version) return false;
  writeBase(db, record, now);
  return true;
}
