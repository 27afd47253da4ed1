import type { SecretStore } from './secretStore';

/**
 * A user's sign-in with the server, kept in the secret store (the OS
 * keychain in the app): the short-lived access token, the refresh token that
 * renews it, and when the access token expires. One module owns the keys.
 */
export interface ServerSession {
  token: string;
  refreshToken?: string;
  /** When the access token expires (ISO); unknown for a server from before tokens expired. */
  expiresAt?: string;
}

const key = (part: 'token' | 'refresh' | 'expires', username: string) => `${part}:${username}`;

export function saveSession(secrets: SecretStore, username: string, session: ServerSession): void {
  secrets.set(key('token', username), session.token);
  if (session.refreshToken) secrets.set(key('refresh', username), session.refreshToken);
  else secrets.delete(key('refresh', username));
  if (session.expiresAt) secrets.set(key('expires', username), session.expiresAt);
  else secrets.delete(key('expires', username));
}

export function readSession(secrets: SecretStore, username: string): ServerSession | undefined {
  const token = secrets.get(key('token', username));
  if (!token) return undefined;
  return { token, refreshToken: secrets.get(key('refresh', username)), expiresAt: secrets.get(key('expires', username)) };
}

/** The server no longer accepts this sign-in: the user must sign in again (their unsent work stays). */
export function forgetSession(secrets: SecretStore, username: string): void {
  for (const part of ['token', 'refresh', 'expires'] as const) secrets.delete(key(part, username));
}

/** Renew a little before the access token runs out, so a request does not race its expiry. */
const RENEW_BEFORE_MS = 60_000;

export function needsRenewal(session: ServerSession, now: string): boolean {
  return !!session.refreshToken && !!session.expiresAt && Date.parse(session.expiresAt) - Date.parse(now) < RENEW_BEFORE_MS;
}
