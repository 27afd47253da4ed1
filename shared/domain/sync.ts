import { z } from 'zod';
import { REJECTION_CODES, MUTATION_TYPES, type MutationType } from '../sync/protocol';
import { SIDES } from './conflictPicks';
import { EDITABLE_WORK_ORDER_FIELDS } from './workOrder';

/** Conflict and refused-change shapes the app shows (the "More" area). */

export const CONFLICT_CHOICES = ['overwrite', 'discard', 'merge'] as const;
export const ConflictChoice = z.enum(CONFLICT_CHOICES);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

/**
 * The technician's decision, made in the app: one of the three choices, or
 * "fields": a merge where they picked, for each field both sides changed,
 * whose value wins (see conflictPicks.ts).
 */
const WorkOrderId = z.string().min(1).max(64);
export const ConflictDecision = z.discriminatedUnion('choice', [
  z.object({ workOrderId: WorkOrderId, choice: ConflictChoice }),
  z.object({
    workOrderId: WorkOrderId,
    choice: z.literal('fields'),
    picks: z.partialRecord(z.enum(EDITABLE_WORK_ORDER_FIELDS as [string, ...string[]]), z.enum(SIDES)),
  }),
]);
export type ConflictDecision = z.infer<typeof ConflictDecision>;

const FieldValue = z.union([z.string(), z.number(), z.null()]);

export const WorkOrderConflict = z.object({
  workOrderId: z.string(),
  number: z.string(),
  title: z.string(),
  /** Who changed it on the server, and when. */
  changedBy: z.string(),
  changedAt: z.string(),
  serverVersion: z.number().int(),
  /** Whose pending change it is. */
  madeBy: z.string(),
  fields: z.array(z.object({ field: z.string(), before: FieldValue, mine: FieldValue, theirs: FieldValue })),
  canMerge: z.boolean(),
});
export type WorkOrderConflict = z.infer<typeof WorkOrderConflict>;

export const RefusedChange = z.object({
  id: z.string(),
  type: z.enum(MUTATION_TYPES as [MutationType, ...MutationType[]]),
  workOrderId: z.string(),
  workOrderLabel: z.string(),
  code: z.enum(REJECTION_CODES),
  message: z.string(),
  /** The refused data, as sent (JSON), so it can be read, copied and re-entered. */
  payload: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type RefusedChange = z.infer<typeof RefusedChange>;

/** A change the technician chose to drop in a Work Order Conflict: kept, and listed, so it can be re-entered. */
export const DiscardedChange = z.object({
  id: z.string(),
  workOrderId: z.string(),
  workOrderLabel: z.string(),
  /** The fields and values they had set, as the change carried them (JSON). */
  payload: z.string(),
  userId: z.string(),
  createdAt: z.string(),
});
export type DiscardedChange = z.infer<typeof DiscardedChange>;

export const SyncHistoryEntry = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  sent: z.number().int(),
  received: z.number().int(),
  outcome: z.enum(['ok', 'offline', 'failed', 'not_configured', 'signed_out']),
  message: z.string(),
});
export type SyncHistoryEntry = z.infer<typeof SyncHistoryEntry>;
