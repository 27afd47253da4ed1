import { hoursRefusal, type Role } from '../../../../shared/domain/rules';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { useAppDispatch } from '../../app/hooks';
import { TimerControl } from '../hours/TimerControl';
import { LOG_HOURS_INPUT_ID } from '../hours/HoursSection';
import { StatusQuestion } from './StatusActions';
import { nextAction, type StatusChange } from './useStatusChange';
import { workOrderSelected } from './workOrdersSlice';
import { disabledBecause } from '../../components/disabledBecause';

/**
 * Pinned to the bottom of the work order, so at 1366 x 768 the next status
 * change, Log hours, the timer and Close are always in reach, however long
 * the work order is.
 */
export function ActionBar(props: {
  workOrder: WorkOrder;
  role: Role | null;
  change: StatusChange;
  noMoreWork: string | null;
  onTimerStopped(hours: number): void;
}) {
  const { workOrder, role, change } = props;
  const dispatch = useAppDispatch();
  const next = role ? nextAction(workOrder, role) : null;
  const hoursAllowed = !hoursRefusal(workOrder.status) && !props.noMoreWork;
  const goToLogHours = () => {
    const input = document.getElementById(LOG_HOURS_INPUT_ID);
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
  };
  return (
    <div className="action-bar" role="group" aria-label="Actions">
      <StatusQuestion workOrder={workOrder} change={change} />
      <div className="button-row">
        {/* The timer question does not block the next move (Complete… right after Start work). */}
        {next && (!change.asking || change.asking === 'timer') && (
          <button type="button" className="primary" {...disabledBecause(change.isLoading && 'The status change is being saved.')} onClick={() => change.choose(next.to)}>
            {next.label}
          </button>
        )}
        {hoursAllowed && (
          <>
            <button type="button" onClick={goToLogHours}>
              Log hours…
            </button>
            {/* While the question offers "Start timer", the bar does not show a second one. */}
            {change.asking !== 'timer' && <TimerControl workOrderId={workOrder.id} onStopped={props.onTimerStopped} />}
          </>
        )}
        <button type="button" className="close" onClick={() => dispatch(workOrderSelected(null))}>
          Close
        </button>
      </div>
    </div>
  );
}
