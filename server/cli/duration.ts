import { z } from 'zod';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "90s", "15m", "12h", "30d" → milliseconds: how an IT person writes a token lifetime. */
export const Duration = z
  .string()
  .regex(/^\d{1,6}[smhd]$/, 'Write a lifetime as a number and a unit: 90s, 15m, 12h or 30d.')
  .transform((text) => Number(text.slice(0, -1)) * UNIT_MS[text.at(-1) as keyof typeof UNIT_MS])
  .refine((ms) => ms > 0, 'A lifetime must be more than zero.');
