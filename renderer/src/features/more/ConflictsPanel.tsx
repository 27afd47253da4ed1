import { useState } from 'react';
import { PRIORITY_LABELS, STATUS_LABELS, type WorkOrderPriority, type WorkOrderStatus } from '../../../../shared/domain/labels';
import type { DiscardedChange, WorkOrderConflict } from '../../../../shared/domain/sync';
import { useListDiscardedQuery, useOpenConflictMutation } from '../../api/shopfloorApi';
import { formatDateTime } from '../workOrders/format';

const LABELS: Record<string, string> = {
  title: 'Title', description: 'Description', status: 'Status', priority: 'Priority',
  assetId: 'Asset', assigneeId: 'Assigned to', dueAt: 'Due', completionNotes: 'Completion notes',
};
const OUTCOMES: Record<string, string> = {
  overwrite: 'Your version was saved over theirs. It goes to the server with the next sync.',
  discard: 'Your changes were dropped; the work order is as the server has it.',
  merge: 'Both sides were kept. The merged work order goes to the server with the next sync.',
  later: 'Nothing changed: the conflict waits for you.',
};
const show = (field: string, v: string | number | null) => {
  if (v === null || v === '') return '(empty)';
  if (field === 'status') return STATUS_LABELS[v as WorkOrderStatus] ?? String(v);
  if (field === 'priority') return PRIORITY_LABELS[v as WorkOrderPriority] ?? String(v);
  return String(v);
};

/** One notification per work order in conflict; "Decide…" opens the native dialog. */
export function ConflictsPanel({ conflicts }: { conflicts: WorkOrderConflict[] }) {
  const [open, { isLoading, error }] = useOpenConflictMutation();
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <>
      {outcome && <p className="saved" role="status">{outcome}</p>}
      {error && <p className="field-error" role="alert">{error.message}</p>}
      {conflicts.length === 0 ? (
        <p className="muted">No conflicts. When someone else changes a work order you changed offline, it shows up here.</p>
      ) : (
        conflicts.map((c) => (
          <article key={c.workOrderId} className="card" aria-label={`Work Order Conflict ${c.number}`}>
            <h2>
              Work Order Conflict: {c.number} {c.title}
            </h2>
            <p>
              <strong>{c.changedBy}</strong> changed this work order at {formatDateTime(c.changedAt)} while {c.madeBy}’s changes were waiting.
            </p>
            <table className="hours-table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Mine</th>
                  <th scope="col">Theirs</th>
                  <th scope="col">Before</th>
                </tr>
              </thead>
              <tbody>
                {c.fields.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">{LABELS[f.field] ?? f.field}</th>
                    <td>{show(f.field, f.mine)}</td>
                    <td>{show(f.field, f.theirs)}</td>
                    <td>{show(f.field, f.before)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className="primary"
              disabled={isLoading}
              onClick={() =>
                void open(c.workOrderId)
                  .unwrap()
                  .then((r) => setOutcome(OUTCOMES[r.choice] ?? null))
                  .catch(() => undefined)
              }
            >
              Decide… (Overwrite, Discard{c.canMerge ? ', Merge' : ''})
            </button>
          </article>
        ))
      )}
      <DiscardedList />
    </>
  );
}

/** What "Discard my changes" dropped, so nothing typed is gone without a trace and it can be re-entered. */
function DiscardedList() {
  const { data: discarded = [] } = useListDiscardedQuery();
  if (discarded.length === 0) return null;
  return (
    <section aria-labelledby="discarded-heading">
      <h2 id="discarded-heading">Changes you discarded</h2>
      <p className="muted">Kept here in case you need them again: re-enter what still applies.</p>
      <table className="hours-table">
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Work order</th>
            <th scope="col">By</th>
            <th scope="col">What was discarded</th>
          </tr>
        </thead>
        <tbody>
          {discarded.map((d) => (
            <tr key={d.id}>
              <td>{formatDateTime(d.createdAt)}</td>
              <td>{d.workOrderLabel}</td>
              <td>{d.userId}</td>
              <td>{describe(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function describe(d: DiscardedChange): string {
  const fields = JSON.parse(d.payload) as Record<string, string | number | null>;
  return Object.entries(fields)
    .map(([field, value]) => `${LABELS[field] ?? field}: ${show(field, value)}`)
    .join('; ');
}
