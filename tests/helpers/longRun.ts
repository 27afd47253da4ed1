/**
 * Test timeouts for the proofs whose size is set by an environment variable
 * (CRASH_KILLS, CONVERGENCE_RUNS): a fixed timeout that fits `npm test`'s
 * size cuts `npm run test:long` off before its verdict. The allowance per
 * item is for a loaded 2-core machine, several times the idle figure.
 */
export function timeoutFor(items: number, msPerItem: number, setupMs = 120_000): number {
  return setupMs + items * msPerItem;
}

/** Progress lines about every tenth of the way, so a long run that fails still says how far it got. */
export function progressReporter(label: string, total: number): (done: number, detail?: string) => void {
  const started = Date.now();
  const every = Math.max(1, Math.round(total / 10));
  return (done, detail = '') => {
    if (done % every !== 0 && done !== total) return;
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`[${label}] ${done}/${total} after ${seconds} s${detail ? `; ${detail}` : ''}`);
  };
}
