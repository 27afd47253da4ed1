import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import { DEMO_PASSWORD } from '../../server/seed';
import { makeTempDir } from '../helpers/tempDir';
import { makeTlsMaterial, type TlsMaterial } from '../helpers/tlsMaterial';
import { DIALECTS, makeTestDatabase, startTestServer, type TestDatabase } from '../helpers/testServer';

const temp = makeTempDir('shopfloor-tls-');
let certificates: TlsMaterial;
beforeAll(() => {
  certificates = makeTlsMaterial(temp.dir);
});
afterAll(() => temp.remove());

/** One https request with an explicit trust setting: the CA's certificate, or the system's list when none is given. */
function request(url: string, { method = 'GET', body, ca }: { method?: string; body?: unknown; ca?: string }) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = https.request(url, { method, ca, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += String(chunk)));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe.each(DIALECTS)('server over TLS on %s', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = makeTestDatabase(dialect);
    server = await startTestServer(database, {
      seed: 'users',
      tls: { cert: readFileSync(certificates.certFile), key: readFileSync(certificates.keyFile) },
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('serves https, and a client that trusts the shop’s CA signs in and syncs', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const login = await request(`${server.url}/api/v1/auth/login`, { method: 'POST', body: { username: 'alice', password: DEMO_PASSWORD }, ca: certificates.ca });
    expect(login).toMatchObject({ status: 200, body: { token: expect.any(String) } });
  });

  it('is refused by a client that does not trust the CA: verification stays on', async () => {
    await expect(request(`${server.url}/api/v1/health`, {})).rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE/) });
  });

  it('does not answer plain http on the same port', async () => {
    await expect(fetch(server.url.replace('https:', 'http:') + '/api/v1/health').then((r) => r.status)).rejects.toThrow();
  });
});

describe('npm run server -- --tls-cert --tls-key', () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const run = (args: string[]) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['server/cli.ts', '--port', '0', '--data', path.join(temp.dir, 'data'), ...args], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  };

  it('serves https from the PEM files it is given', async () => {
    const child = run(['--tls-cert', certificates.certFile, '--tls-key', certificates.keyFile]);
    const ready = await new Promise<{ url: string }>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.includes('Shopfloor sync server listening')) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    expect(ready.url).toMatch(/^https:/);
    expect(await request(`${ready.url}/api/v1/health`, { ca: certificates.ca })).toEqual({ status: 200, body: { status: 'ok' } });
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  }, 120_000);

  it('says what is wrong when only one file is given or a file is missing', async () => {
    const half = run(['--tls-cert', certificates.certFile]);
    let halfErr = '';
    half.stderr!.on('data', (c) => (halfErr += String(c)));
    expect((await once(half, 'exit'))[0]).toBe(2);
    expect(halfErr).toContain('Give both --tls-cert and --tls-key');

    const missing = run(['--tls-cert', certificates.certFile, '--tls-key', path.join(temp.dir, 'nope.key')]);
    let missingErr = '';
    missing.stderr!.on('data', (c) => (missingErr += String(c)));
    expect((await once(missing, 'exit'))[0]).toBe(2);
    expect(missingErr).toContain('Cannot read the TLS private key');
  }, 120_000);
});
