import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { useStartTimerMutation } from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';
import { disabledBecause } from '../../components/disabledBecause';

/** Asked in the action bar right after Start work, where the finger already is: one tap starts the timer too. */
export function StartTimerQuestion({ workOrder, onDone }: { workOrder: WorkOrder; onDone(): void }) {
  const [start, { isLoading, error }] = useStartTimerMutation();
  return (
    <div className="inline-form" role="alertdialog" aria-label="Start the timer too?" aria-describedby="start-timer-question">
      <p id="start-timer-question">Work on {workOrder.number ?? 'this work order'} has started. Start the timer too?</p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          {...disabledBecause(isLoading && 'The timer is starting.')}
          autoFocus
          onClick={() =>
            void start(workOrder.id)
              .unwrap()
              .then(onDone)
              .catch(() => undefined)
          }
        >
          Start timer
        </button>
        <button type="button" onClick={onDone}>
          Not now
        </button>
      </div>
      <FieldError id="start-timer-error" message={error?.message} />
    </div>
  );
}
