import type { WorkOrderCreatePayload, WorkOrderUpdatePayload } from '../sync/protocol';
import type { WorkOrderRecord } from './workOrder';

/**
 * How a change applies to a work order and how a new one is built: the same
 * pure functions on the workstation (replaying unsynced changes for what the
 * technician sees offline) and on the server (deciding what is stored), so
 * the two can never drift apart.
 */

/** A work order's fields without the identity the server gives it (number, version). */
type Unnumbered = Omit<WorkOrderRecord, 'number' | 'version'>;

/** A new work order from its create. The caller adds `number` and `version` (the server's, or none yet offline). */
export function buildNewWorkOrder(id: string, payload: WorkOrderCreatePayload, by: string, at: string): Unnumbered {
  return {
    id,
    title: payload.title,
    description: payload.description,
    status: payload.status,
    priority: payload.priority,
    assetId: payload.assetId,
    assigneeId: payload.assigneeId,
    dueAt: payload.dueAt,
    completedAt: null,
    completionNotes: null,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
  };
}

/**
 * Changed fields (an update) or the whole editable record (an overwrite)
 * applied by `by` at `at`. `completedAt` is when it was completed: set when
 * the status moves to completed, kept while it stays completed, cleared when
 * it moves away. The version is the caller's business.
 */
export function applyWorkOrderChanges<R extends Unnumbered>(current: R, changes: WorkOrderUpdatePayload, by: string, at: string): R {
  const status = changes.status ?? current.status;
  return {
    ...current,
    ...changes,
    completedAt: status === 'completed' ? (current.status === 'completed' ? current.completedAt : at) : null,
    updatedAt: at,
    updatedBy: by,
  };
}
