import { useEffect, useState } from 'react';
import {
  PRIORITY_LABELS,
  SORT_LABELS,
  STATUS_LABELS,
  TEXT_LIMITS,
  WORK_ORDER_PRIORITIES,
  WORK_ORDER_SORTS,
  WORK_ORDER_STATUSES,
  type WorkOrderPriority,
  type WorkOrderSort,
} from '../../../../shared/domain/labels';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import {
  assetFilterChanged,
  assignedToMeToggled,
  priorityFilterChanged,
  searchChanged,
  sortChanged,
  statusFilterChanged,
} from './workOrdersSlice';

const SEARCH_DEBOUNCE_MS = 150;

/** Search, status, priority, "assigned to me", asset and the sort order: large targets, usable with gloves and with the keyboard. */
export function WorkOrderFilters() {
  const dispatch = useAppDispatch();
  const { status, priority, assignedToMe, sort, asset, search: committedSearch } = useAppSelector((state) => state.workOrders);
  const [text, setText] = useState(committedSearch);

  // Query once the technician pauses, not on every keystroke.
  useEffect(() => {
    if (text === committedSearch) return;
    const timer = setTimeout(() => dispatch(searchChanged(text)), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, committedSearch, dispatch]);

  return (
    <div className="filters">
      <label className="search">
        <span className="visually-hidden">Search work orders</span>
        <input
          type="search"
          placeholder="Search by number, title or asset tag"
          value={text}
          maxLength={TEXT_LIMITS.search}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') dispatch(searchChanged(text));
          }}
        />
      </label>
      <div className="status-filter" role="group" aria-label="Filter by status">
        <button type="button" aria-pressed={status === null} onClick={() => dispatch(statusFilterChanged(null))}>
          All
        </button>
        {WORK_ORDER_STATUSES.map((value) => (
          <button key={value} type="button" aria-pressed={status === value} onClick={() => dispatch(statusFilterChanged(value))}>
            {STATUS_LABELS[value]}
          </button>
        ))}
      </div>
      <div className="more-filters">
        <button type="button" aria-pressed={assignedToMe} onClick={() => dispatch(assignedToMeToggled())}>
          Assigned to me
        </button>
        <label className="inline-field">
          <span className="visually-hidden">Priority</span>
          <select
            value={priority ?? ''}
            onChange={(event) => dispatch(priorityFilterChanged((event.target.value || null) as WorkOrderPriority | null))}
          >
            <option value="">Any priority</option>
            {WORK_ORDER_PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {PRIORITY_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        {/* Named by aria-label, not a wrapping <label>: a label's text would include every option ("Sort: Priority"), and "Priority" would name two controls. */}
        <span className="inline-field">
          <select aria-label="Sort by" value={sort} onChange={(event) => dispatch(sortChanged(event.target.value as WorkOrderSort))}>
            {WORK_ORDER_SORTS.map((value) => (
              <option key={value} value={value}>
                Sort: {SORT_LABELS[value]}
              </option>
            ))}
          </select>
        </span>
        {asset && (
          <button type="button" className="chip" onClick={() => dispatch(assetFilterChanged(null))}>
            Asset {asset.tag} <span aria-hidden="true">✕</span>
            <span className="visually-hidden">(remove this filter)</span>
          </button>
        )}
      </div>
    </div>
  );
}
