import type { PowerMonitor } from 'electron';
import type { Core, Logger } from '../core';

/**
 * The OS tells us when the shared PC is left: its screen locks or it goes to
 * sleep. Then Shopfloor's lock screen goes up too, so whoever comes back
 * switches in as themselves. When the PC wakes or the screen is unlocked,
 * sync at once: the network was gone or stale while it slept.
 */
export function watchPower(powerMonitor: Pick<PowerMonitor, 'on'>, core: Pick<Core, 'lock' | 'wake'>, logger: Logger): void {
  const lock = (why: string) => () => {
    logger.info(`locking: ${why}`);
    core.lock();
  };
  const wake = (why: string) => () => {
    logger.info(`syncing now: ${why}`);
    core.wake();
  };
  powerMonitor.on('lock-screen', lock('the screen was locked'));
  powerMonitor.on('suspend', lock('the computer is going to sleep'));
  powerMonitor.on('resume', wake('the computer woke up'));
  powerMonitor.on('unlock-screen', wake('the screen was unlocked'));
}
