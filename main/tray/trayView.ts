import type { SyncStatus } from '../../shared/domain/syncStatus';

/** The tray icons in build/tray/, one per state. */
export type TrayIconKey = 'synced' | 'syncing' | 'offline' | 'attention';

export type TrayMenuItem =
  | { kind: 'action'; id: 'open' | 'syncNow' | 'quit'; label: string; enabled: boolean }
  | { kind: 'status'; label: string }
  | { kind: 'separator' };

export interface TrayView {
  icon: TrayIconKey;
  tooltip: string;
  menu: TrayMenuItem[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Pure: sync state in, what the tray shows out. The controller only applies
 * it, so every state is covered by a unit test without Electron.
 */
export function computeTrayView(status: SyncStatus, now: Date = new Date()): TrayView {
  const waiting = status.pendingChanges ? plural(status.pendingChanges, 'change waits', 'changes wait') : 'nothing waiting';
  const last = status.lastSyncedAt ? `last sync ${minutesAgo(status.lastSyncedAt, now)}` : 'never synced';
  let line: string;
  switch (status.state) {
    case 'attention': {
      const parts = [
        status.conflicts && plural(status.conflicts, 'conflict', 'conflicts'),
        status.refused && plural(status.refused, 'refused change', 'refused changes'),
      ].filter(Boolean);
      line = `Needs attention: ${parts.length ? parts.join(', ') : 'sign in again'}`;
      break;
    }
    case 'syncing':
      line = 'Syncing…';
      break;
    case 'offline':
      line = status.connection === 'not_configured' ? 'No sync server set up' : 'Offline: server not reachable';
      break;
    case 'synced':
      line = 'Synced';
      break;
  }
  return {
    icon: status.state,
    tooltip: `Shopfloor: ${line}; ${waiting}; ${last}`,
    menu: [
      { kind: 'action', id: 'open', label: 'Open Shopfloor', enabled: true },
      { kind: 'action', id: 'syncNow', label: 'Sync now', enabled: status.connection !== 'not_configured' && status.state !== 'syncing' },
      { kind: 'separator' },
      { kind: 'status', label: `${line} · ${waiting}` },
      { kind: 'separator' },
      { kind: 'action', id: 'quit', label: 'Quit Shopfloor', enabled: true },
    ],
  };
}

function minutesAgo(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}
