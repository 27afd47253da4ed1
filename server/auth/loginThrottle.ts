import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { ServerSchema } from '../db/schema';

/**
 * Slows down password guessing: after `maxFailures` failed logins for one
 * username from one address within `windowMs`, further attempts are refused
 * until the window has passed. Counted in the database, so a guesser gains
 * nothing by spreading attempts over several server instances; the window
 * ends by itself, so nobody is locked out for good.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Kysely<ServerSchema>,
    private readonly clock: Clock,
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds to wait, or 0 when an attempt may go ahead. */
  async retryAfter(key: string): Promise<number> {
    const entry = await this.db.selectFrom('login_failures').select(['failures', 'since']).where('key', '=', key).executeTakeFirst();
    if (!entry) return 0;
    const elapsed = this.clock().getTime() - Date.parse(entry.since);
    if (elapsed >= this.windowMs) return 0;
    return entry.failures >= this.maxFailures ? Math.ceil((this.windowMs - elapsed) / 1000) : 0;
  }

  /** One statement, so failures counted by two instances at once both count. */
  async failed(key: string): Promise<void> {
    const now = this.clock();
    const windowStart = new Date(now.getTime() - this.windowMs).toISOString();
    await this.db
      .insertInto('login_failures')
      .values({ key, failures: 1, since: now.toISOString() })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          failures: eb.case().when('login_failures.since', '>', windowStart).then(eb('login_failures.failures', '+', 1)).else(1).end(),
          since: eb.case().when('login_failures.since', '>', windowStart).then(eb.ref('login_failures.since')).else(now.toISOString()).end(),
        })),
      )
      .execute();
  }

  async succeeded(key: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key', '=', key).execute();
  }
}
