import { randomBytes } from 'node:crypto';
import { NewPassword, type Account, type AccountResponse, type CreateAccountRequest, type UpdateAccountRequest } from '../../shared/sync/accounts';
import type { AssignableUser } from '../../shared/sync/protocol';
import { hashPassword } from '../auth/passwords';
import { revokeUserTokens } from '../auth/tokens';
import type { UsersTable } from '../db/schema';
import { HttpError } from '../errors';
import { countOtherEnabledAdmins, findUserByUsername, insertUser, listUsers, updateUser } from '../queries/users';
import { nowIso, type ServiceContext } from './context';

/**
 * Accounts: the one place their rules live. The admin API and the server's
 * `user` commands both call these, so both refuse and revoke alike.
 */
export const toAccount = (row: UsersTable): Account => ({
  id: row.id,
  username: row.username,
  role: row.role,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at,
});

/** 20 characters from 120 random bits: strong, and short enough to type once. */
export const generatePassword = () => randomBytes(15).toString('base64url');

export async function listAccounts(ctx: ServiceContext): Promise<Account[]> {
  return (await listUsers(ctx.database.db)).map(toAccount);
}

export async function createAccount(ctx: ServiceContext, request: CreateAccountRequest): Promise<AccountResponse> {
  const generatedPassword = request.password === undefined ? generatePassword() : undefined;
  const password = checkedPassword(request.password ?? generatedPassword!);
  const row: UsersTable = {
    // The user name is the id: records name who changed them by id, and names never change.
    id: request.username,
    username: request.username,
    role: request.role,
    password_hash: await hashPassword(password),
    created_at: nowIso(ctx),
    disabled_at: null,
  };
  const inserted = await insertUser(ctx.database.db, row);
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
    throw new HttpError(409, 'USER_EXISTS', `There is already a user called ${request.username}.`);
  }
  return { user: toAccount(row), ...(generatedPassword ? { generatedPassword } : {}) };
}

/**
 * Changes role, disabled state or password. Disabling or a new password ends
 * every sign-in of the user at once (their next request gets 401).
 */
export async function updateAccount(ctx: ServiceContext, username: string, changes: UpdateAccountRequest): Promise<AccountResponse> {
  const { db } = ctx.database;
  const user = await findUserByUsername(db, username);
  if (!user) throw new HttpError(404, 'NOT_FOUND', `There is no user called ${username.toLowerCase()}.`);
  const losesAdmin = user.role === 'admin' && !user.disabled_at && ((changes.role && changes.role !== 'admin') || changes.disabled === true);
  if (losesAdmin && (await countOtherEnabledAdmins(db, user.id)) === 0) {
    throw new HttpError(409, 'LAST_ADMIN', `${user.username} is the last enabled admin: make another admin first, or nobody could manage accounts.`);
  }
  const now = nowIso(ctx);
  const next: Partial<UsersTable> = {};
  if (changes.role) next.role = changes.role;
  if (changes.disabled !== undefined) next.disabled_at = changes.disabled ? (user.disabled_at ?? now) : null;
  if (changes.password !== undefined) next.password_hash = await hashPassword(checkedPassword(changes.password));
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, next);
    if (changes.disabled === true || changes.password !== undefined) await revokeUserTokens(tx, user.id, now);
  });
  return { user: toAccount({ ...user, ...next }) };
}

/** A new password for a user, generated: returned once, stored only as a hash. */
export async function resetPasswordGenerated(ctx: ServiceContext, username: string): Promise<AccountResponse> {
  const generatedPassword = generatePassword();
  const result = await updateAccount(ctx, username, { password: generatedPassword });
  return { ...result, generatedPassword };
}

function checkedPassword(password: string): string {
  const checked = NewPassword.safeParse(password);
  if (!checked.success) throw new HttpError(400, 'VALIDATION_FAILED', checked.error.issues[0]!.message);
  return checked.data;
}

/** Active accounts, sorted by name: whom work can be assigned to (GET /users/assignable). */
export async function listAssignableUsers(ctx: ServiceContext): Promise<AssignableUser[]> {
  const rows = await listUsers(ctx.database.db);
  return rows.filter((r) => r.disabled_at === null).map((r) => ({ username: r.username, role: r.role }));
}
