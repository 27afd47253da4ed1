import { describe, expect, it } from 'vitest';
import { createScanDetector } from '../../renderer/src/features/scanner/scanDetector';

/** Feeds keys `gap` ms apart and returns what Enter gave. */
function type(text: string, gap: number, inField: boolean) {
  const detector = createScanDetector();
  let t = 1000;
  for (const key of text) detector.key({ key, timeStamp: (t += gap), inField });
  return detector.key({ key: 'Enter', timeStamp: t + gap, inField });
}

describe('telling a scanner from a person', () => {
  it('takes a fast burst and Enter as a scan, outside and inside a text field', () => {
    expect(type('WO-10835', 8, false)).toEqual({ kind: 'scan', code: 'WO-10835' });
    expect(type('WO-10835', 8, true)).toEqual({ kind: 'scan', code: 'WO-10835' });
  });

  it('leaves typing alone: slow keys anywhere, and quick-but-human keys in a text field', () => {
    expect(type('WO-10835', 150, false)).toEqual({ kind: 'none' });
    expect(type('pump', 60, false)).toEqual({ kind: 'scan', code: 'pump' });
    expect(type('pump', 60, true)).toEqual({ kind: 'none' });
    expect(type('ab', 5, false)).toEqual({ kind: 'none' });
  });
});
