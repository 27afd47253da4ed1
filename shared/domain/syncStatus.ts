import { z } from 'zod';

/**
 * What the status bar and the tray show. `offline` until a sync server is
 * configured and answering; the sync issue fills in the other states.
 */
export const SYNC_STATES = ['synced', 'syncing', 'offline', 'attention'] as const;
export const SyncState = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  state: SyncState,
  /** Local changes that the server does not have yet. */
  pendingChanges: z.number().int().nonnegative(),
  /** ISO timestamp of the last cycle that completed, or null if none ever did. */
  lastSyncedAt: z.iso.datetime({ offset: true }).nullable(),
  /** One sentence for the technician, e.g. why we are offline. */
  message: z.string(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
