import { useGetTimerQuery, useStartTimerMutation, useStopTimerMutation } from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';
import { useNow } from '../../components/useNow';
import { formatWhen } from '../workOrders/format';
import { disabledBecause } from '../../components/disabledBecause';

/** The timer's state is in the journal, so it survives closing the app; this only draws it. */
export function TimerControl({ workOrderId, onStopped }: { workOrderId: string; onStopped(hours: number): void }) {
  const { data: timer } = useGetTimerQuery();
  const [start, startState] = useStartTimerMutation();
  const [stop] = useStopTimerMutation();
  const now = useNow(30_000);

  if (timer && timer.workOrderId !== workOrderId) {
    return <p className="muted">Your timer is running on another work order.</p>;
  }
  if (timer) {
    const minutes = Math.floor((now - Date.parse(timer.startedAt)) / 60_000);
    return (
      <div className="timer running">
        <span role="status">
          Timer running since {formatWhen(timer.startedAt)} ({Math.floor(minutes / 60)} h {minutes % 60} min)
        </span>
        <button type="button" onClick={() => void stop().unwrap().then((t) => onStopped(t.hours))}>
          Stop timer
        </button>
      </div>
    );
  }
  return (
    <div className="timer">
      <button type="button" onClick={() => void start(workOrderId)} {...disabledBecause(startState.isLoading && 'The timer is starting.')}>
        Start timer
      </button>
      <FieldError id="timer-error" message={startState.error?.message} />
    </div>
  );
}
