import { describe, expect, it, vi } from 'vitest';
import type { WorkOrderConflict } from '../../shared/domain/sync';

vi.mock('electron', () => ({ dialog: {} }));
const { conflictDialogOptions } = await import('../../main/dialogs/conflictDialog');

const conflict: WorkOrderConflict = {
  workOrderId: 'w1',
  number: 'WO-10042',
  title: 'Hydraulic leak',
  changedBy: 'bob',
  changedAt: '2026-11-27T10:30:00.000Z',
  serverVersion: 4,
  madeBy: 'alice',
  fields: [
    { field: 'description', before: 'Oil under press', mine: 'Oil under press', theirs: 'Seal replaced last week' },
    { field: 'status', before: 'open', mine: 'in_progress', theirs: 'open' },
  ],
  canMerge: true,
};

describe('the Work Order Conflict dialog', () => {
  it('names who changed it, and shows mine / theirs / before for each field', () => {
    const { options } = conflictDialogOptions(conflict);
    expect(options.title).toBe('Work Order Conflict');
    expect(options.message).toBe('Work Order Conflict: WO-10042 Hydraulic leak');
    expect(options.detail).toMatch(/^bob changed this work order at /);
    expect(options.detail).toContain('Status:\n   mine: In progress\n   theirs: Open\n   before: Open');
    expect(options.detail).toContain('Description:\n   mine: Oil under press\n   theirs: Seal replaced last week');
  });

  it('offers Merge (recommended), Keep mine, Take bob’s and Decide later, with Decide later as the safe default', () => {
    const { choices, options } = conflictDialogOptions(conflict);
    expect(choices).toEqual(['merge', 'overwrite', 'discard', 'later']);
    expect(options.buttons).toEqual(['Merge (recommended)', 'Keep mine (Overwrite)', 'Take bob’s (Discard my changes)', 'Decide later']);
    expect(options.defaultId).toBe(3);
    expect(options.cancelId).toBe(3);
  });

  it('says what each choice will do, in the same words as the conflict card', () => {
    const { options } = conflictDialogOptions(conflict);
    expect(options.detail).toContain('Merge (recommended): Keeps your status and bob’s description. Nothing is lost.');
    expect(options.detail).toContain('Keep mine (Overwrite): Description goes back to “Oil under press”; bob’s change is lost; your status is kept.');
    expect(options.detail).toContain('Take bob’s (Discard my changes): Status stays “Open”.');
    expect(options.detail).not.toContain('pick field by field');
  });

  it('does not offer Merge when both sides changed the same field, and says where to pick field by field', () => {
    const { choices, options } = conflictDialogOptions({ ...conflict, canMerge: false });
    expect(choices).toEqual(['overwrite', 'discard', 'later']);
    expect(options.detail).toContain('choose Decide later and pick field by field in More → Conflicts');
  });
});
