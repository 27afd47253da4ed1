import { useListAssigneesQuery, useUpdateWorkOrderMutation } from '../../api/shopfloorApi';
import type { Role } from '../../../../shared/domain/rules';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { disabledBecause } from '../../components/disabledBecause';

/**
 * Who does the job. A technician can take an unassigned job ("Take this
 * job"); a supervisor or admin picks anyone from the people the server last
 * listed. Either is an ordinary edit: saved here, sent with the next sync,
 * refused or in conflict like any other field.
 */
export function AssigneeField({ workOrder, role, username, closed }: { workOrder: WorkOrder; role: Role | null; username: string | null; closed: boolean }) {
  const [update, { isLoading, error }] = useUpdateWorkOrderMutation();
  const supervises = role === 'supervisor' || role === 'admin';
  const { data: people = [] } = useListAssigneesQuery(undefined, { skip: !supervises });
  const assign = (assigneeId: string | null) => void update({ id: workOrder.id, changes: { assigneeId } });
  const current = workOrder.assigneeId;
  // Someone the last list did not name (a disabled account, a list not pulled yet) still shows as chosen.
  const names = [...new Set([...people.map((p) => p.username), ...(current ? [current] : [])])].sort();

  return (
    <div className="assignee-field">
      {supervises && !closed ? (
        <label className="inline-field">
          <span className="visually-hidden">Assigned to</span>
          <select value={current ?? ''} {...disabledBecause(isLoading && 'The assignee is being saved.')} onChange={(event) => assign(event.target.value || null)}>
            <option value="">Unassigned</option>
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span>{current ?? 'Unassigned'}</span>
      )}
      {role === 'technician' && !closed && current === null && username && (
        <button type="button" className="primary" {...disabledBecause(isLoading && 'The assignee is being saved.')} onClick={() => assign(username)}>
          Take this job
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </div>
  );
}
