import type { StoppedTimer, Timer } from '../../../shared/domain/views';
import { AppError } from '../../../shared/ipc/result';
import type { Db } from '../db/connection';

/**
 * The labour timer is a row in the journal, not a setInterval: it survives
 * closing the app, a crash and a restart, and each technician has their own.
 */
export function getTimer(db: Db, userId: string): Timer | null {
  const row = db
    .prepare<[string], { work_order_id: string; started_at: string }>('SELECT * FROM timers WHERE user_id = ?')
    .get(userId);
  return row ? { workOrderId: row.work_order_id, startedAt: row.started_at } : null;
}

export function startTimer(db: Db, userId: string, workOrderId: string, now: string): Timer {
  const running = getTimer(db, userId);
  if (running && running.workOrderId !== workOrderId) {
    throw new AppError('VALIDATION_FAILED', 'A timer is already running on another work order. Stop it first.');
  }
  if (running) return running;
  if (!db.prepare('SELECT 1 FROM work_orders WHERE id = ?').get(workOrderId)) {
    throw new AppError('NOT_FOUND', 'This work order is not on this computer.');
  }
  db.prepare('INSERT INTO timers (user_id, work_order_id, started_at) VALUES (?, ?, ?)').run(userId, workOrderId, now);
  return { workOrderId, startedAt: now };
}

/** Stops the timer and returns the time worked, in hours to one decimal (at least 0.1), for the log-hours form. */
export function stopTimer(db: Db, userId: string, now: string): StoppedTimer {
  const running = getTimer(db, userId);
  if (!running) throw new AppError('NOT_FOUND', 'No timer is running.');
  db.prepare('DELETE FROM timers WHERE user_id = ?').run(userId);
  const hours = (Date.parse(now) - Date.parse(running.startedAt)) / 3_600_000;
  return { ...running, hours: Math.max(0.1, Math.round(hours * 10) / 10) };
}
