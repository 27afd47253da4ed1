import type { WorkOrderRecord } from '../../../shared/domain/workOrder';
import type { WorkOrderCreatePayload, WorkOrderOverwritePayload, WorkOrderUpdatePayload } from '../../../shared/sync/protocol';

/** A work order as the journal shows it: like the server's, but a new one has no number yet. */
export type LocalWorkOrder = Omit<WorkOrderRecord, 'number'> & { number: string | null };

export interface PendingWorkOrderMutation {
  type: 'workOrder.create' | 'workOrder.update' | 'workOrder.overwrite';
  payload: unknown;
  userId: string;
  createdAt: string;
}

/**
 * What the technician sees = the server's record (base) with their pending
 * changes applied in order. Pure, so Overwrite, Discard, Merge and the
 * field-by-field diff can all be computed from the same two inputs.
 */
export function replay(
  id: string,
  base: WorkOrderRecord | undefined,
  pending: readonly PendingWorkOrderMutation[],
): LocalWorkOrder | undefined {
  let record: LocalWorkOrder | undefined = base;
  for (const m of pending) {
    if (m.type === 'workOrder.create') {
      const p = m.payload as WorkOrderCreatePayload;
      record = {
        id,
        number: null,
        title: p.title,
        description: p.description,
        status: p.status,
        priority: p.priority,
        assetId: p.assetId,
        assigneeId: p.assigneeId,
        dueAt: p.dueAt,
        completedAt: null,
        completionNotes: null,
        version: 0,
        createdAt: m.createdAt,
        createdBy: m.userId,
        updatedAt: m.createdAt,
        updatedBy: m.userId,
      };
      continue;
    }
    if (!record) continue; // an update of a record we do not have: nothing to show
    const changes = m.payload as WorkOrderUpdatePayload | WorkOrderOverwritePayload;
    const status = changes.status ?? record.status;
    record = {
      ...record,
      ...changes,
      completedAt: status === 'completed' ? (record.status === 'completed' ? record.completedAt : m.createdAt) : null,
      updatedAt: m.createdAt,
      updatedBy: m.userId,
    };
  }
  return record;
}
