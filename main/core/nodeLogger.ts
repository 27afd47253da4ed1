import path from 'node:path';
import log from 'electron-log/node';
import type { Logger } from './logger';
import { applyLogRotation } from './logRotation';

/** Where the core's Node logger writes: `<dataDir>/logs/core.log` (and its archives). */
export const nodeLogDir = (dataDir: string): string => path.join(dataDir, 'logs');

/**
 * electron-log's Node entry, writing to `<dataDir>/logs/core.log`, rolled over
 * like the shell's log (logRotation.ts).
 * (`electron-log/main` requires Electron and belongs to the shell only.)
 */
export function createNodeLogger(dataDir: string): Logger {
  const logger = log.create({ logId: `shopfloor-core-${dataDir}` });
  logger.transports.file.resolvePathFn = () => path.join(nodeLogDir(dataDir), 'core.log');
  applyLogRotation(logger.transports.file);
  logger.transports.console.level = process.env.SHOPFLOOR_LOG_CONSOLE === '1' ? 'info' : false;
  return logger;
}
