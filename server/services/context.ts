import type { Clock } from '../clock';
import type { ServerDatabase } from '../db/database';

/** What every service needs: the database and the clock. Routes and CLI commands pass the same one. */
export interface ServiceContext {
  database: ServerDatabase;
  clock: Clock;
}

export const nowIso = (ctx: ServiceContext) => ctx.clock().toISOString();
