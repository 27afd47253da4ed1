import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronFetch } from '../../main/net/electronFetch';

/**
 * The sync's fetch over Electron's net.request. Electron's ClientRequest cannot run here; Node's
 * http.request has the same shape for everything but 'login' (setHeader, write, end, abort,
 * 'response', 'error'), so the request/response mapping is proved against a real loopback server,
 * and the 'login' hand-over with a stand-in request that raises it as Electron's does.
 */
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))));
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const nodeRequest = (options: { url?: string; method?: string }) => http.request(options.url!, { method: options.method }) as never;

describe('the sync fetch over net.request', () => {
  it('sends the method, headers and body, and gives back status, headers and body', async () => {
    const seen: { method?: string; auth?: string; type?: string; body: string }[] = [];
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, auth: req.headers.authorization, type: req.headers['content-type'], body });
        res.writeHead(409, { 'content-type': 'application/json', 'x-request-id': 'r-1' }).end(JSON.stringify({ code: 'CONFLICT' }));
      });
    });
    const fetch = createElectronFetch(nodeRequest, vi.fn());
    const response = await fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: ['é'] }),
    });
    expect(seen).toEqual([{ method: 'POST', auth: 'Bearer t', type: 'application/json', body: '{"mutations":["é"]}' }]);
    expect(response.status).toBe(409);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(await response.json()).toEqual({ code: 'CONFLICT' });
  });

  it('gives a 204 without a body', async () => {
    const url = await serve((_req, res) => res.writeHead(204).end());
    const response = await createElectronFetch(nodeRequest, vi.fn())(`${url}/x`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('stops a request when its signal aborts (the health probe’s timeout)', async () => {
    let closed!: () => void;
    let arrived!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const url = await serve((req) => {
      req.socket.on('close', closed);
      arrived();
    });
    const controller = new AbortController();
    const pending = createElectronFetch(nodeRequest, vi.fn())(`${url}/api/v1/health`, { signal: controller.signal });
    await requestArrived;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await connectionClosed;
  });

  it('hands a proxy challenge of each request to the sign-in, and the answer back to that request', async () => {
    const answers: unknown[] = [];
    const fakeRequest = Object.assign(new EventEmitter(), {
      setHeader: vi.fn(),
      write: vi.fn(),
      abort: vi.fn(),
      end: vi.fn(() => fakeRequest.emit('login', { isProxy: true, host: 'proxy.shop.local', port: 3128, realm: 'Shop', scheme: 'basic' }, (...args: unknown[]) => answers.push(args))),
    });
    const onLogin = vi.fn((_info: unknown, callback: (u?: string, p?: string) => void) => callback('dana', 's3cret'));
    void createElectronFetch(() => fakeRequest as never, onLogin)('https://sync.shop.local/api/v1/health');
    expect(onLogin).toHaveBeenCalledWith(expect.objectContaining({ isProxy: true, host: 'proxy.shop.local', port: 3128 }), expect.any(Function));
    expect(answers).toEqual([['dana', 's3cret']]);
  });
});
