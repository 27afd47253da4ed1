/**
 * Tells a barcode scanner from a person by speed. A keyboard-wedge scanner
 * types the code with a few milliseconds between keys, then Enter. Outside a
 * text field no gap over MAX_KEY_GAP_MS is enough; inside one, where a fast
 * typist also produces short gaps, the average gap must be under
 * FIELD_MEAN_KEY_GAP_MS (about 340 words a minute: no person keeps that up,
 * while one slow event on a busy PC does not spoil a scan) and the code at
 * least FIELD_MIN_CODE_LENGTH long.
 * Pure: the hook feeds it key events and acts on what it returns.
 */
export const MAX_KEY_GAP_MS = 80;
export const FIELD_MEAN_KEY_GAP_MS = 35;
export const MIN_CODE_LENGTH = 3;
export const FIELD_MIN_CODE_LENGTH = 4;

export interface KeyInput {
  key: string;
  timeStamp: number;
  inField: boolean;
}

export type ScanResult = { kind: 'none' } | { kind: 'scan'; code: string };

export function createScanDetector() {
  let buffer = '';
  let last = -Infinity;
  let gaps = 0;
  let gapCount = 0;
  return {
    /** True when this key starts a new burst (the caller snapshots the field's text then). */
    startsBurst(timeStamp: number): boolean {
      return timeStamp - last > MAX_KEY_GAP_MS || buffer === '';
    },
    key({ key, timeStamp, inField }: KeyInput): ScanResult {
      const gap = timeStamp - last;
      if (gap > MAX_KEY_GAP_MS) {
        buffer = '';
        gaps = 0;
        gapCount = 0;
      } else if (buffer) {
        gaps += gap;
        gapCount += 1;
      }
      last = timeStamp;
      if (key === 'Enter') {
        const code = buffer;
        const fast = gapCount > 0 && gaps / gapCount <= FIELD_MEAN_KEY_GAP_MS;
        buffer = '';
        gaps = 0;
        gapCount = 0;
        if (code.length < MIN_CODE_LENGTH) return { kind: 'none' };
        if (inField && (!fast || code.length < FIELD_MIN_CODE_LENGTH)) return { kind: 'none' };
        return { kind: 'scan', code };
      }
      if (key.length === 1) buffer += key;
      else if (key !== 'Shift') buffer = '';
      return { kind: 'none' };
    },
  };
}
