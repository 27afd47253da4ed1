import { z } from 'zod';
import { TEXT_LIMITS, WORK_ORDER_PRIORITIES, WORK_ORDER_SORTS, WORK_ORDER_STATUSES } from './labels';
import { LocalState, Refusal } from './localState';

export { PRIORITY_LABELS, SORT_LABELS, STATUS_LABELS, TEXT_LIMITS, WORK_ORDER_PRIORITIES, WORK_ORDER_SORTS, WORK_ORDER_STATUSES } from './labels';

export const WorkOrderStatus = z.enum(WORK_ORDER_STATUSES);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;
export const WorkOrderPriority = z.enum(WORK_ORDER_PRIORITIES);
export type WorkOrderPriority = z.infer<typeof WorkOrderPriority>;
export const WorkOrderSort = z.enum(WORK_ORDER_SORTS);
export type WorkOrderSort = z.infer<typeof WorkOrderSort>;

/** ISO-8601 timestamp as the server and the journal store it (always UTC). */
export const Timestamp = z.iso.datetime({ offset: true });

/** The work order as the server stores and sends it. */
export const WorkOrderRecord = z.object({
  id: z.string().min(1).max(64),
  /** Readable number assigned by the server, e.g. "WO-10234". */
  number: z.string().min(1).max(32),
  title: z.string().min(1).max(TEXT_LIMITS.title),
  description: z.string().max(TEXT_LIMITS.description),
  status: WorkOrderStatus,
  priority: WorkOrderPriority,
  assetId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  dueAt: Timestamp.nullable(),
  completedAt: Timestamp.nullable(),
  completionNotes: z.string().max(TEXT_LIMITS.completionNotes).nullable(),
  version: z.number().int().nonnegative(),
  createdAt: Timestamp,
  createdBy: z.string(),
  updatedAt: Timestamp,
  updatedBy: z.string(),
});
export type WorkOrderRecord = z.infer<typeof WorkOrderRecord>;

/**
 * What the app shows: the journal's view (the server's record with this PC's
 * pending changes applied) plus its asset's tag and name. A work order created
 * offline has no number until the server assigns one.
 */
export const WorkOrder = WorkOrderRecord.extend({
  number: z.string().min(1).max(32).nullable(),
  assetTag: z.string().nullable(),
  assetName: z.string().nullable(),
  /** Where this record stands with the server (one state, decided by the journal). */
  localState: LocalState,
  /** Changes made here that the server does not have yet: localState is unsynced or conflict. */
  pending: z.boolean(),
  /** When localState is refused: the server's reason (the refused change is in More → Refused changes). */
  refusal: Refusal.nullable(),
  /** When this record last came from the server; null if it never did. */
  lastSyncedAt: Timestamp.nullable(),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

/** The fields a technician edits; an overwrite sends all of them. */
export const EditableWorkOrderFields = WorkOrderRecord.pick({
  title: true,
  description: true,
  status: true,
  priority: true,
  assetId: true,
  assigneeId: true,
  dueAt: true,
  completionNotes: true,
});
export type EditableWorkOrderFields = z.infer<typeof EditableWorkOrderFields>;
export const EDITABLE_WORK_ORDER_FIELDS = Object.keys(EditableWorkOrderFields.shape) as (keyof EditableWorkOrderFields)[];

/** One row of the work-order list: what the list needs, nothing more. */
export const WorkOrderSummary = WorkOrder.pick({
  id: true,
  number: true,
  title: true,
  status: true,
  priority: true,
  assetId: true,
  assetTag: true,
  assetName: true,
  assigneeId: true,
  dueAt: true,
  updatedAt: true,
  localState: true,
  pending: true,
  refusal: true,
});
export type WorkOrderSummary = z.infer<typeof WorkOrderSummary>;

export const WORK_ORDER_PAGE_MAX = 500;

export const WorkOrderQuery = z.object({
  /** Matches number, title or asset tag, case-insensitively. */
  search: z.string().trim().max(TEXT_LIMITS.search).default(''),
  status: WorkOrderStatus.nullable().default(null),
  priority: WorkOrderPriority.nullable().default(null),
  assetId: z.string().max(64).nullable().default(null),
  /** Only work orders assigned to the signed-in technician. */
  assignedToMe: z.boolean().default(false),
  /**
   * updated: last change, newest first. due: soonest due first, no due date last.
   * priority: urgent first, then newest change. number: WO-9 before WO-10, new (unnumbered) first.
   */
  sort: WorkOrderSort.default('updated'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(WORK_ORDER_PAGE_MAX).default(100),
});
export type WorkOrderQueryInput = z.input<typeof WorkOrderQuery>;
export type WorkOrderQuery = z.output<typeof WorkOrderQuery>;

export const WorkOrderPage = z.object({
  items: z.array(WorkOrderSummary),
  /** Rows matching the filter, across all pages: sizes the virtual list. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});
export type WorkOrderPage = z.infer<typeof WorkOrderPage>;

/** The list's filters and sort as a user left them: restored at their next sign-in on this computer. */
export const ListView = z.object({
  status: WorkOrderStatus.nullable().default(null),
  priority: WorkOrderPriority.nullable().default(null),
  assignedToMe: z.boolean().default(false),
  sort: WorkOrderSort.default('updated'),
});
export type ListView = z.output<typeof ListView>;
