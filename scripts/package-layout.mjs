#!/usr/bin/env node
// npm run package:layout [-- --out <dir>]: the packaged app as far as it can be built without
// the Electron runtime: electron-builder's Linux `dir` target (resources/app.asar, its unpacked
// folder, the tray icons, the renamed executable with its fuses flipped) against a stand-in
// Electron folder. tests/packaging/ checks what this produces.
//
// The stand-in is a shell script that says what it is, carrying Electron's fuse wire in
// Electron's default state, so electron-builder's fuse step runs and writes the release fuses
// of electron-builder.yml into it. It cannot run the app. Nothing is downloaded.
//
// npmRebuild is always off here: a native rebuild needs Electron's headers, and a failed one
// deletes node_modules/better-sqlite3/build (see TOOLCHAIN notes). The better-sqlite3 binary in
// this layout is therefore built for Node, not Electron: a layout to check, not to ship.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string', default: path.join('dist', 'layout') } } });
const out = path.resolve(values.out);
const nativeModule = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');

if (!existsSync('out/main/index.js') || !existsSync('out/preload/index.js') || !existsSync('out/renderer/index.html')) {
  console.error('package layout: out/ is incomplete: run "npm run build" (electron-vite build) first.');
  process.exit(2);
}

// @electron/fuses' sentinel; then wire version 1, 8 fuses, in Electron's defaults:
// runAsNode on, cookieEncryption off, nodeOptions on, nodeCliInspect on, asarIntegrity off,
// onlyLoadAppFromAsar off, browser V8 snapshot off, file:// extra privileges on.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_FUSES = '10110001';
const standInExecutable = [
  '#!/bin/sh',
  'echo "This is a stand-in for Electron, made by scripts/package-layout.mjs to check the packaged layout. It cannot run Shopfloor: build with \\"npm run dist\\" on a machine that has Electron." >&2',
  'exit 1',
  `# fuse wire: ${FUSE_SENTINEL}\u0001\u0008${ELECTRON_DEFAULT_FUSES}`,
  '',
].join('\n');

const standIn = mkdtempSync(path.join(tmpdir(), 'shopfloor-stand-in-electron-'));
let status;
try {
  writeFileSync(path.join(standIn, 'electron'), standInExecutable, { mode: 0o755 });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const run = spawnSync(
    process.execPath,
    [
      path.resolve('node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${standIn}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${out}`,
    ],
    { stdio: 'inherit' },
  );
  status = run.status ?? 1;
} finally {
  rmSync(standIn, { recursive: true, force: true });
}

if (!existsSync(nativeModule)) {
  console.error(`package layout: ${nativeModule} is gone, so the tests cannot open SQLite: run "npm rebuild better-sqlite3".`);
  process.exit(1);
}
if (status !== 0) {
  console.error(`package layout: electron-builder failed (exit ${status}); its output is above.`);
  process.exit(status);
}
const unpacked = readdirSync(out).find((name) => name.startsWith('linux') && name.endsWith('unpacked'));
console.log(`package layout: ${unpacked ? path.join(out, unpacked) : out} (stand-in Electron: not runnable)`);
