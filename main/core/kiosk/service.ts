import type { Db } from '../db/connection';
import { checkVerifier } from '../auth/verifier';
import type { Role } from '../../../shared/domain/rules';
import { AppError } from '../../../shared/ipc/result';

/** The shell's kiosk: whether it is on, and how to leave it (the app closes and the desktop is back). */
export interface KioskPort {
  active: boolean;
  exit(): void;
}

export const KIOSK_EXIT_REFUSED = 'Only an administrator who has signed in on this computer before can exit the kiosk. Check the user name and password.';

/**
 * "Exit kiosk (IT)" on the sign-in screen. Deliberately offline and simple: the password is checked
 * against the offline verifier this PC keeps for a user whose role is admin (kept by every successful
 * sign-in while online). So an admin signs in once on the kiosk PC while it is online; from then on
 * the exit works with or without the network. A wrong password, an unknown user and a user who is
 * not an admin all get the same sentence, so the screen does not tell who is an admin.
 */
export function kioskHandlers(db: Db, kiosk: KioskPort | undefined) {
  return {
    getKiosk: () => ({ kiosk: kiosk?.active ?? false }),
    exitKiosk: async ({ username, password }: { username: string; password: string }) => {
      if (!kiosk?.active) throw new AppError('VALIDATION_FAILED', 'This computer is not running as a kiosk.');
      const account = db
        .prepare<[string], { role: Role; verifier: string }>('SELECT role, verifier FROM local_accounts WHERE username = ?')
        .get(username);
      const valid = account ? await checkVerifier(password, account.verifier) : false;
      if (!valid || account?.role !== 'admin') throw new AppError('NOT_SIGNED_IN', KIOSK_EXIT_REFUSED);
      // Answer first, then close: the renderer hears "exiting" before its window goes.
      setTimeout(() => kiosk.exit(), 0);
      return { exiting: true as const };
    },
  };
}
