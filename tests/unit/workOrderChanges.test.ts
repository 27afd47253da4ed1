import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDITABLE_WORK_ORDER_FIELDS, WORK_ORDER_STATUSES, type WorkOrderRecord } from '../../shared/domain/workOrder';
import { applyWorkOrderChanges, buildNewWorkOrder } from '../../shared/domain/workOrderChanges';
import type { WorkOrderUpdatePayload } from '../../shared/sync/protocol';
import { replay, type ReplayedMutation } from '../../main/core/journal/replay';
import { diffFields, mergeable } from '../../main/core/sync/conflicts';

/**
 * The rules of changing a work order are one pure function, used by the
 * workstation (replay: what the technician sees offline) and the server
 * (what it stores): these tests pin what it does.
 */
const base: WorkOrderRecord = {
  id: 'wo-1',
  number: 'WO-10001',
  title: 'Replace belt',
  description: 'Belt is frayed',
  status: 'open',
  priority: 'medium',
  assetId: null,
  assigneeId: 'alice',
  dueAt: null,
  completedAt: null,
  completionNotes: null,
  version: 4,
  createdAt: '2026-11-01T08:00:00.000Z',
  createdBy: 'sam',
  updatedAt: '2026-11-01T08:00:00.000Z',
  updatedBy: 'sam',
};
const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`;
const update = (payload: WorkOrderUpdatePayload, minute: number, userId = 'alice'): ReplayedMutation => ({
  type: 'workOrder.update',
  payload,
  userId,
  createdAt: at(minute),
});

describe('applyWorkOrderChanges', () => {
  it('sets completedAt when the status moves to completed, keeps it while completed, clears it when reopened', () => {
    const done = applyWorkOrderChanges(base, { status: 'completed', completionNotes: 'ok' }, 'alice', at(1));
    expect(done).toMatchObject({ status: 'completed', completedAt: at(1), completionNotes: 'ok', updatedBy: 'alice', updatedAt: at(1) });
    const noted = applyWorkOrderChanges(done, { completionNotes: 'ok, belt B-40' }, 'sam', at(2));
    expect(noted).toMatchObject({ completedAt: at(1), updatedBy: 'sam' });
    expect(applyWorkOrderChanges(noted, { status: 'open' }, 'sam', at(3))).toMatchObject({ status: 'open', completedAt: null });
  });

  it('never touches identity or creation fields, and leaves the version to its caller', () => {
    const changed = applyWorkOrderChanges(base, { title: 'Replace both belts', priority: 'high' }, 'bob', at(5));
    expect(changed).toMatchObject({ id: base.id, number: base.number, version: base.version, createdAt: base.createdAt, createdBy: 'sam' });
  });

  it('for any sequence of status moves, completedAt is set exactly when the status is completed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORK_ORDER_STATUSES), { maxLength: 12 }), (statuses) => {
        let record = base;
        statuses.forEach((status, i) => {
          record = applyWorkOrderChanges(record, { status }, 'alice', at(i));
          expect(record.completedAt !== null).toBe(status === 'completed');
        });
      }),
    );
  });
});

describe('replay (what the technician sees offline)', () => {
  it('is the server record when nothing is unsynced', () => {
    expect(replay(base.id, base, [])).toEqual(base);
  });

  it('applies unsynced edits in order, as the server would', () => {
    const view = replay(base.id, base, [update({ status: 'in_progress' }, 0), update({ description: 'Both belts' }, 1), update({ status: 'completed' }, 2)]);
    const server = [
      [{ status: 'in_progress' }, 0],
      [{ description: 'Both belts' }, 1],
      [{ status: 'completed' }, 2],
    ].reduce((r, [payload, minute]) => applyWorkOrderChanges(r, payload as WorkOrderUpdatePayload, 'alice', at(minute as number)), base);
    expect(view).toEqual(server);
    expect(view).toMatchObject({ status: 'completed', description: 'Both belts', completedAt: at(2), version: base.version });
  });

  it('a work order created offline has no number and version 0 until the server has it', () => {
    const payload = { title: 'Oil leak', description: '', priority: 'high', status: 'open', assetId: null, assigneeId: 'alice', dueAt: null } as const;
    const view = replay('new-1', undefined, [{ type: 'workOrder.create', payload, userId: 'alice', createdAt: at(7) }]);
    expect(view).toEqual({ ...buildNewWorkOrder('new-1', payload, 'alice', at(7)), number: null, version: 0 });
  });

  it('an overwrite puts the whole editable record back; hours entries and edits of unknown records show nothing', () => {
    const mine = Object.fromEntries(EDITABLE_WORK_ORDER_FIELDS.map((f) => [f, base[f]]));
    const theirs = { ...base, description: 'Changed by bob', version: 5 };
    const view = replay(base.id, theirs, [{ type: 'workOrder.overwrite', payload: { ...mine, status: 'in_progress' }, userId: 'alice', createdAt: at(9) }]);
    expect(view).toMatchObject({ description: base.description, status: 'in_progress', version: 5 });
    expect(replay('unknown', undefined, [update({ status: 'on_hold' }, 1)])).toBeUndefined();
    const hours = { type: 'hoursEntry.create', payload: { hours: 1 }, userId: 'alice', createdAt: at(1) } as const;
    expect(replay(base.id, base, [hours])).toEqual(base);
  });
});

describe('diffFields and mergeable (the conflict, field by field)', () => {
  const editable = (r: WorkOrderRecord) => Object.fromEntries(EDITABLE_WORK_ORDER_FIELDS.map((f) => [f, r[f]])) as never;

  it('the worked example: A changed the status, B the description: both listed, and they merge', () => {
    const mine = applyWorkOrderChanges(base, { status: 'in_progress' }, 'alice', at(0));
    const theirs = { ...applyWorkOrderChanges(base, { description: 'Changed by bob' }, 'bob', at(30)), version: 5 };
    const fields = diffFields(base, editable(mine), theirs);
    expect(fields).toEqual([
      { field: 'description', before: base.description, mine: base.description, theirs: 'Changed by bob' },
      { field: 'status', before: 'open', mine: 'in_progress', theirs: 'open' },
    ]);
    expect(mergeable(fields)).toBe(true);
  });

  it('the same field changed to different values on both sides does not merge; to the same value it does', () => {
    const theirs = { ...base, priority: 'urgent' as const, version: 5 };
    expect(mergeable(diffFields(base, editable({ ...base, priority: 'low' }), theirs))).toBe(false);
    expect(mergeable(diffFields(base, editable({ ...base, priority: 'urgent' }), theirs))).toBe(true);
  });

  it('for any two edits, mergeable is false exactly when one field was changed by both to different values', () => {
    const edit = fc.record({ title: fc.constantFrom(base.title, 'T1', 'T2'), priority: fc.constantFrom('low', 'medium', 'high') }, { requiredKeys: [] });
    fc.assert(
      fc.property(edit, edit, (a, b) => {
        const mine = { ...base, ...a } as WorkOrderRecord;
        const theirs = { ...base, ...b } as WorkOrderRecord;
        const clash = (['title', 'priority'] as const).some((f) => mine[f] !== base[f] && theirs[f] !== base[f] && mine[f] !== theirs[f]);
        expect(mergeable(diffFields(base, editable(mine), theirs))).toBe(!clash);
      }),
    );
  });
});
