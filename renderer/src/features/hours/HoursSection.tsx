import { useEffect, useState } from 'react';
import { LogHoursInput, localToday } from '../../../../shared/domain/inputs';
import { hoursRefusal } from '../../../../shared/domain/rules';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import {
  useGetTimerQuery,
  useListHoursQuery,
  useLogHoursMutation,
  useStartTimerMutation,
  useStopTimerMutation,
} from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';
import { fieldErrors } from '../../components/forms';
import { formatDate, formatDateTime } from '../workOrders/format';
import { PendingBadge } from '../workOrders/StatusBadge';

/** Hours logged so far, the log-hours form and the start/stop timer for one work order. */
export function HoursSection({ workOrder }: { workOrder: WorkOrder }) {
  const { data: entries = [] } = useListHoursQuery(workOrder.id);
  const total = entries.reduce((sum, e) => sum + e.hours, 0);
  const closed = hoursRefusal(workOrder.status);
  const [prefill, setPrefill] = useState<number | null>(null);

  return (
    <section className="hours" aria-labelledby="hours-heading">
      <h3 id="hours-heading">Hours · {total.toLocaleString(undefined, { maximumFractionDigits: 2 })} h logged</h3>
      {entries.length === 0 ? (
        <p className="muted">No hours logged yet.</p>
      ) : (
        <table className="hours-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Hours</th>
              <th scope="col">Who</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDate(`${e.workDate}T12:00:00Z`)}</td>
                <td>{e.hours}</td>
                <td>{e.userId}</td>
                <td>
                  {e.note} {e.pending && <PendingBadge />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {closed ? (
        <p className="muted">{closed}</p>
      ) : (
        <>
          <TimerControl workOrderId={workOrder.id} onStopped={setPrefill} />
          <LogHoursForm key={prefill ?? 'empty'} workOrderId={workOrder.id} initialHours={prefill} />
        </>
      )}
    </section>
  );
}

function LogHoursForm({ workOrderId, initialHours }: { workOrderId: string; initialHours: number | null }) {
  const [logHours, { isLoading, error }] = useLogHoursMutation();
  const [hours, setHours] = useState(initialHours === null ? '' : String(initialHours));
  const [workDate, setWorkDate] = useState(localToday());
  const [note, setNote] = useState(initialHours === null ? '' : 'Timed with the timer');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);

  const submit = () => {
    const input = { workOrderId, hours: hours.trim() === '' ? Number.NaN : Number(hours.replace(',', '.')), workDate, note };
    const parsed = LogHoursInput.safeParse(input);
    if (!parsed.success) {
      setSaved(null);
      return setErrors(fieldErrors(parsed.error));
    }
    setErrors({});
    void logHours(parsed.data)
      .unwrap()
      .then((entry) => {
        setSaved(`${entry.hours} h saved on this computer.`);
        setHours('');
        setNote('');
      })
      .catch(() => setSaved(null));
  };

  return (
    <form
      noValidate
      className="log-hours"
      aria-label="Log hours"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="field-row">
        <label>
          Hours
          <input
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            aria-invalid={!!errors.hours}
            aria-describedby="hours-error"
            placeholder="e.g. 1.5"
          />
        </label>
        <label>
          Date
          <input type="date" value={workDate} max={localToday()} onChange={(e) => setWorkDate(e.target.value)} aria-describedby="date-error" />
        </label>
        <label className="grow">
          Note
          <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={isLoading}>
          Log hours
        </button>
      </div>
      <FieldError id="hours-error" message={errors.hours} />
      <FieldError id="date-error" message={errors.workDate} />
      <FieldError id="log-error" message={errors.note ?? errors.form ?? error?.message} />
      {saved && (
        <p className="saved" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}

/** The timer's state is in the journal, so it survives closing the app; this only draws it. */
function TimerControl({ workOrderId, onStopped }: { workOrderId: string; onStopped(hours: number): void }) {
  const { data: timer } = useGetTimerQuery();
  const [start, startState] = useStartTimerMutation();
  const [stop] = useStopTimerMutation();
  const [, tick] = useState(0);
  useEffect(() => {
    if (!timer) return;
    const interval = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(interval);
  }, [timer]);

  if (timer && timer.workOrderId !== workOrderId) {
    return <p className="muted">Your timer is running on another work order.</p>;
  }
  if (timer) {
    const minutes = Math.floor((Date.now() - Date.parse(timer.startedAt)) / 60_000);
    return (
      <div className="timer running" role="status">
        <span>
          Timer running since {formatDateTime(timer.startedAt)} ({Math.floor(minutes / 60)} h {minutes % 60} min)
        </span>
        <button type="button" onClick={() => void stop().unwrap().then((t) => onStopped(t.hours))}>
          Stop timer
        </button>
      </div>
    );
  }
  return (
    <div className="timer">
      <button type="button" onClick={() => void start(workOrderId)} disabled={startState.isLoading}>
        Start timer
      </button>
      <FieldError id="timer-error" message={startState.error?.message} />
    </div>
  );
}
