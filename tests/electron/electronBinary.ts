import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where the Electron binary is, or null. Looks the way the `electron`
 * package does (path.txt + dist/) without calling require('electron'),
 * which would try to download the binary.
 */
export function electronBinary(): string | null {
  if (process.env.SHOPFLOOR_ELECTRON_PATH) {
    return existsSync(process.env.SHOPFLOOR_ELECTRON_PATH) ? process.env.SHOPFLOOR_ELECTRON_PATH : null;
  }
  const dir = path.dirname(createRequire(__filename).resolve('electron/package.json'));
  const pathTxt = path.join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const exe = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'), readFileSync(pathTxt, 'utf8'));
  return existsSync(exe) ? exe : null;
}

/** A packaged build in dist/, when `npm run dist` has made one (Linux, Windows or macOS layout). */
export function packagedBuild(): string | null {
  const candidates = [
    'dist/linux-unpacked/shopfloor',
    'dist/win-unpacked/Shopfloor.exe',
    'dist/mac/Shopfloor.app/Contents/MacOS/Shopfloor',
    'dist/mac-arm64/Shopfloor.app/Contents/MacOS/Shopfloor',
  ].map((p) => path.resolve(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const SKIP_REASON =
  'No Electron binary here (node_modules/electron/dist is missing and no packaged build in dist/). ' +
  'On a machine that can reach the Electron download, run "npx install-electron --no" (or "npm run dist") and these specs run.';
