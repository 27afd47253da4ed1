import { systemClock, type Clock } from '../clock';
import type { ServerDatabase } from '../db/database';

export interface TokenLifetimes {
  /** How long an access (bearer) token works. */
  accessTtlMs: number;
  /** How long a refresh token may be traded for a new pair. */
  refreshTtlMs: number;
}

export const DEFAULT_LIFETIMES: TokenLifetimes = { accessTtlMs: 12 * 3600_000, refreshTtlMs: 30 * 24 * 3600_000 };

/** What every service needs. Routes and CLI commands pass the same one, so both follow the same rules. */
export interface ServiceContext {
  database: ServerDatabase;
  clock: Clock;
  lifetimes: TokenLifetimes;
}

export function serviceContext(database: ServerDatabase, options: { clock?: Clock; lifetimes?: Partial<TokenLifetimes> } = {}): ServiceContext {
  return { database, clock: options.clock ?? systemClock, lifetimes: { ...DEFAULT_LIFETIMES, ...options.lifetimes } };
}

export const nowIso = (ctx: ServiceContext) => ctx.clock().toISOString();
