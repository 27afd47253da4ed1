import type { RefusedChange } from '../../../../shared/domain/sync';
import { useAcknowledgeRefusedMutation, useExportRefusedMutation } from '../../api/shopfloorApi';
import { formatDateTime } from '../workOrders/format';

const KIND: Record<RefusedChange['type'], string> = {
  'workOrder.create': 'New work order',
  'workOrder.update': 'Change',
  'workOrder.overwrite': 'Overwrite',
  'hoursEntry.create': 'Hours',
  'workRequest.create': 'Work request',
  'workRequest.accept': 'Accept request',
  'workRequest.decline': 'Decline request',
};

/** What the refused change said, in words rather than JSON. */
function describe(r: RefusedChange): string {
  const data = JSON.parse(r.payload) as Record<string, unknown>;
  if (r.type === 'hoursEntry.create') return `${data.hours} h on ${data.workDate}${data.note ? `: ${data.note}` : ''}`;
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

/** Errors to acknowledge ("Okay"), then a history that keeps the data: copy it, export it. */
export function RefusedPanel({ refused }: { refused: RefusedChange[] }) {
  const [acknowledge] = useAcknowledgeRefusedMutation();
  const [exportCsv] = useExportRefusedMutation();
  const open = refused.filter((r) => !r.acknowledgedAt);
  const history = refused.filter((r) => r.acknowledgedAt);
  const download = async () => {
    const { csv } = await exportCsv().unwrap();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = 'shopfloor-refused-changes.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <>
      {open.length === 0 && <p className="muted">No refused changes to read.</p>}
      {open.map((r) => (
        <article key={r.id} className="card error-card" role="alert" aria-label={`Refused: ${KIND[r.type]} on ${r.workOrderLabel}`}>
          <h2>
            {KIND[r.type]} on {r.workOrderLabel} was refused
          </h2>
          <p>{r.message}</p>
          <p className="muted">
            {describe(r)} · by {r.userId}, {formatDateTime(r.createdAt)}
          </p>
          <button type="button" className="primary" onClick={() => void acknowledge(r.id)}>
            Okay
          </button>
        </article>
      ))}
      <h2>History of refused changes</h2>
      {history.length === 0 ? (
        <p className="muted">Nothing yet. Refused changes stay here after “Okay”, with their data.</p>
      ) : (
        <>
          <button type="button" onClick={() => void download()}>
            Export as CSV
          </button>
          <ul className="plain-list">
            {history.map((r) => (
              <li key={r.id} className="history-row">
                <span>
                  <strong>{KIND[r.type]}</strong> on {r.workOrderLabel}: {describe(r)} — {r.message}
                </span>
                <button type="button" onClick={() => void navigator.clipboard?.writeText(`${r.workOrderLabel}\t${describe(r)}\t${r.message}`)}>
                  Copy
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
