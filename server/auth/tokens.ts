import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerSchema, TokensTable } from '../db/schema';

/**
 * Token queries. Tokens are 256 random bits; the database keeps only their
 * sha256, so a copy of the database holds no usable token.
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newTokenValue = () => randomBytes(32).toString('base64url');
/** Anything else is not one of ours: refused without a query. */
export const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);

type Db = Kysely<ServerSchema>;

export function insertTokens(db: Db, rows: TokensTable[]) {
  return db.insertInto('tokens').values(rows).execute();
}

/** A token with its user's state, whatever the token's own state (the caller decides). */
export function findToken(db: Db, token: string) {
  return db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .select([
      'tokens.kind',
      'tokens.expires_at',
      'tokens.family_id',
      'tokens.revoked_at',
      'tokens.used_at',
      'users.id',
      'users.username',
      'users.role',
      'users.disabled_at',
    ])
    .where('tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

/** Spends a refresh token. False when it was spent or revoked already (by a racing request, too). */
export async function spendRefreshToken(db: Db, token: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('kind', '=', 'refresh')
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function revokeFamily(db: Db, familyId: string, now: string) {
  return db.updateTable('tokens').set({ revoked_at: now }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
}

export function revokeUserTokens(db: Db, userId: string, now: string) {
  return db.updateTable('tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
