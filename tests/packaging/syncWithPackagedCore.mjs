// Runs under plain Node in its own process (no vitest, no tsx, no loader hooks), started by
// packagedApp.test.ts with the packaged app's files (app.asar extracted, its unpacked folder
// merged in, as Electron sees them). It
// 1. resolves every package the production main bundle requires, and loads each one that
//    does not need Electron itself;
// 2. loads the core the way the main bundle does (out/main/core.js, its own entry) and,
//    with it, signs in to a real sync server and syncs a journal, so pulled pages go through
//    the pull writer's thread started from the packaged pullWriterWorker.js;
// 3. reports every file it loaded and everything the core logged, as one JSON line.
// Electron's own modules are left out: the shell (out/main/index.js) requires `electron`,
// which only the Electron runtime provides, so the shell is not loaded here.
import { builtinModules, createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import workerThreads from 'node:worker_threads';

const [appDir, dataDir, serverUrl, username, password] = process.argv.slice(2);
const report = { threads: [], externals: [], electronResolves: null, sync: null, workOrders: null, logged: [], loadedOutside: [], nodeModulesAbove: [] };

// Packages the Electron runtime supplies, or that require it at load time: resolved, not loaded.
const ELECTRON_ONLY = new Set(['electron', 'electron-log/main']);

const { main } = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'));
const mainDir = path.dirname(path.resolve(appDir, main));
const mainRequire = createRequire(path.resolve(appDir, main));

const bundleFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? bundleFiles(path.join(dir, entry.name)) : entry.name.endsWith('.js') ? [path.join(dir, entry.name)] : [],
  );
const specifiers = new Set();
for (const file of bundleFiles(mainDir)) {
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
    if (!spec.startsWith('.') && !spec.startsWith('node:') && !builtinModules.includes(spec)) specifiers.add(spec);
  }
}

for (const spec of [...specifiers].sort()) {
  if (spec === 'electron') continue;
  try {
    const resolved = mainRequire.resolve(spec);
    if (!ELECTRON_ONLY.has(spec)) mainRequire(spec);
    report.externals.push({ spec, resolved: path.relative(appDir, resolved), loaded: !ELECTRON_ONLY.has(spec) });
  } catch (error) {
    report.externals.push({ spec, error: String(error?.message ?? error).split('\n')[0] });
  }
}
// `electron` must not be a package in the app: the runtime provides it.
try {
  report.electronResolves = mainRequire.resolve('electron');
} catch {
  report.electronResolves = null;
}

// A node_modules folder above the app would let a missing package resolve from outside it.
for (let dir = path.dirname(appDir); ; dir = path.dirname(dir)) {
  if (existsSync(path.join(dir, 'node_modules'))) report.nodeModulesAbove.push(dir);
  if (path.dirname(dir) === dir) break;
}

const record = (level) => (message, ...details) => report.logged.push({ level, message, details: JSON.stringify(details) });
const logger = { debug() {}, info() {}, warn: record('warn'), error: record('error') };

// Watch (not replace) the threads the core starts: which script each runs, and that it came up.
const RealWorker = workerThreads.Worker;
workerThreads.Worker = class WatchedWorker extends RealWorker {
  constructor(script, options) {
    super(script, options);
    const thread = { script: options?.eval ? '(eval)' : path.relative(appDir, String(script)), online: false };
    report.threads.push(thread);
    this.on('online', () => (thread.online = true));
  }
};

const { createCore } = mainRequire('./core.js');
const core = createCore({ dataDir, logger, seedDemoData: false, serverUrl, autoSync: false });
try {
  await core.handlers.signIn({ username, password });
  const { outcome, received, message } = await core.sync.syncNow();
  report.sync = { outcome, received, message };
  // As the dispatcher hands it over: the contract's schema has filled every default (sort included).
  const page = await core.handlers.listWorkOrders({ search: '', status: null, priority: null, assetId: null, assignedToMe: false, sort: 'updated', offset: 0, limit: 1 });
  report.workOrders = page.total;
} finally {
  core.close();
}

report.loadedOutside = Object.keys(mainRequire.cache).filter((file) => path.relative(appDir, file).startsWith('..'));
console.log(JSON.stringify(report));
