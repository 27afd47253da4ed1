import type { Page } from '@playwright/test';

/**
 * A keyboard-wedge scanner: each character's keydown, then its text, a few
 * microseconds apart, then Enter. Played inside the page, because keys sent
 * one by one from the test arrive 25 to 300 ms apart on a busy machine: a
 * person's speed, not a scanner's.
 */
export async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = (document.activeElement ?? document.body) as HTMLElement;
    const isField = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    // Made first, so their timestamps are the scanner's, however long the page takes to handle each one
    // (a real key event too carries the time it was typed, not the time it was handled).
    const keys = [...text, 'Enter'].map((key) => new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    for (const event of keys) {
      if (target.dispatchEvent(event) && isField && event.key !== 'Enter') document.execCommand('insertText', false, event.key);
    }
  }, code);
}
