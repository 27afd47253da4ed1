import type { SyncStatus } from '../../../../shared/domain/syncStatus';

/**
 * How the header shows the sync state at a glance: one colour and icon per
 * level, words for each. Green: all on the server. Blue: sending or online
 * with changes on their way. Grey: offline, nothing waiting. Amber: offline
 * with changes waiting. Red: something needs the technician, or the oldest
 * waiting change has waited offline past LATE_AFTER_HOURS.
 */
export type SyncLevel = 'synced' | 'busy' | 'offline' | 'waiting' | 'late' | 'attention';

/** A shift: changes that could not be sent for longer than this need someone to look at the network. */
export const LATE_AFTER_HOURS = 8;

export interface SyncLook {
  level: SyncLevel;
  /** Bold first line. */
  headline: string;
  /** What waits, and what needs a decision. */
  detail: string;
  /** The number on the badge: changes waiting, or things to look at when that is the problem. */
  count: number;
}

const waitingText = (n: number) => (n === 0 ? 'No changes waiting' : `${n} ${n === 1 ? 'change waits' : 'changes wait'} to sync`);

export function syncLook(status: SyncStatus, now: number = Date.now()): SyncLook {
  const attention = [
    status.conflicts ? `${status.conflicts} conflict${status.conflicts === 1 ? '' : 's'}` : '',
    status.refused ? `${status.refused} refused` : '',
  ].filter(Boolean);
  const waiting = waitingText(status.pendingChanges);
  const detail = [waiting, ...attention].join(' · ');
  const online = status.connection === 'online';
  const hoursSinceSync = status.lastSyncedAt ? (now - Date.parse(status.lastSyncedAt)) / 3_600_000 : null;
  const hoursWaiting = status.oldestPendingAt ? (now - Date.parse(status.oldestPendingAt)) / 3_600_000 : null;

  if (attention.length) return { level: 'attention', headline: 'Needs attention', detail, count: status.conflicts + status.refused };
  if (status.state === 'syncing') return { level: 'busy', headline: 'Syncing…', detail, count: status.pendingChanges };
  if (!online && status.pendingChanges > 0) {
    // Red when the oldest waiting change has waited longer than a shift (not when the PC was merely idle).
    const late = hoursWaiting !== null && hoursWaiting > LATE_AFTER_HOURS;
    const headline = hoursSinceSync !== null ? `Offline for ${describeHours(hoursSinceSync)}` : `Changes waiting for ${describeHours(hoursWaiting ?? 0)}`;
    return late
      ? { level: 'late', headline, detail, count: status.pendingChanges }
      : { level: 'waiting', headline: 'Offline · changes waiting', detail, count: status.pendingChanges };
  }
  if (!online) return { level: 'offline', headline: status.connection === 'not_configured' ? 'Offline · no server set up' : 'Offline', detail, count: 0 };
  return status.pendingChanges > 0
    ? { level: 'busy', headline: 'Online · sending soon', detail, count: status.pendingChanges }
    : { level: 'synced', headline: 'Online · all changes synced', detail, count: 0 };
}

function describeHours(hours: number): string {
  if (hours < 48) return `${Math.floor(hours)} hours`;
  return `${Math.floor(hours / 24)} days`;
}
