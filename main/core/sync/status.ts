import type { SyncStatus } from '../../../shared/domain/syncStatus';
import type { Db } from '../db/connection';
import { journalCounts } from '../journal/localState';
import type { WorkerSnapshot } from './worker';

/**
 * The one place that turns the journal's counts (journal/localState.ts) and
 * the worker's snapshot into what the status bar and tray say.
 */
export function syncStatus(db: Db, worker: WorkerSnapshot, demoServer = false): SyncStatus {
  const status = describe(db, worker);
  return demoServer ? { ...status, message: `Demo server on this computer. ${status.message}` } : status;
}

function describe(db: Db, worker: WorkerSnapshot): SyncStatus {
  const { pendingChanges, conflicts, refused, oldestPendingAt } = journalCounts(db);
  const signedOut = worker.signedOutUsers;
  const base = { connection: worker.connection, pendingChanges, conflicts, refused, oldestPendingAt, lastSyncedAt: worker.lastSyncedAt };

  if (conflicts || refused || signedOut.length) {
    const parts = [
      conflicts && `${conflicts} work order conflict${conflicts === 1 ? '' : 's'} to decide`,
      refused && `${refused} refused change${refused === 1 ? '' : 's'} to read`,
      signedOut.length && `${signedOut.join(', ')} must sign in again to send their changes`,
    ].filter(Boolean);
    return { ...base, state: 'attention', message: `Needs attention: ${parts.join('; ')}.` };
  }
  if (worker.syncing) {
    const progress = worker.received ? ` ${worker.received.toLocaleString('en')} changes received so far.` : '';
    return { ...base, state: 'syncing', message: `Syncing with the server…${progress}` };
  }
  if (worker.connection === 'not_configured') {
    return { ...base, state: 'offline', message: 'No sync server is set up yet. Everything you do is saved on this computer.' };
  }
  if (worker.connection === 'unreachable') {
    return { ...base, state: 'offline', message: 'Working offline. Your changes are saved on this computer and will be sent when the server is back.' };
  }
  return { ...base, state: 'synced', message: pendingChanges ? 'Online. Sending your changes shortly.' : 'Online. Everything is synced.' };
}
