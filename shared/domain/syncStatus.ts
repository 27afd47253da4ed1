import { z } from 'zod';

/** What the status bar and the tray show. */
export const SYNC_STATES = ['synced', 'syncing', 'offline', 'attention'] as const;
export const SyncState = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  state: SyncState,
  /** online: the server answers; unreachable: it does not; not_configured: no server set up. */
  connection: z.enum(['online', 'unreachable', 'not_configured']),
  /** Local changes that the server does not have yet. */
  pendingChanges: z.number().int().nonnegative(),
  /** Work orders waiting for the technician's Overwrite / Discard / Merge. */
  conflicts: z.number().int().nonnegative(),
  /** Refused changes not yet acknowledged with "Okay". */
  refused: z.number().int().nonnegative(),
  /** When the oldest change still waiting was made (this PC's clock), or null when nothing waits. */
  oldestPendingAt: z.iso.datetime({ offset: true }).nullable(),
  /** ISO timestamp of the last cycle that completed, or null if none ever did. */
  lastSyncedAt: z.iso.datetime({ offset: true }).nullable(),
  /** One sentence for the technician. */
  message: z.string(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
