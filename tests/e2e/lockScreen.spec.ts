import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, type Core } from '../../main/core';
import { LinkBadgeInput, SetPinInput, SwitchUserInput } from '../../shared/domain/inputs';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';

/**
 * A shift shares one PC: the lock screen in the real renderer against the real core. Alice is
 * signed in (harness); bob has a PIN and a badge on this PC. People switch by the PIN pad (big
 * enough for gloves) or by scanning their badge; five wrong PINs send them to the password.
 */
test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 768 } });

async function giveBobQuickSwitch(core: Core) {
  await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
  await core.handlers.setPin(SetPinInput.parse({ pin: '2468', password: DEMO_PASSWORD }));
  await core.handlers.linkBadge(LinkBadgeInput.parse({ code: 'EMP-BOB-77', password: DEMO_PASSWORD }));
  await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
  await core.handlers.setPin(SetPinInput.parse({ pin: '1357', password: DEMO_PASSWORD }));
}

/** A badge reader types like a keyboard: the code and Enter microseconds apart, played inside the page (see screens.spec.ts). */
async function scanBadge(page: Page, code: string) {
  await page.evaluate((text) => {
    const keys = [...text, 'Enter'].map((key) => new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    for (const event of keys) (document.activeElement ?? document.body).dispatchEvent(event);
  }, code);
}

async function enterPin(page: Page, pin: string) {
  const pad = page.getByRole('group', { name: 'PIN pad' });
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: 'OK' }).click();
}

const signedInAs = (page: Page, username: string) => expect(page.locator('.app-header .user')).toHaveText(`Signed in as ${username}`);

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((t) => {
    const saved = JSON.parse(localStorage.getItem('shopfloor.preferences') ?? '{}') as Record<string, unknown>;
    localStorage.setItem('shopfloor.preferences', JSON.stringify({ ...saved, theme: t }));
  }, theme);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test('Lock shows who was signed in; the next person switches in on the PIN pad, in both themes', async ({ page, core }) => {
  await giveBobQuickSwitch(core);
  await page.goto('/');
  await signedInAs(page, 'alice');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();

  const lock = page.getByRole('main', { name: 'Shopfloor is locked' });
  await expect(lock.getByText('alice was signed in. Their timer keeps running and their changes keep syncing.')).toBeVisible();
  await expect(lock.getByText('Scan your badge to switch in.')).toBeVisible();
  // Alice (who has a PIN) is chosen already: coming back to the PC is one PIN away.
  await expect(lock.getByRole('button', { name: 'alice' })).toHaveAttribute('aria-pressed', 'true');

  for (const theme of ['light', 'dark'] as const) {
    await useTheme(page, theme);
    await expect(lock).toBeVisible();
    await lock.getByRole('button', { name: 'bob' }).click();
    await lock.getByRole('group', { name: 'PIN pad' }).getByRole('button', { name: '2', exact: true }).click();
    await expect(lock.getByText('1 of 4 to 6 digits entered')).toBeAttached();
    await expectAccessible(page, `lock screen (${theme})`);
    await saveScreenshot(page, `lock-screen-pin-pad-${theme}`);
  }

  // The pad's keys are big enough for a gloved finger.
  const key = await lock.getByRole('button', { name: '5', exact: true }).boundingBox();
  expect(Math.min(key!.width, key!.height)).toBeGreaterThanOrEqual(64);

  await lock.getByRole('button', { name: 'Delete last digit' }).click();
  await enterPin(page, '2468');
  await signedInAs(page, 'bob');
  expect((await core.handlers.getSession()).user?.username).toBe('bob');
});

test('a badge scan switches in from the lock screen the OS put up; a wrong PIN says how many tries are left', async ({ page, core }) => {
  await giveBobQuickSwitch(core);
  await page.goto('/');
  await signedInAs(page, 'alice');
  // What the shell does when Windows locks the screen or the PC sleeps.
  core.lock();
  const lock = page.getByRole('main', { name: 'Shopfloor is locked' });
  await expect(lock).toBeVisible();

  await enterPin(page, '0000');
  await expect(lock.getByRole('alert')).toHaveText('Wrong PIN. 4 tries left before your password is needed.');

  await scanBadge(page, 'EMP-BOB-77');
  await signedInAs(page, 'bob');
  await expectAccessible(page, 'signed in by badge');
  await saveScreenshot(page, 'lock-screen-badge-switched-in');
});

test('five wrong PINs in a row send the person to their password, which lets them in again', async ({ page, core }) => {
  await giveBobQuickSwitch(core);
  await core.handlers.lock();
  for (let i = 0; i < 4; i++) await expect(Promise.resolve().then(() => core.handlers.switchUser(SwitchUserInput.parse({ by: 'pin', username: 'alice', pin: '0000' })))).rejects.toThrow(/Wrong PIN/);
  await page.goto('/');
  const lock = page.getByRole('main', { name: 'Shopfloor is locked' });
  await enterPin(page, '0000');
  await expect(lock.getByRole('alert')).toHaveText('Too many wrong PINs. Sign in with your password to use your PIN again.');
  await expect(lock.getByRole('button', { name: 'alice (password needed)' })).toBeVisible();
  await expectAccessible(page, 'lock screen, PIN locked out');
  await saveScreenshot(page, 'lock-screen-password-needed');

  await lock.getByRole('button', { name: 'Sign in with password' }).click();
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await signedInAs(page, 'alice');
  expect((await core.handlers.listQuickSwitch()).find((a) => a.username === 'alice')?.lockedOut).toBe(false);
});

test('after ten minutes without input the app locks by itself', async ({ page, core }) => {
  await giveBobQuickSwitch(core);
  await page.clock.install();
  await page.goto('/');
  await signedInAs(page, 'alice');
  await page.clock.runFor('09:30');
  await page.mouse.move(200, 300);
  await page.clock.runFor('09:30');
  // Moving the mouse started the ten minutes again.
  await signedInAs(page, 'alice');
  await page.clock.runFor('00:31');
  await expect(page.getByRole('main', { name: 'Shopfloor is locked' })).toBeVisible();
  expect((await core.handlers.getSession()).locked).toBe(true);
});

test('More → Settings sets a PIN (the password is asked), and the lock screen takes it', async ({ page, core }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  const panel = page.getByRole('form', { name: 'Quick switch' });
  await panel.getByLabel('New PIN (4 to 6 digits)').fill('975');
  await panel.getByLabel('Your password').fill(DEMO_PASSWORD);
  await panel.getByRole('button', { name: 'Set PIN' }).click();
  await expect(panel.getByText('A PIN is 4 to 6 digits.')).toBeVisible();
  await panel.getByLabel('New PIN (4 to 6 digits)').fill('9753');
  await panel.getByRole('button', { name: 'Set PIN' }).click();
  await expect(panel.getByRole('status')).toHaveText('Your PIN is set.');
  await expectAccessible(page, 'More → Settings, quick switch');

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await enterPin(page, '9753');
  await signedInAs(page, 'alice');
  expect((await core.handlers.listQuickSwitch()).find((a) => a.username === 'alice')?.hasPin).toBe(true);
});
