import { isContested, type Picks } from './conflictPicks';
import type { WorkOrderConflict } from './sync';

/**
 * What each choice in a Work Order Conflict does, in words, field by field.
 * `show` turns a stored value into what a technician reads (labels, local
 * dates, asset tag and name); `who` is "you" or the other person's name.
 */
export type Field = WorkOrderConflict['fields'][number];
export type Show = (field: string, value: Field['mine']) => string;

export const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  assetId: 'Asset',
  assigneeId: 'Assigned to',
  dueAt: 'Due date',
  completionNotes: 'Completion notes',
};
export const label = (field: string) => FIELD_LABELS[field] ?? field;

const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export const changedByMe = (f: Field) => f.mine !== f.before;
export const changedByThem = (f: Field) => f.theirs !== f.before;

/** The in-app choice offered when both sides changed the same field (a dialog has buttons only, so it cannot offer it). */
export const PICK_TITLE = 'Pick field by field';

export interface ChoiceWords {
  choice: 'merge' | 'overwrite' | 'discard' | 'later';
  title: string;
  result: string;
  recommended: boolean;
}

export function choiceWords(conflict: WorkOrderConflict, show: Show, me: string): ChoiceWords[] {
  const them = conflict.changedBy;
  const mine = conflict.fields.filter(changedByMe);
  const theirs = conflict.fields.filter(changedByThem);
  const lostByOverwrite = theirs.filter((f) => f.mine !== f.theirs);
  const overwrite = [
    ...lostByOverwrite.map((f) => `${label(f.field)} ${changedByMe(f) ? 'becomes' : 'goes back to'} ${quote(show(f.field, f.mine))}; ${them}’s change is lost`),
    mine.length ? `your ${list(mine.map((f) => label(f.field).toLowerCase()))} ${mine.length === 1 ? 'is' : 'are'} kept` : '',
  ].filter(Boolean);
  const discard = mine.map((f) => `${label(f.field)} stays ${quote(show(f.field, f.theirs))}`);
  const words: ChoiceWords[] = [];
  if (conflict.canMerge) {
    words.push({
      choice: 'merge',
      title: 'Merge (recommended)',
      result: `Keeps your ${list(mine.map((f) => label(f.field).toLowerCase()))} and ${them}’s ${list(theirs.map((f) => label(f.field).toLowerCase()))}. Nothing is lost.`,
      recommended: true,
    });
  }
  words.push(
    { choice: 'overwrite', title: 'Keep mine (Overwrite)', result: `${sentence(overwrite.join('; '))}.`, recommended: false },
    {
      choice: 'discard',
      title: `Take ${them}’s (Discard my changes)`,
      result: `${sentence(discard.join('; ') || 'The work order stays as the server has it')}. ${me === 'you' ? 'Your' : `${me}’s`} change is dropped and listed under “Changes you discarded”.`,
      recommended: false,
    },
    { choice: 'later', title: 'Decide later', result: 'Nothing changes; the conflict waits here.', recommended: false },
  );
  return words;
}

/**
 * What a merge with these picks does, updated as the technician picks: each
 * field both changed (whose value wins, whose is lost, or that a pick is
 * still needed), then what is kept without asking. `complete` once every
 * such field has a pick.
 */
export function picksWords(conflict: WorkOrderConflict, picks: Picks, show: Show, me: string): { result: string; complete: boolean } {
  const them = conflict.changedBy;
  const my = me === 'you' ? 'your' : `${me}’s`;
  const contested = conflict.fields.filter(isContested);
  const parts = contested.map((f) => {
    const pick = picks[f.field];
    if (pick === 'mine') return `${label(f.field)} becomes ${quote(show(f.field, f.mine))}; ${them}’s ${quote(show(f.field, f.theirs))} is lost`;
    if (pick === 'theirs') return `${label(f.field)} stays ${quote(show(f.field, f.theirs))}; ${my} ${quote(show(f.field, f.mine))} is dropped`;
    return `${label(f.field)}: pick ${me === 'you' ? 'yours' : my} or ${them}’s`;
  });
  const onlyMine = conflict.fields.filter((f) => !isContested(f) && changedByMe(f) && f.mine !== f.theirs);
  const onlyTheirs = conflict.fields.filter((f) => !isContested(f) && changedByThem(f) && f.mine !== f.theirs);
  const lower = (fields: Field[]) => list(fields.map((f) => label(f.field).toLowerCase()));
  if (onlyMine.length) parts.push(`${my} ${lower(onlyMine)} ${onlyMine.length === 1 ? 'is' : 'are'} kept`);
  if (onlyTheirs.length) parts.push(`${them}’s ${lower(onlyTheirs)} ${onlyTheirs.length === 1 ? 'is' : 'are'} kept`);
  return { result: `${sentence(parts.join('; '))}.`, complete: contested.every((f) => picks[f.field]) };
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
