import type { Role } from '../../../shared/domain/rules';
import { LoginResponse, API_PREFIX } from '../../../shared/sync/protocol';
import type { SignInInput } from '../../../shared/domain/inputs';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/result';
import type { Db } from '../db/connection';
import type { SecretStore } from './secretStore';
import { saveSession, type ServerSession } from './tokens';
import type { FetchFn } from '../net/fetchPort';
import { checkVerifier, makeVerifier, makeVerifierSync } from './verifier';

export interface LocalUser {
  username: string;
  role: Role;
}


/**
 * Sign-in on a shared workstation. With a server: the server decides, and on
 * success we keep a verifier and the token for next time. Without one (cable
 * pulled, server down): a user who signed in here before is checked against
 * the verifier. A wrong password from the server is final: never retried
 * offline against an older verifier.
 */
export async function signIn(
  db: Db,
  secrets: SecretStore,
  serverUrl: string | undefined,
  input: z.output<typeof SignInInput>,
  now: string,
  fetch: FetchFn,
): Promise<LocalUser & { offline: boolean }> {
  const known = db
    .prepare<[string], { username: string; role: Role; verifier: string }>('SELECT * FROM local_accounts WHERE username = ?')
    .get(input.username);

  if (serverUrl) {
    const answer = await askServer(fetch, serverUrl, input);
    if (answer.kind === 'accepted') {
      const verifier = await makeVerifier(input.password);
      db.prepare(
        `INSERT INTO local_accounts (username, role, verifier, last_sign_in) VALUES (?, ?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET role = excluded.role, verifier = excluded.verifier, last_sign_in = excluded.last_sign_in`,
      ).run(answer.user.username, answer.user.role, verifier, now);
      saveSession(secrets, answer.user.username, answer.session);
      return { username: answer.user.username, role: answer.user.role, offline: false };
    }
    if (answer.kind === 'refused') throw new AppError('NOT_SIGNED_IN', answer.message);
  }
  if (!known) {
    throw new AppError(
      'NOT_SIGNED_IN',
      serverUrl
        ? 'The server cannot be reached, and you have not signed in on this computer before. The first sign-in needs the server.'
        : 'No sync server is set up, and you have not signed in on this computer before.',
    );
  }
  if (!(await checkVerifier(input.password, known.verifier))) {
    throw new AppError('NOT_SIGNED_IN', 'Wrong user name or password.');
  }
  db.prepare('UPDATE local_accounts SET last_sign_in = ? WHERE username = ?').run(now, known.username);
  return { username: known.username, role: known.role, offline: true };
}

type ServerAnswer =
  | { kind: 'accepted'; session: ServerSession; user: LocalUser }
  | { kind: 'refused'; message: string }
  | { kind: 'unreachable' };

async function askServer(fetch: FetchFn, serverUrl: string, input: { username: string; password: string }): Promise<ServerAnswer> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}${API_PREFIX}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
      // The server hashes the password on purpose slowly; a busy server needs a moment. Unreachable fails at once.
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.status === 401) return { kind: 'refused', message: 'Wrong user name or password.' };
  if (response.status === 429) return { kind: 'refused', message: 'Too many failed sign-ins. Wait a few minutes and try again.' };
  if (!response.ok) return { kind: 'unreachable' };
  const parsed = LoginResponse.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { kind: 'unreachable' };
  const { token, refreshToken, expiresAt, user } = parsed.data;
  return { kind: 'accepted', session: { token, refreshToken, expiresAt }, user: { username: user.username, role: user.role } };
}

/** Gives a user an offline verifier without a server: only the demo journal does this. */
export function provisionLocalAccount(db: Db, user: LocalUser, password: string, now: string): void {
  db.prepare(
    'INSERT OR IGNORE INTO local_accounts (username, role, verifier, last_sign_in) VALUES (?, ?, ?, ?)',
  ).run(user.username, user.role, makeVerifierSync(password), now);
}
