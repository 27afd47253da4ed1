import type { Timer } from '../../../../shared/domain/views';
import { formatElapsed } from '../../../../shared/domain/hoursText';
import { useGetTimerQuery, useGetWorkOrderQuery } from '../../api/shopfloorApi';
import { useAppDispatch } from '../../app/hooks';
import { navigated } from '../../app/navigationSlice';
import { Icon } from '../../components/Icon';
import { useNow } from '../../components/useNow';
import { workOrderSelected } from '../workOrders/workOrdersSlice';
import { useStopAndLog } from './useStopAndLog';
import { disabledBecause } from '../../components/disabledBecause';

/**
 * The running timer in the header, on every screen: which work order and how
 * long (h:mm), big enough for a gloved finger. Tap it to open the work order;
 * "Stop and log" stops the timer and logs its hours in one go.
 */
export function TimerChip() {
  const { data: timer } = useGetTimerQuery();
  return timer ? <RunningTimer timer={timer} /> : null;
}

function RunningTimer({ timer }: { timer: Timer }) {
  const dispatch = useAppDispatch();
  // Minutes are shown, so a few seconds late is fine; a quarter-minute keeps it from lagging by a whole one.
  const now = useNow(15_000);
  const { data: workOrder } = useGetWorkOrderQuery(timer.workOrderId);
  const stopAndLog = useStopAndLog();
  const label = workOrder ? (workOrder.number ?? 'the new work order') : 'its work order';
  const elapsed = formatElapsed(now - Date.parse(timer.startedAt));
  return (
    <div className="timer-chip" role="group" aria-label="Timer">
      <button
        type="button"
        className="timer-open"
        title="Open the work order the timer runs on"
        onClick={() => {
          dispatch(navigated({ name: 'workOrders' }));
          dispatch(workOrderSelected(timer.workOrderId));
        }}
      >
        <Icon name="clock" size={26} />
        <span className="visually-hidden">Timer on </span>
        <span className="timer-number">{workOrder?.number ?? 'New'}</span>
        <span className="timer-elapsed" data-testid="timer-elapsed">
          {elapsed}
        </span>
        <span className="visually-hidden"> hours:minutes</span>
      </button>
      <button type="button" className="timer-stop" {...disabledBecause(stopAndLog.isLoading && 'The timer is stopping and its hours are being logged.')} onClick={() => void stopAndLog.run(label)}>
        Stop<span className="wide-words"> and log</span>
      </button>
    </div>
  );
}
