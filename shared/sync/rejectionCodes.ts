/**
 * Why the server refuses a change (a per-change answer, not an HTTP error).
 * Kept free of imports so that domain schemas can use it without an import cycle.
 */
export const REJECTION_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'WORK_ORDER_CLOSED',
  'INVALID_TRANSITION',
  'DEPENDENCY_REJECTED',
  'ALREADY_EXISTS',
  /** A technician assigned someone else, or took a job someone already has. */
  'ASSIGNMENT_NOT_ALLOWED',
  /** The chosen assignee has no active account (disabled or unknown). */
  'ASSIGNEE_UNAVAILABLE',
  /** A technician tried to accept or decline a work request. */
  'DECISION_NOT_ALLOWED',
  /** The work request was accepted or declined already (on another PC). */
  'REQUEST_ALREADY_DECIDED',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];
