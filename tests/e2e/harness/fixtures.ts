import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { EVENT_CHANNELS, type EventName } from '../../../shared/ipc/channels';
import type { EventPayloadOf } from '../../../shared/ipc/contract';
import { createCore, DEMO_PASSWORD, type Core, type CoreOptions } from '../../../main/core';
import { silentLogger } from '../../../main/core/logger';
import { createDispatch } from '../../../main/ipc/dispatch';
import { makeTempDir } from '../../helpers/tempDir';
import { makeTestDatabase, startTestServer } from '../../helpers/testServer';
import type { RunningServer } from '../../../server';
import type { ConflictChoice } from '../../../shared/domain/sync';
import { EMIT_FUNCTION, INVOKE_BINDING, preloadInitScript } from './preloadInPage';

/**
 * The browser harness every UI test uses: the real renderer (built) in real
 * Chromium, `window.shopfloor` built by the real preload bundle, and every
 * call answered by a real core on a real SQLite file through the same
 * dispatcher (zod parse, Result wrap) that main/ipc registers with ipcMain.
 * Only Electron's IPC transport is replaced, by Playwright's exposeBinding.
 */
export interface ShopfloorFixtures {
  /** Options for the core under test; override with `test.use({ coreOptions: {...} })`. */
  coreOptions: Omit<CoreOptions, 'dataDir'>;
  /** A demo user to sign in before the page opens, or null to start at the sign-in screen. */
  signedInAs: string | null;
  /** Run a real sync server (SQLite, demo seed) and connect the core to it; cycles run when the test says. */
  withServer: boolean;
  /** What the conflict dialog answers (the seam the shell fills with Electron's dialog). */
  conflictAnswer: { choice: ConflictChoice | 'later' };
  /** What the native save dialog answers for "Save diagnostics…": a path, or null (cancelled). Set it before clicking. */
  saveDialogAnswer: { path: string | null };
  /**
   * The shell's printing seam: "Print…" counts OS print dialogs (answering `printDialogAnswer`), and "Save as PDF…"
   * renders the page with Chromium's PDF engine (Playwright's page.pdf, print media: what webContents.printToPDF
   * uses) and saves it where `pdfPath` says (null: the save dialog was cancelled).
   */
  printing: { pdfPath: string | null; printDialogs: number; printDialogAnswer: boolean; page: Page | null };
  /** The shell's kiosk mode: set `active` before the page opens; `exits` counts "Exit kiosk (IT)" that got through. */
  kiosk: { active: boolean; exits: number };
  server: RunningServer | null;
  core: Core;
  /** Channels the page called, in order: lets a test prove a request went through the bridge. */
  ipcCalls: { channel: string; payload: unknown }[];
  /** Push an event from "main" to the page, as `webContents.send` would. */
  emit: <E extends EventName>(event: E, payload: EventPayloadOf<E>) => Promise<void>;
}

export const test = base.extend<ShopfloorFixtures>({
  coreOptions: [{ seedDemoData: true, logger: silentLogger }, { option: true }],
  signedInAs: ['alice', { option: true }],
  withServer: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  conflictAnswer: async ({}, use) => {
    await use({ choice: 'later' });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  saveDialogAnswer: async ({}, use) => {
    await use({ path: null });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  printing: async ({}, use) => {
    await use({ pdfPath: null, printDialogs: 0, printDialogAnswer: true, page: null });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  kiosk: async ({}, use) => {
    await use({ active: false, exits: 0 });
  },

  server: async ({ withServer }, use) => {
    if (!withServer) return use(null);
    const database = makeTestDatabase('sqlite');
    const server = await startTestServer(database, { seed: 'demo' });
    await use(server);
    await server.close();
    await database.drop();
  },

  core: async ({ coreOptions, signedInAs, server, conflictAnswer, saveDialogAnswer, printing, kiosk }, use) => {
    const temp = makeTempDir('shopfloor-e2e-');
    const core = createCore({
      logger: silentLogger,
      // The Electron seam of "Save diagnostics…": the shell asks dialog.showSaveDialog, the test answers.
      chooseDiagnosticsPath: async () => saveDialogAnswer.path,
      printer: {
        print: async () => {
          printing.printDialogs += 1;
          return printing.printDialogAnswer;
        },
        renderPdf: async () => {
          if (!printing.page) throw new Error('no page to print');
          return printing.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
        },
        choosePdfPath: async () => printing.pdfPath,
      },
      kiosk: {
        get active() {
          return kiosk.active;
        },
        exit: () => void (kiosk.exits += 1),
      },
      ...(server ? { seedDemoData: false, autoSync: false, chooseConflict: async () => conflictAnswer.choice } : {}),
      ...coreOptions,
      dataDir: temp.dir,
    });
    // As Settings would set it (not fixed by IT), so the Settings screen can be exercised too.
    if (server) core.useServer(server.url, { demo: false });
    if (signedInAs) await core.handlers.signIn({ username: signedInAs, password: DEMO_PASSWORD });
    if (server) await core.sync.syncNow();
    await use(core);
    await core.sync.idle();
    core.close();
    temp.remove();
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  ipcCalls: async ({}, use) => {
    await use([]);
  },

  page: async ({ page, core, ipcCalls, printing }, use) => {
    printing.page = page;
    const dispatch = createDispatch(core.handlers, silentLogger);
    await page.exposeBinding(INVOKE_BINDING, (_source, channel: string, payload: unknown) => {
      ipcCalls.push({ channel, payload });
      return dispatch(channel, payload);
    });
    await page.addInitScript({ content: preloadInitScript() });
    // Core events reach the page as webContents.send would deliver them (a closed page just misses them).
    const unsubscribe = core.subscribe((event, payload) => void emitToPage(page, event, payload).catch(() => undefined));
    await use(page);
    unsubscribe();
  },

  emit: async ({ page }, use) => {
    await use((event, payload) => emitToPage(page, event, payload));
  },
});

export { expect };

async function emitToPage<E extends EventName>(page: Page, event: E, payload: EventPayloadOf<E>): Promise<void> {
  await page.evaluate(
    ([fn, channel, data]) => (window as unknown as Record<string, (c: string, d: unknown) => void>)[fn]!(channel, data),
    [EMIT_FUNCTION, EVENT_CHANNELS[event], payload] as const,
  );
}

/** Screenshots a person can open: test-results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
  return file;
}
