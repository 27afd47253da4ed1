import type { ShopfloorApi } from '../../shared/ipc/contract';
import type { ProxySignInApi } from '../../shared/ipc/proxySignIn';

declare global {
  interface Window {
    /** Built by the preload from the IPC contract (or by the browser test harness). */
    readonly shopfloor?: ShopfloorApi;
    /** Only in the proxy sign-in window (preload/proxySignIn.ts). */
    readonly proxySignIn?: ProxySignInApi;
  }
}

export {};
