import { useEffect } from 'react';
import { shallowEqual } from 'react-redux';
import type { WorkOrderQueryInput } from '../../../../shared/domain/workOrder';
import { shopfloorApi, useListWorkOrdersQuery } from '../../api/shopfloorApi';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { VirtualList } from '../../components/VirtualList';
import { isOverdue } from '../../../../shared/domain/rules';
import { formatCount, formatDate } from './format';
import { PriorityBadge, StatusBadge } from './StatusBadge';
import { LocalStateBadge, ResolveButton } from './LocalStateBadge';
import { filtersCleared, selectSelectedId, workOrderSelected } from './workOrdersSlice';
import { densityChosen, rowHeight } from '../preferences/preferencesSlice';

/** Rows are fetched a page at a time, only for the pages the technician scrolls to. */
export const PAGE_SIZE = 100;

type Filter = Omit<WorkOrderQueryInput, 'offset' | 'limit'>;

/** The list's query: identical objects share one cached request per page. */
function useFilter(): Filter {
  return useAppSelector(
    ({ workOrders: w }) => ({
      search: w.search.trim(),
      status: w.status,
      priority: w.priority,
      assignedToMe: w.assignedToMe,
      sort: w.sort,
      assetId: w.asset?.id ?? null,
    }),
    shallowEqual,
  );
}

export function WorkOrderList() {
  const dispatch = useAppDispatch();
  const filter = useFilter();
  const preferences = useAppSelector((state) => state.preferences);
  const firstPage = useListWorkOrdersQuery({ ...filter, offset: 0, limit: PAGE_SIZE });
  const total = firstPage.data?.total ?? 0;
  const narrowed = !!(filter.search || filter.status || filter.priority || filter.assignedToMe || filter.assetId);

  return (
    <section className="work-order-list" aria-labelledby="work-order-list-heading">
      <div className="list-head">
        <h2 id="work-order-list-heading" className="list-count" aria-live="polite">
          {firstPage.isLoading ? 'Loading work orders…' : countText(total, filter)}
        </h2>
        <div className="button-row density-toggle" role="group" aria-label="Rows">
          <button type="button" aria-pressed={preferences.density === 'comfortable'} onClick={() => dispatch(densityChosen('comfortable'))}>
            Large rows
          </button>
          <button type="button" aria-pressed={preferences.density === 'compact'} onClick={() => dispatch(densityChosen('compact'))}>
            Compact rows
          </button>
        </div>
      </div>
      {firstPage.error && <p role="alert" className="error">{firstPage.error.message}</p>}
      {!firstPage.isLoading && total === 0 && narrowed ? (
        <div className="empty-results">
          <p>Nothing matches. Check the spelling, or show every work order again.</p>
          <button type="button" className="primary" onClick={() => dispatch(filtersCleared())}>
            Clear filters
          </button>
        </div>
      ) : (
        <VirtualList
          label="Work orders"
          total={total}
          rowHeight={rowHeight(preferences)}
          resetKey={JSON.stringify(filter)}
          renderRow={(index) => <WorkOrderRow index={index} filter={filter} />}
        />
      )}
    </section>
  );
}

function countText(total: number, filter: Filter): string {
  const noun = total === 1 ? 'work order' : 'work orders';
  const filtered = filter.status || filter.priority || filter.assignedToMe || filter.assetId;
  if (!filter.search && !filtered) return `${formatCount(total)} ${noun}`;
  if (total === 0) return filter.search ? `No work orders match “${filter.search}”` : 'No work orders match these filters';
  return filter.search
    ? `${formatCount(total)} ${noun} ${total === 1 ? 'matches' : 'match'} “${filter.search}”`
    : `${formatCount(total)} ${noun}`;
}

function WorkOrderRow({ index, filter }: { index: number; filter: Filter }) {
  const dispatch = useAppDispatch();
  const selectedId = useAppSelector(selectSelectedId);
  const pageStart = Math.floor(index / PAGE_SIZE) * PAGE_SIZE;
  const { data } = useListWorkOrdersQuery({ ...filter, offset: pageStart, limit: PAGE_SIZE });
  const item = data?.items[index - pageStart];
  // Halfway down a page, ask for the next one, so a fast scroll finds its rows already there.
  const prefetch = shopfloorApi.usePrefetch('listWorkOrders');
  const prefetchNext = index - pageStart === PAGE_SIZE / 2;
  useEffect(() => {
    if (prefetchNext) prefetch({ ...filter, offset: pageStart + PAGE_SIZE, limit: PAGE_SIZE });
  }, [prefetchNext, prefetch, filter, pageStart]);

  if (!item) return <div className="row-placeholder" aria-hidden="true" />;
  // Conflict and refused are resolved elsewhere: a second button on the row goes straight there.
  const resolvable = item.localState === 'conflict' || item.localState === 'refused';
  return (
    <>
      <button
        type="button"
        className={`row-button${resolvable ? ' has-resolve' : ''}`}
        data-index={index}
        aria-current={item.id === selectedId ? 'true' : undefined}
        onClick={() => dispatch(workOrderSelected(item.id))}
      >
        <span className="row-main">
          <span className="row-number">{item.number ?? 'New'}</span>
          <span className="row-title" title={item.title}>
            {item.title}
          </span>
        </span>
        <span className="row-meta">
          <StatusBadge status={item.status} />
          <PriorityBadge priority={item.priority} />
          <LocalStateBadge localState={item.localState} refusal={item.refusal} />
          <span className="row-assignee">{item.assigneeId ?? 'Unassigned'}</span>
          <span className="row-asset">{item.assetTag ?? 'No asset'}</span>
          {isOverdue(item, new Date()) ? (
            <span className="row-due overdue">
              <span aria-hidden="true">⚠ </span>Overdue · due {formatDate(item.dueAt)}
            </span>
          ) : (
            <span className="row-due">{item.dueAt ? `Due ${formatDate(item.dueAt)}` : 'No due date'}</span>
          )}
        </span>
      </button>
      {resolvable && (
        <ResolveButton
          localState={item.localState}
          workOrderId={item.id}
          className="row-resolve"
          label={item.localState === 'conflict' ? 'Decide' : 'Why refused?'}
          name={`${item.localState === 'conflict' ? 'Decide' : 'Why refused?'} ${item.number ?? item.title}`}
        />
      )}
    </>
  );
}
