import type { UserSummary } from '../../shared/domain/records';
import type { LoginResponse } from '../../shared/sync/protocol';
import type { LoginThrottle } from '../auth/loginThrottle';
import { verifyPassword } from '../auth/passwords';
import { issueToken, userForToken } from '../auth/tokens';
import { HttpError } from '../errors';
import { findUserByUsername } from '../queries/users';
import { nowIso, type ServiceContext } from './context';

export interface SignInRequest {
  username: string;
  password: string;
  /** The caller's address: throttling counts failures per user name and address. */
  ip: string;
}

/** Checks a password (slowing down guessers) and issues a token. */
export async function signIn(ctx: ServiceContext, throttle: LoginThrottle, { username, password, ip }: SignInRequest): Promise<LoginResponse> {
  const key = `${username.toLowerCase()}|${ip}`;
  const wait = throttle.retryAfter(key);
  if (wait > 0) {
    throw new HttpError(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minutes.`, {}, { 'retry-after': String(wait) });
  }
  const user = await findUserByUsername(ctx.database.db, username);
  // Verify against a hash even for unknown users, so timing does not tell who exists.
  const valid = await verifyPassword(password, user?.password_hash ?? UNKNOWN_USER_HASH);
  if (!user || !valid) {
    throttle.failed(key);
    throw new HttpError(401, 'UNAUTHORIZED', 'Wrong user name or password.');
  }
  throttle.succeeded(key);
  return {
    token: await issueToken(ctx.database, user.id, nowIso(ctx)),
    user: { id: user.id, username: user.username, role: user.role },
  };
}

/** The user a bearer token belongs to, or a 401. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<UserSummary> {
  const user = token ? await userForToken(ctx.database, token) : undefined;
  if (!user) throw new HttpError(401, 'UNAUTHORIZED', 'Sign in again: the server did not accept your session.');
  return user;
}

/** A real scrypt hash of a random password: checked when the user name is unknown. */
const UNKNOWN_USER_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$yZ5QkGgTaYJ5p0cPpAHG4HcX5cBxFOPo0cEyvtTEOnk';
