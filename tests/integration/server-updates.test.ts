import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { describe, expect, test, type IntegrationFixtures } from '../helpers/fixtures';
import { runServerCli } from '../helpers/serverCli';
import { makeCommandTestDatabase } from '../helpers/testServer';

/**
 * The update feed as the app's updater and IT see it: `npm run server -- --updates <dir>` serves
 * that folder read-only under /updates/, over real HTTP, with ranges, and nothing else.
 */
const LATEST_YML = ['version: 0.2.0', 'files:', '  - url: Shopfloor-Setup-0.2.0.exe', '    sha512: c2hvcGZsb29y', '    size: 4096', 'path: Shopfloor-Setup-0.2.0.exe', ''].join('\n');
// Every byte differs from its neighbours, so a wrong offset cannot pass.
const INSTALLER = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7 + (i >> 8)) % 256));

/** A raw request: fetch would tidy `../` out of the path before it is sent, as a browser does; an attacker's client does not. */
function rawGet(url: string, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the update feed under /updates/', () => {
  async function feedServer({ startServer, tempFolder }: Pick<IntegrationFixtures, 'startServer' | 'tempFolder'>) {
    const root = tempFolder('shopfloor-updates-');
    const updatesDir = path.join(root, 'updates');
    mkdirSync(path.join(updatesDir, 'old'), { recursive: true });
    writeFileSync(path.join(updatesDir, 'latest.yml'), LATEST_YML);
    writeFileSync(path.join(updatesDir, 'Shopfloor-Setup-0.2.0.exe'), INSTALLER);
    writeFileSync(path.join(updatesDir, '.notes'), 'IT only');
    // Next to the folder, where a path with ../ would lead.
    writeFileSync(path.join(root, 'server-secret.txt'), 'not for the shop floor');
    const server = await startServer({ updatesDir });
    return { server, updatesDir };
  }

  test('serves latest.yml and the installer without a sign-in, never cached stale', async ({ startServer, tempFolder }) => {
    const { server } = await feedServer({ startServer, tempFolder });
    const yml = await fetch(`${server.url}/updates/latest.yml`);
    expect(yml.status).toBe(200);
    expect(await yml.text()).toBe(LATEST_YML);
    expect(yml.headers.get('cache-control')).toBe('no-cache');
    const installer = await fetch(`${server.url}/updates/Shopfloor-Setup-0.2.0.exe`);
    expect(installer.status).toBe(200);
    expect(installer.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await installer.arrayBuffer()).equals(INSTALLER)).toBe(true);
  });

  test('answers a Range request with 206 and exactly those bytes', async ({ startServer, tempFolder }) => {
    const { server } = await feedServer({ startServer, tempFolder });
    const response = await fetch(`${server.url}/updates/Shopfloor-Setup-0.2.0.exe`, { headers: { Range: 'bytes=1000-1999' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 1000-1999/${INSTALLER.length}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(INSTALLER.subarray(1000, 2000))).toBe(true);
    // A resumed download: from an offset to the end.
    const tail = await fetch(`${server.url}/updates/Shopfloor-Setup-0.2.0.exe`, { headers: { Range: 'bytes=4000-' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(INSTALLER.subarray(4000))).toBe(true);
    const beyond = await fetch(`${server.url}/updates/Shopfloor-Setup-0.2.0.exe`, { headers: { Range: 'bytes=9000-9999' } });
    expect(beyond.status).toBe(416);
  });

  test('serves an installer IT drops in while the server runs', async ({ startServer, tempFolder }) => {
    const { server, updatesDir } = await feedServer({ startServer, tempFolder });
    writeFileSync(path.join(updatesDir, 'Shopfloor-0.3.0.AppImage'), 'appimage');
    const response = await fetch(`${server.url}/updates/Shopfloor-0.3.0.AppImage`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('appimage');
  });

  test('refuses every path that leads out of the folder, lists no folder and hides dotfiles', async ({ startServer, tempFolder }) => {
    const { server } = await feedServer({ startServer, tempFolder });
    const escapes = [
      '/updates/../server-secret.txt',
      '/updates/%2e%2e/server-secret.txt',
      '/updates/..%2fserver-secret.txt',
      '/updates/old/../../server-secret.txt',
      '/updates/old/%2e%2e/%2e%2e/server-secret.txt',
      '/updates/..%5cserver-secret.txt',
      '/updates//etc/passwd',
    ];
    for (const rawPath of escapes) {
      const response = await rawGet(server.url, rawPath);
      expect({ rawPath, status: response.status }).toEqual({ rawPath, status: expect.toSatisfy((s: number) => s === 403 || s === 404) });
      expect(response.body.toString()).not.toContain('not for the shop floor');
      expect(JSON.parse(response.body.toString())).toMatchObject({ error: { code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) } });
    }
    expect((await rawGet(server.url, '/updates/../server-secret.txt')).status).toBe(403);
    for (const listing of ['/updates/', '/updates', '/updates/old/', '/updates/old']) {
      const response = await rawGet(server.url, listing);
      expect({ listing, status: response.status }).toEqual({ listing, status: 404 });
      expect(response.body.toString()).not.toContain('latest.yml');
    }
    const dotfile = await rawGet(server.url, '/updates/.notes');
    expect(dotfile.status).toBe(404);
    expect(dotfile.body.toString()).not.toContain('IT only');
    // Only reads: nothing can be written into the folder.
    for (const method of ['PUT', 'POST', 'DELETE']) {
      const response = await fetch(`${server.url}/updates/latest.yml`, { method, body: method === 'DELETE' ? undefined : 'x' });
      expect({ method, status: response.status }).toEqual({ method, status: 404 });
    }
    expect(await (await fetch(`${server.url}/updates/latest.yml`)).text()).toBe(LATEST_YML);
  });

  test('is not there unless IT asks for it', async ({ startServer }) => {
    const server = await startServer();
    const response = await fetch(`${server.url}/updates/latest.yml`);
    expect(response.status).toBe(404);
  });

  test('the CLI refuses to start with an --updates folder that does not exist, and says so', async ({ cleanup, tempFolder }) => {
    const database = await makeCommandTestDatabase('sqlite');
    cleanup(() => database.drop());
    const missing = path.join(tempFolder(), 'no-such-folder');
    const result = await runServerCli(database, ['--port', '0', '--updates', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--updates ${missing}: no such folder`);
  });
});
