import { z } from 'zod';
import { WORK_ORDER_PRIORITIES, type WorkOrderPriority } from './labels';
import { Timestamp } from './workOrder';
import { Refusal } from './localState';
import type { WorkOrderCreatePayload } from '../sync/protocol';

/**
 * A work request: an operator at the machine says what is wrong, without an
 * account (from the sign-in or lock screen). A supervisor accepts it (it
 * becomes a work order, linked to it) or declines it with a reason the
 * requesting PC shows. Kept zod-light where the renderer needs the words.
 */
export const WORK_REQUEST_STATUSES = ['new', 'accepted', 'declined'] as const;
export type WorkRequestStatus = (typeof WORK_REQUEST_STATUSES)[number];

/** Urgency uses the work-order priorities: an accepted request's work order gets it as its priority. */
export const WORK_REQUEST_URGENCIES = WORK_ORDER_PRIORITIES;
export type WorkRequestUrgency = WorkOrderPriority;

/** The operator's words for each urgency, on big buttons. */
export const URGENCY_LABELS: Record<WorkRequestUrgency, string> = {
  low: 'Can wait',
  medium: 'This week',
  high: 'Today',
  urgent: 'Right now',
};

export const WORK_REQUEST_STATUS_LABELS: Record<WorkRequestStatus, string> = {
  new: 'New',
  accepted: 'Accepted',
  declined: 'Declined',
};

export const REQUEST_LIMITS = { description: 2000, requestedBy: 100, declineReason: 500 } as const;

export const WorkRequestRecord = z.object({
  id: z.string().min(1).max(64),
  assetId: z.string().min(1).max(64),
  description: z.string().min(1).max(REQUEST_LIMITS.description),
  urgency: z.enum(WORK_REQUEST_URGENCIES),
  machineStopped: z.boolean(),
  /** The operator's name as they typed it: they have no account. */
  requestedBy: z.string().min(1).max(REQUEST_LIMITS.requestedBy),
  /** The workstation it came from (the push's clientId). */
  clientId: z.string(),
  /** The account whose token carried it to the server (the PC's last signed-in user): data, not the requester. */
  carriedBy: z.string(),
  status: z.enum(WORK_REQUEST_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  declineReason: z.string().max(REQUEST_LIMITS.declineReason).nullable(),
  /** The work order an accepted request became. */
  workOrderId: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  /** When the operator reported it, by the device clock (data only). */
  reportedAt: Timestamp,
  receivedAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int().nonnegative(),
});
export type WorkRequestRecord = z.infer<typeof WorkRequestRecord>;

/** The work order a supervisor's Accept creates: what the operator said, at the urgency they chose. */
export function workOrderFromRequest(request: Pick<WorkRequestRecord, 'assetId' | 'description' | 'urgency' | 'machineStopped' | 'requestedBy'>): WorkOrderCreatePayload {
  const firstLine = request.description.trim().split('\n')[0]!.trim();
  const title = `${request.machineStopped ? 'Machine stopped: ' : ''}${firstLine}`;
  return {
    title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
    description: `${request.description.trim()}\n\nReported by ${request.requestedBy}${request.machineStopped ? ' (machine stopped)' : ''}.`.slice(0, 4000),
    priority: request.urgency,
    status: 'open',
    assetId: request.assetId,
    assigneeId: null,
    dueAt: null,
  };
}

// ---- what the app's screens send and receive ----------------------------------

const id = z.string().min(1).max(64);

/** What the operator submits, with the sentences they read when something is missing. */
export const NewWorkRequestInput = z.object({
  assetId: id.or(z.literal('')).refine((v) => v !== '', 'Scan or choose the machine this is about.'),
  description: z
    .string()
    .trim()
    .min(1, 'Say what is wrong.')
    .max(REQUEST_LIMITS.description, `That is too long: at most ${REQUEST_LIMITS.description} characters.`),
  urgency: z.enum(WORK_REQUEST_URGENCIES, 'Choose how urgent it is.'),
  machineStopped: z.boolean('Say whether the machine has stopped.'),
  requestedBy: z
    .string()
    .trim()
    .min(1, 'Enter your name, so maintenance knows whom to ask.')
    .max(REQUEST_LIMITS.requestedBy, `The name is too long: at most ${REQUEST_LIMITS.requestedBy} characters.`),
});
export type NewWorkRequestInput = z.input<typeof NewWorkRequestInput>;

export const DeclineWorkRequestInput = z.object({
  id,
  reason: z
    .string()
    .trim()
    .min(1, 'Say why, so the person who asked knows.')
    .max(REQUEST_LIMITS.declineReason, `The reason is too long: at most ${REQUEST_LIMITS.declineReason} characters.`),
});
export type DeclineWorkRequestInput = z.input<typeof DeclineWorkRequestInput>;

/** Which requests a screen lists: the supervisor's queue (all, new first) or those made on this PC (the report screen). */
export const WorkRequestQuery = z.object({ scope: z.enum(['all', 'thisComputer']).default('all'), limit: z.number().int().min(1).max(500).default(100) });
export type WorkRequestQueryInput = z.input<typeof WorkRequestQuery>;

export const WORK_REQUEST_LOCAL_STATES = ['synced', 'unsynced', 'refused'] as const;

export const WorkRequest = WorkRequestRecord.omit({ version: true, receivedAt: true }).extend({
  /** When the server received it; null until it has. */
  receivedAt: Timestamp.nullable(),
  assetTag: z.string(),
  assetName: z.string(),
  /** Where it stands with the server: the request itself, or a decision made on it here. */
  localState: z.enum(WORK_REQUEST_LOCAL_STATES),
  /** A decision made on this PC that the server does not have yet. */
  pendingDecision: z.enum(['accept', 'decline']).nullable(),
  /** The server refused the request, or a decision made on it here (not yet acknowledged). */
  refusal: Refusal.nullable(),
  /** Reported on this computer. */
  fromThisComputer: z.boolean(),
});
export type WorkRequest = z.infer<typeof WorkRequest>;

export const WorkRequestList = z.object({
  items: z.array(WorkRequest),
  /** Requests still new (not yet decided, nor with a decision waiting here): the nav badge. */
  newCount: z.number().int().nonnegative(),
});
export type WorkRequestList = z.infer<typeof WorkRequestList>;
