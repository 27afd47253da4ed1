import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The crash dumps Electron's crashReporter left in its folder (Crashpad keeps
 * them under `completed/`, `pending/` and so on, as `.dmp` minidumps). Found by
 * walking the folder, so the core needs no Electron to list them.
 */
export interface CrashDump {
  /** Path inside the crash folder, with forward slashes (how it is named in the zip). */
  name: string;
  file: string;
  at: string;
}

export function findCrashDumps(crashDumpsDir: string | undefined): CrashDump[] {
  if (!crashDumpsDir) return [];
  const found: CrashDump[] = [];
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // no crash folder yet: nothing ever crashed
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 4) walk(file, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.dmp')) {
        found.push({ name: path.relative(crashDumpsDir, file).split(path.sep).join('/'), file, at: statSync(file).mtime.toISOString() });
      }
    }
  };
  walk(crashDumpsDir, 0);
  return found.sort((a, b) => b.at.localeCompare(a.at));
}

/** When the newest crash dump was written, or null: Settings says a report from then will be included. */
export function latestCrashAt(crashDumpsDir: string | undefined): string | null {
  return findCrashDumps(crashDumpsDir)[0]?.at ?? null;
}
