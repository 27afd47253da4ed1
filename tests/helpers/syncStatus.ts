import type { SyncStatus } from '../../shared/domain/syncStatus';

/**
 * A SyncStatus as the worker reports it, quiet and online unless a test says
 * otherwise; last synced `minutesSinceSync` before `now`. Shared by the header and tray
 * view tests, so both read the same shape the worker sends.
 */
export function syncStatusAt(now: Date | number, minutesSinceSync = 1): (over?: Partial<SyncStatus>) => SyncStatus {
  const lastSyncedAt = new Date(new Date(now).getTime() - minutesSinceSync * 60_000).toISOString();
  return (over = {}) => ({
    state: 'synced',
    connection: 'online',
    pendingChanges: 0,
    conflicts: 0,
    refused: 0,
    oldestPendingAt: null,
    lastSyncedAt,
    message: '',
    ...over,
  });
}
