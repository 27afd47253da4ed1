import type { WorkOrderStatus } from './labels';

/**
 * Business rules shared by the server (which enforces them) and the app
 * (which pre-checks them to explain a disabled button). The server decides.
 */

export type Role = 'technician' | 'supervisor' | 'admin';

/** Where a technician may move a work order from each status. */
const TRANSITIONS: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  open: ['in_progress', 'on_hold', 'completed', 'cancelled'],
  in_progress: ['open', 'on_hold', 'completed', 'cancelled'],
  on_hold: ['open', 'in_progress', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const FINAL_STATUSES: readonly WorkOrderStatus[] = ['completed', 'cancelled'];

/** null when allowed, else the sentence a technician reads. */
export function transitionRefusal(from: WorkOrderStatus, to: WorkOrderStatus, role: Role): string | null {
  if (from === to) return null;
  if (FINAL_STATUSES.includes(from)) {
    if (role !== 'technician' && to === 'open') return null;
    return `This work order is ${from === 'completed' ? 'completed' : 'cancelled'}; only a supervisor can reopen it.`;
  }
  return TRANSITIONS[from].includes(to) ? null : `A work order cannot go from ${from} to ${to}.`;
}

export const HOURS_MIN_EXCLUSIVE = 0;
export const HOURS_MAX = 24;

/** null when hours may be logged on a work order in this status, else why not. */
export function hoursRefusal(status: WorkOrderStatus): string | null {
  if (status === 'completed') return 'Hours cannot be logged: this work order was completed.';
  if (status === 'cancelled') return 'Hours cannot be logged: this work order was cancelled.';
  return null;
}

/**
 * Who may assign whom. A technician may only take an unassigned job for
 * themselves; a supervisor or admin may assign, reassign or unassign anyone.
 * null when allowed, else the sentence a technician reads.
 */
export function assignmentRefusal(
  actor: { username: string; role: Role },
  from: string | null,
  to: string | null,
): string | null {
  if (from === to || actor.role !== 'technician') return null;
  if (to === actor.username && from === null) return null;
  if (to === actor.username) return `${from} already has this job; only a supervisor can give it to you.`;
  if (to === null) return `Only a supervisor can take this job away from ${from}.`;
  return `You can only take a job for yourself; ask a supervisor to assign it to ${to}.`;
}

/** null when `to` can be given work (an active account on the server), else why not. */
export function assigneeRefusal(to: string | null, active: boolean): string | null {
  if (to === null || active) return null;
  return `${to} cannot be given work orders: there is no active account with that name.`;
}

/** Past its due date and still to be done: the list marks it "Overdue". */
export function isOverdue(w: { status: WorkOrderStatus; dueAt: string | null }, now: Date): boolean {
  return w.dueAt !== null && !FINAL_STATUSES.includes(w.status) && Date.parse(w.dueAt) < now.getTime();
}

/**
 * Who may accept or decline a work request, and when: a supervisor or admin,
 * while it is still new. The code is what the server sends as the refusal
 * (docs/sync-protocol.md); null when allowed.
 */
export function requestDecisionRefusal(
  role: Role,
  status: 'new' | 'accepted' | 'declined',
): { code: 'DECISION_NOT_ALLOWED' | 'REQUEST_ALREADY_DECIDED'; message: string } | null {
  if (role === 'technician') return { code: 'DECISION_NOT_ALLOWED', message: 'Only a supervisor can accept or decline a work request.' };
  if (status !== 'new') return { code: 'REQUEST_ALREADY_DECIDED', message: `This work request was already ${status} by someone else.` };
  return null;
}
