import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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

  it('serves /metrics with --metrics to the bearer of the token in --metrics-token-file, and nothing else', async () => {
    const tokenFile = path.join(temp.dir, 'metrics.token');
    const token = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 }); // as `openssl rand -hex 16 > file` writes it
    const server = runServer(['--metrics', '--metrics-token-file', tokenFile]);
    const ready = await server.waitForLog((e) => e.msg === 'metrics served to the bearer of the metrics token');
    const scraped = await fetch(String(ready.url), { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/^# HELP shopfloor_http_requests_total /m);
    expect((await fetch(String(ready.url))).status).toBe(401);
    // The secret is never on the command line, where any local user could read it.
    expect(server.child.spawnargs.join(' ')).not.toContain(token);
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  });

  it.each([
    ['--metrics without a token file', ['--metrics'], /--metrics-token-file/],
    ['a token file without --metrics', ['--metrics-token-file', 'metrics.token'], /--metrics together with --metrics-token-file/],
    ['a token file that is missing', ['--metrics', '--metrics-token-file', 'no-such.token'], /Cannot read the metrics token file/],
    ['a token too short to be a secret', ['--metrics', '--metrics-token-file', 'short.token'], /at least 16 characters/],
  ])('refuses to start with %s, saying why', async (_name, args, message) => {
    writeFileSync(path.join(temp.dir, 'short.token'), 'letmein\n');
    const server = runServer(args.map((a) => (a.endsWith('.token') ? path.join(temp.dir, a) : a)));
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(2);
    expect(server.stderr.join('')).toMatch(message);
  });
});
