import { randomBytes, scrypt as scryptCallback, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number, options: object) => Promise<Buffer>;

/**
 * The offline sign-in check: a slow salted hash (scrypt) of the password,
 * kept in the journal so a technician who signed in once with the server can
 * sign in again with the cable pulled. The password itself is never stored.
 */
const COST = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

const format = (salt: Buffer, key: Buffer) => `v1:${salt.toString('base64url')}:${key.toString('base64url')}`;

export async function makeVerifier(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(salt, await scrypt(password, salt, 32, COST));
}

/** For start-up only (the demo journal's accounts), where the core is still being built. */
export function makeVerifierSync(password: string): string {
  const salt = randomBytes(16);
  return format(salt, scryptSync(password, salt, 32, COST));
}

/** The verifier's key derivation on its own, for a hash that must be found by value (a badge, under one salt per PC). */
export function deriveKey(secret: string, salt: Buffer): Promise<Buffer> {
  return scrypt(secret, salt, 32, COST);
}

export async function checkVerifier(password: string, verifier: string): Promise<boolean> {
  const [version, salt, key] = verifier.split(':');
  if (version !== 'v1' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, COST);
  return timingSafeEqual(actual, expected);
}
