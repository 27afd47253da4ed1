import { extractAll, extractFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/tempDir';
import { ApiClient, MutationFactory, makeTestDatabase, startTestServer } from '../helpers/testServer';
import { archiveFiles, buildPackagedLayout, onDiskUnpacked, relativeRequires, type ArchiveFile, type PackagedLayout } from './packagedLayout';
import { FUSE_ENABLED, FUSE_WIRE_POSITION, RELEASE_FUSES, type FuseName } from './releaseFuses';

/**
 * The packaged app, checked on a machine without the Electron runtime: electron-builder
 * packages out/ (after `electron-vite build`) against a stand-in Electron
 * (scripts/package-layout.mjs), and these tests read what it made, then load the production
 * core from it under plain Node and sync a journal with it.
 */

/**
 * app.asar plus app.asar.unpacked: about 16.4 MB today. 9 MB before undici (the core's network
 * path under Node) and the server's CSV libraries, which the embedded demo server carries; then
 * fflate for the diagnostics zip (13.3 MB), and this round electron-updater with its runtime
 * (updates from the shop's server), @fastify/static (the server hosts the update feed) and
 * prom-client (metrics): 16.4 MB. 35 MB when dependencies' tests and sources and better-sqlite3's
 * C sources were shipped. A couple of MB of headroom for new code: a jump past it is something
 * shipped by mistake.
 */
const SIZE_BUDGET_BYTES = 18 * 1024 * 1024;

const NOT_CHECKED_HERE =
  'Not checked here, because the Electron runtime cannot be downloaded on this machine: that the packaged app starts ' +
  '(the executable in this layout is a stand-in), that better-sqlite3 is rebuilt for Electron, and the asar integrity ' +
  'hash electron-builder embeds for macOS and Windows. tests/electron/ runs the packaged build from "npm run dist" where Electron is available.';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>;
};
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };

let layout: PackagedLayout;
let files: ArchiveFile[];
const file = (p: string) => files.find((f) => f.path === p);
const read = (p: string) => extractFile(layout.asar, p).toString('utf8');

beforeAll(async () => {
  if (!existsSync('out/main/index.js')) throw new Error('out/ is missing: run "npm run build" first ("npm run test:packaging" does).');
  layout = await buildPackagedLayout();
  files = archiveFiles(layout.asar);
  console.log(`[packaging] ${NOT_CHECKED_HERE}`);
});

afterAll(() => layout?.remove());

describe('the packaged app', () => {
  it('holds the main entry, the preload it loads and the renderer page with every file the page loads', () => {
    const packaged = JSON.parse(read('package.json')) as { main: string };
    expect(packaged.main).toBe(manifest.main);
    const mainEntry = path.posix.normalize(packaged.main);
    expect(file(mainEntry)).toBeDefined();
    expect(read(mainEntry)).toContain('"../preload/index.js"');
    // The shell loads the core from its own file: the one the plain-Node check below loads.
    expect(relativeRequires(read(mainEntry), mainEntry)).toContain('out/main/core.js');
    expect(file('out/preload/index.js')).toBeDefined();

    const html = read('out/renderer/index.html');
    const loads = [...html.matchAll(/\b(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map(([, asset]) => `out/renderer/${asset}`);
    expect(loads.length).toBeGreaterThanOrEqual(2);
    for (const asset of loads) expect(file(asset), asset).toBeDefined();
    // Every chunk a main-process file requires is packaged too.
    for (const entry of files.filter((f) => f.path.startsWith('out/main/') && f.path.endsWith('.js'))) {
      for (const required of relativeRequires(read(entry.path), entry.path)) expect(file(required), `${required}, required by ${entry.path}`).toBeDefined();
    }
  });

  it("keeps the pull writer's thread script, the code it loads and better-sqlite3's native module outside the archive", () => {
    const outside = ['out/main/pullWriterWorker.js', ...relativeRequires(read('out/main/pullWriterWorker.js'), 'out/main/pullWriterWorker.js')];
    outside.push('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    for (const p of outside) {
      expect(file(p)?.unpacked, `${p} is marked unpacked in app.asar`).toBe(true);
      expect(onDiskUnpacked(layout, p), `${p} is in app.asar.unpacked`).toBe(true);
    }
  });

  it('puts the tray icons next to the archive, where the packaged shell looks for them', () => {
    const icons = readdirSync('build/tray');
    expect(icons.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(layout.appOutDir, 'resources', 'tray')).sort()).toEqual(icons.sort());
  });

  it('carries no development package, no test file and none of our sources', () => {
    expect([...new Set(files.map((f) => f.path.split('/')[0]))].sort()).toEqual(['node_modules', 'out', 'package.json']);
    expect(files.filter((f) => f.path.startsWith('out/') && /\.(map|tsx?)$/.test(f.path)).map((f) => f.path)).toEqual([]);

    // electron-builder lays node_modules out anew (it hoists nested copies), so packages are
    // matched to the lockfile by name and version, not by folder.
    const packages = new Set(
      files.map((f) => /^node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*/.exec(f.path)?.[0]).filter((p): p is string => !!p),
    );
    expect(packages.size).toBeGreaterThan(0);
    const packaged = [...packages].map((dir) => JSON.parse(read(`${dir}/package.json`)) as { name: string; version: string });
    const inLock = (name: string, version: string) =>
      Object.entries(lock.packages).filter(([key, entry]) => key.endsWith(`node_modules/${name}`) && entry.version === version);
    const notInLock = packaged.filter(({ name, version }) => inLock(name, version).length === 0).map(({ name, version }) => `${name}@${version}`);
    const devOnly = packaged
      .filter(({ name, version }) => inLock(name, version).length > 0 && inLock(name, version).every(([, entry]) => entry.dev || entry.devOptional))
      .map(({ name, version }) => `${name}@${version}`);
    expect({ notInLock, devOnly }).toEqual({ notInLock: [], devOnly: [] });

    const testFiles = files
      .map((f) => f.path)
      .filter((p) => /(^|\/)(tests?|__tests__|__mocks__|spec|fixtures|__fixtures__)\/|(^|\/)test\.[cm]?js$|\.(test|spec)(\.d)?\.[cm]?[jt]sx?$/.test(p));
    expect(testFiles).toEqual([]);
    expect(files.filter((f) => /better-sqlite3\/(src|deps)\/|test_extension/.test(f.path)).map((f) => f.path)).toEqual([]);
  });

  it(`stays under the size budget of ${SIZE_BUDGET_BYTES / 1024 / 1024} MB (app.asar and its unpacked folder)`, () => {
    const archive = statSync(layout.asar).size;
    const unpacked = files.filter((f) => f.unpacked).reduce((sum, f) => sum + statSync(path.join(layout.unpacked, f.path)).size, 0);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(`[packaging] app.asar ${mb(archive)} MB + app.asar.unpacked ${mb(unpacked)} MB = ${mb(archive + unpacked)} MB (budget ${mb(SIZE_BUDGET_BYTES)} MB)`);
    expect(archive + unpacked).toBeLessThan(SIZE_BUDGET_BYTES);
  });

  it('has the release fuses flipped in its executable', async () => {
    const wire = await getCurrentFuseWire(layout.executable);
    const actual = Object.fromEntries(
      Object.entries(FUSE_WIRE_POSITION).map(([name, position]) => [name, wire[position] === FUSE_ENABLED]),
    ) as Record<FuseName, boolean>;
    expect(actual).toEqual(RELEASE_FUSES);
  });
});

describe('the production core, loaded under plain Node from the packaged files', () => {
  it('resolves every require inside the package, starts the pull writer thread from it and syncs a journal', async () => {
    // Node cannot read inside app.asar (Electron patches fs for that), so extract it: the
    // archive's files plus app.asar.unpacked's, at the paths Electron shows the app.
    const app = makeTempDir('shopfloor-packaged-app-');
    const data = makeTempDir('shopfloor-packaged-journal-');
    const database = makeTestDatabase('sqlite');
    // A few work orders someone else created: enough for pulled pages, cheap to seed.
    const server = await startTestServer(database, { seed: 'users' });
    try {
      extractAll(layout.asar, app.dir);
      const api = await new ApiClient(server.url).login('bob');
      const bob = new MutationFactory();
      const results = await api.push(bob.clientId, ['Check the pump', 'Replace the belt', 'Grease the spindle'].map((title) => bob.createWorkOrder({ title })));
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

      const report = await runPlainNode(path.resolve('tests/packaging/syncWithPackagedCore.mjs'), [app.dir, data.dir, server.url, 'alice', 'shopfloor-demo']);
      expect(report.nodeModulesAbove, 'no node_modules folder above the extracted app').toEqual([]);
      expect(report.externals.filter((e) => e.error)).toEqual([]);
      expect(report.externals.map((e) => e.spec)).toEqual(expect.arrayContaining(['better-sqlite3', 'zod', 'electron-log/node']));
      expect(report.electronResolves, '`electron` is not a package in the app: the runtime provides it').toBeNull();
      expect(report.threads).toEqual([{ script: 'out/main/pullWriterWorker.js', online: true }]);
      expect(report.sync).toMatchObject({ outcome: 'ok' });
      expect(report.workOrders).toBe(3);
      expect(report.logged).toEqual([]);
      expect(report.loadedOutside).toEqual([]);
    } finally {
      await server.close();
      await database.drop();
      data.remove();
      app.remove();
    }
  });
});

interface PlainNodeReport {
  threads: { script: string; online: boolean }[];
  externals: { spec: string; resolved?: string; loaded?: boolean; error?: string }[];
  electronResolves: string | null;
  sync: { outcome: string; received: number; message: string } | null;
  workOrders: number | null;
  logged: { level: string; message: string; details: string }[];
  loadedOutside: string[];
  nodeModulesAbove: string[];
}

/** Runs a script under plain Node: no vitest, no loader, no NODE_OPTIONS or NODE_PATH from this process. */
async function runPlainNode(script: string, args: string[]): Promise<PlainNodeReport> {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: args[0],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (status !== 0) throw new Error(`plain Node failed with the packaged core (exit ${status}):\n${stderr}${stdout}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as PlainNodeReport;
}
