/**
 * Slows down password guessing: after `maxFailures` failed logins for one
 * username from one address within `windowMs`, further attempts are refused
 * until the window has passed. Kept in memory per server instance: enough to
 * make guessing slow, and a restart does not lock anybody out for good.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds to wait, or 0 when an attempt may go ahead. */
  retryAfter(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const elapsed = this.clock() - entry.since;
    if (elapsed >= this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.maxFailures ? Math.ceil((this.windowMs - elapsed) / 1000) : 0;
  }

  failed(key: string): void {
    const entry = this.failures.get(key);
    if (!entry || this.clock() - entry.since >= this.windowMs) this.failures.set(key, { count: 1, since: this.clock() });
    else entry.count += 1;
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
