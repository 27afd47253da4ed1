import path from 'node:path';
import log from 'electron-log/node';
import type { Logger } from './logger';

/**
 * electron-log's Node entry, writing to `<dataDir>/logs/core.log`.
 * (`electron-log/main` requires Electron and belongs to the shell only.)
 */
export function createNodeLogger(dataDir: string): Logger {
  const logger = log.create({ logId: `shopfloor-core-${dataDir}` });
  logger.transports.file.resolvePathFn = () => path.join(dataDir, 'logs', 'core.log');
  logger.transports.console.level = process.env.SHOPFLOOR_LOG_CONSOLE === '1' ? 'info' : false;
  return logger;
}
