/**
 * The network, as the core sees it: a fetch function given by whoever creates
 * the core. The Electron shell passes `net.fetch` (the OS proxy settings,
 * PAC/WPAD and certificate store); under Node the core uses undici with an
 * explicit proxy and CA (nodeFetch.ts). The core never reaches for the
 * network by itself.
 */
export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;
