import { z } from 'zod';
import { HoursEntryRecord, AssetRecord, UserSummary, WorkDate } from '../domain/records';
import { HOURS_MAX } from '../domain/rules';
import { REJECTION_CODES } from './rejectionCodes';
import {
  EditableWorkOrderFields,
  TEXT_LIMITS,
  Timestamp,
  WorkOrderPriority,
  WorkOrderRecord,
  WorkOrderStatus,
} from '../domain/workOrder';
import { REQUEST_LIMITS, WORK_REQUEST_URGENCIES, WorkRequestRecord } from '../domain/workRequest';

/**
 * The sync wire protocol (docs/sync-protocol.md), shared by the server, which
 * enforces it, and the app's sync worker, which speaks it.
 */
export const API_PREFIX = '/api/v1';
export const PUSH_MAX_MUTATIONS = 1000;
/** What a client puts in one push at most (JSON bytes, roughly): well under the server's 1 MiB body limit. */
export const PUSH_MAX_BYTES = 768 * 1024;
export const PULL_MAX_LIMIT = 1000;

export const Id = z.string().min(1).max(64);
/** Versions are 32-bit on every database we support. */
export const MAX_VERSION = 2_147_483_647;

// ---- errors --------------------------------------------------------------

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_JSON',
  'UNAUTHORIZED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'USER_EXISTS',
  'LAST_ADMIN',
  'PRECONDITION_FAILED',
  'PRECONDITION_REQUIRED',
  'TOO_MANY_ATTEMPTS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_CURSOR',
  'RESYNC_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---- auth ----------------------------------------------------------------

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
/**
 * `token` is the access token (Authorization: Bearer). `refreshToken` and `expiresAt` (when the
 * access token expires) are optional so a client still signs in to a server from before they existed.
 */
export const LoginResponse = z.object({
  token: z.string(),
  refreshToken: z.string().optional(),
  expiresAt: Timestamp.optional(),
  user: UserSummary,
});
export type LoginResponse = z.infer<typeof LoginResponse>;
/** POST /auth/refresh answers with a LoginResponse (a new access and refresh token). */
export const RefreshRequest = z.object({ refreshToken: z.string().min(1).max(200) });
/** POST /auth/logout: the bearer token's sign-in is revoked, or the one of `refreshToken`. */
export const LogoutRequest = z.object({ refreshToken: z.string().min(1).max(200).optional() });

// ---- push ----------------------------------------------------------------

const text = (max: number) => z.string().max(max);

export const WorkOrderCreatePayload = z.object({
  title: z.string().trim().min(1).max(TEXT_LIMITS.title),
  description: text(TEXT_LIMITS.description).default(''),
  priority: WorkOrderPriority.default('medium'),
  status: WorkOrderStatus.default('open'),
  assetId: Id.nullable().default(null),
  assigneeId: Id.nullable().default(null),
  dueAt: Timestamp.nullable().default(null),
});
export type WorkOrderCreatePayload = z.infer<typeof WorkOrderCreatePayload>;

/** Changed fields only; at least one. */
export const WorkOrderUpdatePayload = EditableWorkOrderFields.extend({
  title: z.string().trim().min(1).max(TEXT_LIMITS.title),
})
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'An update must change at least one field.');
export type WorkOrderUpdatePayload = z.infer<typeof WorkOrderUpdatePayload>;

/** The technician's whole editable record. */
export const WorkOrderOverwritePayload = EditableWorkOrderFields.extend({
  title: z.string().trim().min(1).max(TEXT_LIMITS.title),
});
export type WorkOrderOverwritePayload = z.infer<typeof WorkOrderOverwritePayload>;

export const HoursEntryCreatePayload = z.object({
  workOrderId: Id,
  hours: z.number().gt(0, 'Hours must be more than 0.').max(HOURS_MAX, `No more than ${HOURS_MAX} hours in one entry.`),
  workDate: WorkDate,
  note: text(1000).default(''),
  performedAt: Timestamp,
});
export type HoursEntryCreatePayload = z.infer<typeof HoursEntryCreatePayload>;

/** An operator's report from the sign-in screen: who they say they are, which asset, what is wrong. */
export const WorkRequestCreatePayload = z.object({
  assetId: Id,
  description: z.string().trim().min(1).max(REQUEST_LIMITS.description),
  urgency: z.enum(WORK_REQUEST_URGENCIES).default('medium'),
  machineStopped: z.boolean().default(false),
  requestedBy: z.string().trim().min(1).max(REQUEST_LIMITS.requestedBy),
  reportedAt: Timestamp,
});
export type WorkRequestCreatePayload = z.infer<typeof WorkRequestCreatePayload>;

/** Accept: the new work order's id, chosen by the supervisor's client like any new record's. */
export const WorkRequestAcceptPayload = z.object({ workOrderId: Id });
export type WorkRequestAcceptPayload = z.infer<typeof WorkRequestAcceptPayload>;

/** Decline: the reason the requester's PC shows. */
export const WorkRequestDeclinePayload = z.object({ reason: z.string().trim().min(1).max(REQUEST_LIMITS.declineReason) });
export type WorkRequestDeclinePayload = z.infer<typeof WorkRequestDeclinePayload>;

export const MUTATION_PAYLOADS = {
  'workOrder.create': WorkOrderCreatePayload,
  'workOrder.update': WorkOrderUpdatePayload,
  'workOrder.overwrite': WorkOrderOverwritePayload,
  'hoursEntry.create': HoursEntryCreatePayload,
  'workRequest.create': WorkRequestCreatePayload,
  'workRequest.accept': WorkRequestAcceptPayload,
  'workRequest.decline': WorkRequestDeclinePayload,
} as const;
export type MutationType = keyof typeof MUTATION_PAYLOADS;
export const MUTATION_TYPES = Object.keys(MUTATION_PAYLOADS) as MutationType[];

/** The envelope is checked for the whole request; each payload per mutation, so one bad one blocks nothing. */
export const Mutation = z.object({
  id: z.uuid(),
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  type: z.enum(MUTATION_TYPES as [MutationType, ...MutationType[]]),
  entityId: Id,
  baseVersion: z.number().int().nonnegative().max(MAX_VERSION).nullable(),
  payload: z.unknown(),
  createdAt: Timestamp,
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.object({
  clientId: z.uuid(),
  mutations: z.array(Mutation).min(1).max(PUSH_MAX_MUTATIONS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export { REJECTION_CODES, type RejectionCode } from './rejectionCodes';

export const OUTCOME_STATUSES = ['applied', 'conflict', 'rejected'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

const Applied = z.object({
  id: z.uuid(),
  status: z.literal('applied'),
  /** The record's new version. */
  version: z.number().int(),
  /** For work orders (and a request's Accept: the work order it became): the record as the server now has it. */
  record: WorkOrderRecord.optional(),
});
const Conflict = z.object({
  id: z.uuid(),
  status: z.literal('conflict'),
  version: z.number().int().optional(),
  /** The server's current record (updatedBy/updatedAt say who changed it and when). */
  record: WorkOrderRecord,
  message: z.string().optional(),
});
const Rejected = z.object({
  id: z.uuid(),
  status: z.literal('rejected'),
  code: z.enum(REJECTION_CODES),
  message: z.string(),
  /** For DEPENDENCY_REJECTED: the refused mutation this one depended on. */
  dependsOn: z.uuid().optional(),
});
/** What the server decided for one mutation the first time it saw it. */
export const MutationOutcome = z.discriminatedUnion('status', [Applied, Conflict, Rejected]);
export type MutationOutcome = z.infer<typeof MutationOutcome>;

/** A retried mutation: the first answer again, with `status: 'duplicate'` and `original` saying what it was. */
const Duplicate = z.discriminatedUnion('original', [
  Applied.extend({ status: z.literal('duplicate'), original: z.literal('applied') }),
  Conflict.extend({ status: z.literal('duplicate'), original: z.literal('conflict') }),
  Rejected.extend({ status: z.literal('duplicate'), original: z.literal('rejected') }),
]);

/** One answer per pushed mutation, discriminated by `status` (and, for `duplicate`, by `original`). */
export const MutationResult = z.union([Applied, Conflict, Rejected, Duplicate]);
export type MutationResult = z.infer<typeof MutationResult>;

/** The answer as the first processing decided it: a duplicate is its original outcome. */
export function settledOutcome(result: MutationResult): MutationOutcome {
  if (result.status !== 'duplicate') return result;
  const { original, ...rest } = result;
  return { ...rest, status: original } as MutationOutcome;
}

export const PushResponse = z.object({ results: z.array(MutationResult) });
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pull ----------------------------------------------------------------

export const ENTITIES = ['workOrder', 'asset', 'hoursEntry', 'workRequest'] as const;
export type Entity = (typeof ENTITIES)[number];

export const Change = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('workOrder'), id: Id, version: z.number().int(), record: WorkOrderRecord }),
  z.object({ entity: z.literal('asset'), id: Id, version: z.number().int(), record: AssetRecord }),
  z.object({ entity: z.literal('hoursEntry'), id: Id, version: z.number().int(), record: HoursEntryRecord }),
  z.object({ entity: z.literal('workRequest'), id: Id, version: z.number().int(), record: WorkRequestRecord }),
]);
export type Change = z.infer<typeof Change>;

export const PullQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(500),
});
export const PullResponse = z.object({ changes: z.array(Change), cursor: z.string(), hasMore: z.boolean() });
export type PullResponse = z.infer<typeof PullResponse>;
/** The page's envelope only: the pull writer's thread checks each change with `Change` before writing it. */
export const PullEnvelope = z.object({ changes: z.array(z.unknown()), cursor: z.string(), hasMore: z.boolean() });

// ---- people ----------------------------------------------------------------

/** GET /users/assignable: active accounts, whom work may be assigned to. */
export const AssignableUser = z.object({ username: z.string().min(1).max(64), role: UserSummary.shape.role });
export type AssignableUser = z.infer<typeof AssignableUser>;
export const AssignableUsersResponse = z.object({ users: z.array(AssignableUser).max(10_000) });

// ---- online work-order endpoints ------------------------------------------

export const AuditEntry = z.object({
  id: z.number().int(),
  at: Timestamp,
  userId: z.string(),
  mutationId: z.string().nullable(),
  action: z.string(),
  before: WorkOrderRecord.nullable(),
  after: WorkOrderRecord.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

// ---- online work-request endpoints -----------------------------------------

/** GET /work-requests/:id/history: the request's audit trail (create, accept, decline). */
export const WorkRequestAuditEntry = z.object({
  id: z.number().int(),
  at: Timestamp,
  userId: z.string(),
  mutationId: z.string().nullable(),
  action: z.string(),
  before: WorkRequestRecord.nullable(),
  after: WorkRequestRecord.nullable(),
});
export type WorkRequestAuditEntry = z.infer<typeof WorkRequestAuditEntry>;
