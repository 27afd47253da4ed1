import { useGetSyncStatusQuery } from '../../api/shopfloorApi';
import { formatWhen } from '../workOrders/format';

/**
 * "Last sync: …", from the one place that knows it (the sync status the core
 * pushes). Every screen that mentions the last sync shows this component, so
 * no two places can disagree.
 */
export function LastSync() {
  const { data: status } = useGetSyncStatusQuery();
  if (!status) return null;
  return <span className="last-sync">Last sync: {status.lastSyncedAt ? formatWhen(status.lastSyncedAt) : 'never'}</span>;
}
