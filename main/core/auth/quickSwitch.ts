import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/rules';
import { AppError } from '../../../shared/ipc/result';
import type { QuickSwitchAccount } from '../../../shared/domain/views';
import type { Db } from '../db/connection';
import { checkVerifier, deriveKey, makeVerifier } from './verifier';
import type { LocalUser } from './session';

/**
 * Quick switch on a shared PC: who signed in here once with a password may
 * add a PIN and/or link a badge, and from then on switch to themselves with
 * it from the lock screen, offline too.
 *
 * - A PIN is hashed like the offline verifier (scrypt, its own random salt).
 * - A badge code is hashed with scrypt under one salt for this PC: a scan names
 *   no user, so one hash must find the account (an index lookup), not one hash
 *   per account. The code itself is never stored.
 * - Five wrong PINs in a row close quick switch (PIN and badge) for that person
 *   until they sign in with their password; the count survives a restart.
 */
export const MAX_WRONG_PINS = 5;

const PASSWORD_REQUIRED = 'Too many wrong PINs. Sign in with your password to use your PIN again.';

interface Row {
  username: string;
  role: Role;
  verifier: string;
  pin_hash: string | null;
  badge_hash: string | null;
  pin_failures: number;
}

function account(db: Db, username: string): Row | undefined {
  return db
    .prepare<[string], Row>(
      `SELECT a.username, a.role, a.verifier, q.pin_hash, q.badge_hash, coalesce(q.pin_failures, 0) AS pin_failures
       FROM local_accounts a LEFT JOIN quick_switch q ON q.username = a.username WHERE a.username = ?`,
    )
    .get(username);
}

/** Everyone who signed in on this PC, with what they can switch in with (no hash leaves this module). */
export function listQuickSwitchAccounts(db: Db): QuickSwitchAccount[] {
  return db
    .prepare<[], Row>(
      `SELECT a.username, a.role, q.pin_hash, q.badge_hash, coalesce(q.pin_failures, 0) AS pin_failures
       FROM local_accounts a LEFT JOIN quick_switch q ON q.username = a.username ORDER BY a.username`,
    )
    .all()
    .map((row) => ({
      username: row.username,
      hasPin: row.pin_hash !== null,
      hasBadge: row.badge_hash !== null,
      lockedOut: row.pin_failures >= MAX_WRONG_PINS,
    }));
}

/** Setting a PIN or linking a badge asks for the password again: a PC left unlocked must not let someone else add theirs. */
async function confirmPassword(db: Db, username: string, password: string): Promise<void> {
  const row = account(db, username);
  if (!row || !(await checkVerifier(password, row.verifier))) {
    throw new AppError('VALIDATION_FAILED', 'That is not your password. Your PIN and badge were not changed.');
  }
}

function upsert(db: Db, username: string, set: 'pin_hash' | 'badge_hash', value: string | null): void {
  db.prepare(
    `INSERT INTO quick_switch (username, ${set}) VALUES (?, ?)
     ON CONFLICT (username) DO UPDATE SET ${set} = excluded.${set}${set === 'pin_hash' ? ', pin_failures = 0' : ''}`,
  ).run(username, value);
}

export async function setPin(db: Db, username: string, pin: string, password: string): Promise<void> {
  await confirmPassword(db, username, password);
  upsert(db, username, 'pin_hash', await makeVerifier(pin));
}

export function clearPin(db: Db, username: string): void {
  upsert(db, username, 'pin_hash', null);
}

export async function linkBadge(db: Db, username: string, code: string, password: string): Promise<void> {
  await confirmPassword(db, username, password);
  const hash = await badgeHash(db, code);
  const holder = db.prepare<[string], { username: string }>('SELECT username FROM quick_switch WHERE badge_hash = ?').get(hash);
  if (holder && holder.username !== username) {
    throw new AppError('VALIDATION_FAILED', `This badge is already linked to ${holder.username} on this computer.`);
  }
  upsert(db, username, 'badge_hash', hash);
}

export function unlinkBadge(db: Db, username: string): void {
  upsert(db, username, 'badge_hash', null);
}

/** Switches to `username` when the PIN is theirs; a wrong one counts towards the password being required. */
export async function switchByPin(db: Db, username: string, pin: string, now: string): Promise<LocalUser> {
  const row = account(db, username);
  if (!row?.pin_hash) throw new AppError('NOT_SIGNED_IN', `${username} has no PIN on this computer. Sign in with your password.`);
  if (row.pin_failures >= MAX_WRONG_PINS) throw new AppError('PASSWORD_REQUIRED', PASSWORD_REQUIRED);
  if (!(await checkVerifier(pin, row.pin_hash))) {
    const failures = db
      .prepare<[string], { pin_failures: number }>('UPDATE quick_switch SET pin_failures = pin_failures + 1 WHERE username = ? RETURNING pin_failures')
      .get(username)!.pin_failures;
    if (failures >= MAX_WRONG_PINS) throw new AppError('PASSWORD_REQUIRED', PASSWORD_REQUIRED);
    const left = MAX_WRONG_PINS - failures;
    throw new AppError('NOT_SIGNED_IN', `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before your password is needed.`);
  }
  return switched(db, row, now);
}

export async function switchByBadge(db: Db, code: string, now: string): Promise<LocalUser> {
  const hash = await badgeHash(db, code);
  const holder = db.prepare<[string], { username: string }>('SELECT username FROM quick_switch WHERE badge_hash = ?').get(hash);
  const row = holder && account(db, holder.username);
  if (!row) throw new AppError('NOT_SIGNED_IN', 'This badge is not linked to anyone on this computer. Sign in with your password, then link it.');
  if (row.pin_failures >= MAX_WRONG_PINS) throw new AppError('PASSWORD_REQUIRED', PASSWORD_REQUIRED);
  return switched(db, row, now);
}

/** A password sign-in opens quick switch again. */
export function passwordSignedIn(db: Db, username: string): void {
  db.prepare('UPDATE quick_switch SET pin_failures = 0 WHERE username = ?').run(username);
}

function switched(db: Db, row: Row, now: string): LocalUser {
  db.prepare('UPDATE quick_switch SET pin_failures = 0 WHERE username = ?').run(row.username);
  db.prepare('UPDATE local_accounts SET last_sign_in = ? WHERE username = ?').run(now, row.username);
  return { username: row.username, role: row.role };
}

async function badgeHash(db: Db, code: string): Promise<string> {
  let salt = db.prepare<[], { value: string }>("SELECT value FROM local_meta WHERE key = 'badge_salt'").get()?.value;
  if (!salt) {
    db.prepare("INSERT OR IGNORE INTO local_meta (key, value) VALUES ('badge_salt', ?)").run(randomBytes(16).toString('base64url'));
    salt = db.prepare<[], { value: string }>("SELECT value FROM local_meta WHERE key = 'badge_salt'").get()!.value;
  }
  return (await deriveKey(code, Buffer.from(salt, 'base64url'))).toString('base64url');
}
