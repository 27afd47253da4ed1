import { localToday } from '../../../../shared/domain/inputs';
import { useLogHoursMutation, useStopTimerMutation } from '../../api/shopfloorApi';
import { useAppDispatch } from '../../app/hooks';
import { noticeShown } from '../../app/navigationSlice';

/** The note on hours that came from the timer (also when a stopped timer fills in the form). */
export const TIMER_NOTE = 'Timed with the timer';

/**
 * The header's "Stop and log": the same stop as the work order's timer (the
 * journal works out the hours), then the hours are logged at once on the day
 * the timer started, and a notice says what happened. If the hours cannot be
 * logged (the work order was completed meanwhile), the notice keeps the
 * number, so nothing is lost without the technician knowing.
 */
export function useStopAndLog() {
  const dispatch = useAppDispatch();
  const [stop, stopState] = useStopTimerMutation();
  const [logHours, logState] = useLogHoursMutation();
  const run = async (label: string) => {
    let stopped;
    try {
      stopped = await stop().unwrap();
    } catch (error) {
      return dispatch(noticeShown((error as { message: string }).message));
    }
    const day = localToday(new Date(stopped.startedAt));
    try {
      const entry = await logHours({ workOrderId: stopped.workOrderId, hours: stopped.hours, workDate: day, note: TIMER_NOTE }).unwrap();
      dispatch(noticeShown(`Timer stopped: ${entry.hours} h logged on ${label}, saved on this computer.`));
    } catch (error) {
      dispatch(
        noticeShown(`Timer stopped at ${stopped.hours} h, but the hours could not be logged on ${label}: ${(error as { message: string }).message}`),
      );
    }
  };
  return { run, isLoading: stopState.isLoading || logState.isLoading };
}
