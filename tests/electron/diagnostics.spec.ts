import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { DEMO_PASSWORD } from '../../main/core';
import { electronBinary, packagedBuild, SKIP_REASON } from './electronBinary';

/**
 * "Save diagnostics…" and crash reports in the real app: the native save
 * dialog (stubbed in main, as the conflict dialog's spec does), Electron's
 * crashReporter keeping dumps on the PC, and a crash of the main process
 * announced in Settings at the next start and packed into the zip.
 */
const packaged = packagedBuild();
const binary = packaged ?? electronBinary();
if (!binary) console.log(`[electron] diagnostics skipped: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

let root: string;
test.beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'shopfloor-electron-diagnostics-'));
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The app on its own profile; on Linux XDG_CONFIG_HOME also moves userData, and so the Crashpad folder and logs. */
async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: binary!,
    args: packaged ? [] : [path.resolve('.')],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(root, 'config'), SHOPFLOOR_DATA_DIR: path.join(root, 'profile'), SHOPFLOOR_NO_SERVER: '1', SHOPFLOOR_E2E: '1', ELECTRON_RENDERER_URL: '' },
  });
  const page = await app.firstWindow();
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  return { app, page };
}

test('crash reports stay on this PC, and Save diagnostics… asks the native save dialog where', async () => {
  const { app, page } = await launch();
  try {
    const reporter = await app.evaluate(({ crashReporter, app: electronApp }) => ({
      upload: crashReporter.getUploadToServer(),
      folder: electronApp.getPath('crashDumps'),
    }));
    expect(reporter.upload).toBe(false);
    expect(reporter.folder.startsWith(root)).toBe(process.platform === 'linux');

    const destination = path.join(root, 'for-it');
    await app.evaluate(({ dialog }, chosen) => {
      const asked: unknown[] = [];
      Object.assign(globalThis, { saveDialogCalls: asked });
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        asked.push(args.at(-1));
        return { canceled: false, filePath: chosen };
      }) as typeof dialog.showSaveDialog;
    }, destination);
    await page.getByRole('button', { name: 'Save diagnostics…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Diagnostics saved' })).toHaveText(
      `Diagnostics saved to ${destination}.zip. Send this file to your IT department.`,
    );
    const [options] = (await app.evaluate(() => (globalThis as unknown as { saveDialogCalls: unknown[] }).saveDialogCalls)) as { defaultPath: string }[];
    expect(path.basename(options!.defaultPath)).toMatch(/^shopfloor-diagnostics-.+\.zip$/);
    const files = unzipSync(readFileSync(`${destination}.zip`));
    const versions = JSON.parse(Buffer.from(files['versions.json']!).toString()) as Record<string, string>;
    expect(versions.electron).toMatch(/^\d+\.\d+\.\d+/);
    expect(versions.chromium).toMatch(/^\d+\./);
    expect(Object.keys(files).some((name) => name.startsWith('logs/main'))).toBe(true);
  } finally {
    await app.close();
  }
});

test('after the main process crashes, the next start says a crash report will be included, and the zip has it', async () => {
  test.skip(process.platform !== 'linux', 'Only Linux moves the crash folder with XDG_CONFIG_HOME; elsewhere this would crash into the real profile.');
  const first = await launch();
  const closed = first.app.waitForEvent('close');
  await first.app.evaluate(() => process.crash()).catch(() => undefined);
  await closed;

  const { app, page } = await launch();
  try {
    await expect(page.getByText(/^A crash report from .+ will be included\.$/)).toBeVisible();
    const destination = path.join(root, 'after-crash.zip');
    await app.evaluate(({ dialog }, chosen) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
    }, destination);
    await page.getByRole('button', { name: 'Save diagnostics…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Diagnostics saved' })).toBeVisible();
    expect(existsSync(destination)).toBe(true);
    expect(Object.keys(unzipSync(readFileSync(destination))).some((name) => name.startsWith('crash-dumps/') && name.endsWith('.dmp'))).toBe(true);
  } finally {
    await app.close();
  }
});
