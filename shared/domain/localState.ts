import { z } from 'zod';
import { REJECTION_CODES } from '../sync/rejectionCodes';

/**
 * Where a record on this workstation stands with the server: exactly one of
 * these, decided in one place (main/core/journal/localState.ts) and read by
 * every screen, count, total and the tray.
 *
 * - synced: the server has everything this PC did to it;
 * - unsynced: saved here, waiting to be sent (or in flight);
 * - conflict: someone changed it on the server meanwhile; the technician decides;
 * - refused: the server refused it (the refusal says why); refused work is kept, never sent again;
 * - discarded: the technician's last change to it was dropped with "Discard my changes" (listed under Conflicts).
 */
export const LOCAL_STATES = ['synced', 'unsynced', 'conflict', 'refused', 'discarded'] as const;
export const LocalState = z.enum(LOCAL_STATES);
export type LocalState = z.infer<typeof LocalState>;

/** An hours entry is never in conflict and never discarded: it is new work, the server takes it or refuses it. */
export const HOURS_LOCAL_STATES = ['synced', 'unsynced', 'refused'] as const satisfies readonly LocalState[];
export const HoursLocalState = z.enum(HOURS_LOCAL_STATES);
export type HoursLocalState = z.infer<typeof HoursLocalState>;

/** Why the server refused a record (or a change to it): the refused change is in More → Refused changes. */
export const Refusal = z.object({
  /** The refused change (its id in More → Refused changes). */
  changeId: z.string(),
  code: z.enum(REJECTION_CODES),
  /** The server's sentence. */
  message: z.string(),
  /** The technician has read it ("Okay"). */
  acknowledged: z.boolean(),
});
export type Refusal = z.infer<typeof Refusal>;

/** Hours that count towards a work order's total: refused hours never reached the server and do not count. */
export const countsTowardsTotal = (entry: { localState: HoursLocalState }): boolean => entry.localState !== 'refused';

export function hoursTotal(entries: readonly { hours: number; localState: HoursLocalState }[]): number {
  return entries.filter(countsTowardsTotal).reduce((sum, e) => sum + e.hours, 0);
}
