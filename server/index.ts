import type { FastifyInstance } from 'fastify';
import { buildServer, type MetricsOptions, type TlsFiles } from './app';
import { openServerDatabase, type DatabaseOptions, type ServerDatabase } from './db/database';
import { migrateServerDatabase } from './db/migrations';
import { seedDatabase, type SeedName } from './seed';
import type { Clock } from './clock';
import type { TokenLifetimes } from './services/context';

export interface StartOptions extends DatabaseOptions {
  port?: number;
  host?: string;
  seed?: SeedName;
  reset?: boolean;
  logger?: boolean | object;
  clock?: Clock;
  lifetimes?: Partial<TokenLifetimes>;
  tls?: TlsFiles;
  metrics?: MetricsOptions;
  /** Serve this folder's installers and `latest*.yml` under /updates/. */
  updatesDir?: string;
}

export interface RunningServer {
  app: FastifyInstance;
  database: ServerDatabase;
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  close(): Promise<void>;
}

/** Opens (and migrates) the database, seeds it if asked, and listens. Used by the CLI, the app's demo server and tests. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const database = await openServerDatabase(options);
  try {
    await migrateServerDatabase(database.db, database.dialect, database.schema);
    if (options.seed) await seedDatabase(database, options.seed, { reset: options.reset });
    const app = await buildServer({ database, logger: options.logger ?? false, clock: options.clock, lifetimes: options.lifetimes, tls: options.tls, metrics: options.metrics, updatesDir: options.updatesDir });
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = (options.host ?? '127.0.0.1').includes(':') ? `[${options.host}]` : (options.host ?? '127.0.0.1');
    return {
      app,
      database,
      url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
      close: async () => {
        await app.close();
        await database.destroy();
      },
    };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}
