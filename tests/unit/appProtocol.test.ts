import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAppProtocol, resolveAppPath } from '../../main/security/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp';
import { makeTempDir } from '../helpers/tempDir';

const temp = makeTempDir();
const root = path.join(temp.dir, 'out', 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Shopfloor</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
// A file next to the renderer output that must never be served.
writeFileSync(path.join(temp.dir, 'out', 'secret.txt'), 'token=abc');
afterAll(() => temp.remove());

/** The protocol handler registered on a fake `protocol`, called as Electron would. */
function serve(url: string): Promise<Response> {
  let handler: ((request: Request) => Promise<Response>) | undefined;
  registerAppProtocol({ handle: (_scheme: string, h: typeof handler) => (handler = h) } as never, root);
  return handler!({ url } as Request);
}

const TRAVERSALS = [
  'app://bundle/../secret.txt',
  'app://bundle/%2e%2e/secret.txt',
  'app://bundle/%2E%2E%2Fsecret.txt',
  'app://bundle/assets/..%2f..%2fsecret.txt',
  'app://bundle/..%5csecret.txt',
  'app://bundle/index.html%00.png',
  'app://bundle/%E0%A4%A',
];

describe('app:// protocol', () => {
  it('serves the renderer output with the content security policy', async () => {
    const response = await serve('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Shopfloor</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await serve('app://bundle/assets/app.js?v=2')).headers.get('content-type')).toMatch(/javascript/);
  });

  it.each(TRAVERSALS)('never resolves %s outside the renderer output', (url) => {
    const file = resolveAppPath(root, url);
    if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
  });

  it.each(TRAVERSALS)('answers 404 to %s', async (url) => {
    const response = await serve(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('token');
  });

  it.each(['app://other/index.html', 'file:///etc/passwd', 'https://bundle/index.html', 'not a url'])(
    'refuses a URL that is not ours: %s',
    (url) => expect(resolveAppPath(root, url)).toBeNull(),
  );

  it('answers 404 for a missing file', async () => {
    expect((await serve('app://bundle/nope.js')).status).toBe(404);
  });
});
