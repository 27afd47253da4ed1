import type { MutationResult } from '../../../shared/sync/protocol';
import type { WorkOrderRecord } from '../../../shared/domain/workOrder';
import type { Db } from '../db/connection';
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
  const setState = db.prepare('UPDATE outbox SET state = ?, result = ? WHERE id = ?');
  // Later unsent edits of a record were made against the version this one is replacing.
  const rebase = db.prepare(
    "UPDATE outbox SET base_version = ? WHERE entity_id = ? AND state = 'pending' AND type IN ('workOrder.update','workOrder.overwrite')",
  );
  db.transaction(() => {
    batch.forEach((entry, i) => {
      const result = results[i]!;
      const outcome = result.status === 'duplicate' ? result.original! : result.status;
      setState.run(outcome === 'applied' ? 'applied' : outcome, JSON.stringify(result), entry.id);
      touched.add(entry.workOrderId);
      if (outcome === 'applied' && result.record) {
        adoptServerRecord(db, result.record, now);
        rebase.run(result.record.version, entry.entityId);
      }
      if (outcome === 'applied' && entry.type === 'hoursEntry.create') {
        db.prepare('UPDATE hours_entries SET received_at = coalesce(received_at, ?), version = max(version, 1) WHERE id = ?').run(now, entry.entityId);
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
