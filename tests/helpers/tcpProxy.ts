import net from 'node:net';

/**
 * A TCP proxy between clients and a real server that a test can cut and
 * restore, make lose the answer to a push after the server has applied it
 * (the ambiguous failure retries must survive), or cut pull answers off after
 * their head and the first bytes of the body (a network lost mid-answer).
 */
export interface TcpProxy {
  url: string;
  cut(): void;
  restore(): void;
  /** Pushes reach the server and are applied, but their answers are lost (after the first `after` pushes); other requests pass. */
  losePushResponses(on: boolean, options?: { after?: number }): void;
  /** Pull answers arrive with their status and headers, then the connection drops partway through the body. */
  cutPullAnswers(on: boolean): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const { hostname, port } = new URL(target);
  let mode: 'open' | 'cut' | 'lose-push' | 'cut-pull' = 'open';
  // Pushes still answered in 'lose-push' mode.
  let answeredPushes = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (mode === 'cut') return client.destroy();
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    // Whether the request in flight on this connection is a push whose answer must be lost, or a pull to cut short.
    let losing = false;
    let cutting = false;
    client.on('data', (chunk) => {
      // A chunk that starts a request (a large body comes in several chunks: they keep the request's fate).
      const head = chunk.toString('latin1', 0, 512);
      if (/^[A-Z]+ \/\S* HTTP\/1\.1\r\n/.test(head)) {
        losing = mode === 'lose-push' && head.startsWith('POST /api/v1/sync/push') && answeredPushes-- <= 0;
        cutting = mode === 'cut-pull' && head.startsWith('GET /api/v1/sync/pull');
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (losing) {
        // The server did the work; the answer never arrives.
        client.destroy();
        upstream.destroy();
      } else if (cutting) {
        // The head and a few bytes of the body get through, then the network is gone.
        const bodyStart = chunk.indexOf('\r\n\r\n');
        if (bodyStart >= 0) client.write(chunk.subarray(0, bodyStart + 4 + 10));
        client.destroy();
        upstream.destroy();
      } else client.write(chunk);
    });
    upstream.on('end', () => client.end());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  const dropAll = () => sockets.forEach((s) => s.destroy());
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      mode = 'cut';
      dropAll();
    },
    restore: () => {
      mode = 'open';
    },
    losePushResponses: (on, { after = 0 } = {}) => {
      mode = on ? 'lose-push' : 'open';
      answeredPushes = after;
      dropAll();
    },
    cutPullAnswers: (on) => {
      mode = on ? 'cut-pull' : 'open';
      dropAll();
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
