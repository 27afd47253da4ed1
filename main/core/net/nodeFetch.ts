import { readFileSync } from 'node:fs';
import { Agent, ProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { FetchFn } from './fetchPort';

export interface NodeNetworkOptions {
  /** An HTTP proxy every request goes through (CONNECT for https), e.g. http://proxy.plant.local:3128. */
  proxyUrl?: string;
  /** PEM file of the certificate authority that signed the server's certificate (a shop's own CA). */
  caFile?: string;
}

/**
 * fetch under plain Node (tests, benchmarks, a server-side tool), with the
 * proxy and certificate authority said explicitly: Node's own fetch knows
 * neither the OS proxy nor the OS certificate store. Certificate checks are
 * never turned off; a shop's CA is added to the ones Node trusts.
 */
export function createNodeFetch(options: NodeNetworkOptions = {}): FetchFn {
  const ca = options.caFile ? readFileSync(options.caFile, 'utf8') : undefined;
  const tls = ca ? { ca } : undefined;
  const dispatcher: Dispatcher | undefined = options.proxyUrl
    ? new ProxyAgent({ uri: options.proxyUrl, requestTls: tls, proxyTls: tls })
    : tls
      ? new Agent({ connect: tls })
      : undefined;
  return (url, init) => undiciFetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
}
