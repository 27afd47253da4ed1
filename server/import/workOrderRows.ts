import { z } from 'zod';
import { WorkDate } from '../../shared/domain/records';
import { WorkOrderPriority, WorkOrderStatus } from '../../shared/domain/workOrder';
import { Username } from '../../shared/sync/accounts';
import { Id, WorkOrderCreatePayload } from '../../shared/sync/protocol';

/** docs/import.md: the columns of a work-order file. */
export const WORK_ORDER_COLUMNS = ['external_id', 'title', 'description', 'asset_tag', 'priority', 'status', 'assignee', 'due_date'] as const;
export const REQUIRED_WORK_ORDER_COLUMNS = ['external_id', 'title'] as const;

const create = WorkOrderCreatePayload.shape;
/** One work-order row, with the limits of the API's own create payload; any status (the other system's word counts). */
export const WorkOrderImportRow = z.object({
  external_id: Id,
  title: create.title,
  description: create.description,
  asset_tag: z.string().max(64).optional(),
  priority: WorkOrderPriority.default('medium'),
  status: WorkOrderStatus.default('open'),
  assignee: Username.optional(),
  due_date: WorkDate.optional(),
});
export type WorkOrderImportRow = z.infer<typeof WorkOrderImportRow>;
