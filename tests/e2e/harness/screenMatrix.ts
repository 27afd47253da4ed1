import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, saveScreenshot } from './fixtures';

/** The two screens the issue names: the smallest a shop-floor PC has, and a full-HD one. */
export const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Puts the page in a theme without reloading it, so a state that took work to
 * reach (a conflict card with picks, a running timer, a scan just confirmed)
 * is pictured as it is. Only the look changes: the theme is an attribute the
 * stylesheet keys on. Choosing it in Settings, and its being remembered, are
 * tested in screens.spec.ts.
 */
export async function showTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * The screen as it is, at 1366 x 768 and 1920 x 1080, in the light and the
 * dark theme: a screenshot of each (test-results/screenshots/<name>-<w>x<h>-<theme>.png),
 * axe in each theme, and every greyed-out control saying why. `check` runs at
 * each size before the picture (what must be in view there). Leaves the page
 * in the light theme at the first size.
 */
export async function everySizeAndTheme(
  page: Page,
  name: string,
  check: (size: (typeof SIZES)[number], theme: Theme) => Promise<void> = async () => undefined,
): Promise<void> {
  for (const theme of THEMES) {
    await showTheme(page, theme);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await check(size, theme);
      await saveScreenshot(page, `${name}-${size.width}x${size.height}-${theme}`);
    }
    await expectAccessible(page, `${name} (${theme})`);
    await expectDisabledExplained(page, `${name} (${theme})`);
  }
  await showTheme(page, 'light');
  await page.setViewportSize(SIZES[0]);
}

/** Every disabled control on the page says why, in a sentence: its accessible description. */
export async function expectDisabledExplained(page: Page, screen: string): Promise<number> {
  const disabled = await page.locator('button:disabled, input:disabled, select:disabled, textarea:disabled').all();
  for (const control of disabled) {
    await expect(control, `a greyed-out control on ${screen} says why`).toHaveAccessibleDescription(/^[A-Z][^]*[.?]$/);
  }
  return disabled.length;
}
