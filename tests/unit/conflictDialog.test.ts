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
    expect(options.detail).toContain('Status:\n   mine: in_progress\n   theirs: open\n   before: open');
    expect(options.detail).toContain('Description:\n   mine: Oil under press\n   theirs: Seal replaced last week');
  });

  it('offers Overwrite, Discard, Merge and Decide later, with Decide later as the safe default', () => {
    const { choices, options } = conflictDialogOptions(conflict);
    expect(choices).toEqual(['overwrite', 'discard', 'merge', 'later']);
    expect(options.buttons).toEqual(['Overwrite with mine', 'Discard my changes', 'Merge both', 'Decide later']);
    expect(options.defaultId).toBe(3);
    expect(options.cancelId).toBe(3);
  });

  it('does not offer Merge when both sides changed the same field', () => {
    const { choices } = conflictDialogOptions({ ...conflict, canMerge: false });
    expect(choices).toEqual(['overwrite', 'discard', 'later']);
  });
});
