/**
 * The proxy sign-in window's own, one-message contract. The window is a separate page
 * (renderer/proxy-sign-in.html) with a separate preload (preload/proxySignIn.ts) that offers
 * exactly `window.proxySignIn`: submit or cancel, once. It never gets the app's contract, and
 * the main window never gets this channel. What the page shows (which proxy, its realm, whether
 * the last answer was refused) travels in the page's query string: none of it is secret.
 */
export const PROXY_SIGN_IN_CHANNEL = 'proxySignIn:answer';
export const PROXY_SIGN_IN_PAGE = 'proxy-sign-in.html';

/** What the technician typed, or null for Cancel. Held in memory only, never logged or written. (No zod here: the preload stays tiny; main checks it.) */
export type ProxySignInAnswer = { username: string; password: string } | null;

export interface ProxySignInApi {
  submit(username: string, password: string): void;
  cancel(): void;
}

export interface ProxySignInContext {
  /** e.g. "proxy.shop.local:3128" */
  proxy: string;
  realm?: string;
  /** The proxy refused the last user name and password. */
  refused: boolean;
}

export function proxySignInQuery({ proxy, realm, refused }: ProxySignInContext): string {
  const query = new URLSearchParams({ proxy });
  if (realm) query.set('realm', realm);
  if (refused) query.set('refused', '1');
  return `?${query.toString()}`;
}

export function readProxySignInQuery(search: string): ProxySignInContext {
  const query = new URLSearchParams(search);
  return { proxy: query.get('proxy') ?? 'the proxy', realm: query.get('realm') || undefined, refused: query.get('refused') === '1' };
}
