import { describe, expect, it } from 'vitest';
import { LogHoursInput } from '../../shared/domain/inputs';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '../../shared/domain/labels';
import {
  assigneeRefusal,
  assignmentRefusal,
  FINAL_STATUSES,
  HOURS_MAX,
  HOURS_MIN_EXCLUSIVE,
  hoursRefusal,
  isOverdue,
  transitionRefusal,
  type Role,
} from '../../shared/domain/rules';

/**
 * The status and hours rules the server enforces and the app uses to explain a
 * disabled button. The expected table is written out by hand, so a change to
 * the rules shows up here as a changed line, not as a silently different app.
 */
const ROLES: Role[] = ['technician', 'supervisor', 'admin'];
const ACTIVE: WorkOrderStatus[] = ['open', 'in_progress', 'on_hold'];

describe('status moves', () => {
  it('covers every status there is', () => {
    expect([...WORK_ORDER_STATUSES].sort()).toEqual(['cancelled', 'completed', 'in_progress', 'on_hold', 'open']);
    expect(FINAL_STATUSES).toEqual(['completed', 'cancelled']);
  });

  /** from → the statuses anyone may move it to (besides staying where it is). */
  const anyoneMay: Record<WorkOrderStatus, WorkOrderStatus[]> = {
    open: ['in_progress', 'on_hold', 'completed', 'cancelled'],
    in_progress: ['open', 'on_hold', 'completed', 'cancelled'],
    on_hold: ['open', 'in_progress', 'completed', 'cancelled'],
    completed: [],
    cancelled: [],
  };

  for (const role of ROLES) {
    for (const from of WORK_ORDER_STATUSES) {
      for (const to of WORK_ORDER_STATUSES) {
        const reopening = FINAL_STATUSES.includes(from) && to === 'open' && role !== 'technician';
        const allowed = from === to || anyoneMay[from].includes(to) || reopening;
        it(`${role}: ${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
          if (allowed) expect(transitionRefusal(from, to, role)).toBeNull();
          else expect(transitionRefusal(from, to, role)).toEqual(expect.any(String));
        });
      }
    }
  }

  it('tells a technician that only a supervisor can reopen a completed or cancelled work order', () => {
    for (const to of WORK_ORDER_STATUSES.filter((s) => s !== 'completed')) {
      expect(transitionRefusal('completed', to, 'technician')).toBe('This work order is completed; only a supervisor can reopen it.');
    }
    for (const to of WORK_ORDER_STATUSES.filter((s) => s !== 'cancelled')) {
      expect(transitionRefusal('cancelled', to, 'technician')).toBe('This work order is cancelled; only a supervisor can reopen it.');
    }
  });

  it('lets a supervisor or admin reopen a finished work order, and nothing else', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      expect(transitionRefusal('completed', 'open', role)).toBeNull();
      expect(transitionRefusal('cancelled', 'open', role)).toBeNull();
      expect(transitionRefusal('completed', 'in_progress', role)).toBe('This work order is completed; only a supervisor can reopen it.');
      expect(transitionRefusal('cancelled', 'on_hold', role)).toBe('This work order is cancelled; only a supervisor can reopen it.');
      expect(transitionRefusal('completed', 'cancelled', role)).toBe('This work order is completed; only a supervisor can reopen it.');
    }
  });

  it('lets every role move an active work order to any other status, including straight to completed', () => {
    for (const role of ROLES) {
      for (const from of ACTIVE) {
        for (const to of WORK_ORDER_STATUSES) expect(transitionRefusal(from, to, role), `${role} ${from} → ${to}`).toBeNull();
      }
    }
  });
});

describe('hours', () => {
  it('may be logged on an open, started or paused work order', () => {
    for (const status of ACTIVE) expect(hoursRefusal(status)).toBeNull();
  });

  it('are refused on a completed or cancelled work order, with the reason', () => {
    expect(hoursRefusal('completed')).toBe('Hours cannot be logged: this work order was completed.');
    expect(hoursRefusal('cancelled')).toBe('Hours cannot be logged: this work order was cancelled.');
  });

  it('must be more than 0 and at most 24 in one entry, each refusal a sentence', () => {
    expect(HOURS_MIN_EXCLUSIVE).toBe(0);
    expect(HOURS_MAX).toBe(24);
    const entry = (hours: unknown) => LogHoursInput.safeParse({ workOrderId: 'wo-1', hours, workDate: '2026-11-20' });
    const sentence = (hours: unknown) => entry(hours).error?.issues[0]?.message;
    for (const hours of [0.25, 1, 7.5, 24]) expect(entry(hours).success, String(hours)).toBe(true);
    expect(sentence(0)).toBe('Enter more than 0 hours.');
    expect(sentence(-1)).toBe('Enter more than 0 hours.');
    expect(sentence(24.25)).toBe('One entry can be at most 24 hours. Split longer work over several days.');
    expect(sentence('3')).toBe('Enter the hours as a number.');
  });
});

describe('who may assign whom', () => {
  const alice = { username: 'alice', role: 'technician' } as const;
  const sam = { username: 'sam', role: 'supervisor' } as const;
  const ada = { username: 'ada', role: 'admin' } as const;

  it('lets a technician take an unassigned job for themselves, and nothing more', () => {
    expect(assignmentRefusal(alice, null, 'alice')).toBeNull();
    expect(assignmentRefusal(alice, 'alice', 'alice')).toBeNull(); // no change
    expect(assignmentRefusal(alice, 'bob', 'alice')).toBe('bob already has this job; only a supervisor can give it to you.');
    expect(assignmentRefusal(alice, null, 'bob')).toBe('You can only take a job for yourself; ask a supervisor to assign it to bob.');
    expect(assignmentRefusal(alice, 'alice', 'bob')).toBe('You can only take a job for yourself; ask a supervisor to assign it to bob.');
    expect(assignmentRefusal(alice, 'alice', null)).toBe('Only a supervisor can take this job away from alice.');
  });

  it('lets a supervisor or admin assign, reassign and unassign anyone', () => {
    for (const boss of [sam, ada]) {
      expect(assignmentRefusal(boss, null, 'bob')).toBeNull();
      expect(assignmentRefusal(boss, 'bob', 'alice')).toBeNull();
      expect(assignmentRefusal(boss, 'bob', null)).toBeNull();
      expect(assignmentRefusal(boss, null, boss.username)).toBeNull();
    }
  });

  it('refuses an assignee without an active account, in a sentence', () => {
    expect(assigneeRefusal('carol', false)).toBe('carol cannot be given work orders: there is no active account with that name.');
    expect(assigneeRefusal('carol', true)).toBeNull();
    expect(assigneeRefusal(null, false)).toBeNull(); // unassigning needs nobody
  });
});

describe('overdue', () => {
  const now = new Date('2026-11-27T12:00:00.000Z');
  it('is a due date in the past on a job still to be done', () => {
    expect(isOverdue({ status: 'open', dueAt: '2026-11-27T11:59:00.000Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'on_hold', dueAt: '2026-01-01T00:00:00.000Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueAt: '2026-11-27T12:01:00.000Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: null }, now)).toBe(false);
    expect(isOverdue({ status: 'completed', dueAt: '2026-01-01T00:00:00.000Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueAt: '2026-01-01T00:00:00.000Z' }, now)).toBe(false);
  });
});
