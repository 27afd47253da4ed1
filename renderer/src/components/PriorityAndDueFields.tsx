import { PRIORITY_LABELS, WORK_ORDER_PRIORITIES, type WorkOrderPriority } from '../../../shared/domain/labels';

/** Priority and due date, as the new and the edit forms both ask for them. */
export function PriorityAndDueFields(props: {
  priority: WorkOrderPriority;
  onPriority(value: WorkOrderPriority): void;
  due: string;
  onDue(value: string): void;
}) {
  return (
    <>
      <label>
        Priority
        <select value={props.priority} onChange={(e) => props.onPriority(e.target.value as WorkOrderPriority)}>
          {WORK_ORDER_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Due date
        <input type="date" value={props.due} onChange={(e) => props.onDue(e.target.value)} />
      </label>
    </>
  );
}
