import { LogHoursInput } from './inputs';

/**
 * What a technician types in the Hours field, read once: decimals ("1.5",
 * or "1,5" where a comma is the decimal mark) or hours and minutes ("1:30").
 * The result is the number LogHoursInput takes; its range rules (more than 0,
 * at most 24) give the sentences, so there is one set of them.
 */

export const HOURS_FORMAT_MESSAGE = 'Hours must be like 1.5 or 1:30.';

/** The Hours field's quick buttons, one tap each for gloves: added to what the field holds. */
export const QUICK_HOURS = [0.25, 0.5, 1] as const;

const HOURS_AND_MINUTES = /^(\d{1,2}):([0-5]\d)$/;
const DECIMAL = /^(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** Hundredths of an hour (36 s): enough for minutes, without 1:20 turning into 1.3333333333333333. */
const toHundredths = (hours: number): number => Math.round(hours * 100) / 100;

/** The number the text stands for, or null when it is neither a decimal nor h:mm. No range check. */
export function readHours(text: string): number | null {
  const trimmed = text.trim();
  const hm = HOURS_AND_MINUTES.exec(trimmed);
  if (hm) return toHundredths(Number(hm[1]) + Number(hm[2]) / 60);
  if (DECIMAL.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return null;
}

export type ParsedHours = { ok: true; hours: number } | { ok: false; message: string };

/** The hours to log, or the sentence to show next to the field. */
export function parseHours(text: string): ParsedHours {
  if (text.trim() === '') return { ok: false, message: 'Enter the hours as a number.' };
  const hours = readHours(text);
  if (hours === null) return { ok: false, message: HOURS_FORMAT_MESSAGE };
  const checked = LogHoursInput.shape.hours.safeParse(hours);
  return checked.success ? { ok: true, hours: checked.data } : { ok: false, message: checked.error.issues[0]!.message };
}

/**
 * A quick button (+0.25, +0.5, +1 h): what the field shows after adding `step`
 * to what is in it (empty counts as 0). Null when the field holds something
 * that is not hours, so a tap never throws away what was typed.
 */
export function addHours(text: string, step: number): string | null {
  const current = text.trim() === '' ? 0 : readHours(text);
  return current === null ? null : String(toHundredths(current + step));
}

/** Time on a running timer as h:mm ("1:05"), the way the Hours field also takes it. Never negative. */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
