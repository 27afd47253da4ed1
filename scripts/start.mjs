#!/usr/bin/env node
// `npm start`: build the app and run it in Electron.
// Electron's runtime (about 100 MB) is not part of `npm install` since
// Electron 42; it is fetched once, here, by Electron's own installer. Where
// that download is impossible (an offline build box), say so plainly instead
// of failing deep inside a stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = (name) => path.resolve('node_modules', '.bin', name);
const run = (command, args, options = {}) =>
  spawnSync(command, args, { stdio: 'inherit', ...options }).status ?? 1;

if (run(process.execPath, [path.resolve('node_modules/electron/install.js')]) !== 0) {
  console.error(`
Shopfloor could not download the Electron runtime (see the error above).
This machine probably cannot reach the Electron download. Either:
  - run "npm start" on a machine with internet access, or
  - set ELECTRON_MIRROR to your company's mirror and run "npm start" again.
Everything else works without it: "npm test" runs the whole test suite,
including the real renderer in Chromium against the real core.`);
  process.exit(1);
}

process.exit(run(bin('electron-vite'), ['preview', ...process.argv.slice(2)]));
