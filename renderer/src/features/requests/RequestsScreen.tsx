import { useState } from 'react';
import { disabledBecause } from '../../components/disabledBecause';
import { URGENCY_LABELS, WORK_REQUEST_STATUS_LABELS, type WorkRequest } from '../../../../shared/domain/workRequest';
import { useAcceptWorkRequestMutation, useDeclineWorkRequestMutation, useListWorkRequestsQuery } from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';
import { formatDateTime } from '../workOrders/format';

/**
 * The supervisor's queue of operators' requests: new ones first, each with
 * Accept (it becomes a work order when the server has the decision) or
 * Decline (with a reason the requester's PC shows); decided ones below.
 */
export function RequestsScreen() {
  const { data, error } = useListWorkRequestsQuery({ scope: 'all', limit: 200 });
  const open = data?.items.filter((r) => r.status === 'new') ?? [];
  const decided = data?.items.filter((r) => r.status !== 'new') ?? [];
  return (
    <main className="form-screen requests">
      <h1>Work requests</h1>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <section aria-labelledby="new-requests-title">
        <h2 id="new-requests-title">New ({data?.newCount ?? 0})</h2>
        {open.length === 0 ? <p className="muted">No new requests. Operators report problems from the sign-in screen.</p> : null}
        <ul className="request-list">
          {open.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </ul>
      </section>
      {decided.length > 0 && (
        <section aria-labelledby="decided-requests-title">
          <h2 id="decided-requests-title">Decided</h2>
          <ul className="request-list">
            {decided.map((r) => (
              <RequestCard key={r.id} request={r} />
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function RequestCard({ request: r }: { request: WorkRequest }) {
  const [accept, accepting] = useAcceptWorkRequestMutation();
  const [decline, declining] = useDeclineWorkRequestMutation();
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const titleId = `request-${r.id}`;
  const decidable = r.status === 'new' && !r.pendingDecision;
  const fail = (e: { message?: string }) => setProblem(e.message ?? 'That did not work.');

  return (
    <li className="card request-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className="request-asset">{r.assetTag}</span> {r.assetName}
      </h3>
      <p className="request-text">{r.description}</p>
      <p className="request-meta">
        {r.machineStopped && <span className="badge priority-urgent">Machine stopped</span>}
        <span className={`badge priority-${r.urgency}`}>{URGENCY_LABELS[r.urgency]}</span>
        <span>
          {r.requestedBy}, {formatDateTime(r.reportedAt)}
        </span>
        {r.status !== 'new' && <span className={`badge request-${r.status}`}>{WORK_REQUEST_STATUS_LABELS[r.status]}</span>}
        {r.localState === 'unsynced' && <span className="badge pending">Not yet synced</span>}
      </p>
      {r.status === 'accepted' && (
        <p>
          Became {r.workOrderNumber} ({r.decidedBy}, {formatDateTime(r.decidedAt)})
        </p>
      )}
      {r.status === 'declined' && (
        <p>
          Declined by {r.decidedBy}: {r.declineReason}
        </p>
      )}
      {r.pendingDecision && (
        <p role="status">{r.pendingDecision === 'accept' ? 'Accepted here: it becomes a work order when it syncs.' : 'Declined here: the reason is sent when it syncs.'}</p>
      )}
      {r.refusal && !r.refusal.acknowledged && (
        <p role="alert" className="field-error">
          Your decision was not taken: {r.refusal.message}
        </p>
      )}
      {decidable && !reasonOpen && (
        <div className="button-row">
          <button type="button" className="primary" {...disabledBecause(accepting.isLoading && 'The acceptance is being saved.')} onClick={() => void accept(r.id).unwrap().catch(fail)}>
            Accept
          </button>
          <button type="button" onClick={() => setReasonOpen(true)}>
            Decline…
          </button>
        </div>
      )}
      {decidable && reasonOpen && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return setProblem('Say why, so the person who asked knows.');
            void decline({ id: r.id, reason })
              .unwrap()
              .then(() => setReasonOpen(false))
              .catch(fail);
          }}
        >
          <label>
            Why not? (the operator reads this)
            <textarea value={reason} rows={2} autoFocus onChange={(e) => setReason(e.target.value)} aria-describedby={`${titleId}-problem`} />
          </label>
          <div className="button-row">
            <button type="submit" className="danger" {...disabledBecause(declining.isLoading && 'The decline is being saved.')}>
              Decline request
            </button>
            <button type="button" onClick={() => setReasonOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <FieldError id={`${titleId}-problem`} message={problem} />
    </li>
  );
}
