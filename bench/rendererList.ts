import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { createCore, DEMO_PASSWORD, JOURNAL_FILE_NAME } from '../main/core';
import { provisionLocalAccount } from '../main/core/auth/session';
import { openDatabase } from '../main/core/db/connection';
import { migrate } from '../main/core/db/migrations';
import { insertAssetsAndWorkOrders } from '../main/core/db/workOrders';
import { silentLogger } from '../main/core/logger';
import { createDispatch } from '../main/ipc/dispatch';
import { generateDemoData } from '../shared/demo/demoData';
import { INVOKE_BINDING, preloadInitScript } from '../tests/e2e/harness/preloadInPage';
import { makeTempDir } from '../tests/helpers/tempDir';

const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * renderer_list: the built renderer in real Chromium, its bridge answered by a
 * real core (the e2e harness's wiring) on a journal with n work orders.
 * Measures time to first rows, frame times while the list is flung through
 * (10 rows per frame), how long a jump to the middle shows empty rows, and a
 * search typed into the box until its result count shows.
 */
export async function rendererList(n: number): Promise<Record<string, unknown>> {
  // The built renderer and preload, as the app ships them.
  if (!existsSync(path.resolve('out/renderer/index.html')) || !existsSync(path.resolve('out/preload/index.js'))) {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  }
  const temp = makeTempDir('shopfloor-bench-renderer-');
  const db = openDatabase(path.join(temp.dir, JOURNAL_FILE_NAME));
  migrate(db);
  const { assets, workOrders } = generateDemoData({ assets: Math.max(200, n / 5), workOrders: n, now: new Date().toISOString() });
  insertAssetsAndWorkOrders(db, assets, workOrders, new Date().toISOString());
  provisionLocalAccount(db, { username: 'alice', role: 'technician' }, DEMO_PASSWORD, new Date().toISOString());
  db.close();

  const core = createCore({ dataDir: temp.dir, logger: silentLogger, seedDemoData: false, autoSync: false });
  await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
  const server = await preview({ configFile: false, root: path.resolve('out/renderer'), build: { outDir: path.resolve('out/renderer') }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--no-first-run'], chromiumSandbox: false });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    const dispatch = createDispatch(core.handlers, silentLogger);
    await page.exposeBinding(INVOKE_BINDING, (_source, channel: string, payload: unknown) => dispatch(channel, payload));
    await page.addInitScript({ content: preloadInitScript() });

    const start = performance.now();
    await page.goto(server.resolvedUrls!.local[0]!);
    await page.locator('.row-button').first().waitFor();
    const firstRowsMs = performance.now() - start;
    const count = await page.locator('.list-count').innerText();

    const fling = await page.evaluate(async () => {
      const list = document.querySelector<HTMLElement>('.list-scroll')!;
      const frames: number[] = [];
      let blankFrames = 0;
      let last = performance.now();
      for (let i = 0; i < 300; i++) {
        await new Promise(requestAnimationFrame);
        const t = performance.now();
        frames.push(t - last);
        last = t;
        if (list.querySelector('.row-placeholder')) blankFrames++;
        list.scrollTop += 720;
      }
      return { frames, blankFrames };
    });
    const frames = fling.frames.slice(1).sort((a, b) => a - b);

    const jumpStart = performance.now();
    await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('.list-scroll')!;
      list.scrollTop = list.scrollHeight / 2;
    });
    await page.waitForFunction(() => document.querySelector('.row-button') && !document.querySelector('.row-placeholder'));
    const jumpMs = performance.now() - jumpStart;

    const searchStart = performance.now();
    await page.getByRole('searchbox').fill('leak');
    await page.getByRole('searchbox').press('Enter');
    await page.locator('.list-count', { hasText: 'match' }).waitFor();
    const searchMs = performance.now() - searchStart;

    return {
      name: 'renderer_list',
      n,
      seconds: +(firstRowsMs / 1000).toFixed(3),
      perSecond: Math.round(n / (firstRowsMs / 1000)),
      count,
      firstRowsMs: Math.round(firstRowsMs),
      frameP50Ms: +percentile(frames, 50).toFixed(1),
      frameP95Ms: +percentile(frames, 95).toFixed(1),
      frameMaxMs: +frames.at(-1)!.toFixed(1),
      framesOver50Ms: frames.filter((f) => f > 50).length,
      framesWithEmptyRows: `${fling.blankFrames}/300`,
      jumpToMiddleFilledMs: Math.round(jumpMs),
      searchToResultMs: Math.round(searchMs),
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    core.close();
    temp.remove();
  }
}
