/**
 * How a Work Order Conflict is merged, field by field: one pure rule for the
 * journal (what is sent) and the conflict card (what it says will happen).
 *
 * - a field only the technician changed keeps their value (it is sent);
 * - a field only the other person changed keeps theirs (nothing to send);
 * - a field both changed to different values is *contested*: the technician
 *   picks which side wins it ("mine" is sent, "theirs" sends nothing).
 *
 * Plain Merge is this rule with no contested field, so it needs no picks.
 */
export type Side = 'mine' | 'theirs';
export const SIDES = ['mine', 'theirs'] as const satisfies readonly Side[];
export type Picks = Partial<Record<string, Side>>;

export interface FieldSides<K extends string = string, V = unknown> {
  field: K;
  before: V;
  mine: V;
  theirs: V;
}

/** Both sides changed it, to different values: only the technician can say which one wins. */
export const isContested = (f: FieldSides) => f.mine !== f.before && f.theirs !== f.before && f.mine !== f.theirs;

/** The fields the technician has to pick a side for (empty: plain Merge is possible). */
export const contestedFields = <K extends string>(fields: readonly FieldSides<K>[]): K[] => fields.filter(isContested).map((f) => f.field);

export type MergedChanges<K extends string, V> =
  | { ok: true; changes: Partial<Record<K, V>> }
  /** `missing`: contested fields without a pick; `unexpected`: picks for fields nobody has to pick. */
  | { ok: false; missing: K[]; unexpected: string[] };

/** The change to send on top of the other person's record, or which picks are missing or out of place. */
export function mergedChanges<K extends string, V>(fields: readonly FieldSides<K, V>[], picks: Picks = {}): MergedChanges<K, V> {
  const contested = new Set<string>(contestedFields(fields));
  const missing = fields.filter((f) => contested.has(f.field) && !picks[f.field]).map((f) => f.field);
  const unexpected = Object.keys(picks).filter((field) => picks[field] && !contested.has(field));
  if (missing.length || unexpected.length) return { ok: false, missing, unexpected };
  const changes: Partial<Record<K, V>> = {};
  for (const f of fields) {
    const mineWins = contested.has(f.field) ? picks[f.field] === 'mine' : f.mine !== f.before;
    if (mineWins) changes[f.field] = f.mine;
  }
  return { ok: true, changes };
}
