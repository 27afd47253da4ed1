import { z } from 'zod';
import { HoursEntryRecord, AssetRecord } from './records';
import { HoursLocalState, Refusal } from './localState';
import { Timestamp, WorkOrderSummary } from './workOrder';

/** Shapes the app's screens receive over IPC (beyond work orders). */

export const SessionUser = z.object({ username: z.string(), role: z.enum(['technician', 'supervisor', 'admin']) });
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionState = z.object({
  user: SessionUser.nullable(),
  /** False when the server token cannot be stored safely and is kept in memory only. */
  rememberedAcrossRestarts: z.boolean(),
  /** True when the sign-in was checked on this PC only (the server was not reachable). */
  signedInOffline: z.boolean(),
  /** False in the journal-only demo, where no sync server is set up. */
  serverConfigured: z.boolean(),
  /** The lock screen is up: `user` is who was signed in; nothing is done in anyone's name until someone switches in. */
  locked: z.boolean(),
});
export type SessionState = z.infer<typeof SessionState>;

/** Someone who signed in on this PC, and how they can switch in from the lock screen (no secret, no hash). */
export const QuickSwitchAccount = z.object({
  username: z.string(),
  hasPin: z.boolean(),
  hasBadge: z.boolean(),
  /** Five wrong PINs in a row: only their password lets them in (and opens quick switch again). */
  lockedOut: z.boolean(),
});
export type QuickSwitchAccount = z.infer<typeof QuickSwitchAccount>;

/** What IT set for this PC: lock after this many minutes without input (0 = never by inactivity). */
export const LockSettings = z.object({ lockAfterMinutes: z.number().int().nonnegative() });
export type LockSettings = z.infer<typeof LockSettings>;

export const SignOutResult = z.object({
  /** This user's changes still waiting: kept, and sent when the server is reachable. */
  pendingChanges: z.number().int().nonnegative(),
});

export const HoursEntry = HoursEntryRecord.omit({ version: true }).extend({
  /** When the server received it; null until it has. */
  receivedAt: Timestamp.nullable(),
  /** Where this entry stands with the server (one state, decided by the journal). */
  localState: HoursLocalState,
  /** Waiting to be sent: localState is unsynced. */
  pending: z.boolean(),
  /** When localState is refused: the server's reason. Refused hours do not count towards the total. */
  refusal: Refusal.nullable(),
});
export type HoursEntry = z.infer<typeof HoursEntry>;

export const Asset = AssetRecord.omit({ version: true, updatedAt: true, parentId: true });
export type Asset = z.infer<typeof Asset>;

export const AssetQuery = z.object({
  search: z.string().trim().max(200).default(''),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AssetQueryInput = z.input<typeof AssetQuery>;

export const AssetPage = z.object({
  items: z.array(Asset),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});
export type AssetPage = z.infer<typeof AssetPage>;

export const AssetDetail = z.object({ asset: Asset, workOrders: z.array(WorkOrderSummary) });
export type AssetDetail = z.infer<typeof AssetDetail>;

export const Timer = z.object({ workOrderId: z.string(), startedAt: Timestamp });
export type Timer = z.infer<typeof Timer>;
export const StoppedTimer = Timer.extend({ hours: z.number().positive() });
export type StoppedTimer = z.infer<typeof StoppedTimer>;

export const LookupResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('asset'), id: z.string() }),
  z.object({ kind: z.literal('workOrder'), id: z.string() }),
  z.object({ kind: z.literal('none') }),
]);
export type LookupResult = z.infer<typeof LookupResult>;

export const Settings = z.object({
  /** The shop's sync server, or null when none is set up. */
  serverUrl: z.string().nullable(),
  /** The server is the demo one that runs inside the app. */
  demoServer: z.boolean(),
  /** Set by IT for this PC (environment): shown, not editable here. */
  serverFixed: z.boolean(),
  startWithComputer: z.boolean(),
  startWithComputerSupported: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const ServerUrlInput = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Enter the server address, e.g. https://shopfloor.example.com.')
    .max(500)
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), 'Enter a full address starting with https://'),
});

export const ConnectionTest = z.object({ ok: z.boolean(), message: z.string() });
