import log from 'electron-log/main';
import type { Logger } from '../core/logger';

/**
 * The shell's logger: electron-log's main entry, writing to the platform's log
 * folder (on Linux ~/.config/Shopfloor/logs/main.log). The core receives it
 * through the Logger interface, so the core never imports Electron.
 */
export function createElectronLogger(): Logger {
  log.initialize();
  log.transports.file.level = 'info';
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}
