import net from 'node:net';
import { prng } from '../../shared/demo/demoData';

/** What the proxy does to one HTTP request. */
export type Fault = 'pass' | 'delay' | 'drop' | 'reset' | 'truncate';

/**
 * A TCP proxy in front of a real server that misbehaves like a shop-floor
 * network: per request it passes, delays, drops the request before the
 * server sees it, resets the connection (RST) after the server answered, or
 * cuts the answer off halfway. The last two are the ambiguous failures: the
 * server did the work and the client cannot know. It can also be switched
 * off entirely (the PC is offline). Faults come from a seeded generator so a
 * failing run can be replayed.
 */
export interface FaultyProxy {
  url: string;
  setOnline(online: boolean): void;
  /** Probability that a request meets a fault other than `pass` (0 turns faults off). */
  setFaultRate(rate: number): void;
  /** How many requests met each fault (to show the test exercised them). */
  readonly counts: Record<Fault, number>;
  close(): Promise<void>;
}

const FAULTS: Fault[] = ['delay', 'drop', 'reset', 'truncate'];

const HTTP_REQUEST_START = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /;

export async function startFaultyProxy(target: string, seed: number, faultRate = 0.2): Promise<FaultyProxy> {
  const { hostname, port } = new URL(target);
  const random = prng(seed);
  let online = true;
  let rate = faultRate;
  const counts: Record<Fault, number> = { pass: 0, delay: 0, drop: 0, reset: 0, truncate: 0 };
  const sockets = new Set<net.Socket>();
  const draw = (): Fault => {
    const fault = random() < rate ? FAULTS[Math.floor(random() * FAULTS.length)]! : 'pass';
    counts[fault]++;
    return fault;
  };

  const server = net.createServer((client) => {
    if (!online) return client.destroy();
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    let fault: Fault = 'pass';
    let delayMs = 0;
    const later = (fn: () => void) => (delayMs ? setTimeout(fn, delayMs) : fn());
    client.on('data', (chunk) => {
      // Keep-alive carries many requests on one connection: draw a fault per request.
      if (HTTP_REQUEST_START.test(chunk.toString('latin1', 0, 8))) {
        fault = draw();
        delayMs = fault === 'delay' ? 20 + Math.floor(random() * 200) : 0;
      }
      if (fault === 'drop') {
        client.destroy();
        upstream.destroy();
        return;
      }
      later(() => upstream.write(chunk));
    });
    upstream.on('data', (chunk) => {
      if (fault === 'reset') {
        client.resetAndDestroy();
        upstream.destroy();
      } else if (fault === 'truncate') {
        client.end(chunk.subarray(0, Math.floor(chunk.length / 2)));
        upstream.destroy();
      } else later(() => client.write(chunk));
    });
    upstream.on('end', () => later(() => client.end()));
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts,
    setOnline: (value) => {
      online = value;
      if (!value) sockets.forEach((s) => s.destroy());
    },
    setFaultRate: (value) => {
      rate = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
