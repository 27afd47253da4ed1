import type { Page } from '@playwright/test';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import type { Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';
import { everySizeAndTheme } from './harness/screenMatrix';

/**
 * The timer and the Hours field as a technician with gloves meets them: the
 * running timer in the header on every screen, one tap to its work order or
 * to stop it and log the hours, quick +0.25/+0.5/+1 h buttons and h:mm in
 * the Hours field, and "Start the timer too?" after Start work.
 *
 * Time is moved, not waited for: the page runs on Playwright's clock, and
 * the core's clock is this spec's (real time plus `coreShift`), so "an hour
 * and a half later" is the same moment on both sides.
 */
let coreShift = 0;
test.use({
  // An hour and a half passes with nobody touching the PC: IT set this one never to lock by inactivity (lockScreen.spec.ts covers locking).
  coreOptions: { seedDemoData: true, logger: silentLogger, lockAfterMinutes: 0, now: () => new Date(Date.now() + coreShift).toISOString() },
});
test.beforeEach(() => {
  coreShift = 0;
});
test.describe.configure({ timeout: 180_000 });

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;
const HOUR_AND_A_HALF = 90 * 60_000;

const openOnes = async (core: Core, limit: number) =>
  (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit }))).items;

async function openWorkOrder(page: Page, core: Core, number: string) {
  await page.getByRole('searchbox', { name: 'Search work orders' }).fill(number);
  // Until the search's page arrives the list still shows the previous rows: click only once it shows the matches.
  const { total } = await core.handlers.listWorkOrders(WorkOrderQuery.parse({ search: number, limit: 1 }));
  await expect(page.getByRole('heading', { name: `${total} ${total === 1 ? 'work order matches' : 'work orders match'} “${number}”` })).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: number }).getByRole('button').click();
}

/** As the Settings screen saves it; the app reads it when the window opens. */
async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((t) => {
    const saved = JSON.parse(localStorage.getItem('shopfloor.preferences') ?? '{}') as Record<string, unknown>;
    localStorage.setItem('shopfloor.preferences', JSON.stringify({ ...saved, theme: t }));
  }, theme);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

const chipOf = (page: Page) => page.getByRole('banner').getByRole('group', { name: 'Timer' });

test('the running timer is in the header on every screen; tapping it opens the work order and Stop and log logs its hours', async ({ page, core }) => {
  const [wo] = await openOnes(core, 1);
  await page.clock.install();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /work orders/i }).first()).toBeVisible();
  await expect(chipOf(page)).toHaveCount(0);

  await openWorkOrder(page, core, wo!.number!);
  await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Start timer' }).click();
  const chip = chipOf(page);
  await expect(chip.getByRole('button', { name: `Timer on ${wo!.number} 0:00 hours:minutes` })).toBeVisible();
  const { startedAt } = (await core.handlers.getTimer())!;

  // An hour and a half later, on the page and in the journal.
  await page.getByRole('button', { name: 'Close' }).click();
  await page.clock.pauseAt(Date.parse(startedAt) + HOUR_AND_A_HALF);
  coreShift = HOUR_AND_A_HALF;
  await expect(chip.getByTestId('timer-elapsed')).toHaveText('1:30');
  await expect(chip).toContainText(wo!.number!);
  await page.clock.resume();

  // On the assets screen too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Assets' }).click();
  await expect(page.getByRole('heading', { name: 'Assets', exact: true })).toBeAttached();
  await expect(chip).toContainText(wo!.number!);
  await expect(chip.getByTestId('timer-elapsed')).toHaveText(/^1:3\d$/);

  // Tap: back to the work orders, with that one open.
  await chip.getByRole('button', { name: /^Timer on / }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Work orders' })).toHaveAttribute('aria-current', 'page');
  const detail = page.getByRole('complementary', { name: wo!.title });
  await expect(detail.getByRole('heading', { name: wo!.title })).toBeVisible();

  // Stop and log: the same stop as the work order's timer, then the hours go to the journal at once.
  await chip.getByRole('button', { name: 'Stop and log' }).click();
  await expect(page.getByText(`Timer stopped: 1.5 h logged on ${wo!.number}, saved on this computer.`)).toBeVisible();
  await expect(chip).toHaveCount(0);
  expect(await core.handlers.getTimer()).toBeNull();
  const hours = await core.handlers.listHours({ workOrderId: wo!.id });
  expect(hours.map((h) => ({ hours: h.hours, note: h.note, userId: h.userId }))).toEqual([{ hours: 1.5, note: 'Timed with the timer', userId: 'alice' }]);
  const row = detail.getByRole('row').filter({ hasText: 'Timed with the timer' });
  await expect(row).toContainText('1.5');
  await expect(row).toContainText('Not yet synced');
  await expect(detail.getByRole('heading', { name: /Hours · 1\.5 h logged/ })).toBeVisible();
});

test('when the work order was completed while the timer ran, Stop and log says which hours it could not log', async ({ page, core }) => {
  const [wo] = await openOnes(core, 1);
  await core.handlers.startTimer({ workOrderId: wo!.id });
  await core.handlers.updateWorkOrder({ id: wo!.id, changes: { status: 'completed', completionNotes: 'Done by the night shift' } });
  await page.goto('/');
  await chipOf(page).getByRole('button', { name: 'Stop and log' }).click();
  await expect(
    page.getByText(`Timer stopped at 0.1 h, but the hours could not be logged on ${wo!.number}: Hours cannot be logged: this work order was completed.`),
  ).toBeVisible();
  await expect(chipOf(page)).toHaveCount(0);
  expect(await core.handlers.listHours({ workOrderId: wo!.id })).toEqual([]);
});

test('quick buttons and h:mm fill the Hours field and log the right hours; mistakes get a sentence', async ({ page, core }) => {
  const [wo] = await openOnes(core, 1);
  await page.goto('/');
  await openWorkOrder(page, core, wo!.number!);
  const form = page.getByRole('form', { name: 'Log hours' });
  const field = form.getByLabel('Hours');
  const quick = form.getByRole('group', { name: 'Quick add' });
  const logged = async () => (await core.handlers.listHours({ workOrderId: wo!.id })).map((h) => h.hours).sort((a, b) => a - b);

  for (const name of ['+0.25 h', '+0.5 h', '+1 h']) await quick.getByRole('button', { name }).click();
  await expect(field).toHaveValue('1.75');
  await form.getByRole('button', { name: 'Log hours' }).click();
  await expect(form.getByText('1.75 h saved on this computer.')).toBeVisible();
  expect(await logged()).toEqual([1.75]);

  await field.fill('1:30');
  await form.getByRole('button', { name: 'Log hours' }).click();
  await expect(form.getByText('1.5 h saved on this computer.')).toBeVisible();
  expect(await logged()).toEqual([1.5, 1.75]);

  // A quick button adds to h:mm, and a comma works as the decimal mark.
  await field.fill('0:45');
  await quick.getByRole('button', { name: '+0.25 h' }).click();
  await expect(field).toHaveValue('1');
  await field.fill('2,5');
  await form.getByRole('button', { name: 'Log hours' }).click();
  await expect(form.getByText('2.5 h saved on this computer.')).toBeVisible();
  expect(await logged()).toEqual([1.5, 1.75, 2.5]);

  for (const [text, sentence] of [
    ['an hour', 'Hours must be like 1.5 or 1:30.'],
    ['1:75', 'Hours must be like 1.5 or 1:30.'],
    ['0:00', 'Enter more than 0 hours.'],
    ['24:30', 'One entry can be at most 24 hours. Split longer work over several days.'],
  ] as const) {
    await field.fill(text);
    await form.getByRole('button', { name: 'Log hours' }).click();
    await expect(form.getByText(sentence)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  }
  // A quick tap never throws away what was typed.
  await field.fill('an hour');
  await quick.getByRole('button', { name: '+1 h' }).click();
  await expect(field).toHaveValue('an hour');
  await expect(form.getByText('Hours must be like 1.5 or 1:30.')).toBeVisible();
  expect(await logged()).toEqual([1.5, 1.75, 2.5]);
});

test('Start work asks "Start the timer too?": Not now leaves it, Start timer starts it', async ({ page, core }) => {
  const [first, second] = await openOnes(core, 2);
  await page.goto('/');
  const bar = page.getByRole('group', { name: 'Actions' });

  await openWorkOrder(page, core, first!.number!);
  await bar.getByRole('button', { name: 'Start work' }).click();
  const question = page.getByRole('alertdialog', { name: 'Start the timer too?' });
  await expect(question).toContainText(`Work on ${first!.number} has started. Start the timer too?`);
  await expect(question.getByRole('button', { name: 'Start timer' })).toBeFocused();
  expect((await core.handlers.getWorkOrder({ id: first!.id })).status).toBe('in_progress');
  await question.getByRole('button', { name: 'Not now' }).click();
  await expect(question).toHaveCount(0);
  expect(await core.handlers.getTimer()).toBeNull();
  await expect(bar.getByRole('button', { name: 'Start timer' })).toBeVisible();
  await expect(chipOf(page)).toHaveCount(0);

  await openWorkOrder(page, core, second!.number!);
  await bar.getByRole('button', { name: 'Start work' }).click();
  await expect(question).toContainText(second!.number!);
  await everySizeAndTheme(page, 'timer-question', async () => {
    await expect(question.getByRole('button', { name: 'Start timer' })).toBeInViewport({ ratio: 1 });
    await expect(question.getByRole('button', { name: 'Not now' })).toBeInViewport({ ratio: 1 });
  });
  await question.getByRole('button', { name: 'Start timer' }).click();
  await expect(question).toHaveCount(0);
  await expect(chipOf(page)).toContainText(second!.number!);
  await expect(bar.getByText(/Timer running since/)).toBeVisible();
  expect(await core.handlers.getTimer()).toMatchObject({ workOrderId: second!.id });

  // With a timer running, Start work elsewhere does not ask (the timer runs on one work order at a time).
  const [third] = (await openOnes(core, 1)).filter((w) => w.id !== first!.id && w.id !== second!.id);
  await openWorkOrder(page, core, third!.number!);
  await bar.getByRole('button', { name: 'Start work' }).click();
  await expect(page.getByRole('complementary', { name: third!.title }).locator('.detail-badges')).toContainText('In progress');
  await expect(question).toHaveCount(0);
});

test('the timer chip and the quick buttons are glove-sized and readable in both themes and sizes', async ({ page, core }) => {
  const [wo] = await openOnes(core, 1);
  await core.handlers.startTimer({ workOrderId: wo!.id });
  await page.goto('/');
  for (const theme of THEMES) {
    await useTheme(page, theme);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const chip = chipOf(page);
      await expect(chip).toBeInViewport({ ratio: 1 });
      for (const button of await chip.getByRole('button').all()) {
        const box = (await button.boundingBox())!;
        expect(box.height, 'a gloved finger needs 44 px').toBeGreaterThanOrEqual(44);
        expect(box.width).toBeGreaterThanOrEqual(44);
      }
      // The header stays one row with the timer in it (at 1366 px too): what is below keeps its room.
      const tops = await page.locator('.app-header > *').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
      expect(Math.max(...tops) - Math.min(...tops), 'one header row').toBeLessThan(40);
      await saveScreenshot(page, `timer-chip-${size.width}x${size.height}-${theme}`);
      await openWorkOrder(page, core, wo!.number!);
      await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Log hours…' }).click();
      const quick = page.getByRole('group', { name: 'Quick add' });
      await expect(quick).toBeInViewport();
      for (const button of await quick.getByRole('button').all()) {
        expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      }
      await saveScreenshot(page, `timer-hours-${size.width}x${size.height}-${theme}`);
      await page.getByRole('button', { name: 'Close' }).click();
    }
    await expectAccessible(page, `timer chip (${theme})`);
    await openWorkOrder(page, core, wo!.number!);
    await expectAccessible(page, `hours with quick buttons (${theme})`);
    await page.getByRole('button', { name: 'Close' }).click();
  }
});
