import { useEffect } from 'react';
import { useGetLockSettingsQuery, useLockMutation } from '../../api/shopfloorApi';

/** What counts as someone at the PC: a key, a click or touch, the wheel, the mouse moving. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks Shopfloor after the minutes IT set for this PC (10 by default) with
 * no input, so the next person does not work in the last one's name. 0 means
 * never by inactivity (the OS lock and sleep still lock).
 */
export function useInactivityLock() {
  const { data: settings } = useGetLockSettingsQuery();
  const [lock] = useLockMutation();
  const minutes = settings?.lockAfterMinutes ?? 0;

  useEffect(() => {
    if (minutes <= 0) return;
    let timer = window.setTimeout(() => void lock(), minutes * 60_000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void lock(), minutes * 60_000);
    };
    ACTIVITY.forEach((event) => window.addEventListener(event, restart, { capture: true, passive: true }));
    return () => {
      window.clearTimeout(timer);
      ACTIVITY.forEach((event) => window.removeEventListener(event, restart, { capture: true }));
    };
  }, [minutes, lock]);
}
