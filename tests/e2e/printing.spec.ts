import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WorkOrderQuery } from '../../shared/domain/workOrder';
import { localToday } from '../../shared/domain/inputs';
import { decodeBarcode } from '../helpers/barcodes';
import { makeTempDir } from '../helpers/tempDir';
import { pdfPageText, renderPdfPage } from '../helpers/pdfPages';
import { expect, test } from './harness/fixtures';

/**
 * The paper work order: printed through the OS dialog or saved as a PDF, its barcode read back
 * from a rendering of that PDF by a real decoder, and that reading, typed as a scanner types it,
 * opens the same work order.
 */

/** A keyboard-wedge scanner: the code's keys and Enter in one burst (see offlineWork.spec.ts). */
async function scan(page: import('@playwright/test').Page, code: string) {
  await page.evaluate((keys) => {
    const target = document.activeElement ?? document.body;
    for (const key of keys) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, [...code, 'Enter']);
}

test('Save as PDF: the sheet has the work order, and its barcode scans back to it', async ({ page, core, printing }) => {
  const wo = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
  await core.handlers.logHours({ workOrderId: wo.id, hours: 1.5, workDate: localToday(), note: 'Replaced belt' });
  await core.handlers.logHours({ workOrderId: wo.id, hours: 0.75, workDate: localToday(), note: 'Tensioned' });
  const temp = makeTempDir('shopfloor-pdf-');
  printing.pdfPath = path.join(temp.dir, `${wo.number}.pdf`);

  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search work orders' }).fill(wo.number!);
  await page.getByRole('listitem').filter({ hasText: wo.number! }).getByRole('button').click();
  const detail = page.getByRole('complementary', { name: wo.title });
  await expect(detail).toBeVisible();
  // On screen the sheet is not shown; the app is.
  await expect(page.getByRole('article', { name: 'Printed work order' })).toBeHidden();

  await detail.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(detail.getByRole('status').filter({ hasText: 'Saved the PDF to' })).toHaveText(`Saved the PDF to ${printing.pdfPath}.`);

  const pdf = readFileSync(printing.pdfPath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = await pdfPageText(pdf, 1);
  for (const expected of [wo.number!, wo.title, wo.assetTag!, 'Open', 'Hours so far', 'Replaced belt', 'Total', '2.25 h', 'Notes', 'Signature', 'Date']) {
    expect(text, `the PDF's text has "${expected}"`).toContain(expected);
  }
  // The app around the sheet is not printed.
  expect(text).not.toContain('Log hours');

  // A rendering of the PDF's page (PDF.js at 200 dpi), read by a barcode decoder as a scanner would.
  const rendered = await renderPdfPage(pdf, 1, 200 / 72);
  for (const file of [path.resolve('test-results', 'screenshots', 'print-sheet.png'), path.resolve('docs', 'screenshots', 'print-sheet.png')]) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, rendered.png);
  }
  await test.info().attach('print-sheet', { body: rendered.png, contentType: 'image/png' });
  const decoded = decodeBarcode(rendered);
  expect(decoded).toEqual({ text: wo.number, format: 'CODE_128' });

  // The decoded text, typed as the scanner types it, with the work order closed: it opens again.
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await page.getByRole('button', { name: 'Assets' }).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, decoded!.text);
  await expect(page.getByRole('complementary', { name: wo.title })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Scan' })).toHaveText(`Scanned ${wo.number}: opened`);
  temp.remove();
});

test('Print… opens the OS print dialog for the sheet; a cancelled save writes nothing', async ({ page, core, printing, ipcCalls }) => {
  const wo = (await core.handlers.listWorkOrders(WorkOrderQuery.parse({ status: 'open', limit: 1 }))).items[0]!;
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search work orders' }).fill(wo.number!);
  await page.getByRole('listitem').filter({ hasText: wo.number! }).getByRole('button').click();
  const detail = page.getByRole('complementary', { name: wo.title });

  await detail.getByRole('button', { name: 'Print…' }).click();
  await expect(detail.getByRole('status').filter({ hasText: 'Sent to the printer.' })).toBeVisible();
  expect(printing.printDialogs).toBe(1);
  expect(ipcCalls.filter((c) => c.channel === 'printing:print')).toEqual([{ channel: 'printing:print', payload: { id: wo.id } }]);

  // What the print dialog prints: under print media only the sheet is on the page, with its barcode.
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByRole('article', { name: 'Printed work order' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('img', { name: `Barcode of ${wo.number}` })).toBeVisible();
  await expect(page.getByRole('complementary', { name: wo.title })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Cancelled in the save dialog: no file, no message, no error.
  printing.pdfPath = null;
  await detail.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect.poll(() => ipcCalls.filter((c) => c.channel === 'printing:savePdf').length).toBe(1);
  await expect(detail.getByRole('button', { name: 'Save as PDF…' })).toBeEnabled();
  await expect(detail.getByRole('alert')).toHaveCount(0);
  await expect(detail.getByText('Saved the PDF to')).toHaveCount(0);
});
