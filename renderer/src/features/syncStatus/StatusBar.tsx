import { useGetSyncStatusQuery } from '../../api/shopfloorApi';
import { formatDateTime } from '../workOrders/format';

const STATE_LABELS = {
  synced: 'Online · all changes synced',
  syncing: 'Syncing…',
  offline: 'Offline',
  attention: 'Needs attention',
} as const;

/** Always visible: online or not, how many changes wait, when we last synced. */
export function StatusBar() {
  const { data: status, error } = useGetSyncStatusQuery();
  return (
    <footer className={`status-bar state-${status?.state ?? 'unknown'}`} role="status" aria-label="Sync status">
      {error && <span>{error.message}</span>}
      {status && (
        <>
          <span className="status-state">
            <span className="status-dot" aria-hidden="true" />
            {STATE_LABELS[status.state]}
          </span>
          <span>
            {status.pendingChanges === 0
              ? 'No changes waiting'
              : `${status.pendingChanges} ${status.pendingChanges === 1 ? 'change waits' : 'changes wait'} to sync`}
          </span>
          <span>Last sync: {status.lastSyncedAt ? formatDateTime(status.lastSyncedAt) : 'never'}</span>
          {status.conflicts > 0 && <span>{status.conflicts} conflict{status.conflicts === 1 ? '' : 's'}</span>}
          {status.refused > 0 && <span>{status.refused} refused</span>}
          <span className="status-message">{status.message}</span>
        </>
      )}
    </footer>
  );
}
