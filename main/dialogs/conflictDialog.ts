import { dialog, type BrowserWindow } from 'electron';
import type { ConflictChoice, WorkOrderConflict } from '../../shared/domain/sync';

export type ConflictDialogChoice = ConflictChoice | 'later';

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  assetId: 'Asset',
  assigneeId: 'Assigned to',
  dueAt: 'Due',
  completionNotes: 'Completion notes',
};

const show = (value: string | number | null) => (value === null || value === '' ? '(empty)' : String(value).slice(0, 120));

/**
 * The dialog's text and buttons, pure (tested without Electron): what
 * differs, field by field (mine / theirs / before), who changed it and when.
 * "Decide later" is the default and the cancel choice: nothing happens by
 * accident. Merge is offered only when the two sides changed different fields.
 */
export function conflictDialogOptions(conflict: WorkOrderConflict) {
  const choices: { choice: ConflictDialogChoice; label: string }[] = [
    { choice: 'overwrite', label: 'Overwrite with mine' },
    { choice: 'discard', label: 'Discard my changes' },
    ...(conflict.canMerge ? [{ choice: 'merge' as const, label: 'Merge both' }] : []),
    { choice: 'later', label: 'Decide later' },
  ];
  const detail = [
    `${conflict.changedBy} changed this work order at ${new Date(conflict.changedAt).toLocaleString()} while your changes were waiting.`,
    '',
    ...conflict.fields.map(
      (f) => `${FIELD_LABELS[f.field] ?? f.field}:\n   mine: ${show(f.mine)}\n   theirs: ${show(f.theirs)}\n   before: ${show(f.before)}`,
    ),
    '',
    'Overwrite saves your whole work order over theirs. Discard keeps theirs.' +
      (conflict.canMerge ? ' Merge keeps your fields and theirs.' : ''),
  ].join('\n');
  const later = choices.length - 1;
  return {
    choices: choices.map((c) => c.choice),
    options: {
      type: 'warning' as const,
      title: 'Work Order Conflict',
      message: `Work Order Conflict: ${conflict.number} ${conflict.title}`,
      detail,
      buttons: choices.map((c) => c.label),
      defaultId: later,
      cancelId: later,
      noLink: true,
    },
  };
}

/** The native dialog, always with its parent window. */
export async function showConflictDialog(parent: BrowserWindow, conflict: WorkOrderConflict): Promise<ConflictDialogChoice> {
  const { choices, options } = conflictDialogOptions(conflict);
  const { response } = await dialog.showMessageBox(parent, options);
  return choices[response] ?? 'later';
}
