/**
 * Work-order vocabulary without zod, so the renderer bundle can use it as is.
 * `workOrder.ts` builds the schemas from these lists.
 */
/** Lifecycle of a work order. `completed` and `cancelled` are final for technicians. */
export const WORK_ORDER_STATUSES = ['open', 'in_progress', 'on_hold', 'completed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const WORK_ORDER_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type WorkOrderPriority = (typeof WORK_ORDER_PRIORITIES)[number];

/** Words a technician reads on screen for each status. */
export const STATUS_LABELS: Record<WorkOrderStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  on_hold: 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const PRIORITY_LABELS: Record<WorkOrderPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

/** How the work-order list can be ordered; each has one direction a person expects and a stable tie-breaker. */
export const WORK_ORDER_SORTS = ['updated', 'due', 'priority', 'number'] as const;
export type WorkOrderSort = (typeof WORK_ORDER_SORTS)[number];

export const SORT_LABELS: Record<WorkOrderSort, string> = {
  updated: 'Last change',
  due: 'Due date',
  priority: 'Priority',
  number: 'Number',
};

export const TEXT_LIMITS = {
  title: 200,
  description: 4000,
  completionNotes: 4000,
  search: 200,
} as const;

