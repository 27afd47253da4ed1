import { z } from 'zod';

/**
 * The pull cursor is opaque to clients. Inside: the feed's epoch (a restored
 * or reseeded database has a new one) and the position: `txid` + `seq` on
 * PostgreSQL, `seq` alone on SQLite (txid "0").
 */
const CursorBody = z.object({
  v: z.literal(1),
  e: z.string().min(1).max(64),
  // Within PostgreSQL's bigint/xid8 range, so a forged cursor is a 400, not a database error.
  t: z.string().regex(/^\d{1,18}$/),
  s: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type FeedPosition = { txid: string; seq: number };

export const START: FeedPosition = { txid: '0', seq: 0 };

export function encodeCursor(epoch: string, position: FeedPosition): string {
  return Buffer.from(JSON.stringify({ v: 1, e: epoch, t: position.txid, s: position.seq })).toString('base64url');
}

export type DecodedCursor = { ok: true; position: FeedPosition } | { ok: false; reason: 'malformed' | 'other_epoch' };

export function decodeCursor(cursor: string | undefined, epoch: string): DecodedCursor {
  if (cursor === undefined || cursor === '') return { ok: true, position: START };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = CursorBody.safeParse(body);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.e !== epoch) return { ok: false, reason: 'other_epoch' };
  return { ok: true, position: { txid: parsed.data.t, seq: parsed.data.s } };
}
