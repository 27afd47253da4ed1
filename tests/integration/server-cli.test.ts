import { spawn } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/tempDir';

/** `npm run server` as an operator runs it: a real process, its JSON logs, SIGTERM. */
const temp = makeTempDir('shopfloor-cli-');
const children: ReturnType<typeof spawn>[] = [];
// A failed assertion must not leave a server process behind.
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  temp.remove();
});

function runServer(args: string[]) {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['server/cli.ts', '--port', '0', '--data', temp.dir, ...args], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  const stderr: string[] = [];
  const entries: Record<string, unknown>[] = [];
  const waiters: { match: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }[] = [];
  child.stderr.on('data', (chunk) => stderr.push(String(chunk)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    entries.push(entry);
    for (const waiter of waiters.filter((w) => w.match(entry))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(entry);
    }
  });
  /** Resolves with the first JSON log line (already seen or still to come) that satisfies `match`. */
  const waitForLog = (match: (entry: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const seen = entries.find(match);
      if (seen) return resolve(seen);
      waiters.push({ match, resolve });
      child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr.join('')}`)));
    });
  return { child, lines, stderr, waitForLog };
}

describe('npm run server', () => {
  it('starts with demo data, logs structured requests, and stops cleanly on SIGTERM', async () => {
    const server = runServer(['--seed', 'demo']);
    const ready = await server.waitForLog((e) => e.msg === 'Shopfloor sync server listening');
    expect(ready.database).toMatch(/^SQLite .*shopfloor-server\.db$/);
    const health = await fetch(`${ready.url}/api/v1/health`);
    expect(health.status).toBe(200);
    await server.waitForLog((e) => e.msg === 'request completed');
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(server.lines.some((l) => l.includes('shutting down'))).toBe(true);
  });

  it('refuses to seed again over existing data, saying how to reset', async () => {
    const server = runServer(['--seed', 'demo']);
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(1);
    expect(server.stderr.join('')).toMatch(/already has data.*--reset/);
  });

  it('says which argument is wrong', async () => {
    const server = runServer(['--seed', 'everything']);
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(2);
    expect(server.stderr.join('')).toMatch(/--seed/);
  });
});
