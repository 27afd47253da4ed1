import path from 'node:path';
import type { Logger } from './core/logger';
import { startServer, type RunningServer } from '../server';
import { SeedRefusedError } from '../server/seed';

/**
 * `npm start` with no server configured: the real sync server, embedded, on
 * loopback, with the demo plant (alice, bob, sam / shopfloor-demo), so a new
 * user sees sync work without setting anything up. Clearly labelled "demo".
 */
export async function startDemoServer(userData: string, logger: Logger): Promise<RunningServer> {
  const dataDir = path.join(userData, 'demo-server');
  try {
    return await startServer({ dataDir, seed: 'demo' });
  } catch (error) {
    if (!(error instanceof SeedRefusedError)) throw error;
    logger.info('demo server: reusing its data from an earlier start');
    return startServer({ dataDir });
  }
}
