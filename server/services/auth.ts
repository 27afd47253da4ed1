import { randomUUID } from 'node:crypto';
import type { UserSummary } from '../../shared/domain/records';
import type { LoginResponse } from '../../shared/sync/protocol';
import type { LoginThrottle } from '../auth/loginThrottle';
import { verifyPassword } from '../auth/passwords';
import { findToken, insertTokens, looksLikeToken, newTokenValue, hashToken, revokeFamily, spendRefreshToken } from '../auth/tokens';
import { HttpError } from '../errors';
import { findUserByUsername } from '../queries/users';
import { nowIso, type ServiceContext } from './context';

export interface SignInRequest {
  username: string;
  password: string;
  /** The caller's address: throttling counts failures per user name and address. */
  ip: string;
}

const SIGN_IN_AGAIN = 'Sign in again: the server did not accept your session.';
const unauthorized = (message = SIGN_IN_AGAIN) => new HttpError(401, 'UNAUTHORIZED', message);

/** Checks a password (slowing down guessers) and starts a sign-in: an access and a refresh token. */
export async function signIn(ctx: ServiceContext, throttle: LoginThrottle, { username, password, ip }: SignInRequest): Promise<LoginResponse> {
  const key = `${username.toLowerCase()}|${ip}`;
  const wait = await throttle.retryAfter(key);
  if (wait > 0) {
    throw new HttpError(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minutes.`, {}, { 'retry-after': String(wait) });
  }
  const user = await findUserByUsername(ctx.database.db, username);
  // Verify against a hash even for unknown users, so timing does not tell who exists.
  const valid = await verifyPassword(password, user?.password_hash ?? UNKNOWN_USER_HASH);
  if (!user || !valid) {
    await throttle.failed(key);
    throw unauthorized('Wrong user name or password.');
  }
  await throttle.succeeded(key);
  if (user.disabled_at) throw unauthorized('This account is disabled. Ask whoever runs the Shopfloor server to enable it.');
  return issueTokens(ctx, { id: user.id, username: user.username, role: user.role }, randomUUID());
}

/** Trades a refresh token for a new pair. A refresh token presented twice was copied: its whole sign-in is revoked. */
export async function refreshSession(ctx: ServiceContext, refreshToken: string): Promise<LoginResponse> {
  const now = nowIso(ctx);
  const found = looksLikeToken(refreshToken) ? await findToken(ctx.database.db, refreshToken) : undefined;
  if (!found || found.kind !== 'refresh' || found.revoked_at || found.disabled_at) throw unauthorized();
  if (found.expires_at <= now) throw unauthorized('Your sign-in has expired. Sign in again.');
  if (found.used_at || !(await spendRefreshToken(ctx.database.db, refreshToken, now))) {
    await revokeFamily(ctx.database.db, found.family_id, now);
    throw unauthorized('This sign-in was used from somewhere else, so it was ended. Sign in again.');
  }
  return issueTokens(ctx, { id: found.id, username: found.username, role: found.role }, found.family_id);
}

/** Ends the sign-in a token belongs to (access and refresh tokens alike). Ending an ended one is fine. */
export async function signOut(ctx: ServiceContext, token: string): Promise<void> {
  const found = looksLikeToken(token) ? await findToken(ctx.database.db, token) : undefined;
  if (!found) throw unauthorized();
  await revokeFamily(ctx.database.db, found.family_id, nowIso(ctx));
}

/** The user an access token belongs to; 401 TOKEN_EXPIRED when it ran out (refresh it), UNAUTHORIZED otherwise. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<UserSummary> {
  const found = looksLikeToken(token) ? await findToken(ctx.database.db, token) : undefined;
  if (!found || found.kind !== 'access' || found.revoked_at || found.disabled_at) throw unauthorized();
  if (found.expires_at <= nowIso(ctx)) throw new HttpError(401, 'TOKEN_EXPIRED', 'Your session has expired: refresh it or sign in again.');
  return { id: found.id, username: found.username, role: found.role };
}

async function issueTokens(ctx: ServiceContext, user: UserSummary, familyId: string): Promise<LoginResponse> {
  const now = ctx.clock();
  const token = newTokenValue();
  const refreshToken = newTokenValue();
  const expiresAt = new Date(now.getTime() + ctx.lifetimes.accessTtlMs).toISOString();
  const common = { user_id: user.id, created_at: now.toISOString(), family_id: familyId, revoked_at: null, used_at: null };
  await insertTokens(ctx.database.db, [
    { ...common, token_hash: hashToken(token), kind: 'access', expires_at: expiresAt },
    { ...common, token_hash: hashToken(refreshToken), kind: 'refresh', expires_at: new Date(now.getTime() + ctx.lifetimes.refreshTtlMs).toISOString() },
  ]);
  return { token, refreshToken, expiresAt, user };
}

/** A real scrypt hash of a random password: checked when the user name is unknown. */
const UNKNOWN_USER_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$yZ5QkGgTaYJ5p0cPpAHG4HcX5cBxFOPo0cEyvtTEOnk';
