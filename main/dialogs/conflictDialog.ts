import { dialog, type BrowserWindow } from 'electron';
import { choiceWords, label, type Show } from '../../shared/domain/conflictWords';
import { PRIORITY_LABELS, STATUS_LABELS, type WorkOrderPriority, type WorkOrderStatus } from '../../shared/domain/labels';
import type { ConflictChoice, WorkOrderConflict } from '../../shared/domain/sync';

export type ConflictDialogChoice = ConflictChoice | 'later';

/** A stored value as a technician reads it: status and priority labels, local dates, "(empty)". */
const show: Show = (field, value) => {
  if (value === null || value === '') return '(empty)';
  if (field === 'status') return STATUS_LABELS[value as WorkOrderStatus] ?? String(value);
  if (field === 'priority') return PRIORITY_LABELS[value as WorkOrderPriority] ?? String(value);
  if (field === 'dueAt') return new Date(String(value)).toLocaleDateString();
  return String(value).slice(0, 120);
};

/**
 * The dialog's text and buttons, pure (tested without Electron), with the
 * same readable summary as the in-app conflict card (shared/domain/conflictWords):
 * what differs, field by field (mine / theirs / before), who changed it and
 * when, and what each choice will do. "Decide later" is the default and the
 * cancel choice: nothing happens by accident. Merge is offered only when the
 * two sides changed different fields, and then first; when they changed the
 * same field, the dialog says where to pick field by field.
 */
export function conflictDialogOptions(conflict: WorkOrderConflict) {
  const words = choiceWords(conflict, show, 'you');
  const detail = [
    `${conflict.changedBy} changed this work order at ${new Date(conflict.changedAt).toLocaleString()} while your changes were waiting.`,
    '',
    ...conflict.fields.map((f) => `${label(f.field)}:\n   mine: ${show(f.field, f.mine)}\n   theirs: ${show(f.field, f.theirs)}\n   before: ${show(f.field, f.before)}`),
    '',
    ...words.map((w) => `${w.title}: ${w.result}`),
    // A dialog has buttons only: picking whose value wins each field is the in-app card's job.
    ...(conflict.canMerge ? [] : ['', `You and ${conflict.changedBy} changed the same field. To keep some of yours and some of ${conflict.changedBy}’s, choose Decide later and pick field by field in More → Conflicts.`]),
  ].join('\n');
  const later = words.length - 1;
  return {
    choices: words.map((w) => w.choice),
    options: {
      type: 'warning' as const,
      title: 'Work Order Conflict',
      message: `Work Order Conflict: ${conflict.number} ${conflict.title}`,
      detail,
      buttons: words.map((w) => w.title),
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
