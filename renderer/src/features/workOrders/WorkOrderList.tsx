import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { WorkOrderStatus } from '../../../../shared/domain/labels';
import { useListWorkOrdersQuery } from '../../api/shopfloorApi';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { formatCount, formatDate } from './format';
import { PriorityBadge, StatusBadge } from './StatusBadge';
import { selectSelectedId, workOrderSelected } from './workOrdersSlice';

/** Rows are fetched a page at a time, only for the pages the technician scrolls to. */
export const PAGE_SIZE = 100;
const ROW_HEIGHT = 72;

interface Filter {
  search: string;
  status: WorkOrderStatus | null;
}

/**
 * Virtualised: only the rows on screen exist in the DOM, so 100,000 work
 * orders scroll like 100. Each row asks RTK Query for its page; identical
 * requests are shared, so a screenful costs one or two journal queries.
 */
export function WorkOrderList() {
  const search = useAppSelector((state) => state.workOrders.search.trim());
  const status = useAppSelector((state) => state.workOrders.status);
  const filter: Filter = { search, status };
  const firstPage = useListWorkOrdersQuery({ ...filter, offset: 0, limit: PAGE_SIZE });
  const total = firstPage.data?.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [search, status, virtualizer]);

  // Arrow keys move between rows, scrolling rows that are not rendered yet into view.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1);
    const next = Math.min(total - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  return (
    <section className="work-order-list" aria-labelledby="work-order-list-heading">
      <h2 id="work-order-list-heading" className="list-count" aria-live="polite">
        {firstPage.isLoading ? 'Loading work orders…' : countText(total, filter)}
      </h2>
      {firstPage.error && <p role="alert" className="error">{firstPage.error.message}</p>}
      <div className="list-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
        <div role="list" aria-label="Work orders" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => (
            <div
              key={row.key}
              role="listitem"
              aria-setsize={total}
              aria-posinset={row.index + 1}
              className="list-row"
              style={{ transform: `translateY(${row.start}px)`, height: row.size }}
            >
              <WorkOrderRow index={row.index} filter={filter} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

function countText(total: number, { search, status }: Filter): string {
  const noun = total === 1 ? 'work order' : 'work orders';
  if (!search && !status) return `${formatCount(total)} ${noun}`;
  if (total === 0) return search ? `No work orders match “${search}”` : 'No work orders with this status';
  return search ? `${formatCount(total)} ${noun} match “${search}”` : `${formatCount(total)} ${noun}`;
}

function WorkOrderRow({ index, filter }: { index: number; filter: Filter }) {
  const dispatch = useAppDispatch();
  const selectedId = useAppSelector(selectSelectedId);
  const pageStart = Math.floor(index / PAGE_SIZE) * PAGE_SIZE;
  const { data } = useListWorkOrdersQuery({ ...filter, offset: pageStart, limit: PAGE_SIZE });
  const item = data?.items[index - pageStart];

  if (!item) return <div className="row-placeholder" aria-hidden="true" />;
  return (
    <button
      type="button"
      className="row-button"
      data-index={index}
      aria-current={item.id === selectedId ? 'true' : undefined}
      onClick={() => dispatch(workOrderSelected(item.id))}
    >
      <span className="row-main">
        <span className="row-number">{item.number}</span>
        <span className="row-title">{item.title}</span>
      </span>
      <span className="row-meta">
        <StatusBadge status={item.status} />
        <PriorityBadge priority={item.priority} />
        <span className="row-asset">{item.assetTag ?? 'No asset'}</span>
        <span className="row-due">{item.dueAt ? `Due ${formatDate(item.dueAt)}` : "No due date"}</span>
      </span>
    </button>
  );
}
