import { useState } from 'react';
import type { Role } from '../../../../shared/domain/rules';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { FieldError } from '../../components/FieldError';
import { StartTimerQuestion } from '../hours/StartTimerQuestion';
import { nextAction, refusalOf, STATUS_ACTIONS, type StatusChange } from './useStatusChange';
import { disabledBecause } from '../../components/disabledBecause';

/**
 * The other status moves (the likely next one is in the action bar), limited
 * to what the rules allow; under them, why a button is greyed out, in sentences.
 */
export function StatusActions({ workOrder, role, change }: { workOrder: WorkOrder; role: Role; change: StatusChange }) {
  const next = nextAction(workOrder, role);
  const others = STATUS_ACTIONS.filter((a) => a.to !== next?.to);
  const reasons = others
    .map((a) => refusalOf(workOrder, a.to, role))
    .filter((r, i, all): r is string => !!r && all.indexOf(r) === i);
  return (
    <section className="status-actions" aria-labelledby="status-actions-heading">
      <h3 id="status-actions-heading">Status</h3>
      <div className="button-row" role="group" aria-label="Change status" aria-describedby="status-reasons">
        {others.map((action) => {
          const why = refusalOf(workOrder, action.to, role);
          return (
            <button key={action.to} type="button" {...disabledBecause(why, change.isLoading && 'The status change is being saved.')} onClick={() => change.choose(action.to)}>
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
      <FieldError id="status-error" message={change.error?.message} />
    </section>
  );
}

/** Completion notes, "cancel it?" or "start the timer too?": shown in the action bar, where the finger already is. */
export function StatusQuestion({ workOrder, change }: { workOrder: WorkOrder; change: StatusChange }) {
  const [notes, setNotes] = useState('');
  if (change.asking === 'completed') {
    return (
      <form
        noValidate
        className="inline-form"
        aria-label="Complete work order"
        onSubmit={(event) => {
          event.preventDefault();
          void change.setStatus('completed', { completionNotes: notes.trim() || undefined });
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
          <button type="button" onClick={() => change.setAsking(null)}>
            Not yet
          </button>
        </div>
      </form>
    );
  }
  if (change.asking === 'timer') return <StartTimerQuestion workOrder={workOrder} onDone={() => change.setAsking(null)} />;
  if (change.asking === 'cancelled') {
    return (
      <div className="inline-form" role="alertdialog" aria-label="Cancel this work order?">
        <p>Cancel {workOrder.number ?? 'this work order'}? Only a supervisor can reopen it.</p>
        <div className="button-row">
          <button type="button" onClick={() => change.setAsking(null)} autoFocus>
            Keep it
          </button>
          <button type="button" className="danger" onClick={() => void change.setStatus('cancelled')}>
            Yes, cancel it
          </button>
        </div>
      </div>
    );
  }
  return null;
}
