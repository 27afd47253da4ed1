import { useState } from 'react';
import { LogHoursInput, localToday } from '../../../../shared/domain/inputs';
import { hoursRefusal } from '../../../../shared/domain/rules';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { useListHoursQuery, useLogHoursMutation } from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';
import { fieldErrors } from '../../components/forms';
import { formatDate } from '../workOrders/format';
import { hoursTotal } from '../../../../shared/domain/localState';
import { LocalStateBadge, ResolveButton } from '../workOrders/LocalStateBadge';

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
            id={LOG_HOURS_INPUT_ID}
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
