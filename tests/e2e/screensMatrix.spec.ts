import type { Page } from '@playwright/test';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { expect, test } from './harness/fixtures';
import { scan } from './harness/scanner';
import { everySizeAndTheme, expectDisabledExplained, showTheme, THEMES } from './harness/screenMatrix';

/**
 * What the other specs do not picture on their own: contrast of control
 * edges and of the focus ring (axe checks text, not these), greyed-out
 * buttons that are more than faded and say why, and the scan beep that can
 * be turned off. At 1366 x 768 and 1920 x 1080, light and dark.
 */
test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 180_000 });

interface Edge {
  what: string;
  ratio: number;
}

/**
 * Measured in the page, from the colours the browser resolved: WCAG's
 * contrast ratio of every visible control's edge (or of the focused
 * control's ring) against the first opaque background behind it.
 */
function measureInPage(what: 'edges' | 'focus'): (Edge & { width: number })[] {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = (c: string) =>
    rgb(c)
      .slice(0, 3)
      .map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const ratio = (a: string, b: string) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };
  const behind = (el: Element) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (rgb(c).length < 4 || rgb(c)[3]! > 0) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} ${(el.getAttribute('aria-label') || el.textContent || el.closest('label')?.textContent || '').trim().slice(0, 40)}`;
  if (what === 'focus') {
    const el = document.activeElement!;
    const s = getComputedStyle(el);
    return [{ what: name(el), ratio: ratio(s.outlineColor, behind(el)), width: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth) }];
  }
  return [...document.querySelectorAll('button, input:not([type=checkbox]):not([type=radio]), select, textarea')]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => ({ el, s: getComputedStyle(el) }))
    .filter(({ s }) => s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) >= 1 && rgb(s.borderTopColor)[3] !== 0)
    .map(({ el, s }) => ({ what: name(el), ratio: ratio(s.borderTopColor, behind(el)), width: parseFloat(s.borderTopWidth) }));
}

const controlEdges = (page: Page) => page.evaluate(measureInPage, 'edges' as const);
const focusRing = async (page: Page) => (await page.evaluate(measureInPage, 'focus' as const))[0]!;

test('control edges and the focus ring stand out at least 3:1, and a greyed-out button is dashed and says why, in both themes', async ({ page, core }) => {
  const wo = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search work orders' }).fill(wo.number!);
  await page.getByRole('listitem').filter({ hasText: wo.number! }).locator('.row-button').click();
  const reopen = page.getByRole('group', { name: 'Change status' }).getByRole('button', { name: 'Reopen' });
  // The issue's own example: the reason is a sentence, on the button and under the buttons.
  await expect(reopen).toBeDisabled();
  await expect(reopen).toHaveAccessibleDescription('Reopen is possible after Complete or Cancel.');
  await expect(page.locator('#status-reasons')).toContainText('Reopen is possible after Complete or Cancel.');

  for (const theme of THEMES) {
    await showTheme(page, theme);
    const edges = await controlEdges(page);
    expect(edges.length, 'controls measured').toBeGreaterThan(10);
    expect(edges.filter((e) => e.ratio < 3), `control edges under 3:1 (${theme})`).toEqual([]);

    // Disabled is not shown by fading alone: full opacity, a dashed edge, its own colours.
    const look = await reopen.evaluate((el) => {
      const s = getComputedStyle(el);
      return { opacity: s.opacity, border: s.borderTopStyle };
    });
    expect(look).toEqual({ opacity: '1', border: 'dashed' });
    expect(await expectDisabledExplained(page, `work order (${theme})`)).toBeGreaterThan(0);

    // The keyboard's ring, from the header's first tab down into the list and the work order.
    await page.keyboard.press('Tab'); // the last move was the keyboard's, as for someone tabbing along
    await page.getByRole('button', { name: 'Work orders' }).focus();
    const rings = [await focusRing(page)];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      rings.push(await focusRing(page));
    }
    expect(rings.some((r) => r.what.includes('Search work orders'))).toBe(true);
    expect(rings.filter((r) => r.width < 2 || r.ratio < 3), `focus rings too faint (${theme})`).toEqual([]);
  }
  await page.getByRole('group', { name: 'Change status' }).getByRole('button', { name: 'Put on hold' }).focus();
  await everySizeAndTheme(page, 'focus-and-disabled', async () => {
    await page.getByRole('group', { name: 'Change status' }).getByRole('button', { name: 'Put on hold' }).press('Shift+Tab');
    await page.keyboard.press('Tab');
    await reopen.scrollIntoViewIfNeeded();
  });
});

test('a scan beeps, and does not once the beep is turned off in Settings', async ({ page, core }) => {
  const wo = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
  // Count the tones the page plays (the beep is a Web Audio oscillator).
  await page.addInitScript(() => {
    const played: number[] = [];
    Object.defineProperty(window, '__tones', { value: played });
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      const tone = create.call(this);
      queueMicrotask(() => played.push(tone.frequency.value));
      return tone;
    };
  });
  const tones = () => page.evaluate(() => (window as unknown as { __tones: number[] }).__tones.length);
  await page.goto('/');
  await expect(page.getByRole('listitem').first()).toBeVisible();
  await scan(page, wo.number!);
  await expect(page.getByRole('status', { name: 'Scan' })).toContainText(`Scanned ${wo.number}`);
  await expect.poll(tones).toBe(1);

  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  const beep = page.getByRole('region', { name: 'Display on this computer' }).getByRole('checkbox', { name: 'Beep when a barcode is scanned' });
  await beep.uncheck();
  await page.reload(); // remembered on this computer
  await expect(page.getByRole('status', { name: 'Sync status' })).toBeVisible();
  await expect(page.getByRole('listitem').first()).toBeVisible();
  await scan(page, wo.number!);
  await expect(page.getByRole('complementary', { name: wo.title })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Scan' })).toContainText(`Scanned ${wo.number}`);
  expect(await tones()).toBe(0); // a fresh page: none played since the reload
});
