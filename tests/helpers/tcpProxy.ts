import net from 'node:net';

/**
 * A TCP proxy between clients and a real server that a test can cut and
 * restore, or make lose every response after the server has processed the
 * request (the ambiguous failure retries must survive).
 */
export interface TcpProxy {
  url: string;
  cut(): void;
  restore(): void;
  loseResponses(on: boolean): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const { hostname, port } = new URL(target);
  let mode: 'open' | 'cut' | 'lose' = 'open';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (mode === 'cut') return client.destroy();
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.on('data', (chunk) => {
      if (mode === 'lose') {
        // The server did the work; the answer never arrives.
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
    loseResponses: (on) => {
      mode = on ? 'lose' : 'open';
      dropAll();
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
