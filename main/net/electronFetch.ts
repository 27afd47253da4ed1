import { Readable } from 'node:stream';
import type { AuthInfo, ClientRequest, ClientRequestConstructorOptions, IncomingMessage } from 'electron';
import type { FetchFn } from '../core/net/fetchPort';
import type { ProxyLoginCallback } from '../proxy/registerProxyLogin';

type RequestFn = (options: ClientRequestConstructorOptions) => Pick<ClientRequest, 'on' | 'setHeader' | 'write' | 'end' | 'abort'>;

/**
 * The core's fetch over Electron's `net.request`: Chromium's network stack (the OS proxy
 * settings with PAC/WPAD, the OS certificate store), like `net.fetch`, plus the one thing
 * `net.fetch` cannot do: answer a proxy that asks for a sign-in. A main-process request raises
 * its own 'login' event, never app 'login', and `net.fetch` listens to none, so every proxy
 * challenge would be cancelled without a word. Here each request hands it to `onLogin`.
 * Only what the sync client uses: method, headers, a string or byte body, an abort signal.
 */
export function createElectronFetch(request: RequestFn, onLogin: (authInfo: AuthInfo, callback: ProxyLoginCallback) => void): FetchFn {
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal;
      const aborted = () => signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
      if (signal?.aborted) return reject(aborted());
      const method = (init.method ?? 'GET').toUpperCase();
      const body = bodyBytes(init.body);
      const req = request({ url, method, redirect: 'follow' });
      new Headers(init.headers).forEach((value, name) => req.setHeader(name, value));
      req.on('login', onLogin);
      req.on('response', (response: IncomingMessage) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        const noBody = [204, 205, 304].includes(response.statusCode) || method === 'HEAD';
        const stream = noBody ? null : (Readable.toWeb(response as unknown as Readable) as ReadableStream<Uint8Array>);
        resolve(new Response(stream, { status: response.statusCode, statusText: response.statusMessage, headers }));
      });
      req.on('error', reject);
      signal?.addEventListener(
        'abort',
        () => {
          req.abort();
          reject(aborted());
        },
        { once: true },
      );
      if (body) req.write(body);
      req.end();
    });
}

function bodyBytes(body: RequestInit['body']): Buffer | undefined {
  if (body == null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
  throw new TypeError('The sync fetch sends a string or bytes only.');
}
