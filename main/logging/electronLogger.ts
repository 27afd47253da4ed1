import path from 'node:path';
import log from 'electron-log/main';
import type { Logger } from '../core/logger';
import { applyLogRotation } from '../core/logRotation';

/**
 * The shell's logger: electron-log's main entry, writing to the platform's log
 * folder (on Linux ~/.config/Shopfloor/logs/main.log). Files roll over at 5 MB
 * into main.1.log … main.9.log (core/logRotation.ts), so weeks of history
 * are there when IT saves diagnostics. The core receives it through the
 * Logger interface, so the core never imports Electron.
 */
export function createElectronLogger(): Logger {
  log.initialize();
  log.transports.file.level = 'info';
  applyLogRotation(log.transports.file);
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}

/** The folder main.log and its archives are in: the diagnostics zip takes every file there. */
export function electronLogDir(): string {
  return path.dirname(log.transports.file.getFile().path);
}
