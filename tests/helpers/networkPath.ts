import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';

/**
 * The network between a plant's PC and its sync server, on loopback: a TLS
 * front (the server as IT runs it behind https) and a corporate HTTP proxy
 * that tunnels with CONNECT and may ask for a sign-in.
 */
export interface Listening {
  url: string;
  close(): Promise<void>;
}

const listen = async (server: http.Server, scheme: 'http' | 'https'): Promise<Listening> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
};

/** https in front of an http server: each request is passed on as it came. */
export function startTlsFront(target: string, tls: { cert: string; key: string }): Promise<Listening> {
  const server = https.createServer(tls, (req, res) => {
    const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return listen(server, 'https');
}

/**
 * An HTTP proxy (CONNECT for https). `authenticate` false: it answers 407, as a proxy wanting a
 * sign-in does. `basic`: it wants exactly that user name and password (Basic, realm "proxy"),
 * and `signIns` records every Proxy-Authorization it was given, decoded ("user:password").
 */
export async function startProxy({ authenticate = true, basic }: { authenticate?: boolean; basic?: { username: string; password: string } } = {}): Promise<
  Listening & { tunnels: string[]; signIns: string[] }
> {
  const tunnels: string[] = [];
  const signIns: string[] = [];
  const server = createProxy(http.createServer());
  server.authenticate = (req: http.IncomingMessage) => {
    if (!basic) return authenticate;
    const given = /^Basic (.+)$/.exec(req.headers['proxy-authorization'] ?? '')?.[1];
    if (!given) return false;
    const decoded = Buffer.from(given, 'base64').toString('utf8');
    signIns.push(decoded);
    return decoded === `${basic.username}:${basic.password}`;
  };
  server.on('connect', (req: http.IncomingMessage) => tunnels.push(req.url ?? ''));
  return { ...(await listen(server, 'http')), tunnels, signIns };
}

/** An address where nothing listens (a port taken and released). */
export async function closedPortUrl(scheme: 'http' | 'https'): Promise<string> {
  const { url, close } = await listen(http.createServer(), scheme);
  await close();
  return url;
}
