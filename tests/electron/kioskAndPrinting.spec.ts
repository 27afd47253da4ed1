import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../../main/core';
import { electronBinary, packagedBuild, SKIP_REASON } from './electronBinary';

/**
 * The real window as a kiosk (SHOPFLOOR_KIOSK=1): full screen, no menu, a close that does nothing;
 * and "Save as PDF…" through webContents.printToPDF with the save dialog stubbed in main.
 */
const packaged = packagedBuild();
const binary = packaged ?? electronBinary();
if (!binary) console.log(`[electron] kiosk and printing skipped: ${SKIP_REASON}`);
test.skip(!binary, SKIP_REASON);

let root: string;
test.beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'shopfloor-electron-kiosk-'));
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a kiosk window is full screen with no menu, refuses to close, and saves a work order as a PDF', async () => {
  const app = await electron.launch({
    executablePath: binary!,
    args: packaged ? [] : [path.resolve('.')],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(root, 'config'), SHOPFLOOR_DATA_DIR: path.join(root, 'profile'), SHOPFLOOR_NO_SERVER: '1', SHOPFLOOR_KIOSK: '1', ELECTRON_RENDERER_URL: '' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('button', { name: 'Exit kiosk (IT)' })).toBeVisible();
    const state = await app.evaluate(({ BrowserWindow, Menu }) => {
      const window = BrowserWindow.getAllWindows()[0]!;
      window.close();
      return { kiosk: window.isKiosk(), closable: window.isClosable(), menu: Menu.getApplicationMenu(), visible: window.isVisible() };
    });
    expect(state).toEqual({ kiosk: true, closable: false, menu: null, visible: true });

    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('listitem').first().getByRole('button').click();
    const pdfPath = path.join(root, 'sheet.pdf');
    await app.evaluate(({ dialog }, chosen) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
    }, pdfPath);
    await page.getByRole('button', { name: 'Save as PDF…' }).click();
    await expect(page.getByText(`Saved the PDF to ${pdfPath}.`)).toBeVisible();
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  } finally {
    // The kiosk cannot be closed from its window: end the process the test started.
    await app.evaluate(({ app: electronApp }) => electronApp.exit(0)).catch(() => undefined);
  }
});
