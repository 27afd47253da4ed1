import type { WorkOrderRecord } from '../../../shared/domain/workOrder';
import { applyWorkOrderChanges, buildNewWorkOrder } from '../../../shared/domain/workOrderChanges';
import { WorkOrderCreatePayload, type MutationType, type WorkOrderUpdatePayload } from '../../../shared/sync/protocol';

/** A work order as the journal shows it: like the server's, but a new one has no number yet. */
export type LocalWorkOrder = Omit<WorkOrderRecord, 'number'> & { number: string | null };

export interface ReplayedMutation {
  type: MutationType;
  payload: unknown;
  userId: string;
  createdAt: string;
}

/**
 * What the technician sees = the server's record (base) with their unsynced
 * changes applied in order, by the same rules the server applies them
 * (shared/domain/workOrderChanges.ts). Pure, so Overwrite, Discard, Merge and
 * the field-by-field diff are all computed from the same two inputs.
 * Hours entries are not part of the record and are passed over.
 */
export function replay(id: string, base: WorkOrderRecord | undefined, unsynced: readonly ReplayedMutation[]): LocalWorkOrder | undefined {
  let record: LocalWorkOrder | undefined = base;
  for (const m of unsynced) {
    if (m.type === 'workOrder.create') {
      // Checked like the server checks it (with its defaults); one this version cannot read (written by an
      // older one, say) has nothing to show: it stays in the outbox and, once refused, in Refused changes.
      const payload = WorkOrderCreatePayload.safeParse(m.payload);
      if (!payload.success) continue;
      // Offline: no number until the server assigns one, version 0 until it has it.
      record = { ...buildNewWorkOrder(id, payload.data, m.userId, m.createdAt), number: null, version: 0 };
    } else if (m.type === 'workOrder.update' || m.type === 'workOrder.overwrite') {
      // An update of a record we do not have: nothing to show.
      if (record) record = applyWorkOrderChanges(record, m.payload as WorkOrderUpdatePayload, m.userId, m.createdAt);
    }
  }
  return record;
}
