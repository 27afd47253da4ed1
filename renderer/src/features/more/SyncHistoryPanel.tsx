import { useGetSyncStatusQuery, useSyncHistoryQuery, useSyncNowMutation } from '../../api/shopfloorApi';
import { LastSync } from '../syncStatus/LastSync';
import { formatDateTime } from '../workOrders/format';
import { disabledBecause } from '../../components/disabledBecause';

const OUTCOME: Record<string, string> = { ok: 'Done', offline: 'Offline', failed: 'Failed', not_configured: 'No server', signed_out: 'Signed out' };

/** Recent sync cycles: when, how many sent and received, how long, outcome. */
export function SyncHistoryPanel() {
  const { data: history = [] } = useSyncHistoryQuery();
  const [syncNow, { isLoading }] = useSyncNowMutation();
  const { data: status } = useGetSyncStatusQuery();
  return (
    <>
      {status && (
        <p>
          {status.message} <LastSync />
        </p>
      )}
      <button type="button" className="primary" {...disabledBecause(isLoading && 'A sync is running.')} onClick={() => void syncNow()}>
        {isLoading ? 'Syncing…' : 'Sync now'}
      </button>
      {history.length === 0 ? (
        <p className="muted">No sync yet.</p>
      ) : (
        <table className="hours-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Sent</th>
              <th scope="col">Received</th>
              <th scope="col">Took</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.startedAt + h.finishedAt}>
                <td>{formatDateTime(h.startedAt)}</td>
                <td>{h.sent}</td>
                <td>{h.received}</td>
                <td>{((Date.parse(h.finishedAt) - Date.parse(h.startedAt)) / 1000).toFixed(1)} s</td>
                <td>
                  {OUTCOME[h.outcome] ?? h.outcome}
                  {h.message ? `: ${h.message}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
