import { useState } from 'react';
import { transitionRefusal, type Role } from '../../../../shared/domain/rules';
import type { WorkOrderStatus } from '../../../../shared/domain/labels';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { useUpdateWorkOrderMutation } from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';

const ACTIONS: { to: WorkOrderStatus; label: string; done: string }[] = [
  { to: 'in_progress', label: 'Start work', done: 'Work has started.' },
  { to: 'on_hold', label: 'Put on hold', done: 'It is on hold.' },
  { to: 'completed', label: 'Complete…', done: 'It is completed.' },
  { to: 'cancelled', label: 'Cancel work order…', done: 'It is cancelled.' },
  { to: 'open', label: 'Reopen', done: 'It is open.' },
];

/**
 * The status buttons, limited to the moves the rules allow; a disabled button
 * says why. Completing asks for notes; cancelling asks once more.
 */
export function StatusActions({ workOrder, role }: { workOrder: WorkOrder; role: Role }) {
  const [update, { isLoading, error }] = useUpdateWorkOrderMutation();
  const [asking, setAsking] = useState<'completed' | 'cancelled' | null>(null);
  const [notes, setNotes] = useState('');

  const reason = (to: WorkOrderStatus) =>
    to === workOrder.status ? ACTIONS.find((a) => a.to === to)!.done : transitionRefusal(workOrder.status, to, role);
  const reasons = ACTIONS.map((a) => reason(a.to)).filter((r, i, all): r is string => !!r && all.indexOf(r) === i);

  const setStatus = (status: WorkOrderStatus, extra: { completionNotes?: string } = {}) =>
    update({ id: workOrder.id, changes: { status, ...extra } })
      .unwrap()
      .then(() => setAsking(null))
      .catch(() => undefined);

  return (
    <section className="status-actions" aria-labelledby="status-actions-heading">
      <h3 id="status-actions-heading">Status</h3>
      <div className="button-row" role="group" aria-label="Change status" aria-describedby="status-reasons">
        {ACTIONS.map((action) => {
          const why = reason(action.to);
          return (
            <button
              key={action.to}
              type="button"
              disabled={!!why || isLoading}
              title={why ?? undefined}
              onClick={() =>
                action.to === 'completed' || action.to === 'cancelled' ? setAsking(action.to) : void setStatus(action.to)
              }
            >
              {action.label}
            </button>
          );
        })}
      </div>
      <ul id="status-reasons" className="reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {asking === 'completed' && (
        <form
          noValidate
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void setStatus('completed', { completionNotes: notes.trim() || undefined });
          }}
        >
          <label>
            Completion notes
            <textarea value={notes} maxLength={4000} rows={3} onChange={(e) => setNotes(e.target.value)} autoFocus />
          </label>
          <div className="button-row">
            <button type="submit" className="primary">
              Complete work order
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              Not yet
            </button>
          </div>
        </form>
      )}
      {asking === 'cancelled' && (
        <div className="inline-form" role="alertdialog" aria-label="Cancel this work order?">
          <p>Cancel {workOrder.number ?? 'this work order'}? Only a supervisor can reopen it.</p>
          <div className="button-row">
            <button type="button" onClick={() => setAsking(null)} autoFocus>
              Keep it
            </button>
            <button type="button" className="danger" onClick={() => void setStatus('cancelled')}>
              Yes, cancel it
            </button>
          </div>
        </div>
      )}
      <FieldError id="status-error" message={error?.message} />
    </section>
  );
}
