import { useState } from 'react';
import { transitionRefusal, type Role } from '../../../../shared/domain/rules';
import type { WorkOrderStatus } from '../../../../shared/domain/labels';
import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { useGetTimerQuery, useUpdateWorkOrderMutation } from '../../api/shopfloorApi';

export interface StatusAction {
  to: WorkOrderStatus;
  label: string;
}

export const STATUS_ACTIONS: StatusAction[] = [
  { to: 'in_progress', label: 'Start work' },
  { to: 'on_hold', label: 'Put on hold' },
  { to: 'completed', label: 'Complete…' },
  { to: 'cancelled', label: 'Cancel work order…' },
  { to: 'open', label: 'Reopen' },
];

/** Why a button is greyed out when the work order already has that status: a sentence, not a fragment. */
const ALREADY: Record<WorkOrderStatus, string> = {
  in_progress: 'Work has already started.',
  on_hold: 'It is already on hold.',
  open: 'Reopen is possible after Complete or Cancel.',
  completed: 'It is already completed.',
  cancelled: 'It is already cancelled.',
};

/** The move a technician most likely makes next from each status: the big button in the action bar. */
const NEXT: Record<WorkOrderStatus, WorkOrderStatus> = {
  open: 'in_progress',
  on_hold: 'in_progress',
  in_progress: 'completed',
  completed: 'open',
  cancelled: 'open',
};

export const refusalOf = (workOrder: WorkOrder, to: WorkOrderStatus, role: Role): string | null =>
  to === workOrder.status ? ALREADY[to] : transitionRefusal(workOrder.status, to, role);

/** The next move, when the rules allow it for this person; null when there is none (a technician on a closed one). */
export function nextAction(workOrder: WorkOrder, role: Role): StatusAction | null {
  const action = STATUS_ACTIONS.find((a) => a.to === NEXT[workOrder.status])!;
  return refusalOf(workOrder, action.to, role) ? null : action;
}

/** What the action bar asks: notes for Complete, Cancel once more, or, after Start work, whether to start the timer too. */
export type Asking = 'completed' | 'cancelled' | 'timer' | null;

/**
 * Status changes of one work order, shared by the action bar and the status
 * section (Complete asks for notes, Cancel once more). After Start work, when
 * no timer runs, it offers the timer: one tap instead of finding the button.
 */
export function useStatusChange(workOrder: WorkOrder) {
  const [update, { isLoading, error }] = useUpdateWorkOrderMutation();
  const [asking, setAsking] = useState<Asking>(null);
  const { data: timer } = useGetTimerQuery();
  const choose = (to: WorkOrderStatus) => (to === 'completed' || to === 'cancelled' ? setAsking(to) : void setStatus(to));
  const setStatus = (status: WorkOrderStatus, extra: { completionNotes?: string } = {}) =>
    update({ id: workOrder.id, changes: { status, ...extra } })
      .unwrap()
      .then(() => setAsking(status === 'in_progress' && !timer ? 'timer' : null))
      .catch(() => undefined);
  return { asking, setAsking, choose, setStatus, isLoading, error };
}
export type StatusChange = ReturnType<typeof useStatusChange>;
