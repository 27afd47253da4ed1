import type { Selectable } from 'kysely';
import type { AssetRecord, HoursEntryRecord } from '../../shared/domain/records';
import type { WorkOrderRecord } from '../../shared/domain/workOrder';
import type { WorkRequestRecord } from '../../shared/domain/workRequest';
import type { AssetsTable, HoursEntriesTable, WorkOrdersTable, WorkRequestsTable } from '../db/schema';

/** Rows (snake_case) to the records the protocol sends (camelCase). */
export const workOrderRecord = (r: Selectable<WorkOrdersTable>): WorkOrderRecord => ({
  id: r.id,
  number: r.number,
  title: r.title,
  description: r.description,
  status: r.status as WorkOrderRecord['status'],
  priority: r.priority as WorkOrderRecord['priority'],
  assetId: r.asset_id,
  assigneeId: r.assignee_id,
  dueAt: r.due_at,
  completedAt: r.completed_at,
  completionNotes: r.completion_notes,
  version: Number(r.version),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const workOrderRow = (w: WorkOrderRecord): Omit<Selectable<WorkOrdersTable>, 'external_id'> => ({
  id: w.id,
  number: w.number,
  title: w.title,
  description: w.description,
  status: w.status,
  priority: w.priority,
  asset_id: w.assetId,
  assignee_id: w.assigneeId,
  due_at: w.dueAt,
  completed_at: w.completedAt,
  completion_notes: w.completionNotes,
  version: w.version,
  created_at: w.createdAt,
  created_by: w.createdBy,
  updated_at: w.updatedAt,
  updated_by: w.updatedBy,
});

export const assetRecord = (r: Selectable<AssetsTable>): AssetRecord => ({
  id: r.id,
  tag: r.tag,
  name: r.name,
  location: r.location,
  category: r.category,
  manufacturer: r.manufacturer,
  model: r.model,
  serialNumber: r.serial_number,
  parentId: r.parent_id,
  status: r.status,
  version: Number(r.version),
  updatedAt: r.updated_at,
});

export const hoursEntryRecord = (r: Selectable<HoursEntriesTable>): HoursEntryRecord => ({
  id: r.id,
  workOrderId: r.work_order_id,
  userId: r.user_id,
  hours: Number(r.hours),
  workDate: r.work_date,
  note: r.note,
  performedAt: r.performed_at,
  receivedAt: r.received_at,
  version: Number(r.version),
});

export const workRequestRecord = (r: Selectable<WorkRequestsTable>): WorkRequestRecord => ({
  id: r.id,
  assetId: r.asset_id,
  description: r.description,
  urgency: r.urgency as WorkRequestRecord['urgency'],
  machineStopped: Number(r.machine_stopped) === 1,
  requestedBy: r.requested_by,
  clientId: r.client_id,
  carriedBy: r.carried_by,
  status: r.status,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  declineReason: r.decline_reason,
  workOrderId: r.work_order_id,
  workOrderNumber: r.work_order_number,
  reportedAt: r.reported_at,
  receivedAt: r.received_at,
  updatedAt: r.updated_at,
  version: Number(r.version),
});

export const workRequestRow = (w: WorkRequestRecord): Selectable<WorkRequestsTable> => ({
  id: w.id,
  asset_id: w.assetId,
  description: w.description,
  urgency: w.urgency,
  machine_stopped: w.machineStopped ? 1 : 0,
  requested_by: w.requestedBy,
  client_id: w.clientId,
  carried_by: w.carriedBy,
  status: w.status,
  decided_by: w.decidedBy,
  decided_at: w.decidedAt,
  decline_reason: w.declineReason,
  work_order_id: w.workOrderId,
  work_order_number: w.workOrderNumber,
  reported_at: w.reportedAt,
  received_at: w.receivedAt,
  updated_at: w.updatedAt,
  version: w.version,
});
