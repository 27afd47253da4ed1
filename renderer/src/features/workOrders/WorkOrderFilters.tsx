import { useEffect, useState } from 'react';
import { STATUS_LABELS, TEXT_LIMITS, WORK_ORDER_STATUSES } from '../../../../shared/domain/labels';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { searchChanged, statusFilterChanged } from './workOrdersSlice';

const SEARCH_DEBOUNCE_MS = 150;

/** Search box and status buttons: large targets, usable with gloves and with the keyboard. */
export function WorkOrderFilters() {
  const dispatch = useAppDispatch();
  const status = useAppSelector((state) => state.workOrders.status);
  const committedSearch = useAppSelector((state) => state.workOrders.search);
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
          <button
            key={value}
            type="button"
            aria-pressed={status === value}
            onClick={() => dispatch(statusFilterChanged(value))}
          >
            {STATUS_LABELS[value]}
          </button>
        ))}
      </div>
    </div>
  );
}
