import { z } from 'zod';

/** Whether this PC runs Shopfloor as a kiosk (IT's machine config or SHOPFLOOR_KIOSK=1). */
export const KioskState = z.object({ kiosk: z.boolean() });
export type KioskState = z.infer<typeof KioskState>;
