import { useState } from 'react';
import { WorkOrderChanges } from '../../../../shared/domain/inputs';
import type { WorkOrderPriority } from '../../../../shared/domain/labels';
import { PriorityAndDueFields } from '../../components/PriorityAndDueFields';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { useUpdateWorkOrderMutation } from '../../api/shopfloorApi';
import { FieldError } from '../../components/FieldError';
import { dateInputToIso, fieldErrors, isoToDateInput } from '../../components/forms';
import { disabledBecause } from '../../components/disabledBecause';

/** Title, description, priority and due date; saved to the journal at once, sent when online. */
export function EditWorkOrderForm({ workOrder, onDone }: { workOrder: WorkOrder; onDone(): void }) {
  const [update, { isLoading, error }] = useUpdateWorkOrderMutation();
  const [title, setTitle] = useState(workOrder.title);
  const [description, setDescription] = useState(workOrder.description);
  const [priority, setPriority] = useState<WorkOrderPriority>(workOrder.priority);
  const [due, setDue] = useState(isoToDateInput(workOrder.dueAt));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const changes = { title, description, priority, dueAt: dateInputToIso(due) };
    const parsed = WorkOrderChanges.safeParse(changes);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    void update({ id: workOrder.id, changes })
      .unwrap()
      .then(onDone)
      .catch(() => undefined);
  };

  return (
    <form
      noValidate
      className="edit-form"
      aria-label="Edit work order"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby="edit-title-error" aria-invalid={!!errors.title} />
      </label>
      <FieldError id="edit-title-error" message={errors.title} />
      <label>
        Description
        <textarea value={description} rows={4} onChange={(e) => setDescription(e.target.value)} aria-describedby="edit-description-error" />
      </label>
      <FieldError id="edit-description-error" message={errors.description} />
      <div className="field-row">
        <PriorityAndDueFields priority={priority} onPriority={setPriority} due={due} onDue={setDue} />
      </div>
      <FieldError id="edit-error" message={errors.form ?? error?.message} />
      <div className="button-row">
        <button type="submit" className="primary" {...disabledBecause(isLoading && 'Your changes are being saved.')}>
          Save changes
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
