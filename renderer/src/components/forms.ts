import type { z } from 'zod';

/** The first message per field from a zod error: what a form shows next to each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[issue.path.length - 1]) : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A date input's value (YYYY-MM-DD, local day) as an ISO timestamp at local noon, and back. */
export const dateInputToIso = (value: string): string | null => (value ? new Date(`${value}T12:00:00`).toISOString() : null);
export const isoToDateInput = (iso: string | null): string => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
