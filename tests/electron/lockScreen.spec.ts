import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../../main/core';
import { electronBinary, packagedBuild, SKIP_REASON } from './electronBinary';

/**
 * The OS's word through Electron's real powerMonitor: when the screen locks or the PC
 * suspends, Shopfloor shows its lock screen with who was signed in. Electron emits these
 * events only from the OS, so the spec emits them on the real powerMonitor object in main.
 */
const packaged = packagedBuild();
const binary = packaged ?? electronBinary();
if (!binary) console.log(`[electron] lock screen skipped: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

let root: string;
test.beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'shopfloor-electron-lock-'));
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the OS locking its screen or the PC suspending brings up the lock screen', async () => {
  const app = await electron.launch({
    executablePath: binary!,
    args: packaged ? [] : [path.resolve('.')],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(root, 'config'), SHOPFLOOR_DATA_DIR: path.join(root, 'profile'), SHOPFLOOR_NO_SERVER: '1', SHOPFLOOR_E2E: '1', ELECTRON_RENDERER_URL: '' },
  });
  try {
    const page = await app.firstWindow();
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();

    await app.evaluate(({ powerMonitor }) => powerMonitor.emit('lock-screen'));
    await expect(page.getByRole('main', { name: 'Shopfloor is locked' })).toBeVisible();
    await expect(page.getByText('alice was signed in.', { exact: false })).toBeVisible();

    await page.getByRole('button', { name: 'Sign in with password' }).click();
    await page.getByLabel('User name').fill('bob');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await app.evaluate(({ powerMonitor }) => powerMonitor.emit('suspend'));
    await expect(page.getByText('bob was signed in.', { exact: false })).toBeVisible();
  } finally {
    await app.close();
  }
});
