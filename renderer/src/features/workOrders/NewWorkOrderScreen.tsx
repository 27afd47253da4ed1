import { useState } from 'react';
import { NewWorkOrderInput } from '../../../../shared/domain/inputs';
import type { WorkOrderPriority } from '../../../../shared/domain/labels';
import { PriorityAndDueFields } from '../../components/PriorityAndDueFields';
import { useCreateWorkOrderMutation, useGetAssetQuery, useListAssetsQuery } from '../../api/shopfloorApi';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { navigated, noticeShown } from '../../app/navigationSlice';
import { FieldError } from '../../components/FieldError';
import { dateInputToIso, fieldErrors } from '../../components/forms';
import { workOrderSelected } from './workOrdersSlice';
import { disabledBecause } from '../../components/disabledBecause';

/** A new work order, saved to the journal at once; the server gives it a number when it syncs. */
export function NewWorkOrderScreen() {
  const dispatch = useAppDispatch();
  const route = useAppSelector((state) => state.navigation.route);
  const presetAsset = route.name === 'newWorkOrder' ? route.assetId : undefined;
  const [create, { isLoading, error }] = useCreateWorkOrderMutation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<WorkOrderPriority>('medium');
  const [assetText, setAssetText] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { data: matches } = useListAssetsQuery({ search: assetText, limit: 20 });
  const { data: preset } = useGetAssetQuery(presetAsset ?? '', { skip: !presetAsset });
  const tag = assetText || preset?.asset.tag || '';
  const asset = [...(matches?.items ?? []), ...(preset ? [preset.asset] : [])].find((a) => a.tag.toLowerCase() === tag.toLowerCase());

  const submit = () => {
    const input = { title, description, priority, assetId: asset?.id ?? null, dueAt: dateInputToIso(due) };
    const parsed = NewWorkOrderInput.safeParse(input);
    const found = parsed.success ? {} : fieldErrors(parsed.error);
    if (tag && !asset) found.assetId = `No asset with the tag “${tag}” is on this computer.`;
    if (Object.keys(found).length) return setErrors(found);
    setErrors({});
    void create(input)
      .unwrap()
      .then((created) => {
        dispatch(navigated({ name: 'workOrders' }));
        dispatch(workOrderSelected(created.id));
        dispatch(noticeShown('New work order saved on this computer. It gets its number when it syncs.'));
      })
      .catch(() => undefined);
  };

  return (
    <main className="form-screen">
      <h1>New work order</h1>
      <form
        noValidate
        aria-label="New work order"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={!!errors.title} aria-describedby="new-title-error" autoFocus />
        </label>
        <FieldError id="new-title-error" message={errors.title} />
        <label>
          Description
          <textarea value={description} rows={5} onChange={(e) => setDescription(e.target.value)} aria-describedby="new-description-error" />
        </label>
        <FieldError id="new-description-error" message={errors.description} />
        <div className="field-row">
          <label>
            Asset tag
            <input
              list="asset-tags"
              value={tag}
              placeholder="e.g. CNV-001"
              onChange={(e) => {
                setAssetText(e.target.value);
                setErrors(({ assetId: _stale, ...rest }) => rest);
              }}
              aria-describedby="new-asset-error"
            />
            <datalist id="asset-tags">
              {matches?.items.map((a) => (
                <option key={a.id} value={a.tag}>
                  {a.name}
                </option>
              ))}
            </datalist>
          </label>
          <PriorityAndDueFields priority={priority} onPriority={setPriority} due={due} onDue={setDue} />
        </div>
        {asset && <p className="muted">{asset.name}, {asset.location}</p>}
        <FieldError id="new-asset-error" message={errors.assetId} />
        <FieldError id="new-error" message={errors.form ?? error?.message} />
        <div className="button-row">
          <button type="submit" className="primary" {...disabledBecause(isLoading && 'The work order is being saved.')}>
            Save work order
          </button>
          <button type="button" onClick={() => dispatch(navigated({ name: 'workOrders' }))}>
            Cancel
          </button>
        </div>
      </form>
    </main>
  );
}
