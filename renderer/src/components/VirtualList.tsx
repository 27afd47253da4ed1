import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface VirtualListProps {
  label: string;
  total: number;
  rowHeight: number;
  /** Changes to this value scroll back to the top (a new filter). */
  resetKey: string;
  renderRow(index: number): ReactNode;
}

/**
 * Only the rows on screen exist in the DOM, so 100,000 rows scroll like 100.
 * Arrow keys move focus between rows (`data-index` on the focusable element),
 * scrolling rows that are not rendered yet into view.
 */
export function VirtualList({ label, total, rowHeight, resetKey, renderRow }: VirtualListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);
  // A new density or text size: every row has the new height at once.
  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1);
    const next = Math.min(total - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  return (
    <div className="list-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
      <div role="list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            role="listitem"
            aria-setsize={total}
            aria-posinset={row.index + 1}
            className="list-row"
            style={{ transform: `translateY(${row.start}px)`, height: row.size }}
          >
            {renderRow(row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
