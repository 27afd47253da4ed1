import { useEffect, useState } from 'react';

/**
 * The page's clock, read again every `everyMs` so times on screen grow while
 * nothing else changes. Date.now() and setInterval are what Playwright's
 * page.clock controls, so tests move time without waiting for it.
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const interval = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(interval);
  }, [everyMs]);
  return now;
}
