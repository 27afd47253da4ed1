import { useEffect, useRef } from 'react';
import { createScanDetector } from '../scanner/scanDetector';

/**
 * The lock screen's ear for the badge reader: the same scanner that types
 * work order numbers types a badge's code, fast, then Enter. Keys a person
 * types go to `onKey` (the PIN); a scan takes back the keys it typed there.
 */
export function useBadgeScan({ onScan, onKey, snapshot, restore }: {
  onScan: (code: string) => void;
  onKey: (event: KeyboardEvent) => void;
  /** What the PIN was before a burst of keys, so a scan can put it back. */
  snapshot: () => string;
  restore: (pin: string) => void;
}) {
  const handlers = useRef({ onScan, onKey, snapshot, restore });
  handlers.current = { onScan, onKey, snapshot, restore };

  useEffect(() => {
    const detector = createScanDetector();
    let before = '';
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // The password form's fields keep their keys.
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (event.key.length === 1 && detector.startsBurst(event.timeStamp)) before = handlers.current.snapshot();
      const result = detector.key({ key: event.key, timeStamp: event.timeStamp, inField: false });
      if (result.kind === 'scan') {
        event.preventDefault();
        handlers.current.restore(before);
        handlers.current.onScan(result.code);
        return;
      }
      handlers.current.onKey(event);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
