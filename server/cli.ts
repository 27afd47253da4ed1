import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startServer } from './index';
import { SEEDS, SeedRefusedError, type SeedName } from './seed';

/**
 * npm run server -- --port 8080 --data ./server-data [--seed users|demo|large] [--reset] [--host 0.0.0.0]
 * DATABASE_URL=postgres://… switches from the SQLite file to PostgreSQL.
 */
const Args = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().default('127.0.0.1'),
  data: z.string().default('./server-data'),
  seed: z.enum(Object.keys(SEEDS) as [SeedName, ...SeedName[]]).optional(),
  reset: z.boolean().default(false),
});

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean' },
    },
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(`Invalid arguments: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const args = parsed.data;
  const server = await startServer({
    port: args.port,
    host: args.host,
    dataDir: args.data,
    databaseUrl: process.env.DATABASE_URL,
    seed: args.seed,
    reset: args.reset,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  server.app.log.info({ url: server.url, database: server.database.describe }, 'Shopfloor sync server listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down: finishing requests in flight');
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof SeedRefusedError ? error.message : error);
  process.exit(1);
});
