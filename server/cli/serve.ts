import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startServer } from '../index';
import { countUsers } from '../queries/users';
import { SEEDS, SeedRefusedError, type SeedName } from '../seed';
import { MetricsToken } from '../metrics/metricsToken';
import { DEFAULT_DATA_DIR } from './database';
import { Duration } from './duration';

/**
 * npm run server -- --port 8080 --data ./server-data [--seed users|demo|large] [--reset] [--host 0.0.0.0]
 *                   [--access-ttl 12h] [--refresh-ttl 30d] [--tls-cert cert.pem --tls-key key.pem]
 *                   [--metrics --metrics-token-file /etc/shopfloor/metrics.token]
 *                   [--updates <folder of installers and latest*.yml, served under /updates/>]
 * DATABASE_URL=postgres://… switches from the SQLite file to PostgreSQL.
 */
const Args = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().default('127.0.0.1'),
  data: z.string().default(DEFAULT_DATA_DIR),
  seed: z.enum(Object.keys(SEEDS) as [SeedName, ...SeedName[]]).optional(),
  reset: z.boolean().default(false),
  'access-ttl': Duration.prefault('12h'),
  'refresh-ttl': Duration.prefault('30d'),
  'tls-cert': z.string().optional(),
  'tls-key': z.string().optional(),
  metrics: z.boolean().default(false),
  'metrics-token-file': z.string().optional(),
  updates: z.string().min(1).optional(),
})
  .refine((a) => !a['tls-cert'] === !a['tls-key'], { message: 'Give both --tls-cert and --tls-key (PEM files), or neither.', path: ['tls-cert'] })
  // The token comes from a file, not the command line: any local user can read a process's arguments (ps).
  .refine((a) => a.metrics === Boolean(a['metrics-token-file']), {
    message: 'Give --metrics together with --metrics-token-file <file> (a file holding the token Prometheus sends), or neither.',
    path: ['metrics'],
  });

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  seed: { type: 'string' },
  reset: { type: 'boolean' },
  'access-ttl': { type: 'string' },
  'refresh-ttl': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  metrics: { type: 'boolean' },
  'metrics-token-file': { type: 'string' },
  updates: { type: 'string' },
} as const;
/** Every option of the server, for the docs test. */
export const SERVE_OPTIONS = Object.keys(OPTIONS);

export async function serve(argv: string[]): Promise<void> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS }));
  } catch (error) {
    console.error(`${(error as Error).message}. Commands: npm run server -- [--port …] to serve, or npm run server -- user … for accounts.`);
    process.exit(2);
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(`Invalid arguments: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const args = parsed.data;
  const tls = args['tls-cert'] && args['tls-key'] ? { cert: readPem(args['tls-cert'], 'certificate'), key: readPem(args['tls-key'], 'private key') } : undefined;
  const metrics = args['metrics-token-file'] ? { token: readMetricsToken(args['metrics-token-file']) } : undefined;
  if (args.updates) checkUpdatesFolder(args.updates);
  try {
    const server = await startServer({
      port: args.port,
      host: args.host,
      dataDir: args.data,
      databaseUrl: process.env.DATABASE_URL || undefined,
      seed: args.seed,
      reset: args.reset,
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
      tls,
      lifetimes: { accessTtlMs: args['access-ttl'], refreshTtlMs: args['refresh-ttl'] },
      metrics,
      updatesDir: args.updates,
    });
    server.app.log.info({ url: server.url, database: server.database.describe }, 'Shopfloor sync server listening');
    if (metrics) server.app.log.info({ url: `${server.url}/metrics` }, 'metrics served to the bearer of the metrics token');
    if (args.updates) server.app.log.info({ folder: args.updates, url: `${server.url}/updates/` }, 'serving app updates');
    if ((await countUsers(server.database.db)) === 0) {
      const where = process.env.DATABASE_URL ? '' : ` --data ${args.data}`;
      server.app.log.warn(`This server has no users yet. Create the first admin with: npm run server -- user add <name> --role admin${where}`);
    }

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
  } catch (error) {
    console.error(error instanceof SeedRefusedError ? error.message : error);
    process.exit(1);
  }
}

/** The file's first line, so `openssl rand -hex 32 > file` (with its newline) works as it is. */
function readMetricsToken(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read the metrics token file ${file}: ${(error as Error).message}`);
    process.exit(2);
  }
  const token = MetricsToken.safeParse(text.split(/\r?\n/)[0]!.trim());
  if (!token.success) {
    console.error(`--metrics-token-file ${file}: ${token.error.issues[0]!.message}`);
    process.exit(2);
  }
  return token.data;
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    console.error(`Cannot read the TLS ${what} ${file}: ${(error as Error).message}`);
    process.exit(2);
  }
}

/** A typo in --updates would leave every PC without updates and nobody told: refuse to start instead. */
function checkUpdatesFolder(folder: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // missing: said below
  }
  if (!isFolder) {
    console.error(`--updates ${folder}: no such folder. Create it and put the installers and latest*.yml from 'npm run dist' in it.`);
    process.exit(2);
  }
}
