import { useState } from 'react';
import { LogHoursInput, localToday } from '../../../../shared/domain/inputs';
import { hoursRefusal } from '../../../../shared/domain/rules';
import { addHours, HOURS_FORMAT_MESSAGE, parseHours, QUICK_HOURS } from '../../../../shared/domain/hoursText';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { useListHoursQuery, useLogHoursMutation } from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';
import { fieldErrors } from '../../components/forms';
import { formatDate } from '../workOrders/format';
import { hoursTotal } from '../../../../shared/domain/localState';
import { LocalStateBadge, ResolveButton } from '../workOrders/LocalStateBadge';
import { TIMER_NOTE } from './useStopAndLog';
import { disabledBecause } from '../../components/disabledBecause';


/** Everything the form sends but the hours, which parseHours reads from the text. */
const LogHoursRest = LogHoursInput.omit({ hours: true });

/** The Hours field: the action bar's "Log hours…" brings it into view. */
export const LOG_HOURS_INPUT_ID = 'log-hours-input';

/** Hours logged so far and the log-hours form (the timer is in the action bar; a stopped timer fills in the hours). */
export function HoursSection(props: { workOrder: WorkOrder; prefill: { hours: number; at: number } | null; noMoreWork: string | null }) {
  const { workOrder, prefill } = props;
  const { data: entries = [] } = useListHoursQuery(workOrder.id);
  // Refused hours never reached the server: shown, struck through, and left out of the total.
  const total = hoursTotal(entries);
  const refused = entries.filter((e) => e.localState === 'refused').reduce((sum, e) => sum + e.hours, 0);
  const closed = props.noMoreWork ?? hoursRefusal(workOrder.status);
  const hours = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 2 });

  return (
    <section className="hours" aria-labelledby="hours-heading">
      <h3 id="hours-heading">
        Hours · {hours(total)} h logged{refused > 0 && <span className="muted"> ({hours(refused)} h refused, not counted)</span>}
      </h3>
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
              <tr key={e.id} className={e.localState === 'refused' ? 'refused' : undefined}>
                <td className="struck">{formatDate(`${e.workDate}T12:00:00Z`)}</td>
                <td className="struck">
                  {e.hours}
                  {e.localState === 'refused' && <span className="visually-hidden"> (refused, not counted)</span>}
                </td>
                <td>{e.userId}</td>
                <td>
                  <span className="struck">{e.note}</span> <LocalStateBadge localState={e.localState} refusal={e.refusal} />
                  {e.localState === 'refused' && <ResolveButton localState="refused" className="inline-resolve" />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {closed ? (
        <p className="muted">{closed}</p>
      ) : (
        <LogHoursForm key={prefill?.at ?? 'empty'} workOrderId={workOrder.id} initialHours={prefill?.hours ?? null} />
      )}
    </section>
  );
}

function LogHoursForm({ workOrderId, initialHours }: { workOrderId: string; initialHours: number | null }) {
  const [logHours, { isLoading, error }] = useLogHoursMutation();
  const [hours, setHours] = useState(initialHours === null ? '' : String(initialHours));
  const [workDate, setWorkDate] = useState(localToday());
  const [note, setNote] = useState(initialHours === null ? '' : TIMER_NOTE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);

  const submit = () => {
    // "1.5", "1,5" and "1:30" all mean an hour and a half; the journal gets the number LogHoursInput takes.
    const typed = parseHours(hours);
    const rest = LogHoursRest.safeParse({ workOrderId, workDate, note });
    const found = { ...(rest.success ? {} : fieldErrors(rest.error)), ...(typed.ok ? {} : { hours: typed.message }) };
    if (!typed.ok || !rest.success) {
      setSaved(null);
      return setErrors(found);
    }
    setErrors({});
    void logHours({ ...rest.data, hours: typed.hours })
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
          {/* No decimal keypad: it has no ":" for 1:30. */}
          <input
            id={LOG_HOURS_INPUT_ID}
            className="hours-input"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            aria-invalid={!!errors.hours}
            aria-describedby="hours-error"
            placeholder="1.5 or 1:30"
          />
        </label>
        <div className="button-row quick-hours" role="group" aria-label="Quick add">
          {QUICK_HOURS.map((step) => (
            <button
              key={step}
              type="button"
              onClick={() => {
                const next = addHours(hours, step);
                if (next === null) return setErrors({ ...errors, hours: HOURS_FORMAT_MESSAGE });
                setHours(next);
                setErrors({ ...errors, hours: '' });
              }}
            >
              +{step} h
            </button>
          ))}
        </div>
        <label>
          Date
          <input type="date" value={workDate} max={localToday()} onChange={(e) => setWorkDate(e.target.value)} aria-describedby="date-error" />
        </label>
        <label className="grow">
          Note
          <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="primary" {...disabledBecause(isLoading && 'These hours are being saved.')}>
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
