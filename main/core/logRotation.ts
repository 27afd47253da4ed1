import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { FileTransport } from 'electron-log';

/**
 * How the log files roll over, for the shell's electron-log (main.log) and the
 * core's Node logger (core.log) alike. electron-log keeps one `.old` file by
 * default, so a week-old problem is gone by the time IT asks; here a full
 * file (5 MB) becomes `main.1.log`, the one before `main.2.log`, and so on up
 * to `main.9.log`: at most 50 MB, which at a few lines a minute is months of
 * use. The diagnostics zip takes all of them.
 */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_ARCHIVES_KEPT = 9;

/** Shifts `name.log` → `name.1.log` → … → `name.<keep>.log`; the oldest falls off. */
export function archiveLogFile(current: string, keep: number = LOG_ARCHIVES_KEPT): void {
  const { dir, name, ext } = path.parse(current);
  const archive = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  rmSync(archive(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(archive(n), archive(n + 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  renameSync(current, archive(1));
}

/** The part of electron-log's file transport (main or node entry) that rotation needs. */
export type RotatingFileTransport = Pick<FileTransport, 'maxSize' | 'archiveLogFn'>;

export function applyLogRotation(transport: RotatingFileTransport): void {
  transport.maxSize = LOG_MAX_BYTES;
  transport.archiveLogFn = (file) => {
    try {
      archiveLogFile(file.path);
    } catch {
      // Cannot rename (e.g. a virus scanner holds the file on Windows): keep the newest quarter, as electron-log does.
      // (crop is on electron-log's File but not in its typings.)
      (file as typeof file & { crop?(bytesAfter: number): void }).crop?.(LOG_MAX_BYTES / 4);
    }
  };
}
