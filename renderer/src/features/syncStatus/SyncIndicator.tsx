import { useGetSyncStatusQuery } from '../../api/shopfloorApi';
import { useAppDispatch } from '../../app/hooks';
import { navigated } from '../../app/navigationSlice';
import { Icon, type IconName } from '../../components/Icon';
import { useNow } from '../../components/useNow';
import { LastSync } from './LastSync';
import { syncLook, type SyncLevel } from './syncLook';

const ICONS: Record<SyncLevel, IconName> = {
  synced: 'check',
  busy: 'sync',
  offline: 'offline',
  waiting: 'clock',
  late: 'alert',
  attention: 'alert',
};

/**
 * The sync state in the header, where the eye goes: icon, colour, count and
 * words, with the last sync. Tapping it opens what needs doing (conflicts,
 * refused changes) or the sync history with "Sync now".
 */
export function SyncIndicator() {
  const dispatch = useAppDispatch();
  const { data: status, error } = useGetSyncStatusQuery();
  // "Offline for 9 hours" must grow while nothing else changes.
  const now = useNow(60_000);

  if (error) return <div role="status" aria-label="Sync status" className="sync-indicator sync-attention">{error.message}</div>;
  if (!status) return <div role="status" aria-label="Sync status" className="sync-indicator" />;
  const look = syncLook(status, now);
  const tab = status.conflicts ? 'conflicts' : status.refused ? 'refused' : 'history';
  return (
    <div role="status" aria-label="Sync status" className={`sync-indicator sync-${look.level}`} data-level={look.level}>
      <button type="button" title={status.message} onClick={() => dispatch(navigated({ name: 'more', tab }))}>
        <Icon name={ICONS[look.level]} size={26} />
        {look.count > 0 && <span className="sync-count">{look.count}</span>}
        <span className="sync-words">
          <strong>{look.headline}</strong>
          {/* The last sync first: when the line is cut, the counts (also on the badge) give way. */}
          <span>
            <LastSync /> · {look.detail}
          </span>
        </span>
      </button>
    </div>
  );
}
