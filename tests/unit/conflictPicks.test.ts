import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contestedFields, mergedChanges, type Picks } from '../../shared/domain/conflictPicks';
import { choiceWords, picksWords, type Show } from '../../shared/domain/conflictWords';
import type { WorkOrderConflict } from '../../shared/domain/sync';

/**
 * Picking field by field: which fields need a pick, what is sent for each
 * pick, and the sentence the conflict card shows as the technician picks.
 */
const fields = [
  { field: 'description', before: 'Oil under press', mine: 'Seal ordered', theirs: 'Seal replaced last week' },
  { field: 'status', before: 'open', mine: 'in_progress', theirs: 'open' },
  { field: 'priority', before: 'medium', mine: 'medium', theirs: 'high' },
  { field: 'title', before: 'Leak', mine: 'Leak at press 4', theirs: 'Leak at press 4' },
];

describe('mergedChanges (a merge with a side picked for each field both changed)', () => {
  it('asks for a pick only where both sides changed a field to different values', () => {
    expect(contestedFields(fields)).toEqual(['description']);
    expect(mergedChanges(fields)).toEqual({ ok: false, missing: ['description'], unexpected: [] });
  });

  it('sends my value for a field I won, nothing for one they won; my other changes go, theirs stay', () => {
    expect(mergedChanges(fields, { description: 'mine' })).toEqual({
      ok: true,
      changes: { description: 'Seal ordered', status: 'in_progress', title: 'Leak at press 4' },
    });
    expect(mergedChanges(fields, { description: 'theirs' })).toEqual({ ok: true, changes: { status: 'in_progress', title: 'Leak at press 4' } });
  });

  it('refuses a pick for a field nobody has to pick', () => {
    expect(mergedChanges(fields, { description: 'mine', priority: 'mine' })).toEqual({ ok: false, missing: [], unexpected: ['priority'] });
  });

  it('with no field changed by both, it is plain Merge: no picks, my changes only', () => {
    const apart = fields.filter((f) => f.field !== 'description');
    expect(mergedChanges(apart)).toEqual({ ok: true, changes: { status: 'in_progress', title: 'Leak at press 4' } });
  });

  it('for any edits and picks, the merged record has every field from the side the rule says', () => {
    const value = fc.constantFrom('a', 'b', 'c');
    const field = fc.record({ before: value, mine: value, theirs: value, pick: fc.constantFrom<'mine' | 'theirs'>('mine', 'theirs') });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 6 }), (rows) => {
        const sides = rows.map((r, i) => ({ field: `f${i}`, before: r.before, mine: r.mine, theirs: r.theirs }));
        const picks: Picks = Object.fromEntries(contestedFields(sides).map((f) => [f, rows[Number(f.slice(1))]!.pick]));
        const merged = mergedChanges(sides, picks);
        if (!merged.ok) throw new Error('a pick for every contested field must merge');
        // The server applies the changes on top of its (their) record.
        sides.forEach((s, i) => {
          const result = s.field in merged.changes ? merged.changes[s.field] : s.theirs;
          const expected = s.mine === s.before ? s.theirs : s.theirs === s.before || s.mine === s.theirs ? s.mine : rows[i]!.pick === 'mine' ? s.mine : s.theirs;
          expect(result).toBe(expected);
        });
      }),
    );
  });
});

describe('picksWords (the result sentence under the per-field choice)', () => {
  const conflict: WorkOrderConflict = {
    workOrderId: 'w1',
    number: 'WO-10042',
    title: 'Leak',
    changedBy: 'bob',
    changedAt: '2026-11-27T10:30:00.000Z',
    serverVersion: 4,
    madeBy: 'alice',
    fields,
    canMerge: false,
  };
  const show: Show = (field, v) => (field === 'status' ? ({ open: 'Open', in_progress: 'In progress' } as Record<string, string>)[String(v)]! : String(v));

  it('says a pick is needed until every field both changed has one', () => {
    expect(picksWords(conflict, {}, show, 'you')).toEqual({
      result: 'Description: pick yours or bob’s; your status is kept; bob’s priority is kept.',
      complete: false,
    });
  });

  it('follows the picks: whose value wins and whose is lost', () => {
    expect(picksWords(conflict, { description: 'mine' }, show, 'you').result).toBe(
      'Description becomes “Seal ordered”; bob’s “Seal replaced last week” is lost; your status is kept; bob’s priority is kept.',
    );
    expect(picksWords(conflict, { description: 'theirs' }, show, 'you')).toEqual({
      result: 'Description stays “Seal replaced last week”; your “Seal ordered” is dropped; your status is kept; bob’s priority is kept.',
      complete: true,
    });
  });

  it('names the person whose change it is when someone else signed in', () => {
    expect(picksWords(conflict, {}, show, 'alice').result).toMatch(/^Description: pick alice’s or bob’s; alice’s status is kept/);
  });
});

describe('Keep mine, when both changed the same field', () => {
  it('says the field becomes mine (not that it goes back), and what of theirs is lost', () => {
    const conflict: WorkOrderConflict = { workOrderId: 'w1', number: 'WO-1', title: 'Leak', changedBy: 'bob', changedAt: '2026-11-27T10:30:00.000Z', serverVersion: 4, madeBy: 'alice', fields, canMerge: false };
    const keepMine = choiceWords(conflict, (_f, v) => String(v), 'you').find((w) => w.choice === 'overwrite')!;
    expect(keepMine.result).toBe('Description becomes “Seal ordered”; bob’s change is lost; Priority goes back to “medium”; bob’s change is lost; your description, status and title are kept.');
  });
});
