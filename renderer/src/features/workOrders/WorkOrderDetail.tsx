import { useEffect, useState } from 'react';
import { useGetSessionQuery, useGetWorkOrderQuery } from '../../api/shopfloorApi';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { HoursSection } from '../hours/HoursSection';
import { LastSync } from '../syncStatus/LastSync';
import { PrintButtons } from '../printing/PrintButtons';
import { WorkOrderSheet } from '../printing/WorkOrderSheet';
import { ActionBar } from './ActionBar';
import { AssigneeField } from './AssigneeField';
import { EditWorkOrderForm } from './EditWorkOrderForm';
import { formatDate, formatDateTime } from './format';
import { StatusActions } from './StatusActions';
import { PriorityBadge, StatusBadge } from './StatusBadge';
import { LocalStateBadge, LocalStateBanner } from './LocalStateBadge';
import { useStatusChange } from './useStatusChange';
import { selectSelectedId, workOrderSelected } from './workOrdersSlice';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import type { Role } from '../../../../shared/domain/rules';

/** The opened work order: every field, status changes, edit, hours; the main actions pinned below. Escape closes it. */
export function WorkOrderDetail() {
  const dispatch = useAppDispatch();
  const id = useAppSelector(selectSelectedId);
  const { data: workOrder, error, isFetching } = useGetWorkOrderQuery(id ?? '', { skip: !id });

  useEffect(() => {
    if (!id) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) {
        dispatch(workOrderSelected(null));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, dispatch]);

  if (!id) {
    return (
      <aside className="detail empty" aria-label="Work order">
        <p>Select a work order to see its details.</p>
      </aside>
    );
  }
  if (error) {
    return (
      <aside className="detail plain" aria-label="Work order">
        <p role="alert" className="error">{error.message}</p>
      </aside>
    );
  }
  if (!workOrder) return <aside className="detail" aria-label="Work order" aria-busy={isFetching} />;
  return <OpenWorkOrder key={workOrder.id} workOrder={workOrder} />;
}

function OpenWorkOrder({ workOrder }: { workOrder: WorkOrder }) {
  const { data: session } = useGetSessionQuery();
  const role: Role | null = session?.user?.role ?? null;
  const change = useStatusChange(workOrder);
  const [editing, setEditing] = useState(false);
  const [prefill, setPrefill] = useState<{ hours: number; at: number } | null>(null);
  const closed = workOrder.status === 'completed' || workOrder.status === 'cancelled';
  // A new work order the server refused to create can never be sent: the journal takes no more work on it.
  const noMoreWork =
    workOrder.localState === 'refused' && workOrder.number === null
      ? 'The server refused this new work order, so nothing more can be added to it. What you typed is kept under More → Refused changes.'
      : null;

  return (
    <aside className="detail" aria-labelledby="detail-title">
      <div className="detail-body">
        <header className="detail-header">
          <p className="detail-number">
            {workOrder.number ?? (noMoreWork ? 'New work order: not created on the server' : 'New work order: number assigned when synced')}
          </p>
          <h2 id="detail-title">{workOrder.title}</h2>
        </header>
        <div className="detail-badges">
          <StatusBadge status={workOrder.status} />
          <PriorityBadge priority={workOrder.priority} />
          <LocalStateBadge localState={workOrder.localState} refusal={workOrder.refusal} />
        </div>
        <LocalStateBanner workOrderId={workOrder.id} localState={workOrder.localState} refusal={workOrder.refusal} isNew={workOrder.number === null} />
        <p className="sync-line">
          {workOrder.localState === 'unsynced' && 'Your changes are saved on this computer and wait to be sent. '}
          {workOrder.localState === 'synced' && 'Nothing of it waits to be sent. '}
          <LastSync />
        </p>
        {editing ? (
          <EditWorkOrderForm workOrder={workOrder} onDone={() => setEditing(false)} />
        ) : (
          <>
            <p className="detail-description">{workOrder.description || 'No description.'}</p>
            <dl className="detail-fields">
              <dt>Asset</dt>
              <dd>{workOrder.assetTag ? `${workOrder.assetTag} · ${workOrder.assetName}` : 'No asset'}</dd>
              <dt>Assigned to</dt>
              <dd>
                <AssigneeField workOrder={workOrder} role={noMoreWork ? null : role} username={session?.user?.username ?? null} closed={closed} />
              </dd>
              <dt>Due</dt>
              <dd>{formatDate(workOrder.dueAt)}</dd>
              {workOrder.completedAt && (
                <>
                  <dt>Completed</dt>
                  <dd>{formatDateTime(workOrder.completedAt)}</dd>
                  <dt>Completion notes</dt>
                  <dd>{workOrder.completionNotes ?? '—'}</dd>
                </>
              )}
              <dt>Created</dt>
              <dd>
                {formatDateTime(workOrder.createdAt)} by {workOrder.createdBy}
              </dd>
              <dt>Last changed</dt>
              <dd>
                {formatDateTime(workOrder.updatedAt)} by {workOrder.updatedBy}
              </dd>
            </dl>
            {!closed && !noMoreWork && (
              <button type="button" onClick={() => setEditing(true)}>
                Edit details
              </button>
            )}
            <PrintButtons workOrder={workOrder} />
          </>
        )}
        {role && !noMoreWork && <StatusActions workOrder={workOrder} role={role} change={change} />}
        <HoursSection workOrder={workOrder} prefill={prefill} noMoreWork={noMoreWork} />
      </div>
      <ActionBar
        workOrder={workOrder}
        role={noMoreWork ? null : role}
        change={change}
        noMoreWork={noMoreWork}
        onTimerStopped={(hours) => setPrefill({ hours, at: Date.now() })}
      />
      <WorkOrderSheet workOrder={workOrder} />
    </aside>
  );
}
