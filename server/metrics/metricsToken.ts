import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The secret a scraper sends as `Authorization: Bearer <token>` to read /metrics. Long enough not
 * to be guessed, printable, no spaces (it travels in a header and sits in Prometheus's
 * credentials_file). `openssl rand -hex 32` makes a good one.
 */
export const MetricsToken = z
  .string()
  .min(16, 'The metrics token must be at least 16 characters (e.g. openssl rand -hex 32).')
  .max(512, 'The metrics token must be at most 512 characters.')
  .regex(/^[\x21-\x7e]+$/, 'The metrics token must be printable ASCII without spaces.');

/** Compares in constant time: how long a wrong guess takes says nothing about how close it was. */
export function sameToken(presented: string, expected: string): boolean {
  if (!presented) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
