import { createHash, randomBytes } from 'node:crypto';
import type { UserSummary } from '../../shared/domain/records';
import type { ServerDatabase } from '../db/database';

/** Bearer tokens are 256 random bits; the database keeps only their sha256. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueToken({ db }: ServerDatabase, userId: string, now: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insertInto('tokens').values({ token_hash: hashToken(token), user_id: userId, created_at: now }).execute();
  return token;
}

export async function userForToken({ db }: ServerDatabase, token: string): Promise<UserSummary | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .select(['users.id', 'users.username', 'users.role'])
    .where('tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row;
}
