import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { silentLogger } from '../../main/core/logger';
import { expectAccessible } from './harness/accessibility';
import { expect, saveScreenshot, test } from './harness/fixtures';

/**
 * More → Settings → "Save diagnostics…" in the real renderer: the native save
 * dialog is the Electron seam (the test answers it with a path), the zip is
 * written by the real core and read back here.
 */
const folder = mkdtempSync(path.join(tmpdir(), 'shopfloor-diagnostics-e2e-'));
const crashDumpsDir = path.join(folder, 'crashes');
mkdirSync(path.join(crashDumpsDir, 'completed'), { recursive: true });
const dump = path.join(crashDumpsDir, 'completed', 'last-crash.dmp');
writeFileSync(dump, Buffer.from('MDMP minidump stand-in'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test.use({ coreOptions: { seedDemoData: true, logger: silentLogger, diagnostics: { crashDumpsDir } } });

test('Save diagnostics… says a crash report goes in, then where the zip was saved', async ({ page, saveDialogAnswer, ipcCalls }) => {
  const destination = path.join(folder, 'for-it.zip');
  await page.goto('/');
  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  const diagnostics = page.getByRole('region', { name: 'Diagnostics for IT' });
  const crashDay = new Date(statSync(dump).mtime);
  await expect(diagnostics.getByText(/^A crash report from .+ will be included\.$/)).toBeVisible();
  expect(await diagnostics.getByText(/^A crash report from/).textContent()).toBe(
    `A crash report from ${await page.evaluate((iso) => new Date(iso).toLocaleString(), crashDay.toISOString())} will be included.`,
  );

  // Cancelling the save dialog: nothing saved, nothing said.
  await diagnostics.getByRole('button', { name: 'Save diagnostics…' }).click();
  await expect.poll(() => ipcCalls.filter((c) => c.channel === 'diagnostics:save').length).toBe(1);
  await expect(diagnostics.getByRole('button', { name: 'Save diagnostics…' })).toBeEnabled();
  await expect(diagnostics.getByRole('status')).toHaveCount(0);

  saveDialogAnswer.path = destination;
  await diagnostics.getByRole('button', { name: 'Save diagnostics…' }).click();
  await expect(diagnostics.getByRole('status')).toHaveText(`Diagnostics saved to ${destination}. Send this file to your IT department.`);
  const files = unzipSync(readFileSync(destination));
  expect(Buffer.from(files['journal/integrity-check.txt']!).toString()).toBe('ok\n');
  expect(Object.keys(files)).toContain('crash-dumps/completed/last-crash.dmp');

  await expectAccessible(page, 'More → Settings with diagnostics saved');
  await diagnostics.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'settings-diagnostics-saved');
});

test('a place that cannot be written is said in a sentence', async ({ page, saveDialogAnswer }) => {
  saveDialogAnswer.path = path.join(folder, 'no-such-folder', 'for-it.zip');
  await page.goto('/');
  await page.getByRole('button', { name: /More/ }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  const diagnostics = page.getByRole('region', { name: 'Diagnostics for IT' });
  await diagnostics.getByRole('button', { name: 'Save diagnostics…' }).click();
  await expect(diagnostics.getByRole('alert')).toHaveText(
    `The diagnostics could not be saved to ${saveDialogAnswer.path}: that folder does not exist. Choose another folder.`,
  );
});
