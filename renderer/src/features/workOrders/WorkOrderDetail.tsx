import { useEffect, useState } from 'react';
import { useGetSessionQuery, useGetWorkOrderQuery } from '../../api/shopfloorApi';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { HoursSection } from '../hours/HoursSection';
import { EditWorkOrderForm } from './EditWorkOrderForm';
import { formatDate, formatDateTime } from './format';
import { StatusActions } from './StatusActions';
import { PendingBadge, PriorityBadge, StatusBadge } from './StatusBadge';
import { selectSelectedId, workOrderSelected } from './workOrdersSlice';

/** The opened work order: every field, status changes, edit, hours. Escape closes it. */
export function WorkOrderDetail() {
  const dispatch = useAppDispatch();
  const id = useAppSelector(selectSelectedId);
  const { data: session } = useGetSessionQuery();
  const { data: workOrder, error, isFetching } = useGetWorkOrderQuery(id ?? '', { skip: !id });
  const [editing, setEditing] = useState(false);

  useEffect(() => setEditing(false), [id]);
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
      <aside className="detail" aria-label="Work order">
        <p role="alert" className="error">{error.message}</p>
      </aside>
    );
  }
  if (!workOrder) return <aside className="detail" aria-label="Work order" aria-busy={isFetching} />;

  const closed = workOrder.status === 'completed' || workOrder.status === 'cancelled';
  return (
    <aside className="detail" aria-labelledby="detail-title">
      <header className="detail-header">
        <p className="detail-number">{workOrder.number ?? 'New work order: number assigned when synced'}</p>
        <h2 id="detail-title">{workOrder.title}</h2>
        <button type="button" className="close" onClick={() => dispatch(workOrderSelected(null))}>
          Close
        </button>
      </header>
      <div className="detail-badges">
        <StatusBadge status={workOrder.status} />
        <PriorityBadge priority={workOrder.priority} />
        {workOrder.pending && <PendingBadge />}
      </div>
      <p className="sync-line">
        {workOrder.lastSyncedAt
          ? `Last synced ${formatDateTime(workOrder.lastSyncedAt)}${workOrder.pending ? '; your changes are saved here and wait to be sent.' : '.'}`
          : 'Not yet on the server: saved on this computer.'}
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
            <dd>{workOrder.assigneeId ?? 'Nobody yet'}</dd>
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
          {!closed && (
            <button type="button" onClick={() => setEditing(true)}>
              Edit details
            </button>
          )}
        </>
      )}
      {session?.user && <StatusActions workOrder={workOrder} role={session.user.role} />}
      <HoursSection workOrder={workOrder} />
    </aside>
  );
}
