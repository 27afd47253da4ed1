import { z } from 'zod';
import { WORK_ORDER_PRIORITIES, WORK_ORDER_STATUSES, TEXT_LIMITS } from './labels';
import { HOURS_MAX } from './rules';

/**
 * What a technician submits, with the sentences they read when it is wrong.
 * The renderer checks forms with these before sending; the core checks again
 * before anything reaches the journal.
 */

const title = z
  .string()
  .trim()
  .min(1, 'Give the work order a title.')
  .max(TEXT_LIMITS.title, `The title is too long: at most ${TEXT_LIMITS.title} characters.`);
const description = z
  .string()
  .max(TEXT_LIMITS.description, `The description is too long: at most ${TEXT_LIMITS.description} characters.`);
const isoDateTime = z.iso.datetime({ offset: true, message: 'Choose a valid date.' });
const id = z.string().min(1).max(64);

export const NewWorkOrderInput = z.object({
  title,
  description: description.default(''),
  priority: z.enum(WORK_ORDER_PRIORITIES, 'Choose a priority.').default('medium'),
  assetId: id.nullable().default(null),
  dueAt: isoDateTime.nullable().default(null),
});
export type NewWorkOrderInput = z.input<typeof NewWorkOrderInput>;

export const WorkOrderChanges = z
  .object({
    title,
    description,
    priority: z.enum(WORK_ORDER_PRIORITIES, 'Choose a priority.'),
    status: z.enum(WORK_ORDER_STATUSES, 'Choose a status.'),
    assetId: id.nullable(),
    assigneeId: id.nullable(),
    dueAt: isoDateTime.nullable(),
    completionNotes: z
      .string()
      .max(TEXT_LIMITS.completionNotes, `The notes are too long: at most ${TEXT_LIMITS.completionNotes} characters.`)
      .nullable(),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'Nothing was changed.');
export type WorkOrderChanges = z.input<typeof WorkOrderChanges>;

export const UpdateWorkOrderInput = z.object({ id, changes: WorkOrderChanges });

/** Today as YYYY-MM-DD on this computer's calendar. */
export const localToday = (now = new Date()): string =>
  new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export const LogHoursInput = z.object({
  workOrderId: id,
  hours: z
    .number('Enter the hours as a number.')
    .gt(0, 'Enter more than 0 hours.')
    .max(HOURS_MAX, `One entry can be at most ${HOURS_MAX} hours. Split longer work over several days.`),
  workDate: z.iso
    .date('Choose the day the work was done.')
    .refine((day) => day <= localToday(), 'The date cannot be in the future.'),
  note: z.string().max(1000, 'The note is too long: at most 1000 characters.').default(''),
});
export type LogHoursInput = z.input<typeof LogHoursInput>;

export const SignInInput = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Enter your user name.').max(64),
  password: z.string().min(1, 'Enter your password.').max(256),
});
export type SignInInput = z.input<typeof SignInInput>;

/** A quick-switch PIN: digits only, short enough for gloves, long enough with five tries. */
export const Pin = z.string().regex(/^\d{4,6}$/, 'A PIN is 4 to 6 digits.');
/** What a badge's barcode types (the scanner ends it with Enter, which is not part of it). */
export const BadgeCode = z.string().trim().min(3, 'This badge code is too short.').max(128);

export const SwitchUserInput = z.discriminatedUnion('by', [
  z.object({ by: z.literal('pin'), username: z.string().trim().toLowerCase().min(1).max(64), pin: Pin }),
  z.object({ by: z.literal('badge'), code: BadgeCode }),
]);
export type SwitchUserInput = z.input<typeof SwitchUserInput>;

export const SetPinInput = z.object({ pin: Pin, password: z.string().min(1, 'Enter your password.').max(256) });
export type SetPinInput = z.input<typeof SetPinInput>;

export const LinkBadgeInput = z.object({ code: BadgeCode, password: z.string().min(1, 'Enter your password.').max(256) });
export type LinkBadgeInput = z.input<typeof LinkBadgeInput>;
